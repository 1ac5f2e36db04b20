import { describe, expect, it } from "vitest";

import {
  clockAt,
  countdown,
  endTime,
  moveRow,
  ROOM_PAGE_MS,
  ROOM_TABLE_EM,
  ROOM_TEXT_MIN,
  roomLayout,
  roomPage,
  roomPageTables,
  signalFor,
} from "./model";

describe("events model", () => {
  it("writes clock times the French way, past midnight too", () => {
    expect(clockAt("14:30:00", 0, "fr")).toBe("14\u00a0h\u00a030");
    expect(clockAt("14:30", 37, "fr")).toBe("15\u00a0h\u00a007");
    expect(clockAt("23:50", 15, "fr")).toBe("0\u00a0h\u00a005");
    const slots = [{ number: 1, startMinute: 0, endMinute: 7, gapAfter: 0, breakAfter: false }];
    expect(endTime("14:00", slots, "fr")).toBe("14\u00a0h\u00a007");
  });

  it("writes clock times the English way in English", () => {
    expect(clockAt("14:30:00", 0, "en")).toBe("14:30");
    expect(clockAt("09:05", 0, "en")).toBe("09:05");
    expect(clockAt("23:50", 15, "en")).toBe("00:05");
    const slots = [{ number: 1, startMinute: 0, endMinute: 7, gapAfter: 0, breakAfter: false }];
    expect(endTime("14:00", slots, "en")).toBe("14:07");
  });

  it("moves between rows and counts down", () => {
    expect(moveRow(0, 3, "ArrowDown")).toBe(1);
    expect(moveRow(2, 3, "ArrowDown")).toBeNull();
    expect(moveRow(0, 3, "ArrowUp")).toBeNull();
    expect(moveRow(1, 3, "End")).toBe(2);
    expect(moveRow(1, 3, "x")).toBeNull();
    expect(countdown(7 * 60_000)).toBe("7:00");
    expect(countdown(61_001)).toBe("1:02");
    expect(countdown(-5)).toBe("0:00");
    expect(signalFor("round", "gap")).toBe("roundEnd");
    expect(signalFor("gap", "round")).toBe("roundStart");
    expect(signalFor("round", "round")).toBeNull();
  });
});

// The space the room leaves to the table plan: the width less the side
// padding, and about 40 % of the height under the countdown and above the
// buttons (what the window measured at 1280 × 720 and 1920 × 1080).
const SCREENS = [
  { name: "1280 × 720", width: 1280, height: 720, area: { width: 1203, height: 290 } },
  { name: "1920 × 1080", width: 1920, height: 1080, area: { width: 1805, height: 435 } },
];

describe("the room's table plan", () => {
  for (const screen of SCREENS) {
    for (const tables of [8, 22, 50]) {
      it(`shows all ${tables} tables readably at ${screen.name}`, () => {
        const l = roomLayout(tables, screen.area.width, screen.area.height, screen.height);
        // Readable from the back, and the countdown (24 % of the height) stays the largest.
        expect(l.fontPx).toBeGreaterThanOrEqual(Math.floor(screen.height * ROOM_TEXT_MIN));
        expect(l.fontPx * 1.3).toBeLessThan(screen.height * 0.24);
        // The grid fits the area it was given.
        const f = l.fontPx;
        expect(l.rows * ROOM_TABLE_EM.row * f + (l.rows - 1) * ROOM_TABLE_EM.rowGap * f).toBeLessThanOrEqual(screen.area.height);
        expect(l.columns * ROOM_TABLE_EM.column * f + (l.columns - 1) * ROOM_TABLE_EM.columnGap * f).toBeLessThanOrEqual(screen.area.width);
        expect(l.perPage).toBeLessThanOrEqual(l.rows * l.columns);
        // Every table on exactly one page, pages balanced.
        const all = Array.from({ length: tables }, (_, i) => i + 1);
        const shown = Array.from({ length: l.pages }, (_, p) => roomPageTables(all, l, p));
        expect(shown.flat()).toEqual(all);
        expect(shown.every((page) => page.length > 0 && page.length >= l.perPage - l.pages)).toBe(true);
        if (tables === 8) expect(l.pages).toBe(1);
      });
    }
  }

  it("uses larger text when few tables leave room, down to the readable minimum", () => {
    const few = roomLayout(4, 1203, 290, 720);
    const many = roomLayout(50, 1203, 290, 720);
    expect(few.fontPx).toBeGreaterThan(many.fontPx);
    expect(many.fontPx).toBe(Math.floor(720 * ROOM_TEXT_MIN));
    expect(many.pages).toBeGreaterThan(1);
  });

  it("turns the pages by itself, first page at the start of each phase", () => {
    expect(roomPage(0, 4)).toBe(0);
    expect(roomPage(ROOM_PAGE_MS - 1, 4)).toBe(0);
    expect(roomPage(ROOM_PAGE_MS, 4)).toBe(1);
    expect(roomPage(3 * ROOM_PAGE_MS + 5, 4)).toBe(3);
    expect(roomPage(4 * ROOM_PAGE_MS, 4)).toBe(0);
    expect(roomPage(123_456, 1)).toBe(0);
    expect(roomPage(-50, 3)).toBe(0);
    // Pages turned by hand move the page, and time turns on from there.
    expect(roomPage(0, 4, 1)).toBe(1);
    expect(roomPage(0, 4, -1)).toBe(3);
    expect(roomPage(ROOM_PAGE_MS, 4, -1)).toBe(0);
    expect(roomPage(0, 3, 7)).toBe(1);
    // Within one turn of every page, each table has been shown.
    const l = roomLayout(50, 1203, 290, 720);
    const seen = new Set<number>();
    const all = Array.from({ length: 50 }, (_, i) => i + 1);
    for (let t = 0; t < l.pages * ROOM_PAGE_MS; t += 1000) roomPageTables(all, l, roomPage(t, l.pages)).forEach((n) => seen.add(n));
    expect(seen.size).toBe(50);
  });
});
