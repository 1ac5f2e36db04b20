import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { ImpactFigures } from "../../bindings/ImpactFigures";
import { renderWithProviders, summary } from "../partnership/testFixtures";
import { resetHomeStart, startFromHome } from "../settings/homeTerritory";
import { emptyImpactFilters } from "./model";
import { ImpactPage } from "./ImpactPage";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("getImpact", "listImpactPartnerships", "getPartnershipOverview", "searchCommunes");
});

const api = vi.mocked(gateway);
const nbsp = /[\u00a0\u202f]/g;

const FIGURES: ImpactFigures = {
  filters: emptyImpactFilters(),
  partnerships: 7,
  byStageAndMode: [
    { stage: "rencontre", mode: "mecenat", count: 2 },
    { stage: "rencontre", mode: null, count: 1 },
    { stage: "mise_en_oeuvre", mode: "mecenat", count: 3 },
    { stage: "mise_en_oeuvre", mode: "pratiques_responsables", count: 1 },
  ],
  actorsInvolved: 12,
  actorsByKind: [
    { kind: "entreprise", count: 5 },
    { kind: "association", count: 7 },
  ],
  actorsMetAtEvents: 4,
  contributions: [{ kind: "competences", mode: "mecenat", valueCents: 1_234_500, minutes: 600 }],
  valueCents: 1_234_500,
  minutes: 600,
  beneficiaries: 1250,
  indicatorTotals: [
    { theme: "emploi_insertion", level: "resultat", unit: "personnes", unitEn: "people", unitKey: "personnes", total: 18, partnerships: 2 },
  ],
  signed: 4,
  evaluated: 1,
  evaluatedShare: 0.25,
  funnel: { meetings: 36, leads: 5, signed: 2, evaluated: 1 },
  years: [
    { year: 2025, started: 3, signed: 1, evaluated: 0, valueCents: 0, minutes: 0 },
    { year: 2026, started: 4, signed: 3, evaluated: 1, valueCents: 1_234_500, minutes: 600 },
  ],
};

beforeEach(() => {
  window.location.hash = "#/impact";
  api.getImpact.mockReset().mockResolvedValue(FIGURES);
  api.listImpactPartnerships.mockReset().mockResolvedValue([]);
  api.getPartnershipOverview.mockReset().mockResolvedValue({
    total: 7,
    matrix: [],
    byDepartement: [],
    byFacilitator: [{ code: "Claire Muller", label: "Claire Muller", count: 7 }],
    byTag: [],
    overdue: 0,
  });
  api.searchCommunes.mockReset().mockResolvedValue([]);
});

describe("ImpactPage", () => {
  it("shows the core's key figures, formatted the French way", async () => {
    renderWithProviders(<ImpactPage />);
    const keys = await screen.findByTestId("impact-keys");
    expect(within(keys).getByTestId("impact-key-partnerships").textContent).toContain("7");
    expect(within(keys).getByTestId("impact-key-evaluated").textContent.replace(nbsp, " ")).toContain("25 % des partenariats signés");
    expect(within(keys).getByTestId("impact-key-beneficiaries").textContent.replace(nbsp, " ")).toContain("1 250");
    expect(within(keys).getByTestId("impact-key-value").textContent.replace(nbsp, " ")).toContain("12 345 €");
    expect(within(keys).getByTestId("impact-key-hours").textContent.replace(nbsp, " ")).toContain("10 h");
    expect(api.getImpact).toHaveBeenCalledWith(emptyImpactFilters());
  });

  it("draws a bar per stage with one labelled segment per mode, and swaps to the same numbers as a table", async () => {
    renderWithProviders(<ImpactPage />);
    const segments = await screen.findAllByTestId("impact-segment");
    expect(segments.map((s) => `${s.dataset.stage}/${s.dataset.mode}/${s.dataset.count}`)).toEqual([
      "rencontre/mecenat/2",
      "rencontre//1",
      "mise_en_oeuvre/mecenat/3",
      "mise_en_oeuvre/pratiques_responsables/1",
    ]);
    expect(segments[2]!.getAttribute("aria-label")!.replace(nbsp, " ")).toBe("Mise en œuvre, Mécénat : 3 partenariats");
    await userEvent.click(screen.getByTestId("impact-stages-toggle"));
    const rows = [...screen.getByTestId("impact-stage-table").querySelectorAll("tbody tr")].map((r) => r.textContent);
    expect(rows).toEqual(["RencontreMécénat2", "RencontreÀ préciser1", "Mise en œuvreMécénat3", "Mise en œuvrePratiques responsables1"]);
    expect(screen.queryByTestId("impact-stage-bars")).toBeNull();
  });

  it("lists the partnerships behind a bar, and a row opens its partnership", async () => {
    api.listImpactPartnerships.mockResolvedValue([
      summary({ id: "p9", title: "Paniers solidaires", stage: "mise_en_oeuvre", modes: { primary: "mecenat", secondary: [], mecenatKinds: [] } }),
    ]);
    renderWithProviders(<ImpactPage />);
    const segments = await screen.findAllByTestId("impact-segment");
    await userEvent.click(segments[2]!);
    expect(api.listImpactPartnerships).toHaveBeenCalledWith(emptyImpactFilters(), { slice: "stageMode", stage: "mise_en_oeuvre", mode: "mecenat" });
    const drill = await screen.findByTestId("impact-drill");
    expect(drill.textContent).toContain("Mise en œuvre · Mécénat");
    const row = await within(drill).findByTestId("impact-drill-row");
    expect(document.activeElement?.id).toBe("impact-drill-title");
    await userEvent.click(row);
    expect(window.location.hash).toBe("#/partenariats/p9");
  });

  it("opens the funnel's leads and an indicator total by their slices", async () => {
    renderWithProviders(<ImpactPage />);
    const funnel = await screen.findByTestId("impact-funnel-bars");
    // Meetings are not partnerships: that step is not a button.
    expect(within(funnel).getAllByRole("button")).toHaveLength(3);
    await userEvent.click(within(funnel).getAllByRole("button")[0]!);
    expect(api.listImpactPartnerships).toHaveBeenLastCalledWith(emptyImpactFilters(), { slice: "funnel", step: "leads" });
    await userEvent.click(screen.getByTestId("impact-total"));
    expect(api.listImpactPartnerships).toHaveBeenLastCalledWith(emptyImpactFilters(), {
      slice: "indicator",
      theme: "emploi_insertion",
      level: "resultat",
      unitKey: "personnes",
    });
  });

  it("asks the core again when a filter changes, and shows its refusal", async () => {
    renderWithProviders(<ImpactPage />);
    await screen.findByTestId("impact-keys");
    await userEvent.selectOptions(screen.getByTestId("impact-mode"), "mecenat");
    await waitFor(() => expect(api.getImpact).toHaveBeenLastCalledWith({ ...emptyImpactFilters(), mode: "mecenat" }));
    await userEvent.selectOptions(await screen.findByTestId("impact-facilitator"), "Claire Muller");
    await waitFor(() => expect(api.getImpact).toHaveBeenLastCalledWith({ ...emptyImpactFilters(), mode: "mecenat", facilitator: "Claire Muller" }));
    api.getImpact.mockRejectedValue({
      kind: "invalid",
      message: "La fin de la période précède son début.",
      messageEn: "The period's end is before its start.",
      fields: [],
    });
    await userEvent.selectOptions(screen.getByTestId("impact-theme"), "mobilite");
    expect((await screen.findByTestId("impact-error")).textContent).toContain("La fin de la période précède son début.");
  });

  it("opens on the home territory of Réglages, shown as a filter removed with one click", async () => {
    startFromHome({ departement: null, epci: "246800726" }, "Colmar Agglomération", () => undefined);
    renderWithProviders(<ImpactPage />);
    const chip = await screen.findByTestId("impact-home");
    expect(chip.textContent).toContain("Votre territoire : Colmar Agglomération");
    expect(api.getImpact).toHaveBeenCalledWith({ ...emptyImpactFilters(), epci: "246800726" });
    await userEvent.click(within(chip).getByRole("button"));
    await waitFor(() => expect(api.getImpact).toHaveBeenLastCalledWith(emptyImpactFilters()));
    expect(screen.queryByTestId("impact-home")).toBeNull();
    resetHomeStart();
  });
});
