// « Accueil »: the facilitator's day on one page — next actions by due date
// (done in place, with undo), the events' follow-ups, the next event and how
// ready it is, measurements and evaluations coming due, partnerships that
// stopped moving, contacts whose data should be reviewed, the last changes,
// and the first actions of a day. What shows is decided by the core
// (`get_home`); every item is a link or a button, reachable by Tab.
import { useQuery } from "@tanstack/react-query";
import {
  BookUser,
  CalendarDays,
  CalendarPlus,
  Check,
  CircleCheck,
  CircleDashed,
  Clock,
  Handshake,
  Hourglass,
  Plus,
  ShieldCheck,
  Upload,
  UserRound,
} from "lucide-react";
import { useState, type ReactNode } from "react";

import { getHome } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { DueGroup } from "../../bindings/DueGroup";
import type { Home } from "../../bindings/Home";
import type { HomeAction } from "../../bindings/HomeAction";
import type { RecentChange } from "../../bindings/RecentChange";
import { ErrorBanner } from "../../components/ErrorBanner";
import { SectionCard } from "../../components/SectionCard";
import { useI18n } from "../../i18n";
import { formatCount, formatDate, formatDateTime } from "../../lib/format";
import { useActorFormHost } from "../actor/actorFormHost";
import { EventDialog } from "../event/EventDialog";
import { OpenFollowUps } from "../event/EventList";
import { openBoardWith } from "../partnership/BoardState";
import { NewPartnershipDialog } from "../partnership/NewPartnershipDialog";
import { useActionDone } from "../partnership/useActionDone";

export const homeKeys = { home: ["home"] as const };

const GROUPS: DueGroup[] = ["overdue", "today", "thisWeek", "later"];

/** The href of a partnership's page. */
const partnershipHref = (id: string) => `#/partenariats/${encodeURIComponent(id)}`;

/** Where a contact shows: on their actor's page, or among personal-data requests. */
function contactHref(id: string, actorId: string | null): string {
  return actorId
    ? `#/acteurs/${encodeURIComponent(actorId)}?contact=${encodeURIComponent(id)}`
    : `#/donnees/personnes/${encodeURIComponent(id)}`;
}

function recentHref(c: RecentChange): string {
  switch (c.kind) {
    case "actor":
      return `#/acteurs/${encodeURIComponent(c.id)}`;
    case "contact":
      return contactHref(c.id, c.actorId);
    case "partnership":
      return partnershipHref(c.id);
    case "event":
      return `#/evenements/${encodeURIComponent(c.id)}/participants`;
  }
}

function More({ shown, total }: { shown: number; total: number }) {
  const { t, lang } = useI18n();
  if (total <= shown) return null;
  return <p className="muted small home-more">{t.home.more(formatCount(total - shown, lang))}</p>;
}

function Actions({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const done = useActionDone();
  const [busy, setBusy] = useState<string | null>(null);
  const a = t.home.actions;
  const key = (x: HomeAction) => `${x.partnershipId}/${x.index}`;
  const title = (
    <>
      {a.title}
      {home.partnershipsOverdue > 0 && <span className="count-pill count-pill--danger">{formatCount(home.partnershipsOverdue, lang)}</span>}
    </>
  );
  return (
    <SectionCard className="home-card" title={title} testId="home-actions">
      {home.actions.length === 0 ? (
        <p className="muted">{a.none}</p>
      ) : (
        GROUPS.map((group) => {
          const rows = home.actions.filter((x) => x.group === group);
          if (rows.length === 0) return null;
          return (
            <div key={group} className="home-group" data-testid={`home-actions-${group}`}>
              <h3 className={`home-group__title${group === "overdue" ? " text-danger" : ""}`}>{a.groups[group]}</h3>
              <ul className="home-list">
                {rows.map((x) => (
                  <li key={key(x)} className="home-action" data-testid="home-action">
                    <button
                      type="button"
                      className="icon-button home-action__done"
                      aria-label={a.done(x.text)}
                      data-tooltip={a.done(x.text)}
                      data-testid="home-action-done"
                      disabled={busy === key(x)}
                      onClick={() => {
                        setBusy(key(x));
                        void done(x.partnershipId, x.index).finally(() => setBusy(null));
                      }}
                    >
                      <Check size={16} aria-hidden="true" />
                    </button>
                    <div className="home-action__text">
                      <span>{x.text}</span>
                      <span className="muted small">
                        <a href={partnershipHref(x.partnershipId)}>{x.partnershipTitle}</a>
                        {x.owner && <> · {a.owner(x.owner)}</>}
                      </span>
                    </div>
                    <span className={`small tabular${group === "overdue" ? " text-danger" : " muted"}`}>{formatDate(x.dueOn, lang)}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
      {home.partnershipsOverdue > 0 && (
        <p className="small home-more">
          {a.overdueTotal(formatCount(home.partnershipsOverdue, lang), home.partnershipsOverdue)} ·{" "}
          <button type="button" className="button button--link" data-testid="home-overdue-board" onClick={() => openBoardWith({ overdue: true })}>
            {a.seeOverdue}
          </button>
        </p>
      )}
    </SectionCard>
  );
}

function Step({ ok, children, testId }: { ok: boolean; children: ReactNode; testId: string }) {
  return (
    <li className={`home-step${ok ? " is-ok" : ""}`} data-testid={testId} data-ok={ok}>
      {ok ? <CircleCheck size={16} aria-hidden="true" /> : <CircleDashed size={16} aria-hidden="true" />}
      <span>{children}</span>
    </li>
  );
}

function NextEvent({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const e = t.home.event;
  const next = home.nextEvent;
  if (!next) {
    return (
      <SectionCard className="home-card" title={e.title} testId="home-event">
        <p className="muted">{e.none}</p>
      </SectionCard>
    );
  }
  const r = next.readiness;
  const when = r.daysLeft === 0 ? e.today : r.daysLeft === 1 ? e.tomorrow : e.inDays(r.daysLeft);
  return (
    <SectionCard className="home-card" title={e.title} testId="home-event">
      <p className="home-event__name">
        <a href={`#/evenements/${encodeURIComponent(next.id)}/participants`} data-testid="home-event-open">
          {next.name}
        </a>
      </p>
      <p className="muted small">
        {formatDate(next.date, lang)} · {when}
        {next.venue && <> · {next.venue}</>}
      </p>
      <ul className="home-steps">
        <Step ok={r.participants > 0} testId="home-event-participants">
          {e.participants(formatCount(r.participants, lang), r.participants)}
        </Step>
        <Step ok={r.planned && r.unplanned === 0} testId="home-event-planned">
          {!r.planned ? e.notPlanned : r.unplanned > 0 ? e.unplanned(r.unplanned) : e.planned}
        </Step>
        <Step ok={r.packPrinted} testId="home-event-printed">
          {r.packPrinted ? e.printed : e.notPrinted}
        </Step>
      </ul>
    </SectionCard>
  );
}

function Checks({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const c = t.home.checks;
  return (
    <SectionCard className="home-card" title={c.title} hint={c.hint} testId="home-checks">
      {home.checks.length === 0 ? (
        <p className="muted">{c.none}</p>
      ) : (
        <ul className="home-list">
          {home.checks.map((x) => (
            <li key={`${x.partnershipId}/${x.kind}/${x.kind === "measure" ? x.indicator : ""}`} data-testid="home-check">
              <Hourglass size={16} aria-hidden="true" className="muted" />
              <div className="home-action__text">
                <span>{x.kind === "measure" ? c.measure(x.indicator) : c.evaluation}</span>
                <a className="small" href={partnershipHref(x.partnershipId)}>
                  {x.partnershipTitle}
                </a>
              </div>
              <span className={`small tabular${x.overdue ? " text-danger" : " muted"}`}>
                {formatDate(x.dueOn, lang)}
                {x.overdue && <span className="visually-hidden"> ({t.home.overdue})</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <More shown={home.checks.length} total={home.checksTotal} />
    </SectionCard>
  );
}

function Stuck({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const s = t.home.stuck;
  return (
    <SectionCard className="home-card" title={s.title} hint={s.hint} testId="home-stuck">
      {home.stuck.length === 0 ? (
        <p className="muted">{s.none}</p>
      ) : (
        <ul className="home-list">
          {home.stuck.map((x) => (
            <li key={x.id} data-testid="home-stuck-row">
              <Clock size={16} aria-hidden="true" className="muted" />
              <div className="home-action__text">
                <a href={partnershipHref(x.id)}>{x.title}</a>
                <span className="muted small">{s.since(t.partnership.labels.stages[x.stage], formatDate(x.since, lang))}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <More shown={home.stuck.length} total={home.stuckTotal} />
    </SectionCard>
  );
}

function Reviews({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const r = t.home.reviews;
  return (
    <SectionCard className="home-card" title={r.title} hint={r.hint} testId="home-reviews">
      {home.reviews.length === 0 ? (
        <p className="muted">{r.none}</p>
      ) : (
        <ul className="home-list">
          {home.reviews.map((x) => (
            <li key={x.contactId} data-testid="home-review">
              <ShieldCheck size={16} aria-hidden="true" className="muted" />
              <div className="home-action__text">
                <a href={contactHref(x.contactId, x.actorId)}>{x.name || t.contact.unnamed}</a>
                {x.actorName && <span className="muted small">{x.actorName}</span>}
              </div>
              <span className={`small${x.overdue ? " text-danger" : " muted"}`}>
                {(x.overdue ? r.overdue : r.due)(formatDate(x.dueOn, lang))}
              </span>
            </li>
          ))}
        </ul>
      )}
      <More shown={home.reviews.length} total={home.reviewsTotal} />
    </SectionCard>
  );
}

const RECENT_ICONS = { actor: BookUser, contact: UserRound, partnership: Handshake, event: CalendarDays } as const;

function Recent({ home }: { home: Home }) {
  const { t, lang } = useI18n();
  const r = t.home.recent;
  return (
    <SectionCard className="home-card" title={r.title} testId="home-recent">
      {home.recent.length === 0 ? (
        <p className="muted">{r.none}</p>
      ) : (
        <ul className="home-list">
          {home.recent.map((x) => {
            const Icon = RECENT_ICONS[x.kind];
            return (
              <li key={`${x.kind}/${x.id}`} data-testid="home-recent-row">
                <Icon size={16} aria-hidden="true" className="muted" aria-label={r.kinds[x.kind]} />
                <div className="home-action__text">
                  <a href={recentHref(x)}>{x.label || t.contact.unnamed}</a>
                  <span className="muted small">
                    {r.kinds[x.kind]} {x.created ? r.created : r.updated} · {formatDateTime(x.at, lang)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const h = t.home;
  const toasts = useToasts();
  const changed = useDataChanged();
  const { openCreate } = useActorFormHost();
  const [creating, setCreating] = useState<"partnership" | "event" | null>(null);
  const home = useQuery({ queryKey: homeKeys.home, queryFn: getHome });
  const today = new Date().toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB", { weekday: "long", day: "numeric", month: "long" });

  const quick = (label: string, Icon: typeof Plus, testId: string, onClick: () => void) => (
    <button type="button" className="button button--secondary button--small" data-testid={testId} onClick={onClick}>
      <Icon size={16} aria-hidden="true" />
      {label}
    </button>
  );

  return (
    <div className="page page--home" data-testid="home-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{h.title}</h1>
          <p className="page-subtitle muted">{h.subtitle(today)}</p>
        </div>
      </header>
      <div className="home-quick" role="group" aria-label={h.quick.label}>
        {quick(h.quick.actor, Plus, "home-new-actor", openCreate)}
        {quick(h.quick.partnership, Handshake, "home-new-partnership", () => setCreating("partnership"))}
        {quick(h.quick.event, CalendarPlus, "home-new-event", () => setCreating("event"))}
        {quick(h.quick.import, Upload, "home-import", () => navigate({ name: "data", tab: "import" }))}
      </div>
      {home.isError ? (
        <ErrorBanner title={h.loadError} error={home.error} onRetry={() => void home.refetch()} testId="home-error" />
      ) : !home.data ? (
        <p className="muted" aria-busy="true">
          {h.loading}
        </p>
      ) : (
        <div className="home-grid">
          <div className="home-column">
            <Actions home={home.data} />
            <OpenFollowUps />
            <Stuck home={home.data} />
          </div>
          <div className="home-column">
            <NextEvent home={home.data} />
            <Checks home={home.data} />
            <Reviews home={home.data} />
            <Recent home={home.data} />
          </div>
        </div>
      )}
      {creating === "partnership" && (
        <NewPartnershipDialog
          onClose={() => setCreating(null)}
          onCreated={(p) => {
            setCreating(null);
            toasts.show({ message: t.partnership.created, tone: "success" });
            changed();
            navigate({ name: "partnership", id: p.id });
          }}
        />
      )}
      {creating === "event" && (
        <EventDialog
          event={null}
          onClose={() => setCreating(null)}
          onSaved={(saved) => {
            setCreating(null);
            changed();
            navigate({ name: "event", id: saved.id, tab: "participants" });
          }}
        />
      )}
    </div>
  );
}
