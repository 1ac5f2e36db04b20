// Typing in the « à revoir » sheets: one row per meeting, each side's tick
// and note. Keyboard first: Space ticks, ↑ ↓ keep the column and change
// row, Tab goes along the row. Saved as typed (ticks at once, notes when the
// field is left). Mutual ticks stand out; one action turns them into
// partnership leads and the one-sided ones into follow-ups.
import { CircleAlert, Handshake, LoaderCircle, Sparkles } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

import { errorText, toAppError } from "../../api/errors";
import { captureEventMeeting, createEventLeads, setFollowUpDone } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventMeeting } from "../../bindings/EventMeeting";
import type { MeetingCapture } from "../../bindings/MeetingCapture";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { moveRow } from "./model";
import { useEventAction } from "./actions";

/** A note is saved this long after the last keystroke (or when its field is left). */
const NOTE_SAVE_MS = 800;

type Column = "seatedTick" | "seatedNote" | "visitorTick" | "visitorNote";

const keyOf = (m: { round: number; table: number }) => `${m.round}/${m.table}`;

export function CaptureTab({ detail }: { detail: EventDetail }) {
  const { t, lang } = useI18n();
  const changed = useDataChanged();
  const toasts = useToasts();
  const run = useEventAction();
  const e = detail.event;
  const [round, setRound] = useState<number | "all">("all");
  // What the person typed or ticked, over the stored values. Notes being
  // typed live in `drafts` (nothing but typing writes there); ticks in
  // `ticks`. Saves read both when they run, one at a time per meeting.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [ticks, setTicks] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [status, setStatus] = useState<ReadonlyMap<string, "saving" | "failed">>(() => new Map());
  const draftsRef = useRef(drafts);
  const ticksRef = useRef(ticks);
  const queue = useRef(new Map<string, Promise<void>>());
  // A note is also saved once typing pauses: closing the window mid-note loses nothing.
  const timers = useRef(new Map<string, number>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);
  const [creating, setCreating] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);

  const names = new Map(detail.participants.map((p) => [p.id, p.actorName]));
  const shown = detail.meetings.filter((m) => round === "all" || m.round === round);
  const latest = useRef(detail.meetings);
  useEffect(() => {
    latest.current = detail.meetings;
  }, [detail.meetings]);

  const setDraft = (k: string, value: string) => {
    draftsRef.current = new Map(draftsRef.current).set(k, value);
    setDrafts(draftsRef.current);
  };
  const setTick = (k: string, value: boolean) => {
    ticksRef.current = new Map(ticksRef.current).set(k, value);
    setTicks(ticksRef.current);
  };
  const setRowStatus = (key: string, value: "saving" | "failed" | null) =>
    setStatus((prev) => {
      const next = new Map(prev);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });

  /** A meeting's capture as shown now: drafts and ticks over the stored values. */
  const captureNow = (m: EventMeeting, d: ReadonlyMap<string, string>, tk: ReadonlyMap<string, boolean>): MeetingCapture => {
    const key = keyOf(m);
    const note = (field: "seatedNote" | "visitorNote") => {
      const typed = d.get(`${key}/${field}`);
      const value = typed ?? m[field] ?? "";
      return value.trim() === "" ? null : value;
    };
    return {
      round: m.round,
      table: m.table,
      seatedTick: tk.get(`${key}/seatedTick`) ?? m.seatedTick,
      visitorTick: tk.get(`${key}/visitorTick`) ?? m.visitorTick,
      seatedNote: note("seatedNote"),
      visitorNote: note("visitorNote"),
    };
  };

  const save = (m: EventMeeting) => {
    const key = keyOf(m);
    setRowStatus(key, "saving");
    const send = async () => {
      const stored = latest.current.find((x) => keyOf(x) === key) ?? m;
      try {
        await captureEventMeeting(e.id, captureNow(stored, draftsRef.current, ticksRef.current));
        setRowStatus(key, null);
        changed();
      } catch (raw: unknown) {
        setRowStatus(key, "failed");
        toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
      }
    };
    const next = (queue.current.get(key) ?? Promise.resolve()).then(send);
    queue.current.set(key, next);
  };

  const onKey = (ev: KeyboardEvent<HTMLElement>, row: number, column: Column) => {
    const target = moveRow(row, shown.length, ev.key);
    if (target === null) return;
    if ((ev.key === "Home" || ev.key === "End") && ev.currentTarget instanceof HTMLInputElement && ev.currentTarget.type === "text") return;
    ev.preventDefault();
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${target}"][data-col="${column}"]`)?.focus();
  };

  const createLeads = async () => {
    setCreating(true);
    try {
      const outcome = await createEventLeads(e.id);
      changed();
      const made = outcome.partnerships.length;
      toasts.show({
        message: made + outcome.followUps > 0 ? t.events.leadsDone(made, outcome.followUps) : t.events.leadsNone,
        tone: made + outcome.followUps > 0 ? "success" : "info",
        ...(made > 0 ? { onUndo: () => navigate({ name: "partnerships" }), undoLabel: t.events.seeBoard } : {}),
      });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    } finally {
      setCreating(false);
    }
  };

  if (detail.meetings.length === 0) {
    return <p className="card__empty" data-testid="capture-empty">{t.events.noMeetings}</p>;
  }

  // Mutual ticks without their partnership yet, counted by the core.
  const mutualPending = detail.pendingLeads;
  const tick = (m: EventMeeting, now: MeetingCapture, side: "seated" | "visitor", rowIndex: number, who: string) => {
    const field = side === "seated" ? "seatedTick" : "visitorTick";
    return (
      <label className="capture__tick">
        <input
          type="checkbox"
          checked={now[field]}
          aria-label={t.events.seeAgainOf(who)}
          data-row={rowIndex}
          data-col={field}
          data-testid={`tick-${side}-${rowIndex}`}
          onChange={(ev) => {
            setTick(`${keyOf(m)}/${field}`, ev.target.checked);
            save(m);
          }}
          onKeyDown={(ev) => onKey(ev, rowIndex, field)}
        />
      </label>
    );
  };
  const note = (m: EventMeeting, side: "seated" | "visitor", rowIndex: number, who: string) => {
    const field = side === "seated" ? "seatedNote" : "visitorNote";
    const k = `${keyOf(m)}/${field}`;
    const value = drafts.get(k) ?? m[field] ?? "";
    const commit = () => {
      window.clearTimeout(timers.current.get(k));
      if ((value.trim() === "" ? null : value) !== m[field]) save(m);
    };
    return (
      <input
        type="text"
        className="input input--compact"
        aria-label={t.events.noteOf(who)}
        data-row={rowIndex}
        data-col={field}
        data-testid={`note-${side}-${rowIndex}`}
        value={value}
        maxLength={2000}
        onChange={(ev) => {
          setDraft(k, ev.target.value);
          window.clearTimeout(timers.current.get(k));
          timers.current.set(
            k,
            window.setTimeout(() => save(m), NOTE_SAVE_MS),
          );
        }}
        onBlur={commit}
        onKeyDown={(ev) => {
          if (ev.key === "Enter") {
            ev.preventDefault();
            commit();
          } else onKey(ev, rowIndex, field);
        }}
      />
    );
  };

  return (
    <div className="capture" data-testid="capture">
      <div className="capture__bar">
        <label>
          <span className="small muted">{t.events.roundFilter}</span>
          <select
            className="select"
            value={round}
            onChange={(ev) => setRound(ev.target.value === "all" ? "all" : Number(ev.target.value))}
            data-testid="capture-round"
          >
            <option value="all">{t.events.allRounds}</option>
            {detail.slots.map((s) => (
              <option key={s.number} value={s.number}>
                {t.events.round(s.number)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void createLeads()}
          disabled={creating}
          aria-busy={creating || undefined}
          data-testid="leads-create"
        >
          {creating ? <LoaderCircle size={16} className="spin" aria-hidden="true" /> : <Sparkles size={16} aria-hidden="true" />}
          {t.events.createLeads(mutualPending)}
        </button>
      </div>
      <p className="muted small">{t.events.captureHint}</p>
      <div className="capture__scroll">
        <table className="capture-grid" ref={tableRef} data-testid="capture-grid">
          {/* Fixed widths: a spinner or a badge never shifts the row under the pointer. */}
          <colgroup>
            <col className="capture-grid__col-num" />
            <col className="capture-grid__col-num" />
            <col />
            <col className="capture-grid__col-tick" />
            <col className="capture-grid__col-note" />
            <col />
            <col className="capture-grid__col-tick" />
            <col className="capture-grid__col-note" />
            <col className="capture-grid__col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t.events.roundColumn}</th>
              <th scope="col">{t.events.table}</th>
              <th scope="col">{t.events.sides[e.seatedSide]}</th>
              <th scope="col">{t.events.seeAgain}</th>
              <th scope="col" className="capture-grid__note">
                {t.events.notes}
              </th>
              <th scope="col">{t.events.sides[e.seatedSide === "associations" ? "entreprises" : "associations"]}</th>
              <th scope="col">{t.events.seeAgain}</th>
              <th scope="col" className="capture-grid__note">
                {t.events.notes}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t.events.mutual}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m, i) => {
              const key = keyOf(m);
              const now = captureNow(m, drafts, ticks);
              const rowStatus = status.get(key);
              const seated = names.get(m.seated) ?? "?";
              const visitor = names.get(m.visitor) ?? "?";
              const mutual = now.seatedTick && now.visitorTick;
              return (
                <tr key={key} className={mutual ? "is-mutual" : undefined} data-testid={`capture-row-${i}`}>
                  <td className="tabular">{m.round}</td>
                  <td className="tabular">{m.table}</td>
                  <td>{seated}</td>
                  <td>{tick(m, now, "seated", i, seated)}</td>
                  <td>{note(m, "seated", i, seated)}</td>
                  <td>{visitor}</td>
                  <td>{tick(m, now, "visitor", i, visitor)}</td>
                  <td>{note(m, "visitor", i, visitor)}</td>
                  <td className="capture-grid__status">
                    {rowStatus === "saving" && <LoaderCircle size={14} className="spin muted" aria-hidden="true" />}
                    {rowStatus === "failed" && (
                      <span className="text-danger small">
                        <CircleAlert size={14} aria-hidden="true" /> {t.events.saveFailed}
                      </span>
                    )}
                    {m.partnershipId ? (
                      <a className="badge" href={`#/partenariats/${encodeURIComponent(m.partnershipId)}`} data-testid={`lead-${i}`}>
                        <Handshake size={12} aria-hidden="true" /> {t.events.lead}
                      </a>
                    ) : (
                      mutual && (
                        <span className="badge badge--mutual" data-testid={`mutual-${i}`}>
                          {t.events.mutual}
                        </span>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="card follow-ups" data-testid="follow-ups">
        <header className="card__header">
          <h2 className="card__title">{t.events.followUps}</h2>
          <span className="muted small">{t.events.followUpsHint}</span>
        </header>
        {detail.followUps.length === 0 ? (
          <p className="card__empty">{t.events.noFollowUps}</p>
        ) : (
          <ul className="follow-ups__list">
            {detail.followUps.map((f) => (
              <li key={f.id} className={f.done ? "is-done" : undefined}>
                <label className="checkbox">
                  <input type="checkbox" checked={f.done} onChange={(ev) => void run(() => setFollowUpDone(f.id, ev.target.checked))} />
                  {t.events.followUp(f.actorName, f.otherName)}
                </label>
                <span className="muted small">
                  {t.events.round(f.round)} · {t.events.followUpDue(formatDate(f.due, lang))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
