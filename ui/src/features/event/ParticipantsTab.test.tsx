// The participants tab states the possible meetings the core computed (the
// planner's number, the same the planning shows), not tables × rounds.
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { EventDetail } from "../../bindings/EventDetail";
import type { Participant } from "../../bindings/Participant";
import { renderWithProviders } from "../partnership/testFixtures";
import { ParticipantsTab } from "./ParticipantsTab";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("addEventParticipant", "changeEventParticipant", "removeEventParticipant", "search", "quickAddEventParticipant", "setEventWish", "saveEventPack");
});

function participant(id: string, side: "associations" | "entreprises", table: number | null): Participant {
  return {
    id,
    actorId: `a-${id}`,
    actorName: `Participant ${id}`,
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

function detail(possibleMeetings: number | null): EventDetail {
  const seated = Array.from({ length: 8 }, (_, i) => participant(`s${i + 1}`, "associations", i + 1));
  const visitors = Array.from({ length: 8 }, (_, i) => participant(`v${i + 1}`, "entreprises", null));
  return {
    event: { id: "evt", rounds: 8, tables: 8, seatedSide: "associations", playedRounds: 0 },
    slots: [],
    participants: [...seated, ...visitors],
    wishes: [],
    meetings: [],
    followUps: [],
    possibleMeetings,
    // Counted by the core (domain::event::grid::visitors_present).
    visitorsPresent: 8,
  } as unknown as EventDetail;
}

describe("participants tab", () => {
  it("gives the core's possible meetings, not tables × rounds", () => {
    renderWithProviders(<ParticipantsTab detail={detail(63)} />);
    const line = screen.getByTestId("participants-capacity").textContent;
    expect(line).toContain("63 rencontres possibles au plus");
    expect(line).toContain("8 participants tournent");
    expect(line).not.toContain("64");
  });

  it("gives only who moves while the event cannot be planned", () => {
    renderWithProviders(<ParticipantsTab detail={detail(null)} />);
    expect(screen.getByTestId("participants-capacity").textContent).toBe("8 participants tournent");
  });
});
