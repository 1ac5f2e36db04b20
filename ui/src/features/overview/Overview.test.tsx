import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { Overview as OverviewData } from "../../bindings/Overview";
import { Board } from "../partnership/Board";
import { boardState, saveBoardState } from "../partnership/BoardState";
import { emptyPartnershipQuery } from "../partnership/model";
import { boardOf, renderWithProviders } from "../partnership/testFixtures";
import { Overview } from "./Overview";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, BOARD_GATEWAY } = await import("../partnership/testFixtures");
  return gatewayMock(...BOARD_GATEWAY);
});

const api = vi.mocked(gateway);

const OVERVIEW: OverviewData = {
  total: 6,
  matrix: [
    { mode: "mecenat", stage: "rencontre", count: 2 },
    { mode: "mecenat", stage: "evaluation", count: 1 },
    { mode: "innovation_societale", stage: "rencontre", count: 1 },
    { mode: null, stage: "exploration", count: 2 },
  ],
  byDepartement: [
    { code: "67", label: "Bas-Rhin", count: 4 },
    { code: "", label: "", count: 2 },
  ],
  byFacilitator: [{ code: "Claire Muller", label: "Claire Muller", count: 6 }],
  byTag: [],
  overdue: 3,
};

function renderWith(children: React.ReactNode) {
  return renderWithProviders(children, { confirm: false });
}

beforeEach(() => {
  window.location.hash = "#/partenariats/vue-d-ensemble";
  saveBoardState({ filters: emptyPartnershipQuery(), view: "list" });
  api.getPartnershipOverview.mockReset().mockResolvedValue(OVERVIEW);
  api.getPartnershipBoard.mockReset().mockResolvedValue(boardOf([]));
});

describe("Overview", () => {
  it("lays out the matrix in the scale's order with totals per row and column", async () => {
    renderWith(<Overview />);
    await screen.findAllByTestId("matrix-cell");
    const rows = [...screen.getByTestId("overview-matrix").querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-mode"))).toEqual([
      "mecenat",
      "cooperation_economique",
      "innovation_societale",
      "pratiques_responsables",
      "",
    ]);
    expect(rows[4]!.textContent).toContain("Non classé");
    const rowTotal = screen.getAllByTestId("matrix-row-total").find((b) => b.dataset.mode === "mecenat");
    expect(rowTotal?.textContent).toBe("3");
    const columnTotal = screen.getAllByTestId("matrix-column-total").find((b) => b.dataset.stage === "rencontre");
    expect(columnTotal?.textContent).toBe("3");
    expect(screen.getByTestId("matrix-total").textContent).toBe("6");
    expect(screen.getByTestId("overview-overdue").textContent).toContain("3");
  });

  it("opens the board filtered on a cell's primary mode and stage", async () => {
    const user = userEvent.setup();
    renderWith(<Overview />);
    const cell = (await screen.findAllByTestId("matrix-cell")).find(
      (b) => b.dataset.mode === "mecenat" && b.dataset.stage === "rencontre",
    )!;
    expect(cell.tagName).toBe("BUTTON");
    expect(cell.getAttribute("aria-label")).toContain("Mécénat, Rencontre");
    cell.focus();
    await user.keyboard("{Enter}");
    expect(window.location.hash).toBe("#/partenariats");
    expect(boardState().filters).toEqual({ ...emptyPartnershipQuery(), mode: "mecenat", primaryOnly: true, stage: "rencontre" });
    expect(boardState().view).toBe("board");

    renderWith(<Board />);
    await waitFor(() =>
      expect(api.getPartnershipBoard).toHaveBeenCalledWith(
        { ...emptyPartnershipQuery(), mode: "mecenat", primaryOnly: true, stage: "rencontre" },
        50,
      ),
    );
  });

  it("filters the board on unclassified, a département with no territory, and overdue", async () => {
    const user = userEvent.setup();
    renderWith(<Overview />);
    const unclassified = (await screen.findAllByTestId("matrix-cell")).find((b) => b.dataset.mode === "")!;
    await user.click(unclassified);
    expect(boardState().filters).toEqual({ ...emptyPartnershipQuery(), unclassified: true, stage: "exploration" });

    await user.click(screen.getByRole("button", { name: /Sans territoire/ }));
    expect(boardState().filters).toEqual({ ...emptyPartnershipQuery(), departement: "" });

    await user.click(screen.getByTestId("overview-overdue"));
    expect(boardState().filters).toEqual({ ...emptyPartnershipQuery(), overdue: true });
  });
});
