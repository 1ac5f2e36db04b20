// « Retour »: back to the screen the person came from in this window (named
// on the button), or to `fallback` on the window's first screen. Esc does
// the same.
import { ArrowLeft } from "lucide-react";

import { backTarget, goBack, type Route } from "../app/router";
import { useI18n } from "../i18n";
import { useShortcuts } from "../lib/shortcuts";

export function BackButton({ fallback, testId }: { fallback: Route; testId: string }) {
  const { t } = useI18n();
  const back = () => goBack(fallback);
  useShortcuts({ Escape: back });
  return (
    <button
      type="button"
      className="button button--ghost back-button"
      onClick={back}
      data-testid={testId}
      data-tooltip="Esc"
      data-tooltip-pos="right"
    >
      <ArrowLeft size={16} aria-hidden="true" />
      {t.common.backTo[backTarget(fallback).name]}
    </button>
  );
}
