// « Choisir un fichier… »: the shell's open dialog, then the file's preview.
import { FolderOpen, LoaderCircle } from "lucide-react";
import { useEffect, useRef } from "react";

import { useI18n } from "../../i18n";
import { pickImportFile } from "./importSession";

export function PickButton({
  primary,
  picking,
  label,
  autoFocus = false,
  disabled = false,
  size = "large",
}: {
  primary: boolean;
  picking: boolean;
  label: string;
  autoFocus?: boolean;
  disabled?: boolean;
  /** A primary button is large (the empty state's first action) unless said. */
  size?: "large" | "normal";
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <button
      ref={ref}
      type="button"
      className={`button ${primary ? `button--primary${size === "large" ? " button--large" : ""}` : "button--secondary"}`}
      data-testid="import-pick"
      disabled={picking || disabled}
      aria-busy={picking || undefined}
      onClick={() => void pickImportFile()}
    >
      {picking ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <FolderOpen size={16} aria-hidden="true" />}
      {picking ? t.data.import.picking : label}
    </button>
  );
}
