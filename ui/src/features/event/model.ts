// Pure helpers of « Événements »: times, the plan grid, the capture grid's
// keyboard moves, the room's countdown. No IPC, no React: unit-tested.
import type { EventDetail } from "../../bindings/EventDetail";
import type { Participant } from "../../bindings/Participant";
import type { RoomPhase } from "../../bindings/RoomPhase";
import type { RoundSlot } from "../../bindings/RoundSlot";
import type { Lang } from "../../lib/format";

/**
 * `14:30:00` or `14:30` plus `minutes`, as a clock reads in `lang`:
 * « 14 h 30 » in French (no-break spaces), "14:30" in English.
 */
export function clockAt(start: string, minutes: number, lang: Lang): string {
  const [h = "0", m = "0"] = start.split(":");
  const total = (((Number(h) * 60 + Number(m) + minutes) % (24 * 60)) + 24 * 60) % (24 * 60);
  const hh = Math.floor(total / 60);
  const mm = String(total % 60).padStart(2, "0");
  return lang === "fr" ? `${hh}\u00a0h\u00a0${mm}` : `${String(hh).padStart(2, "0")}:${mm}`;
}

/** « 14 h 30 – 14 h 37 » / "14:30 – 14:37" for one round. */
export function slotTimes(start: string, slot: RoundSlot, lang: Lang): string {
  return `${clockAt(start, slot.startMinute, lang)} – ${clockAt(start, slot.endMinute, lang)}`;
}

/** When the event ends (the last round's end), « 16 h 05 » / "16:05". */
export function endTime(start: string, slots: readonly RoundSlot[], lang: Lang): string {
  const last = slots[slots.length - 1];
  return clockAt(start, last ? last.endMinute : 0, lang);
}

/** The participants of each side: seated first. */
export function sidesOf(detail: EventDetail): { seated: Participant[]; visitors: Participant[] } {
  const seatedSide = detail.event.seatedSide;
  return {
    seated: detail.participants.filter((p) => p.side === seatedSide),
    visitors: detail.participants.filter((p) => p.side !== seatedSide),
  };
}

/** Wishes a participant expressed. */
export function wishCount(detail: EventDetail, participantId: string): number {
  return detail.wishes.filter((w) => w.from === participantId).length;
}

/** The grid cell to focus after an arrow key: same column, previous or next row. */
export function moveRow(row: number, rows: number, key: string): number | null {
  if (key === "ArrowDown") return row + 1 < rows ? row + 1 : null;
  if (key === "ArrowUp") return row > 0 ? row - 1 : null;
  if (key === "Home") return rows > 0 ? 0 : null;
  if (key === "End") return rows > 0 ? rows - 1 : null;
  return null;
}

/** « 7:05 », « 0:09 », « 12:00 » from milliseconds (rounded up: 0:00 only at the end). */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** What the room announces when a phase ends: a long signal at the end of a round, a short one otherwise. */
export function signalFor(from: RoomPhase, to: RoomPhase): "roundEnd" | "roundStart" | null {
  if (from === to) return null;
  if (from === "round") return "roundEnd";
  if (to === "round") return "roundStart";
  return null;
}

// ---------------------------------------------------------------------------
// The room's table plan: every table of the round, readable from the back of
// the room. This is presentation (it depends on the pixels the projector's
// window has, which only the window knows); the core gives every table.

/** A table of the plan, in em of the plan's text (the CSS uses the same numbers). */
export const ROOM_TABLE_EM = {
  /** Two lines (seated, visitor) of line height 1.2, plus padding. */
  row: 2.9,
  rowGap: 0.3,
  /** A column keeps about twenty-five characters of a name: wider columns rather than cut names. */
  column: 17,
  columnGap: 1,
} as const;
/** The plan's text: at least 3 % of the screen's height (readable from the back), at most 5 % (the countdown, 24 %, stays the largest). */
export const ROOM_TEXT_MIN = 0.03;
export const ROOM_TEXT_MAX = 0.05;
/** Below this, glyphs are no longer crisp, whatever the screen. */
export const ROOM_TEXT_FLOOR_PX = 16;
/** How long a page of tables stays before the next one shows. */
export const ROOM_PAGE_MS = 8000;

export type RoomLayout = {
  /** The plan's text size. */
  fontPx: number;
  columns: number;
  rows: number;
  /** Tables per page (the last page may hold fewer). */
  perPage: number;
  pages: number;
};

/**
 * How the room lays out `tables` tables in the `width` × `height` pixels left
 * under the countdown of a screen `screenHeight` pixels high: on one page at
 * the largest text (up to 5 % of the screen) that fits, else at the smallest
 * readable text (3 %) over as few balanced pages as possible, in as many
 * columns as fit.
 */
export function roomLayout(tables: number, width: number, height: number, screenHeight: number): RoomLayout {
  const min = Math.max(ROOM_TEXT_FLOOR_PX, Math.floor(screenHeight * ROOM_TEXT_MIN));
  const max = Math.max(min, Math.floor(screenHeight * ROOM_TEXT_MAX));
  const n = Math.max(1, tables);
  const fit = (f: number) => ({
    rows: Math.max(1, Math.floor((height + ROOM_TABLE_EM.rowGap * f) / ((ROOM_TABLE_EM.row + ROOM_TABLE_EM.rowGap) * f))),
    columns: Math.max(1, Math.floor((width + ROOM_TABLE_EM.columnGap * f) / ((ROOM_TABLE_EM.column + ROOM_TABLE_EM.columnGap) * f))),
  });
  for (let f = max; f >= min; f--) {
    const { rows, columns } = fit(f);
    if (rows * columns >= n) {
      const used = Math.ceil(n / rows);
      return { fontPx: f, columns: used, rows: Math.ceil(n / used), perPage: n, pages: 1 };
    }
  }
  const { rows, columns } = fit(min);
  const pages = Math.ceil(n / (rows * columns));
  const perPage = Math.ceil(n / pages);
  const used = Math.min(columns, Math.ceil(perPage / rows));
  return { fontPx: min, columns: used, rows: Math.ceil(perPage / used), perPage, pages };
}

/**
 * The page shown `elapsedMs` after the phase started: the first page when a
 * round or a changeover starts, then the next every {@link ROOM_PAGE_MS},
 * round and round. A function of time, so every window agrees, moved by
 * `turned` pages the facilitator turned by hand (Page Up / Page Down).
 */
export function roomPage(elapsedMs: number, pages: number, turned = 0): number {
  if (pages <= 1) return 0;
  const byTime = Math.floor(Math.max(0, elapsedMs) / ROOM_PAGE_MS);
  return (((byTime + turned) % pages) + pages) % pages;
}

/** The tables of page `page` (0-based) of `layout`. */
export function roomPageTables<T>(tables: readonly T[], layout: RoomLayout, page: number): T[] {
  return tables.slice(page * layout.perPage, (page + 1) * layout.perPage);
}
