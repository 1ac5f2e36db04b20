// « Importer »: choose a file, say where each column goes (guessed or
// remembered), check without importing, import, read the report; the
// history of imports below, each undoable.
import { CircleAlert, FileUp } from "lucide-react";
import { useEffect, useRef, type RefObject } from "react";

import { errorText } from "../../api/errors";
import type { AppError } from "../../api/types";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { ImportHistory, useUndoImport } from "./ImportHistory";
import { ImportPreviewView } from "./ImportPreviewView";
import { ImportReportView } from "./ImportReportView";
import { runImport, useImportSession, type RunCallbacks } from "./importSession";
import { PickButton } from "./PickButton";

/** The run's callbacks: the toast of a finished import (with « Annuler l'import ») or of a cancelled one. */
function useRunCallbacks(): RunCallbacks {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const undo = useUndoImport();
  const m = t.data.import;
  return {
    onImported: (report) => {
      dataChanged();
      const importId = report.importId;
      toasts.show({
        message: m.done(report.imported, formatCount(report.imported, lang), report.contacts, formatCount(report.contacts, lang)),
        undoLabel: m.undoImport,
        onUndo: importId === null ? undefined : () => void undo(importId),
      });
    },
    onCancelled: (error) => toasts.show({ tone: "info", message: errorText(error, lang) || m.cancelled }),
  };
}

export function ImportTab() {
  const { wizard, picking } = useImportSession();
  const callbacks = useRunCallbacks();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastStep = useRef(wizard.step);

  // A new step takes the focus to its heading (not on arriving on the tab);
  // while running, the progress' « Annuler » has it.
  useEffect(() => {
    if (lastStep.current === wizard.step) return;
    lastStep.current = wizard.step;
    if (wizard.step === "running") return;
    headingRef.current?.focus();
  }, [wizard.step]);

  const run = (dryRun: boolean) => void runImport(dryRun, callbacks);

  if (wizard.step === "start") {
    return (
      <>
        <StartView headingRef={headingRef} error={wizard.error} picking={picking} />
        <ImportHistory />
      </>
    );
  }
  if (wizard.step === "report") {
    return (
      <>
        <ImportReportView headingRef={headingRef} file={wizard.file} report={wizard.report} picking={picking} onRun={() => run(false)} />
        <ImportHistory />
      </>
    );
  }
  return <ImportPreviewView headingRef={headingRef} state={wizard} picking={picking} onRun={run} />;
}

function StartView({
  headingRef,
  error,
  picking,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  error: AppError | null;
  picking: boolean;
}) {
  const { t, lang } = useI18n();
  const m = t.data.import;
  return (
    <section className="empty-state import-start" aria-labelledby="import-start-title" data-testid="import-start">
      <span className="empty-state__icon">
        <FileUp size={26} aria-hidden="true" />
      </span>
      <h2 className="empty-state__title" id="import-start-title" ref={headingRef} tabIndex={-1}>
        {m.emptyTitle}
      </h2>
      <p className="empty-state__text">{m.emptyText}</p>
      <ul className="import-start__formats">
        {m.formats.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {error && (
        <div className="banner banner--error import-start__error" role="alert" data-testid="import-preview-error">
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{m.unreadable}</strong>
            </p>
            <p>{errorText(error, lang)}</p>
            <p className="small">{m.unreadableHint}</p>
          </div>
        </div>
      )}
      <div className="empty-state__actions">
        <PickButton primary picking={picking} label={error ? m.pickOther : m.pick} autoFocus={error !== null} />
      </div>
    </section>
  );
}
