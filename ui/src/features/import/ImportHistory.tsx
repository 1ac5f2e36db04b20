// The imports made so far, newest first, each with « Annuler cet import »
// (after a confirmation naming what goes away); undone ones say so.
import { useQuery } from "@tanstack/react-query";
import { FileSpreadsheet, Undo2 } from "lucide-react";
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { listImports, undoImport } from "../../api/gateway";
import { useConfirm } from "../../app/confirm";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import type { ImportRecord } from "../../bindings/ImportRecord";
import { useI18n } from "../../i18n";
import { ListState } from "../../components/ListState";
import { formatCount, formatDateTime } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";

/** Undoes an import and says what went; every cached list reloads. Resolves to whether it worked. */
export function useUndoImport(): (id: string) => Promise<boolean> {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const m = t.data.import;
  return async (id) => {
    try {
      const undone = await undoImport(id);
      dataChanged();
      toasts.show({
        message: m.undoDone(undone.actors, formatCount(undone.actors, lang), undone.contacts, formatCount(undone.contacts, lang)),
      });
      return true;
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: `${m.undoFailed} ${errorText(toAppError(raw), lang)}` });
      return false;
    }
  };
}

export function ImportHistory() {
  const { t, lang } = useI18n();
  const m = t.data.import;
  const confirm = useConfirm();
  const undo = useUndoImport();
  const [busy, setBusy] = useState<string | null>(null);
  const query = useQuery({ queryKey: dataKeys.imports, queryFn: listImports });

  const askUndo = async (r: ImportRecord) => {
    const ok = await confirm({
      title: m.undoTitle(r.fileName),
      text: m.undoText(r.actors, formatCount(r.actors, lang), r.contacts, formatCount(r.contacts, lang)),
      confirmLabel: m.undoConfirm,
      cancelLabel: m.undoKeep,
      danger: true,
    });
    if (!ok) return;
    setBusy(r.id);
    await undo(r.id);
    setBusy(null);
  };

  const body = (
    <ListState query={query} loadError={m.historyLoadError} empty={m.historyEmpty}>
      {(items) => {
        return (
          <ul className="history" data-testid="import-history">
            {items.map((r) => {
              const date = formatDateTime(r.createdAt, lang);
              const undone = r.undoneAt !== null;
              return (
                <li key={r.id} className={`history__item${undone ? " is-undone" : ""}`} data-testid="import-record" data-id={r.id}>
                  <FileSpreadsheet size={18} aria-hidden="true" className="history__icon" />
                  <div className="history__text">
                    <p className="history__title">
                      <span className="history__file">{r.fileName}</span>
                      <span className="badge badge--quiet">{r.format}</span>
                      {undone && (
                        <span className="badge badge--outline" title={r.undoneAt ? m.undoneOn(formatDateTime(r.undoneAt, lang)) : undefined}>
                          {m.undone}
                        </span>
                      )}
                    </p>
                    <p className="small muted tabular">
                      {date} ·{" "}
                      {m.historyCounts(
                        formatCount(r.rows, lang),
                        r.actors,
                        formatCount(r.actors, lang),
                        r.contacts,
                        formatCount(r.contacts, lang),
                        r.skipped,
                        formatCount(r.skipped, lang),
                      )}
                    </p>
                  </div>
                  {!undone && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      data-testid="import-undo"
                      aria-label={m.undoLabel(r.fileName, date)}
                      disabled={busy !== null}
                      onClick={() => void askUndo(r)}
                    >
                      <Undo2 size={14} aria-hidden="true" />
                      {m.undo}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        );
      }}
    </ListState>
  );

  return (
    <section className="data-section" aria-labelledby="import-history-title">
      <h2 className="data-section__title" id="import-history-title">
        {m.historyTitle}
      </h2>
      {body}
    </section>
  );
}
