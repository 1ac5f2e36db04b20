// « Souhaits suggérés »: the core's suggestions per participant, all ticked,
// accepted in one call with the ticked pairs only.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventWishSuggestions } from "../../bindings/EventWishSuggestions";
import { renderWithProviders } from "../partnership/testFixtures";
import { ParticipantsTab } from "./ParticipantsTab";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock(
    "addEventParticipant",
    "changeEventParticipant",
    "removeEventParticipant",
    "search",
    "quickAddEventParticipant",
    "setEventWish",
    "listEventWishSuggestions",
    "acceptEventWishSuggestions",
  );
});

const api = vi.mocked(gateway);

function person(id: string, name: string, side: "associations" | "entreprises") {
  const actorKind = side === "associations" ? "association" : "entreprise";
  const unknown = { sector: null, commune: null, contactId: null, contactName: null, table: null };
  return { ...unknown, id, actorId: `a-${id}`, actorName: name, actorKind, side, presence: "expected", quickAdded: false };
}

function detail(plannedAt: string | null): EventDetail {
  return {
    event: { id: "evt", name: "Rencontres", rounds: 8, tables: 8, seatedSide: "associations", playedRounds: 0, plannedAt, version: 4 },
    slots: [],
    participants: [person("p1", "Bretzel & Partage", "associations"), person("p2", "Logistique Trois Frontières", "entreprises"), person("p3", "Scierie de Villé", "entreprises")],
    wishes: [],
    meetings: [],
    followUps: [],
    possibleMeetings: 2,
    visitorsPresent: 2,
  } as unknown as EventDetail;
}

function suggestion(to: string, name: string, mode: "mecenat" | "cooperation_economique", reason: string) {
  return {
    to,
    actorId: `a-${to}`,
    actorName: name,
    actorKind: "entreprise" as const,
    score: 80,
    modes: [mode],
    reasons: [reason, "Dans le même département."],
    reasonsEn: ["Need…", "In the same department."],
  };
}

const suggestions: EventWishSuggestions = {
  participants: [
    {
      participantId: "p1",
      actorName: "Bretzel & Partage",
      side: "associations",
      suggestions: [
        suggestion("p2", "Logistique Trois Frontières", "mecenat", "Besoin « Une cuisine » ↔ offre « Un entrepôt » : des locaux prêtés."),
        suggestion("p3", "Scierie de Villé", "cooperation_economique", "Offre « Traiteur solidaire » ↔ besoin « Des repas » : un échange économique."),
      ],
    },
    {
      participantId: "p2",
      actorName: "Logistique Trois Frontières",
      side: "entreprises",
      suggestions: [
        {
          ...suggestion("p1", "Bretzel & Partage", "cooperation_economique", "Besoin « Du tri » ↔ offre « Un chantier d'insertion »."),
          actorKind: "association",
        },
      ],
    },
  ],
  total: 3,
  level: "would",
};

beforeEach(() => {
  api.listEventWishSuggestions.mockReset().mockResolvedValue(suggestions);
  api.acceptEventWishSuggestions.mockReset().mockResolvedValue(detail(null));
});

describe("suggested wishes", () => {
  it("shows each participant's suggestions ticked and accepts the ticked ones in one call", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ParticipantsTab detail={detail(null)} />);
    await user.click(screen.getByTestId("wish-suggestions-open"));
    const boxes = await screen.findAllByTestId("wish-suggestion");
    expect(api.listEventWishSuggestions).toHaveBeenCalledWith("evt");
    const groups = screen.getAllByTestId("wish-suggestions-group");
    expect(groups.map((g) => g.querySelector("legend")?.textContent)).toEqual([
      "Bretzel & Partage devrait rencontrer…",
      "Logistique Trois Frontières devrait rencontrer…",
    ]);
    // The reason's first line and the plausible mode.
    expect(groups[0]!.textContent).toContain("Besoin « Une cuisine » ↔ offre « Un entrepôt »");
    expect(groups[0]!.textContent).not.toContain("même département");
    expect(groups[0]!.textContent).toContain("Mécénat");
    expect(groups[0]!.textContent).toContain("Coopération économique");
    // The level the core sends, in words.
    expect(screen.getByTestId("wish-suggestions-dialog").textContent).toContain("« Aimerait rencontrer »");
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    // The keyboard starts on the first suggestion.
    await waitFor(() => expect(document.activeElement).toBe(boxes[0]));
    const accept = screen.getByTestId("wish-suggestions-accept");
    expect(accept.textContent).toBe("Accepter les 3 souhaits");
    // Untick the sawmill by keyboard.
    await user.tab();
    expect(document.activeElement).toBe(boxes[1]);
    await user.keyboard(" ");
    expect((boxes[1] as HTMLInputElement).checked).toBe(false);
    expect(accept.textContent).toBe("Accepter les 2 souhaits");
    await user.click(accept);
    await waitFor(() => expect(api.acceptEventWishSuggestions).toHaveBeenCalledTimes(1));
    expect(api.acceptEventWishSuggestions).toHaveBeenCalledWith("evt", [
      { from: "p1", to: "p2" },
      { from: "p2", to: "p1" },
    ]);
    expect(await screen.findByText("2 souhaits ajoutés.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("wish-suggestions-dialog")).toBeNull());
  });

  it("asks to re-plan when a plan exists, and accepts nothing once all are unticked", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ParticipantsTab detail={detail("2026-12-01T10:00:00Z")} />);
    await user.click(screen.getByTestId("wish-suggestions-open"));
    const boxes = await screen.findAllByTestId("wish-suggestion");
    await user.click(boxes[0]!);
    await user.click(boxes[1]!);
    await user.click(boxes[2]!);
    const accept = screen.getByTestId("wish-suggestions-accept");
    expect(accept.textContent).toBe("Aucun souhait coché");
    expect((accept as HTMLButtonElement).disabled).toBe(true);
    await user.click(boxes[2]!);
    await user.click(accept);
    expect(await screen.findByText("1 souhait ajouté : replanifiez les tours restants pour en tenir compte.")).toBeTruthy();
  });

  it("gives the core's reason when nothing can be suggested", async () => {
    const user = userEvent.setup();
    api.listEventWishSuggestions.mockRejectedValue({
      kind: "invalid",
      message: "Les 6 tours de « Rencontres » ont tous commencé : un souhait ne changerait plus le planning.",
      messageEn: "Every round has started.",
      fields: [],
    });
    renderWithProviders(<ParticipantsTab detail={detail(null)} />);
    await user.click(screen.getByTestId("wish-suggestions-open"));
    expect((await screen.findByTestId("wish-suggestions-error")).textContent).toContain("ont tous commencé");
    expect(screen.queryByTestId("wish-suggestions-accept")).toBeNull();
  });

  it("says when there is nothing to suggest", async () => {
    const user = userEvent.setup();
    api.listEventWishSuggestions.mockResolvedValue({ participants: [], total: 0, level: "would" });
    renderWithProviders(<ParticipantsTab detail={detail(null)} />);
    await user.click(screen.getByTestId("wish-suggestions-open"));
    expect((await screen.findByTestId("wish-suggestions-empty")).textContent).toContain("Aucun souhait à suggérer");
    expect(screen.queryByTestId("wish-suggestions-accept")).toBeNull();
  });
});
