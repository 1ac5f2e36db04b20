// Pure helpers of the partnership screens: grouping cards into columns,
// euro amounts from cents and the keyboard move (to the stages the core
// names). Easy to test.
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { PartnershipSort } from "../../bindings/PartnershipSort";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import type { Lang } from "../../lib/format";
// The pipeline's and the scale's orders are the core's (`Stage::ALL`,
// `RameauMode::ALL`), written next to the bindings by `cargo test`.
import { MODES, STAGES } from "../../bindings/orders";

export { MODES, STAGES };

export const MODE_COLORS: Record<RameauMode, string> = {
  mecenat: "#E69F00",
  cooperation_economique: "#0072B2",
  innovation_societale: "#009E73",
  pratiques_responsables: "#CC79A7",
};

/** Text on a filled mode colour, at WCAG AA (white only on the dark blue). */
export const MODE_INK: Record<RameauMode, string> = {
  mecenat: "#1b1f24",
  cooperation_economique: "#ffffff",
  innovation_societale: "#1b1f24",
  pratiques_responsables: "#1b1f24",
};

/** CSS custom properties giving a mode's colour and ink to its element. */
export function modeStyle(mode: RameauMode): Record<string, string> {
  return { "--mode": MODE_COLORS[mode], "--mode-ink": MODE_INK[mode] };
}

export const MODE_LETTERS: Record<RameauMode, string> = {
  mecenat: "M",
  cooperation_economique: "C",
  innovation_societale: "I",
  pratiques_responsables: "P",
};

/** Modes in the scale's order, whatever order they were given in. */
export function inScaleOrder(modes: readonly RameauMode[]): RameauMode[] {
  return MODES.filter((m) => modes.includes(m));
}

export type Column = { stage: Stage; cards: PartnershipSummary[] };

/** One column per stage in pipeline order (empty ones included), cards by title. */
export function groupByStage(rows: readonly PartnershipSummary[]): Column[] {
  const byStage = new Map<Stage, PartnershipSummary[]>(STAGES.map((s) => [s, []]));
  for (const row of rows) byStage.get(row.stage)?.push(row);
  return STAGES.map((stage) => ({
    stage,
    cards: (byStage.get(stage) ?? []).sort((a, b) => a.title.localeCompare(b.title, "fr")),
  }));
}

const moneyFormats = new Map<Lang, Intl.NumberFormat>();

/** Integer cents as « 1 234,56 € ». */
export function formatCents(cents: number, lang: Lang = "fr"): string {
  let f = moneyFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" });
    moneyFormats.set(lang, f);
  }
  return f.format(cents / 100);
}

/** Basis points as « 37,5 % ». */
export function formatPercent(basisPoints: number, lang: Lang = "fr"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(
    basisPoints / 10_000,
  );
}

type KeyLike = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">;

/** Where the core says a card of a column steps by keyboard (`BoardColumn.previous` / `next`). */
export type StageSteps = { previous: Stage | null; next: Stage | null };

/** Alt+→ / Alt+← on a focused card: the stage to move it to, or null. */
export function keyboardMoveTarget(event: KeyLike, steps: StageSteps | undefined): Stage | null {
  if (!steps || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === "ArrowRight") return steps.next;
  if (event.key === "ArrowLeft") return steps.previous;
  return null;
}

/** A query with no filter: every live partnership. */
export function emptyPartnershipQuery(): PartnershipQuery {
  return {
    mode: null,
    primaryOnly: false,
    unclassified: false,
    stage: null,
    actorId: null,
    commune: null,
    departement: null,
    facilitator: null,
    tag: null,
    overdue: false,
    unmeasured: false,
    text: null,
  };
}

/** Whether any filter narrows the board or the list. */
export function hasPartnershipFilters(q: PartnershipQuery): boolean {
  return (
    q.mode !== null ||
    q.unclassified ||
    q.stage !== null ||
    q.actorId !== null ||
    q.commune !== null ||
    q.departement !== null ||
    q.facilitator !== null ||
    q.tag !== null ||
    q.overdue ||
    q.unmeasured ||
    (q.text !== null && q.text.trim() !== "")
  );
}

/** One row of the overview's mode × stage matrix; `mode` null = not classified yet. */
export type MatrixRow = { mode: RameauMode | null; counts: Record<Stage, number>; total: number };

export type Matrix = { rows: MatrixRow[]; columnTotals: Record<Stage, number>; total: number };

function zeroByStage(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
}

/** The overview's matrix: the four modes in the scale's order, then « non classé », every stage. */
export function buildMatrix(cells: readonly { mode: RameauMode | null; stage: Stage; count: number }[]): Matrix {
  const rows: MatrixRow[] = [...MODES, null].map((mode) => ({ mode, counts: zeroByStage(), total: 0 }));
  const columnTotals = zeroByStage();
  let total = 0;
  for (const cell of cells) {
    const row = rows.find((r) => r.mode === cell.mode);
    if (!row) continue;
    row.counts[cell.stage] += cell.count;
    row.total += cell.count;
    columnTotals[cell.stage] += cell.count;
    total += cell.count;
  }
  return { rows, columnTotals, total };
}

/** The list view's sort: a column header clicked once sorts by it, again reverses it. */
export type ListSortState = { sort: PartnershipSort; descending: boolean };

export function nextListSort(current: ListSortState, clicked: PartnershipSort): ListSortState {
  return current.sort === clicked ? { sort: clicked, descending: !current.descending } : { sort: clicked, descending: false };
}

type BoardLike = { total: number; columns: { stage: Stage; total: number; cards: PartnershipSummary[] }[] };

/** The board as it will be once `card` is in `stage`: shown at once, the refetch confirms. */
export function moveCardOnBoard<B extends BoardLike>(board: B, card: PartnershipSummary, stage: Stage, at: string): B {
  const moved: PartnershipSummary = { ...card, stage, stageChangedAt: at, daysInStage: 0 };
  return {
    ...board,
    columns: board.columns.map((col) => {
      if (col.stage === card.stage) {
        return { ...col, total: Math.max(0, col.total - 1), cards: col.cards.filter((c) => c.id !== card.id) };
      }
      if (col.stage === stage) {
        const cards = [...col.cards.filter((c) => c.id !== card.id), moved].sort((a, b) => a.title.localeCompare(b.title, "fr"));
        return { ...col, total: col.total + 1, cards };
      }
      return col;
    }),
  };
}
