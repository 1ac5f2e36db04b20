// « Effacer cette personne… »: what exactly happens, then the person's name
// typed and « Je comprends que c'est définitif » ticked before the red
// button works. Irreversible: no undo toast, a summary afterwards.
import { CircleAlert, LoaderCircle, Trash2, TriangleAlert } from "lucide-react";
import { useEffect, useId, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { erasePerson, matchPersonName } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { useDataChanged } from "../../app/data";
import { Dialog } from "../../app/Dialog";
import type { ErasureSummary } from "../../bindings/ErasureSummary";
import type { PersonExport } from "../../bindings/PersonExport";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";

export function EraseDialog({
  person,
  onClose,
  onErased,
}: {
  person: PersonExport;
  onClose: () => void;
  onErased: (summary: ErasureSummary) => void;
}) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const dataChanged = useDataChanged();
  const nameId = useId();
  const checkId = useId();
  const [typed, setTyped] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const c = person.contact;
  const name = `${c.firstName} ${c.lastName}`.trim();
  const shown = name || t.contact.unnamed;
  // Whether the name typed is the person's is the core's to say (its folding of text).
  const [nameTyped, setNameTyped] = useState(false);
  useEffect(() => {
    let live = true;
    matchPersonName(name, typed).then(
      (ok) => {
        if (live) setNameTyped(ok);
      },
      () => {
        if (live) setNameTyped(false);
      },
    );
    return () => {
      live = false;
    };
  }, [name, typed]);
  const ready = understood && nameTyped;
  const merged = person.mergedRecords.length;

  const erase = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const summary = await erasePerson(c.id);
      dataChanged();
      onErased(summary);
    } catch (raw: unknown) {
      setError(toAppError(raw));
      setBusy(false);
    }
  };

  return (
    <Dialog
      size="md"
      role="alertdialog"
      title={p.eraseTitle(shown)}
      description={p.eraseLead}
      icon={<TriangleAlert size={20} aria-hidden="true" />}
      onRequestClose={() => {
        if (!busy) onClose();
      }}
      testId="erase-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" data-testid="erase-cancel" disabled={busy} onClick={onClose}>
            {t.common.cancel}
          </button>
          <button
            type="submit"
            form={`${nameId}-form`}
            className="button button--danger"
            data-testid="erase-confirm"
            disabled={!ready || busy}
            aria-busy={busy || undefined}
          >
            {busy ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <Trash2 size={16} aria-hidden="true" />}
            {busy ? p.erasing : p.eraseConfirm}
          </button>
        </>
      }
    >
      <form
        id={`${nameId}-form`}
        className="erase"
        onSubmit={(event) => {
          event.preventDefault();
          void erase();
        }}
      >
        <ul className="erase__steps" data-testid="erase-steps">
          {p.eraseSteps(merged, formatCount(merged, lang)).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        {error && (
          <div className="banner banner--error" role="alert" data-testid="erase-error">
            <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
            <div>
              <p>
                <strong>{p.eraseFailed}</strong>
              </p>
              <p>{errorText(error, lang)}</p>
            </div>
          </div>
        )}
        {name !== "" && (
          <div className="field">
            <label className="field__label" htmlFor={nameId}>
              {p.typeName(name)}
            </label>
            <input
              id={nameId}
              className="input"
              data-testid="erase-name"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              data-autofocus=""
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
        )}
        <label className="erase__check" htmlFor={checkId}>
          <input id={checkId} type="checkbox" data-testid="erase-understand" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          {p.understand}
        </label>
      </form>
    </Dialog>
  );
}
