// A dialog holding one form, with the footer every form dialog shares:
// the Ctrl+Enter hint, Cancel, and the submit button (`form-submit`) that
// spins while saving. Submitting and Ctrl+Enter call `onSubmit`.
import { LoaderCircle } from "lucide-react";
import { useId, type ReactNode, type RefObject } from "react";

import { Dialog } from "../app/Dialog";
import { useI18n } from "../i18n";
import { matchesShortcut } from "../lib/shortcuts";

type FormDialogProps = {
  title: ReactNode;
  testId?: string;
  size?: "sm" | "md" | "lg";
  /** Content that grows as it is filled in (see Dialog). */
  tall?: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  /** The form element's own test id. */
  formTestId?: string;
  saving: boolean;
  /** Esc, the close button, Cancel: the owner decides (e.g. asks about unsaved changes). */
  onRequestClose: () => void;
  onSubmit: () => void;
  submitLabel: ReactNode;
  /** While saving; « Enregistrement… » unless said. */
  savingLabel?: ReactNode;
  /** Before the submit label when not saving. */
  submitIcon?: ReactNode;
  /** Enter in a one-line field saves too (a list that uses Enter to pick prevents it first). */
  enterSubmits?: boolean;
  children: ReactNode;
};

export function FormDialog({
  title,
  testId,
  size = "md",
  tall,
  formRef,
  formTestId,
  saving,
  onRequestClose,
  onSubmit,
  submitLabel,
  savingLabel,
  submitIcon,
  enterSubmits = false,
  children,
}: FormDialogProps) {
  const { t } = useI18n();
  const formId = useId();
  return (
    <Dialog
      size={size}
      tall={tall}
      title={title}
      onRequestClose={onRequestClose}
      testId={testId}
      footer={
        <>
          <span className="dialog__footer-hint">
            <kbd>{t.form.submitHint}</kbd>
          </span>
          <button type="button" className="button button--secondary" onClick={onRequestClose}>
            {t.common.cancel}
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="form-submit"
            disabled={saving}
            aria-busy={saving || undefined}
          >
            {saving ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : submitIcon}
            {saving ? (savingLabel ?? t.form.saving) : submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="form"
        data-testid={formTestId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          // Ctrl+Enter anywhere; with enterSubmits, Enter in a one-line field.
          const inLine = enterSubmits && e.target instanceof HTMLInputElement && !["checkbox", "radio", "button"].includes(e.target.type);
          if (matchesShortcut(e, "Mod+Enter") || (inLine && !e.defaultPrevented && matchesShortcut(e, "Enter"))) {
            e.preventDefault();
            onSubmit();
          }
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
