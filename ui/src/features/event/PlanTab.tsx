// The planning: computed optimally by the backend, shown as tables ×
// rounds with times, the objectives reached against their bounds, the
// people sitting out each round, and one participant's planning to reprint.
import { CalendarCog, CircleCheck, LoaderCircle, Printer } from "lucide-react";
import { useState } from "react";

import { planEvent } from "../../api/gateway";
import type { EventDetail } from "../../bindings/EventDetail";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { slotTimes } from "./model";
import { useEventAction, usePackSave } from "./actions";

export function PlanTab({ detail }: { detail: EventDetail }) {
  const { t, lang } = useI18n();
  const run = useEventAction();
  const pack = usePackSave();
  const [busy, setBusy] = useState(false);
  const [reprint, setReprint] = useState("");
  const e = detail.event;
  const planned = detail.meetings.length > 0;
  const names = new Map(detail.participants.map((p) => [p.id, p.actorName]));
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? "?"));

  const plan = async () => {
    setBusy(true);
    await run(() => planEvent(e.id), t.events.planned);
    setBusy(false);
  };

  const planButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => void plan()}
      disabled={busy || (planned && e.playedRounds >= e.rounds)}
      aria-busy={busy || undefined}
      data-testid="event-plan"
    >
      {busy ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <CalendarCog size={16} aria-hidden="true" />}
      {busy ? t.events.planning : planned ? t.events.replan : t.events.plan}
    </button>
  );

  if (!planned) {
    return (
      <div className="empty-state empty-state--inline" data-testid="plan-empty">
        <h2 className="empty-state__title">{t.events.notPlannedTitle}</h2>
        <p className="empty-state__text">{t.events.notPlannedText}</p>
        <div className="empty-state__actions">{planButton}</div>
      </div>
    );
  }

  // The core lays the plan out and says who sits out (domain::event::grid).
  const grid = detail.plan;
  const pauses = detail.pauses;
  const summary = e.planSummary;
  const objective = (label: string, value: number, bound: number | null) => (
    <li className="objective">
      <span className="objective__value tabular">
        {bound === null ? formatCount(value, lang) : t.events.ofBound(formatCount(value, lang), formatCount(bound, lang))}
      </span>
      <span className="objective__label">{label}</span>
    </li>
  );

  return (
    <div className="plan" data-testid="plan">
      <div className="plan__bar">
        {planButton}
        <span className="muted small" data-testid="plan-played">
          {t.events.playedNote(e.playedRounds, e.rounds)}
        </span>
        <span className="plan__reprint">
          <label>
            <span className="small muted">{t.events.reprint}</span>
            <select className="select" value={reprint} onChange={(ev) => setReprint(ev.target.value)} data-testid="reprint-who">
              <option value="">{t.events.choose}</option>
              {detail.participants.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.actorName}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={reprint === "" || pack.busy}
            onClick={() => void pack.save(e.id, reprint)}
            data-testid="reprint"
          >
            <Printer size={14} aria-hidden="true" />
            {t.events.reprintButton}
          </button>
        </span>
      </div>
      {summary && (
        <section className="card plan__objectives" aria-label={t.events.objectives}>
          <ul className="objectives">
            {summary.bound.mustBoth > 0 && objective(t.events.objectiveMustBoth, summary.objective.mustBoth, summary.bound.mustBoth)}
            {summary.bound.mustOne > 0 && objective(t.events.objectiveMustOne, summary.objective.mustOne, summary.bound.mustOne)}
            {objective(t.events.objectiveFloor, summary.objective.minMeetings, null)}
            {summary.bound.would > 0 && objective(t.events.objectiveWould, summary.objective.would, summary.bound.would)}
            {objective(t.events.objectiveTotal, summary.objective.total, summary.bound.total)}
            {objective(t.events.objectiveImprobable, summary.objective.improbable, null)}
          </ul>
          {summary.optimal && (
            <p className="plan__optimal small">
              <CircleCheck size={14} aria-hidden="true" /> {t.events.optimal}
            </p>
          )}
        </section>
      )}
      <div className="plan__scroll">
        <table className="plan-grid" aria-label={t.events.gridLabel} data-testid="plan-grid">
          <thead>
            <tr>
              <th scope="col" className="plan-grid__corner">
                {t.events.table}
              </th>
              {detail.slots.map((s) => (
                <th scope="col" key={s.number} className={s.number <= e.playedRounds ? "is-played" : undefined}>
                  <span className="plan-grid__round">{t.events.round(s.number)}</span>
                  <span className="plan-grid__time tabular">{slotTimes(e.startTime, s, lang)}</span>
                  {s.number <= e.playedRounds && <span className="plan-grid__played">{t.events.played}</span>}
                  {s.breakAfter && <span className="plan-grid__break">{t.events.breakLabel(s.gapAfter)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row) => (
              <tr key={row.table}>
                <th scope="row">
                  <span className="plan-grid__table tabular">{row.table}</span>
                  <span className="plan-grid__seated">{name(row.seated)}</span>
                </th>
                {row.visitors.map((v, i) => (
                  <td key={i} className={i + 1 <= e.playedRounds ? "is-played" : undefined}>
                    {name(v) ?? <span className="muted">{t.events.noVisit}</span>}
                  </td>
                ))}
              </tr>
            ))}
            {pauses.some((p) => p.length > 0) && (
              <tr className="plan-grid__pauses">
                <th scope="row">{t.events.pauses}</th>
                {pauses.map((p, i) => (
                  <td key={i} className="muted small">
                    {p.map((id) => name(id)).join(", ")}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
