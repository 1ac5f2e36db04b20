// « Fusions récentes »: the merges, newest first, each named by the record
// that was kept, with « Annuler » (after a confirmation) until undone.
import { useQuery } from "@tanstack/react-query";
import { Building2, GitMerge, Undo2, UserRound } from "lucide-react";
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { getActor, getPerson, listMerges, undoMerge } from "../../api/gateway";
import type { MergeRecord } from "../../api/types";
import { useConfirm } from "../../app/confirm";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";
import { ListState } from "../../components/ListState";
import { formatDateTime } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";

/** Undoes a merge and says so; every cached list reloads. Resolves to whether it worked. */
export function useUndoMerge(): (id: string) => Promise<boolean> {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const m = t.data.duplicates;
  return async (id) => {
    try {
      await undoMerge(id);
      dataChanged();
      toasts.show({ message: m.mergeUndone });
      return true;
    } catch (raw: unknown) {
      dataChanged();
      toasts.show({ tone: "error", message: `${m.undoFailed} ${errorText(toAppError(raw), lang)}` });
      return false;
    }
  };
}

/** How many merges the list shows at first. */
const SHOWN = 8;

/** The kept record's name; null while unknown or when it is gone. */
function useKeptName(r: MergeRecord): string | null {
  const query = useQuery({
    queryKey: dataKeys.mergeName(r.entity, r.keptId),
    queryFn: async () => {
      if (r.entity === "actor") return (await getActor(r.keptId)).actor.name;
      const person = await getPerson(r.keptId);
      return `${person.contact.firstName} ${person.contact.lastName}`.trim();
    },
    retry: false,
  });
  return query.data ?? null;
}

function MergeRow({ record: r, busy, onUndo }: { record: MergeRecord; busy: boolean; onUndo: () => void }) {
  const { t, lang } = useI18n();
  const m = t.data.duplicates;
  const name = useKeptName(r);
  const date = formatDateTime(r.createdAt, lang);
  const undone = r.undoneAt !== null;
  const Icon = r.entity === "actor" ? Building2 : UserRound;
  return (
    <li className={`history__item${undone ? " is-undone" : ""}`} data-testid="merge-record" data-id={r.id}>
      <Icon size={18} aria-hidden="true" className="history__icon" />
      <div className="history__text">
        <p className="history__title">
          <span className="history__file">{name ?? m.historyUnknown}</span>
          <span className="badge badge--quiet">{m.historyEntity[r.entity] ?? r.entity}</span>
          {undone && <span className="badge badge--outline">{m.undone}</span>}
        </p>
        <p className="small muted tabular">{date}</p>
      </div>
      {!undone && (
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="merge-undo"
          aria-label={m.undoLabel(date)}
          disabled={busy}
          onClick={onUndo}
        >
          <Undo2 size={14} aria-hidden="true" />
          {m.undo}
        </button>
      )}
    </li>
  );
}

export function MergeHistory() {
  const { t } = useI18n();
  const m = t.data.duplicates;
  const confirm = useConfirm();
  const undo = useUndoMerge();
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);
  const query = useQuery({ queryKey: dataKeys.merges, queryFn: listMerges });

  const askUndo = async (r: MergeRecord) => {
    const ok = await confirm({ title: m.undoTitle, text: m.undoText, confirmLabel: m.undoConfirm, cancelLabel: m.undoKeep, danger: true });
    if (!ok) return;
    setBusy(true);
    await undo(r.id);
    setBusy(false);
  };

  const body = (
    <ListState query={query} loadError={m.historyLoadError} empty={m.historyEmpty}>
      {(items) => {
        const shown = all ? items : items.slice(0, SHOWN);
        return (
          <>
            <ul className="history" data-testid="merge-history">
              {shown.map((r) => (
                <MergeRow key={r.id} record={r} busy={busy} onUndo={() => void askUndo(r)} />
              ))}
            </ul>
            {!all && items.length > SHOWN && (
              <button type="button" className="button button--link" onClick={() => setAll(true)}>
                {t.data.import.more(String(items.length - SHOWN))}
              </button>
            )}
          </>
        );
      }}
    </ListState>
  );

  return (
    <section className="data-section" aria-labelledby="merge-history-title">
      <h2 className="data-section__title" id="merge-history-title">
        <GitMerge size={16} aria-hidden="true" /> {m.historyTitle}
      </h2>
      {body}
    </section>
  );
}
