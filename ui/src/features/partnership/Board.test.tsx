import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { DataProvider } from "../../app/data";
import { ToastProvider } from "../../app/toasts";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { I18nProvider } from "../../i18n";
import { Board } from "./Board";

vi.mock("../../api/gateway", () => ({
  listPartnerships: vi.fn(),
  movePartnership: vi.fn(),
  validatePartnership: vi.fn(),
  createPartnership: vi.fn(),
  search: vi.fn(),
}));

const api = vi.mocked(gateway);

const CARD: PartnershipSummary = {
  id: "p1",
  title: "Paniers bio",
  stage: "rencontre",
  modes: { primary: "mecenat", secondary: ["pratiques_responsables"], mecenatKinds: [] },
  parties: [
    { actorId: "a1", actorName: "Boulangerie Koenig", role: "partenaire" },
    { actorId: "a2", actorName: "Jardins", role: "porteur" },
  ],
  facilitator: null,
  nextDueOn: "2020-01-02",
  nextAction: "Appeler",
  stageChangedAt: new Date().toISOString(),
  tags: [],
  updatedAt: "",
};

function renderBoard() {
  return render(
    <I18nProvider initial="fr">
      <DataProvider>
        <ToastProvider>
          <Board />
        </ToastProvider>
      </DataProvider>
    </I18nProvider>,
  );
}

beforeEach(() => {
  api.listPartnerships.mockReset().mockResolvedValue([CARD]);
  api.movePartnership.mockReset().mockResolvedValue({} as never);
});

describe("Board", () => {
  it("shows columns with counts and a card with its mode letter, parties and overdue action", async () => {
    renderBoard();
    const cardEl = await screen.findByTestId("partnership-card");
    expect(cardEl.dataset.id).toBe("p1");
    expect(cardEl.textContent).toContain("Boulangerie Koenig · Jardins");
    expect(cardEl.textContent).toContain("M");
    expect(cardEl.textContent).toContain("en retard");
    expect(cardEl.textContent).toContain("depuis aujourd'hui");
    const columns = screen.getAllByTestId("board-column");
    expect(columns.map((c) => c.dataset.stage)).toEqual([
      "rencontre",
      "exploration",
      "preparation",
      "contractualisation",
      "mise_en_oeuvre",
      "evaluation",
      "essaimage",
      "abandonne",
    ]);
    expect(within(columns[0]!).getByText("1")).toBeTruthy();
  });

  it("moves a focused card to the next stage with Alt+→ and announces it", async () => {
    const user = userEvent.setup();
    renderBoard();
    const cardEl = await screen.findByTestId("partnership-card");
    cardEl.focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(api.movePartnership).toHaveBeenCalledWith("p1", "exploration", null));
    await waitFor(() => expect(screen.getByTestId("board-live").textContent).toContain("Exploration"));
  });

  it("says so when a card cannot go back from the first stage", async () => {
    const user = userEvent.setup();
    renderBoard();
    const cardEl = await screen.findByTestId("partnership-card");
    cardEl.focus();
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(api.movePartnership).not.toHaveBeenCalled();
    expect(screen.getByTestId("board-live").textContent).toContain("ne peut pas aller plus loin");
  });

  it("offers « Nouveau partenariat » when there is none", async () => {
    api.listPartnerships.mockResolvedValue([]);
    renderBoard();
    const empty = await screen.findByTestId("partnership-empty");
    expect(empty.textContent).toContain("Nouveau partenariat");
  });
});
