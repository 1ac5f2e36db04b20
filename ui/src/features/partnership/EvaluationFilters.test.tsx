// The « sans mesure » filter of the board and the evaluation state on its
// cards, and the indicator dialog's level, theme and standard units.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { Board } from "./Board";
import { emptyPartnershipQuery } from "./model";
import { PartnershipPage } from "./PartnershipPage";
import { boardOf, detail, partnership, renderWithProviders, resetBoardState, summary } from "./testFixtures";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, BOARD_GATEWAY, PAGE_GATEWAY } = await import("./testFixtures");
  return gatewayMock(...new Set([...BOARD_GATEWAY, ...PAGE_GATEWAY]));
});

const api = vi.mocked(gateway);

const CARDS = [
  summary({ id: "p1", title: "Bien suivi", stage: "evaluation", evaluation: { state: "evaluated", on: "2026-03-12" }, measured: true }),
  summary({ id: "p2", title: "Oublié", stage: "mise_en_oeuvre", unmeasured: true }),
  summary({ id: "p3", title: "Tout neuf", stage: "rencontre" }),
];

beforeEach(() => {
  resetBoardState();
  api.getPartnershipBoard.mockReset().mockResolvedValue(boardOf(CARDS));
  api.getPartnershipOverview.mockReset().mockResolvedValue({ total: 3, matrix: [], byDepartement: [], byFacilitator: [], byTag: [], overdue: 0 });
});

describe("the board", () => {
  it("shows the evaluation state and « sans mesure » the core sent, and filters on it in one click", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Board />, { confirm: false });
    const cards = await screen.findAllByTestId("partnership-card");
    const badges = (title: string) => {
      const card = cards.find((c) => c.textContent.includes(title))!;
      return within(card).queryByTestId("evaluation-badges")?.textContent ?? "";
    };
    expect(badges("Bien suivi")).toBe("Évalué le 12 mars 2026");
    expect(badges("Oublié")).toBe("Sans mesure");
    expect(badges("Tout neuf")).toBe("");
    await user.click(screen.getByTestId("filter-unmeasured"));
    await waitFor(() => expect(api.getPartnershipBoard).toHaveBeenLastCalledWith({ ...emptyPartnershipQuery(), unmeasured: true }, 50));
    expect(screen.getByTestId("filter-unmeasured").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getAllByTestId("filter-chip").map((c) => c.textContent)).toEqual(["Sans mesure"]);
  });
});

describe("the indicator dialog", () => {
  it("offers the core's levels, themes and standard units and saves the ones chosen", async () => {
    const user = userEvent.setup();
    api.getPartnership.mockReset().mockResolvedValue(detail(partnership()));
    api.validatePartnership.mockReset().mockResolvedValue([]);
    api.parsePartnershipRow.mockReset().mockResolvedValue({ values: { valueCents: null, minutes: null, baseline: null, target: null, dueOn: null, on: null, value: null }, errors: [] });
    api.updatePartnership.mockReset().mockImplementation((_id, version, input) => Promise.resolve(partnership({ ...input, version: version + 1 })));
    renderWithProviders(<PartnershipPage id="p1" />);
    await user.click(await screen.findByTestId("indicator-add"));
    const dialog = await screen.findByTestId("indicator-form");
    const levels = within(dialog).getByTestId<HTMLSelectElement>("field-level");
    expect([...levels.options].map((o) => o.textContent)).toEqual(["Non précisé", "Réalisation", "Résultat", "Impact"]);
    const themes = within(dialog).getByTestId<HTMLSelectElement>("field-theme");
    expect(themes.options).toHaveLength(8);
    const unit = within(dialog).getByTestId<HTMLInputElement>("field-unit");
    const units = document.getElementById(unit.getAttribute("list")!)!;
    expect([...units.querySelectorAll("option")].map((o) => o.value)).toContain("personnes");
    await user.type(within(dialog).getByTestId("field-name"), "Jeunes en emploi");
    await user.selectOptions(levels, "resultat");
    await user.selectOptions(themes, "emploi_insertion");
    await user.type(unit, "pers.");
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(api.updatePartnership).toHaveBeenCalledTimes(1));
    const input = api.updatePartnership.mock.calls[0]![2];
    expect(input.indicators.at(-1)).toMatchObject({ name: "Jeunes en emploi", unit: "pers.", level: "resultat", theme: "emploi_insertion" });
  });
});
