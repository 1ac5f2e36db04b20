// « Événements »: every event (the latest first), the year's funnel, and
// the first action — creating one (Ctrl+N).
import { useQuery } from "@tanstack/react-query";
import { CalendarDays, Plus } from "lucide-react";
import { useState, type KeyboardEvent } from "react";

import { errorText, toAppError } from "../../api/errors";
import { getEventsYearReport, listEvents, listOpenFollowUps, setFollowUpDone } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";
import { formatCount, formatDate } from "../../lib/format";
import { useShortcuts } from "../../lib/shortcuts";
import { EventDialog } from "./EventDialog";
import { eventKeys, useEventAction } from "./actions";
import { FunnelView } from "./ReportTab";


/** Follow-ups listed before « tout voir ». */
const FOLLOW_UPS_SHOWN = 6;

/** Follow-ups still to do, over every event: who to call, about whom, by when. */
export function OpenFollowUps() {
  const { t, lang } = useI18n();
  const run = useEventAction();
  const toasts = useToasts();
  const open = useQuery({ queryKey: eventKeys.followUps, queryFn: listOpenFollowUps });
  const [all, setAll] = useState(false);
  if (!open.data || open.data.length === 0) return null;
  const shown = all ? open.data : open.data.slice(0, FOLLOW_UPS_SHOWN);
  return (
    <section className="card follow-ups" data-testid="open-follow-ups">
      <header className="card__header">
        <h2 className="card__title">
          {t.events.followUpsOpen} <span className="count-pill">{formatCount(open.data.length, lang)}</span>
        </h2>
        <span className="muted small">{t.events.followUpsHint}</span>
      </header>
      <ul className="follow-ups__list follow-ups__list--stacked">
        {shown.map((f) => (
          <li key={f.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={false}
                data-testid="follow-up-done"
                onChange={() =>
                  void run(() => setFollowUpDone(f.id, true)).then((ok) => {
                    if (ok) toasts.show({ message: t.events.followUpMarked, onUndo: () => void run(() => setFollowUpDone(f.id, false)) });
                  })
                }
              />
              {t.events.followUp(f.actorName, f.otherName)}
            </label>
            <span className={`small${f.overdue ? " text-danger" : " muted"}`}>
              <a href={`#/evenements/${encodeURIComponent(f.eventId)}/saisie`}>{f.eventName}</a> · {t.events.round(f.round)} ·{" "}
              {t.events.followUpDue(formatDate(f.due, lang))}
            </span>
          </li>
        ))}
      </ul>
      {open.data.length > shown.length && (
        <button type="button" className="button button--link follow-ups__more" onClick={() => setAll(true)} data-testid="follow-ups-all">
          {t.events.followUpsAll(formatCount(open.data.length, lang))}
        </button>
      )}
    </section>
  );
}

export function EventList() {
  const { t, lang } = useI18n();
  const changed = useDataChanged();
  const [creating, setCreating] = useState(false);
  const year = new Date().getFullYear();
  const events = useQuery({ queryKey: eventKeys.list, queryFn: listEvents });
  const report = useQuery({ queryKey: eventKeys.year(year), queryFn: () => getEventsYearReport(year) });
  useShortcuts({ "Mod+N": () => setCreating(true) }, { inTextFields: true });

  const open = (id: string) => navigate({ name: "event", id, tab: "participants" });
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string, index: number) => {
    if (e.key === "Enter") {
      e.preventDefault();
      open(id);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const rows = e.currentTarget.parentElement?.querySelectorAll<HTMLTableRowElement>("tr");
      rows?.[index + (e.key === "ArrowDown" ? 1 : -1)]?.focus();
    }
  };

  const newButton = (large: boolean) => (
    <button
      type="button"
      className={`button button--primary${large ? " button--large" : ""}`}
      data-testid="event-new"
      data-tooltip={t.events.createShortcut}
      onClick={() => setCreating(true)}
    >
      <Plus size={large ? 18 : 16} aria-hidden="true" />
      {t.events.create}
      <kbd className="kbd-on-accent">Ctrl N</kbd>
    </button>
  );

  let body;
  if (events.isPending) {
    body = <div className="skeleton" style={{ height: 120 }} aria-busy="true" />;
  } else if (events.isError) {
    body = (
      <div className="banner banner--error" role="alert">
        <p>
          {t.events.loadError} {errorText(toAppError(events.error), lang)}
        </p>
      </div>
    );
  } else if (events.data.length === 0) {
    body = (
      <div className="empty-state" data-testid="events-empty">
        <div className="empty-state__icon">
          <CalendarDays size={28} aria-hidden="true" strokeWidth={1.5} />
        </div>
        <h2 className="empty-state__title">{t.events.emptyTitle}</h2>
        <p className="empty-state__text">{t.events.emptyText}</p>
        <div className="empty-state__actions">{newButton(true)}</div>
      </div>
    );
  } else {
    body = (
      <table className="data-table events-table" aria-label={t.events.listLabel} data-testid="events-table">
        <thead>
          <tr>
            <th scope="col">{t.events.columns.date}</th>
            <th scope="col">{t.events.columns.name}</th>
            <th scope="col" className="num">
              {t.events.columns.participants}
            </th>
            <th scope="col" className="num">
              {t.events.columns.rounds}
            </th>
            <th scope="col" className="num">
              {t.events.columns.leads}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.data.map((e, i) => (
            <tr
              key={e.id}
              tabIndex={0}
              className="data-table__row"
              data-testid={`event-row-${i}`}
              onClick={() => open(e.id)}
              onKeyDown={(k) => onRowKey(k, e.id, i)}
            >
              <td className="nowrap tabular">{formatDate(e.date, lang)}</td>
              <td>
                <a
                  href={`#/evenements/${encodeURIComponent(e.id)}/participants`}
                  className="events-table__name"
                  tabIndex={-1}
                  onClick={(ev) => ev.stopPropagation()}
                >
                  {e.name}
                </a>
                {e.venue && <span className="muted small"> · {e.venue}</span>}
              </td>
              <td className="num tabular">{formatCount(e.participants, lang)}</td>
              <td className="num tabular">{t.events.roundsOf(formatCount(e.playedRounds, lang), formatCount(e.rounds, lang))}</td>
              <td className="num tabular">{formatCount(e.leads, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <div className="page page--events" data-testid="events-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{t.events.title}</h1>
          <p className="page-subtitle muted">{t.events.subtitle}</p>
        </div>
        {events.data && events.data.length > 0 && <div className="page-header__actions">{newButton(false)}</div>}
      </header>
      {body}
      <OpenFollowUps />
      {report.data && report.data.events > 0 && (
        <section className="card events-year" data-testid="events-year">
          <header className="card__header">
            <h2 className="card__title">{t.events.yearTitle(year)}</h2>
            <span className="muted small">
              {t.events.eventsCount(report.data.events)} · {t.events.yearHint}
            </span>
          </header>
          <FunnelView report={report.data} />
        </section>
      )}
      {creating && (
        <EventDialog
          event={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            changed();
            navigate({ name: "event", id: saved.id, tab: "participants" });
          }}
        />
      )}
    </div>
  );
}
