// The partnership board: one column per stage in pipeline order, cards moved
// by drag and drop or by Alt+→ / Alt+← on a focused card (announced to
// screen readers). Moving to « abandonné » asks why.
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
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Handshake, Plus } from "lucide-react";
import { memo, useEffect, useRef, useState, type KeyboardEvent } from "react";

import { listPartnerships, movePartnership } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { useShortcuts } from "../../lib/shortcuts";
import { daysInStage, groupByStage, inScaleOrder, isOverdue, keyboardMoveTarget, MODES, STAGES } from "./model";
import { AbandonDialog } from "./AbandonDialog";
import { NewPartnershipDialog } from "./NewPartnershipDialog";
import { ModeBadge, ModeLetter, StageIcon } from "./visuals";

export const partnershipKeys = {
  list: (q: PartnershipQuery) => ["partnerships", q] as const,
  one: (id: string) => ["partnership", id] as const,
};

// The filters outlive a visit to a partnership page.
let lastFilters: PartnershipQuery = { mode: null, stage: null, actorId: null };

type PendingMove = { card: PartnershipSummary; stage: Stage };

export function Board() {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const dataChanged = useDataChanged();
  const [filters, setFiltersState] = useState<PartnershipQuery>(lastFilters);
  const [creating, setCreating] = useState(false);
  const [abandoning, setAbandoning] = useState<PendingMove | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<string | null>(null);
  const key = partnershipKeys.list(filters);
  const query = useQuery({ queryKey: key, queryFn: () => listPartnerships(filters) });

  const setFilters = (next: Partial<PartnershipQuery>) => {
    lastFilters = { ...filters, ...next };
    setFiltersState(lastFilters);
  };
  const filtered = filters.mode !== null || filters.stage !== null;

  useShortcuts({ "Mod+N": () => setCreating(true) }, { inTextFields: true });

  const rows = query.data;
  useEffect(() => {
    const id = focusAfter.current;
    if (!id || !rows) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="partnership-card"][data-id="${CSS.escape(id)}"]`);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "nearest" });
      focusAfter.current = null;
    }
  }, [rows]);

  const stageName = (s: Stage) => t.partnership.labels.stages[s];

  const doMove = async (card: PartnershipSummary, stage: Stage, reason: string | null) => {
    // Show it where it goes at once; the refetch confirms.
    queryClient.setQueryData<PartnershipSummary[]>(key, (old) =>
      old?.map((r) => (r.id === card.id ? { ...r, stage, stageChangedAt: new Date().toISOString() } : r)),
    );
    focusAfter.current = card.id;
    try {
      await movePartnership(card.id, stage, reason);
      setAnnouncement(t.partnership.moved(card.title, stageName(stage)));
    } catch (raw: unknown) {
      toasts.show({ message: `${t.partnership.moveFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
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
    const target = keyboardMoveTarget(event.nativeEvent, card.stage);
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

  const header = (
    <header className="page-header">
      <div className="page-header__titles">
        <h1 className="page-title">{t.partnership.title}</h1>
        <p className="page-subtitle tabular">{rows ? t.partnership.count(rows.length) : t.common.loading}</p>
      </div>
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
    </header>
  );

  const empty = rows !== undefined && rows.length === 0 && !filtered;
  let body;
  if (query.isError) {
    body = (
      <div className="banner banner--error" role="alert">
        <CircleAlert size={20} aria-hidden="true" className="banner__icon" />
        <div>
          <p>
            <strong>{t.partnership.loadError}</strong>
          </p>
          <p>{errorText(toAppError(query.error), lang)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
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
  } else {
    const columns = groupByStage(rows ?? []).filter((c) => filters.stage === null || c.stage === filters.stage);
    body = (
      <>
        {rows && rows.length === 0 && (
          <div className="board-nomatch" role="status">
            <strong>{t.partnership.noMatchTitle}</strong> {t.partnership.noMatchText}
          </div>
        )}
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          autoScroll={{ layoutShiftCompensation: false }} accessibility={{ screenReaderInstructions: { draggable: t.partnership.boardHint } }}>
          <div className="board" role="list" aria-label={t.partnership.board} aria-busy={query.isPending} data-testid="partnership-board">
            {columns.map((col) => (
              <BoardColumn key={col.stage} stage={col.stage} count={col.cards.length} loading={query.isPending}>
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
      <div className="filters board-filters" role="search" hidden={empty}>
        <FilterSelect
          testId="filter-mode"
          label={t.partnership.filterMode}
          allLabel={t.partnership.allModes}
          value={filters.mode}
          options={MODES.map((m) => ({ value: m, label: t.partnership.labels.modes[m] }))}
          onChange={(v) => setFilters({ mode: (v as RameauMode | null) ?? null })}
        />
        <FilterSelect
          testId="filter-stage"
          label={t.partnership.filterStage}
          allLabel={t.partnership.allStages}
          value={filters.stage}
          options={STAGES.map((s) => ({ value: s, label: t.partnership.labels.stages[s] }))}
          onChange={(v) => setFilters({ stage: (v as Stage | null) ?? null })}
        />
        {filtered && (
          <button type="button" className="button button--ghost filters__clear" onClick={() => setFilters({ mode: null, stage: null })}>
            {t.partnership.clearFilters}
          </button>
        )}
        <p className="board-hint small muted">{t.partnership.boardHint}</p>
      </div>
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

function FilterSelect({
  testId,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  testId: string;
  label: string;
  allLabel: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <label className="filters__select">
      <span className="visually-hidden">{label}</span>
      <select
        className={`select${value !== null ? " is-active" : ""}`}
        data-testid={testId}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        title={label}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function BoardColumn({
  stage,
  count,
  loading,
  children,
}: {
  stage: Stage;
  count: number;
  loading: boolean;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
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
  const days = daysInStage(card.stageChangedAt);
  const overdue = isOverdue(card.nextDueOn);
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
