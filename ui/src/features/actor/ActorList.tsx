// The directory: filters, a count and a virtualised list fetched page by page.
import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Plus, Users, X } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { getActorFacets } from "../../api/gateway";
import { errorText } from "../../api/errors";
import type { AppError } from "../../api/types";
import { queryKeys } from "../../app/data";
import { navigate } from "../../app/router";
import type { ActorSummary } from "../../bindings/ActorSummary";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { handleListKey } from "../../lib/listNavigation";
import { useShortcuts } from "../../lib/shortcuts";
import { DirectoryTabs } from "../contact/DirectoryTabs";
import { useActorFormHost } from "./actorFormHost";
import { hasFilters, useDirectory, type Filters } from "./directoryState";
import { EmptyDirectory } from "./EmptyDirectory";
import { ACTOR_KINDS, isActorKind, KindBadge } from "./kinds";
import { useSettledFetch } from "./pageCache";
import { ListSearch } from "../../components/ListSearch";
import { FilterSelect } from "../../components/FilterSelect";

export const ROW_HEIGHT = 48;
const MAX_ROW_TAGS = 2;
const FETCH_SETTLE_MS = 40;
const ROW_TAG_CHARS = 20;

export function ActorList() {
  const { t, lang } = useI18n();
  const { filters, setFilters, clearFilters, textDraft, setTextDraft, cache, view } = useDirectory();
  const { openCreate } = useActorFormHost();
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  const total = cache.total;

  const facets = useQuery({ queryKey: queryKeys.facets, queryFn: getActorFacets });

  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelectedState] = useState(view.selected);
  const setSelected = (index: number) => {
    view.selected = index;
    setSelectedState(index);
  };

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: () => view.scrollOffset,
    onChange: (v) => {
      if (v.scrollOffset !== null && (total ?? 0) > 0) view.scrollOffset = v.scrollOffset;
    },
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? cache.pageSize - 1;

  useSettledFetch(cache, total, firstIndex, lastIndex, FETCH_SETTLE_MS);

  // New filters: back to the top. New data (an edit, an undo): stay put once
  // the new total is known.
  const lastFilters = useRef<Filters>(filters);
  const pendingRestore = useRef<number | null>(view.scrollOffset > 0 ? view.scrollOffset : null);
  useLayoutEffect(() => {
    if (lastFilters.current !== filters) {
      lastFilters.current = filters;
      pendingRestore.current = null;
      view.scrollOffset = 0;
      view.selected = -1;
      setSelectedState(-1);
      virtualizer.scrollToOffset(0);
    }
  }, [filters, view, virtualizer]);
  useLayoutEffect(() => {
    if (total !== null && total > 0 && pendingRestore.current !== null) {
      virtualizer.scrollToOffset(pendingRestore.current);
      pendingRestore.current = null;
    }
  }, [total, virtualizer]);

  // Back from an actor page: the keyboard goes on where it was.
  useEffect(() => {
    if (view.selected >= 0) scrollRef.current?.focus({ preventScroll: true });
  }, [view]);

  const open = (index: number) => {
    const row = cache.get(index);
    if (row) navigate({ name: "actor", id: row.id, contactId: null });
  };

  const move = (index: number) => {
    if (total === null || total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  // With nothing focused, the arrows and Enter reach the list at once.
  const nothingFocused = () => document.activeElement === null || document.activeElement === document.body;
  useShortcuts({
    ArrowDown: () => {
      if (!nothingFocused() || !total) return false;
      scrollRef.current?.focus({ preventScroll: true });
      move(selected < 0 ? firstIndex : selected + 1);
    },
    ArrowUp: () => {
      if (!nothingFocused() || !total) return false;
      scrollRef.current?.focus({ preventScroll: true });
      move(selected < 0 ? firstIndex : selected - 1);
    },
    Enter: () => {
      if (!nothingFocused() || selected < 0) return false;
      open(selected);
    },
  });

  const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    handleListKey(event, { selected, visibleRows, total, move, open });
  };

  const filtered = hasFilters(filters);
  const loadError: AppError | null = cache.error;
  const emptyDirectory = total === 0 && !filtered && textDraft.trim() === "";

  if (emptyDirectory) {
    return <EmptyDirectory />;
  }

  const communeFacets = (facets.data?.communes ?? []).filter(
    (c) => filters.departement === null || c.value.startsWith(filters.departement),
  );
  const activeId = selected >= 0 ? cache.get(selected)?.id : undefined;

  return (
    <div className="page page--directory">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{t.list.title}</h1>
          <p className="page-subtitle tabular" aria-live="polite">
            {total === null ? t.common.loading : t.list.count(total, formatCount(total, lang))}
          </p>
        </div>
        <button
          type="button"
          className="button button--primary"
          data-testid="actor-new"
          onClick={openCreate}
          data-tooltip={t.list.newActorShortcut}
          data-tooltip-pos="bottom"
        >
          <Plus size={16} aria-hidden="true" />
          {t.list.newActor}
        </button>
      </header>

      <DirectoryTabs selected="actors" />

      <div className="filters" role="search">
        <ListSearch
          label={t.list.filterTextLabel}
          placeholder={t.list.filterText}
          testId="filter-text"
          value={textDraft}
          onChange={setTextDraft}
          total={total}
          current={selected}
          onMove={(i) => {
            scrollRef.current?.focus();
            move(i);
          }}
          onOpen={open}
        />
        <FilterSelect
          showCounts
          testId="filter-kind"
          label={t.list.filterKind}
          allLabel={t.list.allKinds}
          value={filters.kind}
          options={(facets.data?.kinds ?? [])
            .filter((f) => isActorKind(f.value))
            .sort((a, b) => ACTOR_KINDS.indexOf(a.value as never) - ACTOR_KINDS.indexOf(b.value as never))
            .map((f) => ({ ...f, label: isActorKind(f.value) ? t.labels.kinds[f.value] : f.label }))}
          onChange={(v) => setFilters({ kind: v !== null && isActorKind(v) ? v : null })}
        />
        <FilterSelect
          showCounts
          testId="filter-departement"
          label={t.list.filterDepartement}
          allLabel={t.list.allDepartements}
          value={filters.departement}
          options={facets.data?.departements ?? []}
          onChange={(v) => {
            const keepCommune =
              v === null || filters.communeInsee === null || filters.communeInsee.startsWith(v);
            setFilters({ departement: v, communeInsee: keepCommune ? filters.communeInsee : null });
          }}
        />
        <FilterSelect
          showCounts
          testId="filter-commune"
          label={t.list.filterCommune}
          allLabel={t.list.allCommunes}
          value={filters.communeInsee}
          options={communeFacets}
          onChange={(v) => setFilters({ communeInsee: v })}
        />
        <FilterSelect
          showCounts
          testId="filter-tag"
          label={t.list.filterTag}
          allLabel={t.list.allTags}
          value={filters.tag}
          options={facets.data?.tags ?? []}
          onChange={(v) => setFilters({ tag: v })}
        />
        {(filtered || textDraft !== "") && (
          <button type="button" className="button button--ghost filters__clear" onClick={clearFilters}>
            <X size={16} aria-hidden="true" />
            {t.list.clearFilters}
          </button>
        )}
      </div>

      <div className="list-card" role="tabpanel" id="directory-panel-actors" aria-labelledby="directory-tab-actors">
        <div className="list-row list-row--head" aria-hidden="true">
          <span>{t.list.columns.name}</span>
          <span>{t.list.columns.kind}</span>
          <span>{t.list.columns.commune}</span>
          <span>{t.list.columns.sector}</span>
          <span>{t.list.columns.tags}</span>
          <span className="list-row__num">{t.list.columns.contacts}</span>
        </div>
        {loadError && (
          <div className="banner banner--error list-card__banner" role="alert">
            <p>
              {t.list.loadError} {errorText(loadError, lang)}
            </p>
            <button type="button" className="button button--secondary button--small" onClick={() => cache.retry()}>
              {t.common.retry}
            </button>
          </div>
        )}
        {total === 0 ? (
          <div className="list-empty">
            <p className="list-empty__title">{t.list.noMatchTitle}</p>
            <p className="list-empty__text">{t.list.noMatchText}</p>
            <button type="button" className="button button--secondary" onClick={clearFilters}>
              {t.list.clearFilters}
            </button>
          </div>
        ) : (
          <div
            ref={scrollRef}
            className="list-scroll"
            data-testid="actor-list"
            role="listbox"
            aria-label={t.list.title}
            aria-activedescendant={activeId ? `actor-row-${activeId}` : undefined}
            tabIndex={0}
            onKeyDown={onListKeyDown}
            onFocus={() => {
              if (selected < 0 && total) setSelected(Math.min(firstIndex, total - 1));
            }}
          >
            {total === null ? (
              <SkeletonRows />
            ) : (
              <div className="list-scroll__inner" style={{ height: virtualizer.getTotalSize() }}>
                {items.map((item) => {
                  const row = cache.get(item.index);
                  return (
                    <div
                      key={item.key}
                      className="list-scroll__slot"
                      style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    >
                      {row ? (
                        <ActorRow
                          row={row}
                          selected={item.index === selected}
                          onClick={() => {
                            setSelected(item.index);
                            open(item.index);
                          }}
                        />
                      ) : (
                        <PlaceholderRow />
                      )}
                    </div>
                  );
                })}
              </div>
            )}
          </div>
        )}
        <footer className="list-card__foot">
          <span>{t.list.keyboardHint}</span>
        </footer>
      </div>
    </div>
  );
}

function ActorRow({ row, selected, onClick }: { row: ActorSummary; selected: boolean; onClick: () => void }) {
  const { t } = useI18n();
  const shown = rowTagCount(row.tags);
  const extraTags = row.tags.length - shown;
  return (
    <div
      id={`actor-row-${row.id}`}
      className={`list-row${selected ? " is-selected" : ""}`}
      data-testid="actor-row"
      data-id={row.id}
      role="option"
      aria-selected={selected}
      onClick={onClick}
    >
      <span className="list-row__name" title={row.name}>
        {row.name}
      </span>
      <span className="list-row__kind">
        <KindBadge kind={row.kind} size="sm" />
      </span>
      <span className="list-row__place" title={[row.commune?.name, row.departement].filter(Boolean).join(" · ")}>
        {row.commune ? (
          <>
            <span className="list-row__place-main">{row.commune.name}</span>
            {row.departement && <span className="list-row__place-sub">{row.departement}</span>}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
      <span className="list-row__cell" title={row.sector ?? undefined}>
        {row.sector ?? <span className="muted">—</span>}
      </span>
      <span className="list-row__tags">
        {row.tags.slice(0, shown).map((tag) => (
          <span key={tag} className="chip chip--sm" title={tag}>
            {tag}
          </span>
        ))}
        {extraTags > 0 && (
          <span className="chip chip--sm chip--more" title={row.tags.slice(shown).join(", ")}>
            +{extraTags}
          </span>
        )}
      </span>
      <span className="list-row__num tabular" title={t.list.contactsCount(row.contactCount)}>
        {row.contactCount > 0 ? (
          <>
            <Users size={14} aria-hidden="true" className="muted" /> {row.contactCount}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
    </div>
  );
}

/** How many tag chips fit in the row's column: two short ones, or one. */
export function rowTagCount(tags: readonly string[]): number {
  const [first, second] = tags;
  if (first === undefined) return 0;
  if (second === undefined) return 1;
  return Array.from(first).length + Array.from(second).length > ROW_TAG_CHARS ? 1 : MAX_ROW_TAGS;
}

function PlaceholderRow() {
  const { t } = useI18n();
  return (
    <div className="list-row list-row--placeholder" role="option" aria-selected={false} aria-busy="true">
      <span className="skeleton" style={{ width: "62%" }} />
      <span className="skeleton" style={{ width: "70%" }} />
      <span className="skeleton" style={{ width: "55%" }} />
      <span className="skeleton" style={{ width: "60%" }} />
      <span className="skeleton" style={{ width: "40%" }} />
      <span className="visually-hidden">{t.list.rowLoading}</span>
    </div>
  );
}

function SkeletonRows() {
  return (
    <div>
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} style={{ height: ROW_HEIGHT }}>
          <PlaceholderRow />
        </div>
      ))}
    </div>
  );
}

