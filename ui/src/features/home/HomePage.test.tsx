import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { Home } from "../../bindings/Home";
import { renderWithProviders } from "../partnership/testFixtures";
import { HomePage } from "./HomePage";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("getHome", "completePartnershipAction", "reopenPartnershipAction", "listOpenFollowUps", "setFollowUpDone");
});

const api = vi.mocked(gateway);

const HOME: Home = {
  actions: [
    { partnershipId: "p1", partnershipTitle: "Collecte de Noël", index: 0, text: "Appeler le garage", owner: "Léa", dueOn: "2026-12-01", group: "overdue" },
    { partnershipId: "p2", partnershipTitle: "Jardins partagés", index: 2, text: "Envoyer la convention", owner: null, dueOn: "2026-12-11", group: "thisWeek" },
  ],
  partnershipsOverdue: 1,
  followUps: [],
  followUpsTotal: 0,
  nextEvent: {
    id: "e1",
    name: "Speed-dating de janvier",
    date: "2027-01-14",
    venue: "Sélestat",
    readiness: { participants: 24, unplanned: 2, planned: true, packPrinted: false, daysLeft: 36 },
  },
  checks: [{ partnershipId: "p3", partnershipTitle: "Repair café", kind: "measure", indicator: "Objets réparés", dueOn: "2026-11-20", overdue: true }],
  checksTotal: 12,
  stuck: [],
  stuckTotal: 0,
  reviews: [{ contactId: "c1", name: "Marie Klein", actorId: "a1", actorName: "Banque Alimentaire", dueOn: "2026-12-20", overdue: false }],
  reviewsTotal: 1,
  recent: [{ kind: "partnership", id: "p1", label: "Collecte de Noël", actorId: null, at: "2026-12-08T09:30:00Z", created: false }],
};

beforeEach(() => {
  window.location.hash = "#/accueil";
  api.getHome.mockReset().mockResolvedValue(HOME);
  api.listOpenFollowUps.mockReset().mockResolvedValue([]);
  api.completePartnershipAction.mockReset().mockResolvedValue({} as never);
  api.reopenPartnershipAction.mockReset().mockResolvedValue({} as never);
});

describe("HomePage", () => {
  it("groups the actions by due date and shows the next event's readiness", async () => {
    renderWithProviders(<HomePage />, { confirm: false });
    const overdue = await screen.findByTestId("home-actions-overdue");
    expect(overdue.textContent).toContain("En retard");
    expect(overdue.textContent).toContain("Appeler le garage");
    expect(overdue.textContent).toContain("par Léa");
    expect(screen.getByTestId("home-actions-thisWeek").textContent).toContain("Envoyer la convention");
    expect(screen.queryByTestId("home-actions-today")).toBeNull();
    expect(screen.getByTestId("home-event-planned").textContent).toContain("2 inscrits après le planning");
    expect(screen.getByTestId("home-event-planned").getAttribute("data-ok")).toBe("false");
    expect(screen.getByTestId("home-event-printed").textContent).toContain("pas encore imprimé");
    expect(screen.getByTestId("home-checks").textContent).toContain("Mesurer « Objets réparés »");
    expect(screen.getByTestId("home-checks").textContent).toContain("et 11 de plus");
    const review = screen.getByTestId("home-review");
    expect(within(review).getByRole("link", { name: "Marie Klein" }).getAttribute("href")).toBe("#/acteurs/a1?contact=c1");
    expect(screen.getByTestId("home-stuck").textContent).toContain("Aucun partenariat");
  });

  it("marks an action done in place and « Annuler » makes it to do again", async () => {
    const user = userEvent.setup();
    renderWithProviders(<HomePage />, { confirm: false });
    const done = await screen.findAllByTestId("home-action-done");
    expect(done[0]!.getAttribute("aria-label")).toBe("Marquer « Appeler le garage » comme faite");
    await user.click(done[0]!);
    expect(api.completePartnershipAction).toHaveBeenCalledWith("p1", 0);
    const undo = await screen.findByTestId("toast-undo");
    await user.click(undo);
    await waitFor(() => expect(api.reopenPartnershipAction).toHaveBeenCalledWith("p1", 0));
    // The page asks the core again after each change.
    await waitFor(() => expect(api.getHome.mock.calls.length).toBeGreaterThanOrEqual(3));
  });

  it("says what failed when the page cannot be prepared", async () => {
    api.getHome.mockReset().mockRejectedValue({ kind: "storage", message: "Disque plein", messageEn: "Disk full" });
    renderWithProviders(<HomePage />, { confirm: false });
    // A storage error is asked again once before it shows.
    const error = await screen.findByTestId("home-error", {}, { timeout: 5000 });
    expect(error.textContent).toContain("L'accueil n'a pas pu être préparé.");
  });
});
