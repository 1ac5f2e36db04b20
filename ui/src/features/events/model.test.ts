import { describe, expect, it } from "vitest";

import type { EventDetail } from "../../bindings/EventDetail";
import type { Participant } from "../../bindings/Participant";
import { clockAt, countdown, endTime, moveRow, pausesByRound, pendingMutual, planGrid, signalFor } from "./model";

function participant(id: string, side: "associations" | "entreprises", table: number | null = null): Participant {
  return {
    id,
    actorId: `a-${id}`,
    actorName: id.toUpperCase(),
    actorKind: side === "associations" ? "association" : "entreprise",
    sector: null,
    commune: null,
    contactId: null,
    contactName: null,
    side,
    table,
    presence: "expected",
    quickAdded: false,
  };
}

function meeting(round: number, table: number, seated: string, visitor: string, ticks: [boolean, boolean] = [false, false]) {
  return {
    round,
    table,
    seated,
    visitor,
    seatedTick: ticks[0],
    visitorTick: ticks[1],
    seatedNote: null,
    visitorNote: null,
    partnershipId: null,
    partnershipTitle: null,
  };
}

const detail = {
  event: { rounds: 2, seatedSide: "associations" },
  participants: [participant("s1", "associations", 1), participant("s2", "associations", 2), participant("v1", "entreprises"), participant("v2", "entreprises"), participant("v3", "entreprises")],
  meetings: [meeting(1, 1, "s1", "v1", [true, true]), meeting(1, 2, "s2", "v2"), meeting(2, 1, "s1", "v3", [true, false]), meeting(2, 2, "s2", "v1")],
  wishes: [],
  slots: [],
  followUps: [],
} as unknown as EventDetail;

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

  it("lays the plan out as tables × rounds with the pauses", () => {
    const grid = planGrid(detail);
    expect(grid.map((r) => [r.table, r.seated, r.visitors])).toEqual([
      [1, "s1", ["v1", "v3"]],
      [2, "s2", ["v2", "v1"]],
    ]);
    expect(pausesByRound(detail)).toEqual([["v3"], ["v2"]]);
    expect(pendingMutual(detail.meetings)).toBe(1);
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
