// A load error: what could not be read, the core's reason, and « Réessayer »
// when the caller can ask again.
import { CircleAlert } from "lucide-react";

import { errorText, toAppError } from "../api/errors";
import { useI18n } from "../i18n";

export function ErrorBanner({ title, error, onRetry, testId }: { title: string; error: unknown; onRetry?: () => void; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <div className="banner banner--error" role="alert" data-testid={testId}>
      <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
      <div>
        <p>{title}</p>
        <p>{errorText(toAppError(error), lang)}</p>
        {onRetry && (
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            {t.common.retry}
          </button>
        )}
      </div>
    </div>
  );
}
