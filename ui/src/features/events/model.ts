// Pure helpers of « Événements »: times, the plan grid, the capture grid's
// keyboard moves, the room's countdown. No IPC, no React: unit-tested.
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventInput } from "../../bindings/EventInput";
import type { EventMeeting } from "../../bindings/EventMeeting";
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

/** A new event's form: today's date is left for the person to type. */
export function emptyEventInput(): EventInput {
  return {
    name: "",
    date: "",
    venue: null,
    startTime: "14:00",
    roundMinutes: 7,
    changeoverMinutes: 2,
    rounds: 8,
    tables: 10,
    breaks: [],
    seatedSide: "associations",
    allowPartners: false,
    notes: null,
  };
}

/** The participants of each side: seated first. */
export function sidesOf(detail: EventDetail): { seated: Participant[]; visitors: Participant[] } {
  const seatedSide = detail.event.seatedSide;
  return {
    seated: detail.participants.filter((p) => p.side === seatedSide),
    visitors: detail.participants.filter((p) => p.side !== seatedSide),
  };
}

/** One line of the plan grid: a table, who sits there, and the visitor of each round. */
export type GridRow = { table: number; seated: string | null; visitors: (string | null)[] };

/** The plan as tables × rounds (participant ids), tables in order. */
export function planGrid(detail: EventDetail): GridRow[] {
  const rounds = detail.event.rounds;
  const rows = new Map<number, GridRow>();
  const row = (table: number): GridRow => {
    let r = rows.get(table);
    if (!r) {
      r = { table, seated: null, visitors: Array<string | null>(rounds).fill(null) };
      rows.set(table, r);
    }
    return r;
  };
  for (const p of detail.participants) {
    if (p.side === detail.event.seatedSide && p.table !== null) row(p.table).seated = p.id;
  }
  for (const m of detail.meetings) {
    const r = row(m.table);
    r.seated ??= m.seated;
    if (m.round >= 1 && m.round <= rounds) r.visitors[m.round - 1] = m.visitor;
  }
  return [...rows.values()].sort((a, b) => a.table - b.table);
}

/** Visitors without a meeting in each round (present ones only). */
export function pausesByRound(detail: EventDetail): string[][] {
  const seatedSide = detail.event.seatedSide;
  const visitors = detail.participants.filter((p) => p.side !== seatedSide && p.presence !== "absent");
  return Array.from({ length: detail.event.rounds }, (_, i) => {
    const busy = new Set(detail.meetings.filter((m) => m.round === i + 1).map((m) => m.visitor));
    return visitors.filter((v) => !busy.has(v.id)).map((v) => v.id);
  });
}

/** Meetings ticked on both sides that have no partnership yet. */
export function pendingMutual(meetings: readonly EventMeeting[]): number {
  return meetings.filter((m) => m.seatedTick && m.visitorTick && m.partnershipId === null).length;
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
