// Moving a partnership to « abandonné » needs a reason: this small dialog
// asks for it (required) before the move is sent.
import { useState } from "react";

import { Dialog } from "../../app/Dialog";
import { FieldErrors } from "../../components/Field";
import { useI18n } from "../../i18n";

export function AbandonDialog({
  title,
  onCancel,
  onConfirm,
}: {
  title: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === "";
  const submit = () => {
    setTried(true);
    if (!missing) onConfirm(reason.trim());
  };
  return (
    <Dialog
      title={t.partnership.abandonTitle(title)}
      description={t.partnership.abandonText}
      onRequestClose={onCancel}
      size="sm"
      testId="abandon-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel} data-testid="confirm-cancel">
            {t.common.cancel}
          </button>
          <button type="submit" form="abandon-form" className="button button--danger" data-testid="confirm-ok">
            {t.partnership.abandonConfirm}
          </button>
        </>
      }
    >
      <form
        id="abandon-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={`field${tried && missing ? " is-invalid" : ""}`}>
          <label className="field__label" htmlFor="abandon-reason">
            {t.partnership.abandonReason}
            <span className="field__required" aria-hidden="true">
              *
            </span>
          </label>
          <textarea
            id="abandon-reason"
            className="textarea"
            rows={3}
            required
            aria-required="true"
            aria-invalid={tried && missing ? true : undefined}
            aria-describedby={tried && missing ? "abandon-reason-error" : undefined}
            data-testid="field-reason"
            data-autofocus
            placeholder={t.partnership.abandonPlaceholder}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <FieldErrors name="reason" id="abandon-reason-error" errors={tried && missing ? [t.partnership.abandonRequired] : undefined} />
        </div>
      </form>
    </Dialog>
  );
}
