import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { Overview } from "../../bindings/Overview";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { Board } from "./Board";
import { emptyPartnershipQuery, STAGES } from "./model";
import { boardOf, renderWithProviders, resetBoardState, summary } from "./testFixtures";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, BOARD_GATEWAY } = await import("./testFixtures");
  return gatewayMock(...BOARD_GATEWAY);
});

const api = vi.mocked(gateway);

const CARD = summary({
  id: "p1",
  title: "Paniers bio",
  stage: "rencontre",
  modes: { primary: "mecenat", secondary: ["pratiques_responsables"], mecenatKinds: [] },
  parties: [
    { actorId: "a1", actorName: "Boulangerie Koenig", role: "partenaire" },
    { actorId: "a2", actorName: "Jardins", role: "porteur" },
  ],
  nextDueOn: "2020-01-02",
  overdue: true,
  nextAction: "Appeler",
  stageChangedAt: new Date().toISOString(),
  daysInStage: 0,
});

function card(i: number): PartnershipSummary {
  return { ...CARD, id: `p${i}`, title: `Partenariat ${String(i).padStart(3, "0")}` };
}

const OVERVIEW: Overview = {
  total: 1,
  matrix: [{ mode: "mecenat", stage: "rencontre", count: 1 }],
  byDepartement: [{ code: "67", label: "Bas-Rhin", count: 1 }],
  byFacilitator: [{ code: "", label: "", count: 1 }],
  byTag: [],
  overdue: 1,
};

function renderBoard() {
  return renderWithProviders(<Board />, { confirm: false });
}

beforeEach(() => {
  resetBoardState();
  api.getPartnershipBoard.mockReset().mockResolvedValue(boardOf([CARD]));
  api.getPartnershipPage.mockReset().mockResolvedValue({ items: [CARD], total: 1 });
  api.getPartnershipOverview.mockReset().mockResolvedValue(OVERVIEW);
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
    expect(columns.map((c) => c.dataset.stage)).toEqual([...STAGES]);
    expect(within(columns[0]!).getByText("1")).toBeTruthy();
    expect(api.getPartnershipBoard).toHaveBeenCalledWith(emptyPartnershipQuery(), 50);
  });

  it("asks the board for the chosen filters and shows them as removable chips", async () => {
    const user = userEvent.setup();
    renderBoard();
    await screen.findByTestId("partnership-card");
    await user.selectOptions(screen.getByTestId("filter-mode"), "mecenat");
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith({ ...emptyPartnershipQuery(), mode: "mecenat" }, 50),
    );
    await user.click(screen.getByTestId("filter-overdue"));
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith({ ...emptyPartnershipQuery(), mode: "mecenat", overdue: true }, 50),
    );
    await user.selectOptions(screen.getByTestId("filter-departement"), "67");
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith(
        { ...emptyPartnershipQuery(), mode: "mecenat", overdue: true, departement: "67" },
        50,
      ),
    );
    // Facilitator "" = nobody in charge.
    await user.selectOptions(screen.getByTestId("filter-facilitator"), "__none__");
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith(
        { ...emptyPartnershipQuery(), mode: "mecenat", overdue: true, departement: "67", facilitator: "" },
        50,
      ),
    );
    const chips = screen.getAllByTestId("filter-chip");
    expect(chips.map((c) => c.textContent)).toEqual([
      "Mode : Mécénat",
      "Département : Bas-Rhin",
      "Animateur·rice : Personne",
      "En retard",
    ]);
    await user.click(within(chips[0]!).getByRole("button"));
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith(
        { ...emptyPartnershipQuery(), overdue: true, departement: "67", facilitator: "" },
        50,
      ),
    );
    // « Tout effacer »: back to every partnership (the first answer, cached).
    await user.click(screen.getByTestId("filter-clear"));
    expect(screen.queryByTestId("filter-chip")).toBeNull();
    expect(screen.getByTestId<HTMLSelectElement>("filter-mode").value).toBe("");
    expect(screen.getByTestId("filter-overdue").getAttribute("aria-pressed")).toBe("false");
  });

  it("searches title words once typing pauses", async () => {
    renderBoard();
    await screen.findByTestId("partnership-card");
    fireEvent.change(screen.getByTestId("board-filter-text"), { target: { value: "paniers" } });
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenLastCalledWith({ ...emptyPartnershipQuery(), text: "paniers" }, 50),
    );
  });

  it("loads the next 50 cards of a column with « Voir plus »", async () => {
    const user = userEvent.setup();
    const first = Array.from({ length: 50 }, (_, i) => card(i));
    api.getPartnershipBoard.mockResolvedValue(boardOf(first, { rencontre: 70 }));
    api.getPartnershipPage.mockResolvedValue({ items: Array.from({ length: 20 }, (_, i) => card(50 + i)), total: 70 });
    renderBoard();
    const column = (await screen.findAllByTestId("board-column"))[0]!;
    const more = await within(column).findByRole("button", { name: /Voir plus \(20\)/ });
    expect(within(column).getAllByTestId("partnership-card")).toHaveLength(50);
    await user.click(more);
    expect(api.getPartnershipPage).toHaveBeenCalledWith({ ...emptyPartnershipQuery(), stage: "rencontre" }, "stage", false, 50, 50);
    await waitFor(() => expect(within(column).getAllByTestId("partnership-card")).toHaveLength(70));
    expect(within(column).queryByTestId("board-more")).toBeNull();
  });

  it("moves a focused card to the next stage with Alt+→, at once, and announces it", async () => {
    const user = userEvent.setup();
    renderBoard();
    const cardEl = await screen.findByTestId("partnership-card");
    cardEl.focus();
    let resolveMove: (v: never) => void = () => undefined;
    api.movePartnership.mockReturnValue(new Promise((r) => (resolveMove = r)));
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(api.movePartnership).toHaveBeenCalledWith("p1", "exploration", null));
    // Optimistic: already in its new column before the answer.
    const exploration = screen.getAllByTestId("board-column")[1]!;
    expect(within(exploration).getByTestId("partnership-card").dataset.stage).toBe("exploration");
    resolveMove({} as never);
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
    api.getPartnershipBoard.mockResolvedValue(boardOf([]));
    renderBoard();
    const empty = await screen.findByTestId("partnership-empty");
    expect(empty.textContent).toContain("Nouveau partenariat");
  });

  it("shows the same set as a list sorted by a header, reversed on a second click", async () => {
    const user = userEvent.setup();
    renderBoard();
    await screen.findByTestId("partnership-card");
    await user.click(screen.getByTestId("view-list"));
    expect(screen.getByTestId("view-list").getAttribute("aria-pressed")).toBe("true");
    await waitFor(() => expect(api.getPartnershipPage).toHaveBeenCalledWith(emptyPartnershipQuery(), "stage", false, 0, 100));
    const header = (key: string) => screen.getByTestId(`sort-${key}`).closest("[role=columnheader]")!;
    expect(header("stage").getAttribute("aria-sort")).toBe("ascending");

    await user.click(screen.getByTestId("sort-title"));
    await waitFor(() => expect(api.getPartnershipPage).toHaveBeenLastCalledWith(emptyPartnershipQuery(), "title", false, 0, 100));
    expect(header("title").getAttribute("aria-sort")).toBe("ascending");
    expect(header("stage").getAttribute("aria-sort")).toBe("none");

    await user.click(screen.getByTestId("sort-title"));
    await waitFor(() => expect(api.getPartnershipPage).toHaveBeenLastCalledWith(emptyPartnershipQuery(), "title", true, 0, 100));
    expect(header("title").getAttribute("aria-sort")).toBe("descending");

    await user.click(screen.getByTestId("sort-days"));
    await waitFor(() =>
      expect(api.getPartnershipPage).toHaveBeenLastCalledWith(emptyPartnershipQuery(), "daysInStage", false, 0, 100),
    );
  });
});
