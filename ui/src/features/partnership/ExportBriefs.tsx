// « Exporter les fiches » on the board: the PDF briefs of every partnership
// the current filters show, one file each in a folder or all in one PDF.
// The shell asks where, then reports each brief written (`briefs-progress`):
// the button becomes a progress bar (« 12 / 26 fiches ») while the rest of
// the window stays usable; a toast says how many and where at the end.
import { FileStack, Files, FileText, LoaderCircle, X } from "lucide-react";
import { useId, useRef, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { cancelBriefsExport, exportBriefs, onBriefsProgress, type BriefsProgress } from "../../api/gateway";
import { Dialog } from "../../app/Dialog";
import { useToasts } from "../../app/toasts";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import { useI18n } from "../../i18n";

type Props = {
  /** The board's current query (its filters). */
  query: PartnershipQuery;
  /** How many partnerships it matches; undefined while counting. */
  total: number | undefined;
  filtered: boolean;
};

export function ExportBriefs({ query, total, filtered }: Props) {
  const { t, lang } = useI18n();
  const d = t.partnership.documents;
  const toasts = useToasts();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [combined, setCombined] = useState(false);
  /** null: idle; done -1: waiting for the save dialog. */
  const [running, setRunning] = useState<BriefsProgress | null>(null);
  const cancelled = useRef(false);
  // Read through a function: set by the Cancel button while the export runs.
  const wasCancelled = () => cancelled.current;

  const run = async () => {
    setOpen(false);
    setRunning({ done: -1, total: total ?? 0 });
    cancelled.current = false;
    let stop: (() => void) | undefined;
    try {
      stop = await onBriefsProgress((p) => setRunning(p));
      const result = await exportBriefs(query, combined);
      // null: the person closed the shell's dialog (nothing to say) or
      // cancelled the export (the shell kept no file).
      if (result !== null) toasts.show({ message: d.exportDone(result.count, result.path), tone: "success", durationMs: 8000 });
      else if (wasCancelled()) toasts.show({ message: d.exportCancelled, tone: "info" });
    } catch (raw: unknown) {
      toasts.show({ message: `${d.exportFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    } finally {
      stop?.();
      setRunning(null);
    }
  };

  if (running !== null) {
    const started = running.done >= 0 && running.total > 0;
    const percent = started ? Math.round((running.done / running.total) * 100) : 0;
    return (
      <div className="export-progress" role="status" data-testid="briefs-progress" aria-live="polite">
        <LoaderCircle size={16} aria-hidden="true" className="spin export-progress__icon" />
        <div className="export-progress__body">
          <span className="export-progress__text small tabular" data-testid="briefs-progress-text">
            {started ? d.exportProgress(running.done, running.total) : d.exporting}
          </span>
          <span
            className={`export-progress__bar${started ? "" : " is-waiting"}`}
            role="progressbar"
            aria-label={d.exportProgressLabel}
            aria-valuemin={0}
            aria-valuemax={started ? running.total : undefined}
            aria-valuenow={started ? running.done : undefined}
          >
            <span className="export-progress__fill" style={{ width: started ? `${percent}%` : undefined }} />
          </span>
        </div>
        {started && (
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="briefs-export-cancel"
            aria-label={d.exportCancelLabel}
            onClick={() => {
              cancelled.current = true;
              void cancelBriefsExport();
            }}
          >
            <X size={14} aria-hidden="true" />
            {d.exportCancel}
          </button>
        )}
      </div>
    );
  }

  const none = total === undefined || total === 0;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        data-testid="briefs-export"
        aria-label={d.exportBriefsLabel}
        disabled={none}
        data-tooltip={total === 0 ? d.exportNone : d.exportTip}
        data-tooltip-pos="bottom"
        onClick={() => setOpen(true)}
      >
        <Files size={16} aria-hidden="true" />
        {d.exportBriefs}
      </button>
      {open && total !== undefined && (
        <Dialog
          title={d.exportTitle}
          description={d.exportText(total, filtered)}
          onRequestClose={() => setOpen(false)}
          size="sm"
          testId="briefs-export-dialog"
          footer={
            <>
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t.common.cancel}
              </button>
              <button type="submit" form={formId} className="button button--primary" data-testid="briefs-export-go">
                {d.exportGo(total)}
              </button>
            </>
          }
        >
          <form
            id={formId}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <fieldset className="choice-cards">
              <legend className="visually-hidden">{d.exportFormat}</legend>
              <label className={`choice-card${combined ? "" : " is-on"}`}>
                <input
                  type="radio"
                  name="briefs-format"
                  value="folder"
                  data-testid="briefs-export-folder"
                  data-autofocus={combined ? undefined : true}
                  checked={!combined}
                  onChange={() => setCombined(false)}
                />
                <FileText size={18} aria-hidden="true" className="choice-card__icon" />
                <span className="choice-card__text">
                  <span className="choice-card__title">{d.exportFolder}</span>
                  <span className="small muted">{d.exportFolderHint}</span>
                </span>
              </label>
              <label className={`choice-card${combined ? " is-on" : ""}`}>
                <input
                  type="radio"
                  name="briefs-format"
                  value="combined"
                  data-testid="briefs-export-combined"
                  data-autofocus={combined ? true : undefined}
                  checked={combined}
                  onChange={() => setCombined(true)}
                />
                <FileStack size={18} aria-hidden="true" className="choice-card__icon" />
                <span className="choice-card__text">
                  <span className="choice-card__title">{d.exportCombined}</span>
                  <span className="small muted">{d.exportCombinedHint}</span>
                </span>
              </label>
            </fieldset>
          </form>
        </Dialog>
      )}
    </>
  );
}
