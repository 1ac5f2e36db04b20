// The list view of the partnerships: the board's filtered set as a sortable
// table, fetched page by page and virtualised (10 000 rows stay smooth).
// A column header sorts (again: reversed); ↑ ↓ move, Enter opens.
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { getPartnershipPage } from "../../api/gateway";
import { errorText } from "../../api/errors";
import { navigate } from "../../app/router";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { PartnershipSort } from "../../bindings/PartnershipSort";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { useI18n } from "../../i18n";
import { EvaluationBadges } from "./EvaluationBadges";
import { formatDate } from "../../lib/format";
import { handleListKey } from "../../lib/listNavigation";
import { PageCache, useSettledFetch } from "../actor/pageCache";
import type { ListSortState } from "./model";
import { ModeBadge, StageIcon } from "./visuals";

export const LIST_ROW_HEIGHT = 52;
/** The sticky header row, above the virtual rows inside the same scroller. */
const HEAD_HEIGHT = 36;
const LIST_PAGE_SIZE = 100;
const FETCH_SETTLE_MS = 40;

/** The list's rows for these filters and this sort, fetched on demand. */
export function makeListCache(query: PartnershipQuery, sort: ListSortState, tag: number): PageCache<PartnershipSummary> {
  return new PageCache<PartnershipSummary>(
    (offset, limit) =>
      getPartnershipPage(query, sort.sort, sort.descending, offset, limit).then((page) => ({ total: page.total, offset, rows: page.items })),
    { pageSize: LIST_PAGE_SIZE, tag },
  );
}

type Column = { key: string; sort: PartnershipSort | null; label: (c: ColumnLabels) => string; className?: string };
type ColumnLabels = { title: string; stage: string; mode: string; parties: string; facilitator: string; next: string; days: string; updated: string };

const COLUMNS: Column[] = [
  { key: "title", sort: "title", label: (c) => c.title },
  { key: "stage", sort: "stage", label: (c) => c.stage },
  { key: "mode", sort: "mode", label: (c) => c.mode },
  { key: "parties", sort: null, label: (c) => c.parties },
  { key: "facilitator", sort: "facilitator", label: (c) => c.facilitator },
  { key: "next", sort: "nextDue", label: (c) => c.next },
  { key: "days", sort: "daysInStage", label: (c) => c.days, className: "plist__num" },
  { key: "updated", sort: "updated", label: (c) => c.updated },
];

export function ListView({
  cache,
  sort,
  onSort,
}: {
  cache: PageCache<PartnershipSummary>;
  sort: ListSortState;
  onSort: (column: PartnershipSort) => void;
}) {
  const { t, lang } = useI18n();
  const v = t.partnership.views;
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  const total = cache.total;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(-1);
  // Another query or sort: no row selected (derived during render, as React advises).
  const [selectedFor, setSelectedFor] = useState(cache);
  if (selectedFor !== cache) {
    setSelectedFor(cache);
    setSelected(-1);
  }

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LIST_ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? cache.pageSize - 1;

  useSettledFetch(cache, total, firstIndex, lastIndex, FETCH_SETTLE_MS);

  const open = (index: number) => {
    const row = cache.get(index);
    if (row) navigate({ name: "partnership", id: row.id });
  };

  const move = (index: number) => {
    if (!total) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? LIST_ROW_HEIGHT * 10) / LIST_ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the sort buttons are theirs.
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    handleListKey(event, { selected, visibleRows, total, move, open });
  };

  const activeId = selected >= 0 ? cache.get(selected)?.id : undefined;
  const labels = v.columns;

  const head = (
    <div className="plist__head" role="rowgroup">
      <div className="plist__row plist__row--head" role="row" aria-rowindex={1}>
        {COLUMNS.map((col) => {
          const active = col.sort !== null && sort.sort === col.sort;
          const ariaSort = active ? (sort.descending ? "descending" : "ascending") : col.sort ? "none" : undefined;
          const name = col.label(labels);
          return (
            <div key={col.key} role="columnheader" aria-sort={ariaSort} className={col.className} data-column={col.key}>
              {col.sort ? (
                <button
                  type="button"
                  className={`plist__sort${active ? " is-active" : ""}`}
                  data-testid={`sort-${col.key}`}
                  title={v.sortBy(col.key === "days" ? v.daysColumn : name)}
                  onClick={() => {
                    if (col.sort) onSort(col.sort);
                  }}
                >
                  <span className="plist__ellipsis">{name}</span>
                  {active ? (
                    sort.descending ? (
                      <ArrowDown size={14} aria-hidden="true" />
                    ) : (
                      <ArrowUp size={14} aria-hidden="true" />
                    )
                  ) : (
                    <ArrowUpDown size={14} aria-hidden="true" className="plist__sort-idle" />
                  )}
                </button>
              ) : (
                <span className="plist__head-text">{name}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );

  return (
    <div className="list-card plist" data-testid="partnership-list-view">
      {cache.error && (
        <div className="banner banner--error list-card__banner" role="alert">
          <p>
            {v.listLoadError} {errorText(cache.error, lang)}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => cache.retry()}>
            {t.common.retry}
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="list-scroll plist__scroll"
        data-testid="partnership-list"
        role="grid"
        aria-label={v.list}
        aria-rowcount={total === null ? -1 : total + 1}
        aria-activedescendant={activeId ? `plist-row-${activeId}` : undefined}
        aria-busy={total === null}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === e.currentTarget && selected < 0 && total) setSelected(Math.min(firstIndex, total - 1));
        }}
      >
        {head}
        {total === 0 ? (
          <div className="list-empty" role="status">
            <p className="list-empty__title">{t.partnership.noMatchTitle}</p>
            <p className="list-empty__text">{t.partnership.noMatchText}</p>
          </div>
        ) : (
          <div
            className="list-scroll__inner"
            style={{ height: total === null ? LIST_ROW_HEIGHT * 8 : virtualizer.getTotalSize() }}
            role="rowgroup"
          >
            {items.map((item) => {
              const row = cache.get(item.index);
              return (
                <div
                  key={item.key}
                  className="list-scroll__slot"
                  style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: LIST_ROW_HEIGHT }}
                >
                  {row ? (
                    <ListRow
                      row={row}
                      index={item.index}
                      selected={item.index === selected}
                      onClick={() => {
                        setSelected(item.index);
                        open(item.index);
                      }}
                    />
                  ) : (
                    <div className="plist__row plist__row--placeholder" role="row" aria-rowindex={item.index + 2} aria-busy="true">
                      <span className="skeleton" style={{ width: "70%" }} />
                      <span className="skeleton" style={{ width: "60%" }} />
                      <span className="skeleton" style={{ width: "50%" }} />
                      <span className="skeleton" style={{ width: "70%" }} />
                      <span className="visually-hidden">{v.rowLoading}</span>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <footer className="list-card__foot plist__foot">
        <span className="tabular">{total === null ? t.common.loading : t.partnership.count(total)}</span>
        <span>{v.listHint}</span>
      </footer>
    </div>
  );
}

function ListRow({ row, index, selected, onClick }: { row: PartnershipSummary; index: number; selected: boolean; onClick: () => void }) {
  const { t, lang } = useI18n();
  const days = row.daysInStage;
  const late = row.overdue;
  const parties = row.parties.map((p) => p.actorName).join(" · ");
  return (
    <div
      id={`plist-row-${row.id}`}
      className={`plist__row${selected ? " is-selected" : ""}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="partnership-row"
      data-id={row.id}
      onClick={onClick}
    >
      <span role="gridcell" className="plist__title" title={row.title}>
        <span className="plist__ellipsis">{row.title}</span>
        <EvaluationBadges row={row} className="plist__evaluation" compact />
      </span>
      <span role="gridcell" className="plist__stage">
        <StageIcon stage={row.stage} size={14} />
        <span className="plist__ellipsis">{t.partnership.labels.stages[row.stage]}</span>
      </span>
      <span role="gridcell" className="plist__mode">
        {row.modes.primary ? (
          <ModeBadge mode={row.modes.primary} showName={false} />
        ) : (
          <span className="badge badge--quiet">{t.partnership.unclassified}</span>
        )}
      </span>
      <span role="gridcell" className="plist__cell" title={parties}>
        {parties}
      </span>
      <span role="gridcell" className="plist__cell">
        {row.facilitator ?? <span className="muted">—</span>}
      </span>
      <span role="gridcell" className={`plist__next${late ? " is-late" : ""}`}>
        {row.nextAction ? (
          <>
            <span className="plist__ellipsis" title={row.nextAction}>
              {row.nextAction}
            </span>
            {row.nextDueOn && (
              <span className="plist__due tabular">
                {formatDate(row.nextDueOn, lang)}
                {late && <strong> · {t.partnership.overdue}</strong>}
              </span>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
      <span role="gridcell" className="plist__num tabular" title={t.partnership.daysInStageLong(days)}>
        {days}
      </span>
      <span role="gridcell" className="plist__cell tabular">
        {row.updatedAt ? formatDate(row.updatedAt, lang) : "—"}
      </span>
    </div>
  );
}
