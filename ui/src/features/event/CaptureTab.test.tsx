// The capture grid against a mocked gateway: a tick saves at once, a note
// typed right after is kept and sent with the next change, saves of one
// meeting never overtake each other, mutual ticks stand out, and the leads
// action reports what it created.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventMeeting } from "../../bindings/EventMeeting";
import type { MeetingCapture } from "../../bindings/MeetingCapture";
import type { Participant } from "../../bindings/Participant";
import { renderWithProviders } from "../partnership/testFixtures";
import { CaptureTab } from "./CaptureTab";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("captureEventMeeting", "createEventLeads", "setFollowUpDone");
});

const api = vi.mocked(gateway);

function participant(id: string, name: string, side: "associations" | "entreprises"): Participant {
  return {
    id,
    actorId: `a-${id}`,
    actorName: name,
    actorKind: side === "associations" ? "association" : "entreprise",
    sector: null,
    commune: null,
    contactId: null,
    contactName: null,
    side,
    table: side === "associations" ? 1 : null,
    presence: "present",
    quickAdded: false,
  };
}

function meeting(round: number, table: number, seated: string, visitor: string): EventMeeting {
  return {
    round,
    table,
    seated,
    visitor,
    seatedTick: false,
    visitorTick: false,
    seatedNote: null,
    visitorNote: null,
    partnershipId: null,
    partnershipTitle: null,
  };
}

const detail = {
  event: { id: "evt", rounds: 2, seatedSide: "associations" },
  slots: [
    { number: 1, startMinute: 0, endMinute: 7, gapAfter: 2, breakAfter: false },
    { number: 2, startMinute: 9, endMinute: 16, gapAfter: 0, breakAfter: false },
  ],
  participants: [participant("s", "Bretzel & Partage", "associations"), participant("v", "Caves du Strengbach", "entreprises"), participant("w", "Kaleido", "entreprises")],
  wishes: [],
  meetings: [meeting(1, 1, "s", "v"), meeting(2, 1, "s", "w")],
  followUps: [],
} as unknown as EventDetail;

describe("capture grid", () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("keeps what is typed while a save runs, and sends saves in order", async () => {
    const sent: MeetingCapture[] = [];
    let release: () => void = () => undefined;
    api.captureEventMeeting.mockImplementation((_id, capture) => {
      sent.push(capture);
      // The first save is slow: everything after it waits.
      return sent.length === 1
        ? new Promise((resolve) => {
            release = () => resolve(meeting(capture.round, capture.table, "s", "v"));
          })
        : Promise.resolve(meeting(capture.round, capture.table, "s", "v"));
    });
    const user = userEvent.setup();
    renderWithProviders(<CaptureTab detail={detail} />);
    await user.click(screen.getByTestId("tick-seated-0"));
    await user.click(screen.getByTestId("note-seated-0"));
    await user.keyboard("Des cartons");
    await user.click(screen.getByTestId("tick-visitor-0"));
    expect(screen.getByTestId<HTMLInputElement>("note-seated-0").value).toBe("Des cartons");
    expect(screen.getByTestId<HTMLInputElement>("tick-visitor-0").checked).toBe(true);
    expect(screen.getByTestId("capture-row-0").textContent).toContain("Réciproque");
    expect(sent).toHaveLength(1);
    release();
    await waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(2));
    const last = sent[sent.length - 1];
    expect(last).toMatchObject({ round: 1, table: 1, seatedTick: true, visitorTick: true, seatedNote: "Des cartons" });
  });

  it("moves down the same column with the arrow keys", async () => {
    api.captureEventMeeting.mockResolvedValue(meeting(1, 1, "s", "v"));
    const user = userEvent.setup();
    renderWithProviders(<CaptureTab detail={detail} />);
    screen.getByTestId("tick-visitor-0").focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(screen.getByTestId("tick-visitor-1"));
  });

  it("reports the leads created", async () => {
    api.createEventLeads.mockResolvedValue({ partnerships: ["p1"], followUps: 2, already: 0 });
    const user = userEvent.setup();
    renderWithProviders(<CaptureTab detail={detail} />);
    await user.click(screen.getByTestId("leads-create"));
    expect((await screen.findByText(/1 piste de partenariat créée au stade « rencontre », 2 relances/)).textContent).toContain("2 relances");
  });
});
