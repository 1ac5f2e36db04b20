// The partnership board: one column per stage in pipeline order, each with
// its count and its first cards (« Voir plus » loads the next ones); cards
// moved by drag and drop or by Alt+→ / Alt+← on a focused card (announced to
// screen readers). Moving to « abandonné » asks why. The same filtered set
// also shows as a sortable list (ListView).
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Columns3, Handshake, LayoutGrid, List, Plus } from "lucide-react";
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { movePartnership, getPartnershipBoard, getPartnershipOverview, getPartnershipPage } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { useDataChanged, useDataVersion } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Board as BoardData } from "../../bindings/Board";
import type { PartnershipPage } from "../../bindings/PartnershipPage";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { PartnershipSort } from "../../bindings/PartnershipSort";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { EvaluationBadges } from "./EvaluationBadges";
import { formatDate } from "../../lib/format";
import { useDebounced } from "../../lib/useDebounced";
import { useShortcuts } from "../../lib/shortcuts";
import { AbandonDialog } from "./AbandonDialog";
import { BoardFilters } from "./BoardFilters";
import { ExportBriefs } from "./ExportBriefs";
import { boardState, saveBoardState, type BoardView, type FilterLabels } from "./BoardState";
import { ListView, makeListCache } from "./ListView";
import {
  emptyPartnershipQuery,
  hasPartnershipFilters,
  inScaleOrder,
  keyboardMoveTarget,
  moveCardOnBoard,
  nextListSort,
  STAGES,
  type ListSortState,
} from "./model";
import { NewPartnershipDialog } from "./NewPartnershipDialog";
import { ModeBadge, ModeLetter, StageIcon } from "./visuals";

/** Cards a column shows at first, and how many more « Voir plus » loads. */
export const PER_COLUMN = 50;
const TEXT_DEBOUNCE_MS = 250;

export const partnershipKeys = {
  list: (q: PartnershipQuery) => ["partnerships", q] as const,
  one: (id: string) => ["partnership", id] as const,
  board: (q: PartnershipQuery) => ["partnerships", "board", q, PER_COLUMN] as const,
  column: (q: PartnershipQuery, stage: Stage, offset: number) => ["partnerships", "column", q, stage, offset] as const,
  overview: ["partnerships", "overview"] as const,
};

type PendingMove = { card: PartnershipSummary; stage: Stage };
/** How many extra pages each column has loaded, for one query. */
type MorePages = { key: string; pages: Partial<Record<Stage, number>> };

export function Board() {
  const { t, lang } = useI18n();
  const v = t.partnership.views;
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const dataChanged = useDataChanged();
  const dataVersion = useDataVersion();
  const [filters, setFiltersState] = useState<PartnershipQuery>(() => boardState().filters);
  const [labels, setLabels] = useState<FilterLabels>(() => boardState().labels);
  const [textDraft, setTextDraft] = useState(() => boardState().filters.text ?? "");
  const [view, setViewState] = useState<BoardView>(() => boardState().view);
  const [sort, setSortState] = useState<ListSortState>(() => boardState().sort);
  const [creating, setCreating] = useState(false);
  const [abandoning, setAbandoning] = useState<PendingMove | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<string | null>(null);

  // The text reaches the query once typing pauses; emptied, at once.
  const debouncedText = useDebounced(textDraft, TEXT_DEBOUNCE_MS);
  const query = useMemo<PartnershipQuery>(() => {
    const text = textDraft.trim() === "" ? "" : debouncedText.trim();
    return { ...filters, text: text === "" ? null : text };
  }, [filters, textDraft, debouncedText]);
  const queryKey = JSON.stringify(query);

  const setFilters = (update: Partial<PartnershipQuery>, labelUpdate?: Partial<FilterLabels>) => {
    const next = { ...filters, ...update };
    setFiltersState(next);
    saveBoardState({ filters: { ...next, text: textDraft.trim() === "" ? null : textDraft } });
    if (labelUpdate) {
      const nextLabels = { ...labels, ...labelUpdate };
      setLabels(nextLabels);
      saveBoardState({ labels: nextLabels });
    }
  };
  const onText = (text: string) => {
    setTextDraft(text);
    saveBoardState({ filters: { ...filters, text: text.trim() === "" ? null : text } });
  };
  const clearFilters = () => {
    const none = emptyPartnershipQuery();
    setFiltersState(none);
    setTextDraft("");
    setLabels({ actor: null, commune: null });
    saveBoardState({ filters: none, labels: { actor: null, commune: null } });
  };
  const setView = (next: BoardView) => {
    setViewState(next);
    saveBoardState({ view: next });
  };
  const onSort = (column: PartnershipSort) => {
    const next = nextListSort(sort, column);
    setSortState(next);
    saveBoardState({ sort: next });
  };

  const overview = useQuery({ queryKey: partnershipKeys.overview, queryFn: getPartnershipOverview });
  const boardKey = partnershipKeys.board(query);
  const board = useQuery({
    queryKey: boardKey,
    queryFn: () => getPartnershipBoard(query, PER_COLUMN),
    enabled: view === "board",
    placeholderData: (previous) => previous,
  });

  // « Voir plus »: extra pages per column, forgotten when the filters change.
  const [more, setMore] = useState<MorePages>({ key: queryKey, pages: {} });
  const morePages = more.key === queryKey ? more.pages : {};
  const extraSpecs = STAGES.flatMap((stage) =>
    Array.from({ length: morePages[stage] ?? 0 }, (_, i) => ({ stage, offset: PER_COLUMN * (i + 1) })),
  );
  const extras = useQueries({
    queries: extraSpecs.map((spec) => ({
      queryKey: partnershipKeys.column(query, spec.stage, spec.offset),
      queryFn: () => getPartnershipPage({ ...query, stage: spec.stage }, "stage", false, spec.offset, PER_COLUMN),
      enabled: view === "board",
    })),
  });
  // Cards moved during this visit stay in sight in their new column, even
  // when they sort beyond the cards it has loaded.
  const [moved, setMoved] = useState<{ key: string; cards: PartnershipSummary[] }>({ key: queryKey, cards: [] });
  const movedCards = moved.key === queryKey ? moved.cards : [];
  const showMore = (stage: Stage) =>
    setMore({ key: queryKey, pages: { ...morePages, [stage]: (morePages[stage] ?? 0) + 1 } });

  // The list: a page cache per query, sort and data version.
  // (An old cache is dropped, not disposed: StrictMode replays effects, and
  // its late answers reach no subscriber.)
  const listCache = useMemo(() => makeListCache(query, sort, dataVersion), [query, sort, dataVersion]);
  useSyncExternalStore(listCache.subscribe, listCache.getVersion);

  useShortcuts({ "Mod+N": () => setCreating(true) }, { inTextFields: true });

  const data = board.data;
  useEffect(() => {
    const id = focusAfter.current;
    if (!id || !data) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="partnership-card"][data-id="${CSS.escape(id)}"]`);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "nearest" });
      focusAfter.current = null;
    }
  }, [data]);

  const stageName = (s: Stage) => t.partnership.labels.stages[s];

  const doMove = async (card: PartnershipSummary, stage: Stage, reason: string | null) => {
    // Show it where it goes at once; the refetch confirms.
    const at = new Date().toISOString();
    queryClient.setQueryData<BoardData>(boardKey, (old) => (old ? moveCardOnBoard(old, card, stage, at) : old));
    queryClient.setQueriesData<PartnershipPage>({ queryKey: ["partnerships", "column"] }, (old) =>
      old ? { ...old, items: old.items.map((r) => (r.id === card.id ? { ...r, stage, stageChangedAt: at, daysInStage: 0 } : r)) } : old,
    );
    focusAfter.current = card.id;
    setMoved({
      key: queryKey,
      cards: [...movedCards.filter((c) => c.id !== card.id), { ...card, stage, stageChangedAt: at, daysInStage: 0 }],
    });
    try {
      await movePartnership(card.id, stage, reason);
      setAnnouncement(t.partnership.moved(card.title, stageName(stage)));
    } catch (raw: unknown) {
      setMoved((m) => ({ ...m, cards: m.cards.filter((c) => c.id !== card.id) }));
      toasts.show({ message: `${t.partnership.moveFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
    void queryClient.invalidateQueries({ queryKey: ["partnerships"] });
    dataChanged();
  };

  const requestMove = (card: PartnershipSummary, stage: Stage) => {
    if (stage === card.stage) return;
    if (stage === "abandonne") setAbandoning({ card, stage });
    else void doMove(card, stage, null);
  };

  const onCardKey = (card: PartnershipSummary, event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Enter" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      navigate({ name: "partnership", id: card.id });
      return;
    }
    if (!event.altKey || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    event.preventDefault();
    const target = keyboardMoveTarget(
      event.nativeEvent,
      data?.columns.find((c) => c.stage === card.stage),
    );
    if (target === null) setAnnouncement(t.partnership.cannotMove(card.title));
    else requestMove(card, target);
  };

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragged, setDragged] = useState<PartnershipSummary | null>(null);
  const onDragStart = (event: DragStartEvent) => {
    setDragged((event.active.data.current?.card as PartnershipSummary | undefined) ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const card = event.active.data.current?.card as PartnershipSummary | undefined;
    const stage = event.over?.id as Stage | undefined;
    if (card && stage) requestMove(card, stage);
  };

  const filtered = hasPartnershipFilters(query) || textDraft.trim() !== "";
  const total = view === "board" ? data?.total : (listCache.total ?? undefined);

  const header = (
    <header className="page-header">
      <div className="page-header__titles">
        <h1 className="page-title">{t.partnership.title}</h1>
        <p className="page-subtitle tabular" aria-live="polite">
          {total !== undefined ? t.partnership.count(total) : t.common.loading}
        </p>
      </div>
      <div className="board-actions">
        <div className="segmented board-views" role="group" aria-label={v.viewLabel}>
          <button
            type="button"
            className={`segmented__option${view === "board" ? " is-on" : ""}`}
            aria-pressed={view === "board"}
            data-testid="view-board"
            onClick={() => setView("board")}
          >
            <Columns3 size={16} aria-hidden="true" />
            {v.viewBoard}
          </button>
          <button
            type="button"
            className={`segmented__option${view === "list" ? " is-on" : ""}`}
            aria-pressed={view === "list"}
            data-testid="view-list"
            onClick={() => setView("list")}
          >
            <List size={16} aria-hidden="true" />
            {v.viewList}
          </button>
        </div>
        <ExportBriefs query={query} total={total} filtered={filtered} />
        <button
          type="button"
          className="button button--secondary"
          data-testid="open-overview"
          onClick={() => navigate({ name: "overview" })}
        >
          <LayoutGrid size={16} aria-hidden="true" />
          {v.overview}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="partnership-new"
          onClick={() => setCreating(true)}
          data-tooltip={t.partnership.newShortcut}
          data-tooltip-pos="bottom"
        >
          <Plus size={16} aria-hidden="true" />
          {t.partnership.new}
        </button>
      </div>
    </header>
  );

  const empty = total === 0 && !filtered;
  let body;
  if (view === "board" && board.isError) {
    body = (
      <div className="banner banner--error" role="alert">
        <CircleAlert size={20} aria-hidden="true" className="banner__icon" />
        <div>
          <p>
            <strong>{t.partnership.loadError}</strong>
          </p>
          <p>{errorText(toAppError(board.error), lang)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void board.refetch()}>
            {t.common.retry}
          </button>
        </div>
      </div>
    );
  } else if (empty) {
    body = (
      <div className="empty-state" data-testid="partnership-empty">
        <div className="empty-state__icon">
          <Handshake size={28} aria-hidden="true" />
        </div>
        <h2 className="empty-state__title">{t.partnership.emptyTitle}</h2>
        <p className="empty-state__text">{t.partnership.emptyText}</p>
        <div className="empty-state__actions">
          <button type="button" className="button button--primary button--large" onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden="true" />
            {t.partnership.new}
            <kbd className="kbd-on-accent">Ctrl N</kbd>
          </button>
        </div>
      </div>
    );
  } else if (view === "list") {
    body = <ListView cache={listCache} sort={sort} onSort={onSort} />;
  } else {
    const loading = data === undefined;
    const columns = (data?.columns ?? STAGES.map((stage) => ({ stage, total: 0, cards: [] as PartnershipSummary[] })))
      .filter((c) => query.stage === null || c.stage === query.stage)
      .map((col) => {
        const seen = new Set<string>();
        const cards = [
          ...col.cards,
          ...extraSpecs.flatMap((spec, i) => (spec.stage === col.stage ? (extras[i]?.data?.items ?? []) : [])),
          ...movedCards,
        ].filter((c) => c.stage === col.stage && !seen.has(c.id) && (seen.add(c.id), true));
        const fetching = extraSpecs.some((spec, i) => spec.stage === col.stage && extras[i]?.isFetching === true);
        return { ...col, cards, fetching };
      });
    body = (
      <>
        {data && data.total === 0 && (
          <div className="board-nomatch" role="status">
            <strong>{t.partnership.noMatchTitle}</strong> {t.partnership.noMatchText}
          </div>
        )}
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          autoScroll={{ layoutShiftCompensation: false }}
          accessibility={{ screenReaderInstructions: { draggable: t.partnership.boardHint } }}
        >
          <div className={`board${query.stage !== null ? " board--single" : ""}`} role="list" aria-label={t.partnership.board} aria-busy={board.isFetching} data-testid="partnership-board">
            {columns.map((col) => (
              <BoardColumn
                key={col.stage}
                stage={col.stage}
                count={col.total}
                loaded={col.cards.length}
                loading={loading}
                fetchingMore={col.fetching}
                onMore={() => showMore(col.stage)}
              >
                {col.cards.map((card) => (
                  <Card key={card.id} card={card} onKey={onCardKey} />
                ))}
              </BoardColumn>
            ))}
          </div>
          <DragOverlay dropAnimation={null}>{dragged && <CardBody card={dragged} overlay />}</DragOverlay>
        </DndContext>
      </>
    );
  }

  return (
    <div className="page page--board">
      {header}
      {!empty && (
        <BoardFilters
          query={query}
          labels={labels}
          overview={overview.data}
          textDraft={textDraft}
          onText={onText}
          onChange={setFilters}
          onClear={clearFilters}
        />
      )}
      {body}
      <p id="board-card-hint" className="visually-hidden">
        {t.partnership.boardHint}
      </p>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="board-live">
        {announcement}
      </div>
      {abandoning && (
        <AbandonDialog
          title={abandoning.card.title}
          onCancel={() => setAbandoning(null)}
          onConfirm={(reason) => {
            const { card, stage } = abandoning;
            setAbandoning(null);
            void doMove(card, stage, reason);
          }}
        />
      )}
      {creating && (
        <NewPartnershipDialog
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            toasts.show({ message: t.partnership.created, tone: "success" });
            dataChanged();
            navigate({ name: "partnership", id: p.id });
          }}
        />
      )}
    </div>
  );
}

function BoardColumn({
  stage,
  count,
  loaded,
  loading,
  fetchingMore,
  onMore,
  children,
}: {
  stage: Stage;
  count: number;
  loaded: number;
  loading: boolean;
  fetchingMore: boolean;
  onMore: () => void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const v = t.partnership.views;
  const remaining = Math.max(0, count - loaded);
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `board-col-${stage}`;
  return (
    <section
      ref={setNodeRef}
      className={`board__column${isOver ? " is-over" : ""}${stage === "abandonne" ? " board__column--abandoned" : ""}`}
      aria-labelledby={headingId}
      role="listitem"
      data-testid="board-column"
      data-stage={stage}
    >
      <h2 className="board__column-head" id={headingId}>
        <StageIcon stage={stage} />
        <span className="board__column-name">{t.partnership.labels.stages[stage]}</span>
        <span className="count-pill" aria-label={t.partnership.columnCount(count)}>
          {loading ? "…" : count}
        </span>
      </h2>
      <div className="board__cards" role="list">
        {children}
        {!loading && count === 0 && <p className="board__empty small muted">{t.partnership.columnEmpty}</p>}
      </div>
      {!loading && remaining > 0 && (
        <button
          type="button"
          className="button button--ghost button--small board__more"
          data-testid="board-more"
          title={v.showMoreLabel(t.partnership.labels.stages[stage], Math.min(remaining, PER_COLUMN))}
          disabled={fetchingMore}
          onClick={onMore}
        >
          {fetchingMore ? v.loadingMore : v.showMore(remaining)}
        </button>
      )}
    </section>
  );
}

const Card = memo(function Card({
  card,
  onKey,
}: {
  card: PartnershipSummary;
  onKey: (card: PartnershipSummary, event: KeyboardEvent<HTMLElement>) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  return (
    <div role="listitem" className="board__slot">
      <article
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-describedby="board-card-hint"
        className={`pcard${isDragging ? " is-placeholder" : ""}`}
        data-testid="partnership-card"
        data-id={card.id}
        data-stage={card.stage}
        onClick={() => navigate({ name: "partnership", id: card.id })}
        onKeyDown={(e) => onKey(card, e)}
      >
        <CardContent card={card} />
      </article>
    </div>
  );
});

/** The card as it follows the pointer while dragged. */
function CardBody({ card, overlay }: { card: PartnershipSummary; overlay?: boolean }) {
  return (
    <div className={`pcard${overlay ? " is-dragging" : ""}`} aria-hidden="true">
      <CardContent card={card} />
    </div>
  );
}

function CardContent({ card }: { card: PartnershipSummary }) {
  const { t, lang } = useI18n();
  const days = card.daysInStage;
  const overdue = card.overdue;
  const secondary = inScaleOrder(card.modes.secondary.filter((m) => m !== card.modes.primary));
  return (
    <>
      <h3 className="pcard__title">{card.title}</h3>
      <p className="pcard__parties">{card.parties.map((p) => p.actorName).join(" · ")}</p>
      <div className="pcard__modes">
        {card.modes.primary ? (
          <ModeBadge mode={card.modes.primary} showName={false} />
        ) : (
          <span className="badge badge--quiet">{t.partnership.unclassified}</span>
        )}
        {secondary.length > 0 && (
          <span
            className="pcard__secondary"
            aria-label={t.partnership.secondaryModes(secondary.map((m) => t.partnership.labels.modes[m]).join(", "))}
          >
            {secondary.map((m) => (
              <ModeLetter key={m} mode={m} />
            ))}
          </span>
        )}
        <span className="pcard__days tabular" title={t.partnership.daysInStageLong(days)}>
          {t.partnership.daysInStage(days)}
        </span>
      </div>
      <EvaluationBadges row={card} className="pcard__evaluation" />
      {card.nextAction && (
        <p className={`pcard__action${overdue ? " is-late" : ""}`}>
          <span className="pcard__action-text">{card.nextAction}</span>
          {card.nextDueOn && (
            <span className="pcard__due tabular">
              {formatDate(card.nextDueOn, lang)}
              {overdue && <strong className="pcard__late"> · {t.partnership.overdue}</strong>}
            </span>
          )}
        </p>
      )}
    </>
  );
}
