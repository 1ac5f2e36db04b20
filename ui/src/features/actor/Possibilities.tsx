// « Champ des possibles »: on an actor's page, the actors it could build a
// partnership with (their offers meet its needs, or the reverse), best
// first, each with its plausible modes and the reasons, and one button that
// starts the partnership at « rencontre » with both parties.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Compass, Link2, LoaderCircle, MapPin, Pencil, Play } from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";

import { listPossibles, createPartnership } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { useDataChanged } from "../../app/data";
import { navigate, routeHash } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Actor } from "../../bindings/Actor";
import type { MecenatKind } from "../../bindings/MecenatKind";
import type { Possibility } from "../../bindings/Possibility";
import type { RameauMode } from "../../bindings/RameauMode";
import type { ResourceMatch } from "../../bindings/ResourceMatch";
import { useI18n } from "../../i18n";
import { useShortcuts } from "../../lib/shortcuts";
import { MODE_LETTERS, modeStyle, MODES } from "../partnership/model";
import { MODE_ICONS } from "../partnership/visuals";
import { KindBadge } from "./kinds";

/** Possibilities shown first, then after « Afficher plus ». */
export const FIRST_PAGE = 6;
const MORE_PAGE = 24;
/** Reasons visible before « + ». */
const VISIBLE_REASONS = 2;

export const possibilityKeys = {
  of: (actorId: string, limit: number) => ["possibilities", actorId, limit] as const,
};

export function Possibilities({ actor, onComplete }: { actor: Actor; onComplete: () => void }) {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [starting, setStarting] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const hasResources = actor.needs.length > 0 || actor.offers.length > 0;
  const query = useQuery({
    queryKey: possibilityKeys.of(actor.id, limit),
    queryFn: () => listPossibles(actor.id, limit),
    placeholderData: keepPreviousData,
  });

  // « E » (Explorer): straight to the first lead, or to the section.
  useShortcuts({
    e: () => {
      const first = listRef.current?.querySelector<HTMLElement>("[data-nav]");
      const target = first ?? titleRef.current;
      if (!target) return;
      target.focus({ preventScroll: true });
      // Scroll the page's own container only: scrollIntoView would also shift the window's shell.
      const scroller = target.closest<HTMLElement>(".shell__content");
      if (scroller) {
        const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        scroller.scrollBy({ top: top - scroller.clientHeight / 3, behavior: "smooth" });
      } else {
        target.scrollIntoView({ block: "nearest" });
      }
    },
  });

  const start = async (p: Possibility) => {
    if (starting !== null) return;
    setStarting(p.actorId);
    try {
      const created = await createPartnership(p.proposal);
      setStarting(null);
      toasts.show({ message: t.possibles.started(created.title), tone: "success" });
      dataChanged();
      navigate({ name: "partnership", id: created.id });
    } catch (raw: unknown) {
      setStarting(null);
      toasts.show({ message: `${t.possibles.startFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
  };

  const items = query.data ?? [];
  const canShowMore = items.length >= limit && limit < MORE_PAGE;

  return (
    <section className="card possibles" aria-labelledby="possibles-title" data-testid="possibles">
      <div className="card__header">
        <h2 id="possibles-title" className="card__title" tabIndex={-1} ref={titleRef}>
          <Compass size={16} aria-hidden="true" />
          {t.possibles.title}
          {items.length > 0 && <span className="count-pill">{items.length}</span>}
        </h2>
        <kbd className="possibles__kbd" title={t.possibles.shortcutHint} aria-hidden="true">
          {t.possibles.shortcut}
        </kbd>
      </div>

      {query.isPending ? (
        <p className="muted possibles__status" aria-busy="true" data-testid="possibles-loading">
          <LoaderCircle size={16} aria-hidden="true" className="spin" />
          {t.possibles.loading}
        </p>
      ) : query.isError ? (
        <div className="banner banner--error" role="alert">
          <p>
            {t.possibles.loadError} {errorText(toAppError(query.error), lang)}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            {t.common.retry}
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="possibles__empty" data-testid="possibles-empty">
          <p className="muted">{hasResources ? t.possibles.emptyNoMatch : t.possibles.emptyNoResources}</p>
          <button type="button" className="button button--secondary button--small" onClick={onComplete}>
            <Pencil size={14} aria-hidden="true" />
            {t.possibles.completeResources}
          </button>
        </div>
      ) : (
        <>
          <p className="small muted possibles__intro">{t.possibles.intro}</p>
          <ol className="possibles__list" ref={listRef} aria-label={t.possibles.list} onKeyDown={arrowNavigation}>
            {items.map((p) => (
              <PossibilityRow
                key={p.actorId}
                p={p}
                busy={starting === p.actorId}
                disabled={starting !== null}
                onStart={() => void start(p)}
              />
            ))}
          </ol>
          {canShowMore && (
            <button
              type="button"
              className="button button--ghost button--small possibles__more"
              data-testid="possibles-more"
              disabled={query.isFetching}
              onClick={() => setLimit(MORE_PAGE)}
            >
              {query.isFetching && <LoaderCircle size={14} aria-hidden="true" className="spin" />}
              {t.possibles.showMore}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Up and down arrows go from one lead to the next, onto the same kind of
 * control (the name, the reasons' « + », « Démarrer »); Tab still walks
 * through every control in order.
 */
function arrowNavigation(event: KeyboardEvent<HTMLOListElement>): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  const row = target.closest<HTMLElement>("[data-possibility]");
  const nav = target.dataset.nav;
  if (!row || !nav) return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("[data-possibility]"));
  const next = rows[rows.indexOf(row) + (event.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  const same = next.querySelector<HTMLElement>(`[data-nav="${nav}"]`) ?? next.querySelector<HTMLElement>('[data-nav="name"]');
  same?.focus();
}

function PossibilityRow({ p, busy, disabled, onStart }: { p: Possibility; busy: boolean; disabled: boolean; onStart: () => void }) {
  const { t, lang } = useI18n();
  const [expanded, setExpanded] = useState(false);
  // Each need met (with the words that matched), then nearness and kinds.
  const context = lang === "en" && p.contextReasonsEn.length > 0 ? p.contextReasonsEn : p.contextReasons;
  const reasons = [
    ...p.matches.map((m, i) => <MatchReason key={`m${i}`} m={m} />),
    ...context.map((r, i) => <li key={`c${i}`}>{r}</li>),
  ];
  const hidden = reasons.length - VISIBLE_REASONS;
  const shown = expanded ? reasons : reasons.slice(0, VISIBLE_REASONS);
  return (
    <li className="possibility" data-possibility={p.actorId} data-testid="possibility">
      <div className="possibility__head">
        <a
          className="possibility__name"
          href={routeHash({ name: "actor", id: p.actorId, contactId: null })}
          data-nav="name"
          data-testid="possibility-name"
        >
          {p.actorName}
        </a>
        <KindBadge kind={p.actorKind} size="sm" />
        {p.place && (
          <span className="icon-text small muted possibility__place">
            <MapPin size={14} aria-hidden="true" />
            {p.place}
          </span>
        )}
      </div>
      <div className="possibility__body">
        {p.modes.length > 0 && <PlausibleModes modes={p.modes} kinds={p.mecenatKinds} />}
        {shown.length > 0 && (
          <ul className="possibility__reasons" aria-label={t.possibles.reasons} data-testid="possibility-reasons">
            {shown}
          </ul>
        )}
        {hidden > 0 && (
          <button
            type="button"
            className="button button--ghost button--small possibility__toggle"
            data-nav="reasons"
            data-testid="possibility-more-reasons"
            aria-expanded={expanded}
            aria-label={expanded ? undefined : t.possibles.moreReasonsLabel(hidden, p.actorName)}
            onClick={() => setExpanded((v) => !v)}
          >
            {expanded ? t.possibles.fewerReasons : t.possibles.moreReasons(hidden)}
          </button>
        )}
        {p.sharedPartnerships > 0 && (
          <p className="small possibility__shared" data-testid="possibility-shared">
            <Link2 size={14} aria-hidden="true" />
            {t.possibles.shared(p.sharedPartnerships)}
          </p>
        )}
      </div>
      <div className="possibility__action">
        <button
          type="button"
          className="button button--secondary button--small"
          data-nav="start"
          data-testid="possibility-start"
          aria-label={t.possibles.startLabel(p.actorName)}
          disabled={disabled}
          aria-busy={busy || undefined}
          onClick={onStart}
        >
          {busy ? <LoaderCircle size={14} aria-hidden="true" className="spin" /> : <Play size={14} aria-hidden="true" />}
          {busy ? t.possibles.starting : t.possibles.start}
        </button>
      </div>
    </li>
  );
}

/**
 * One need met by an offer: the two texts, the explored actor's first, what
 * it reads as, and the words that answered each other (« utilitaire ↔
 * camionnette »), highlighted.
 */
function MatchReason({ m }: { m: ResourceMatch }) {
  const { t, lang } = useI18n();
  const [first, second] = m.ownNeed
    ? [t.possibles.need, t.possibles.offer]
    : [t.possibles.offerCapital, t.possibles.needLower];
  const [firstText, secondText] = m.ownNeed ? [m.need, m.offer] : [m.offer, m.need];
  return (
    <li className="possibility__match" data-testid="possibility-match">
      <span>
        {first} {t.possibles.quoted(firstText)} ↔ {second} {t.possibles.quoted(secondText)}
        {t.possibles.reading(lang === "en" ? m.readingEn : m.reading)}
      </span>
      <span className="possibility__words" aria-label={t.possibles.words}>
        {m.words.map((w, i) => (
          <mark key={i} className="possibility__word" data-testid="possibility-word">
            {w.need === w.offer ? w.need : `${w.need} ↔ ${w.offer}`}
          </mark>
        ))}
      </span>
    </li>
  );
}

/**
 * The plausible modes in the scale's order (never reordered), the most
 * plausible one filled, the others outlined; each with its icon and letter.
 */
export function PlausibleModes({ modes, kinds }: { modes: readonly RameauMode[]; kinds: readonly MecenatKind[] }) {
  const { t } = useI18n();
  const top = modes[0];
  return (
    <ul className="possibility__modes" aria-label={t.possibles.modes} data-testid="possibility-modes">
      {MODES.filter((m) => modes.includes(m)).map((m) => {
        const Icon = MODE_ICONS[m];
        const base = t.partnership.labels.modes[m];
        const name =
          m === "mecenat" && kinds.length > 0
            ? t.possibles.modeWithKinds(base, kinds.map((k) => t.partnership.labels.mecenatKinds[k]).join(", "))
            : base;
        const label = m === top ? t.possibles.mostPlausible(name) : t.possibles.plausible(name);
        return (
          <li
            key={m}
            className={`mode-chip${m === top ? " is-top" : ""}`}
            style={modeStyle(m)}
            data-mode={m}
            title={label}
            data-testid="possibility-mode"
          >
            <Icon size={14} aria-hidden="true" />
            <span className="mode-chip__letter" aria-hidden="true">
              {MODE_LETTERS[m]}
            </span>
            <span className="mode-chip__name" aria-hidden="true">
              {name}
            </span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
