import { beforeEach, describe, expect, it, vi } from "vitest";

import { emptyImpactFilters } from "../impact/model";
import { boardState, saveBoardState } from "../partnership/BoardState";
import { emptyPartnershipQuery } from "../partnership/model";
import { impactStartFilters, impactStartName, resetHomeStart, startFromHome } from "./homeTerritory";

beforeEach(() => {
  resetHomeStart();
  saveBoardState({ filters: emptyPartnershipQuery() });
});

describe("the home territory", () => {
  it("filters the board, the directory and Impact on its département, once", () => {
    const directory = vi.fn();
    startFromHome({ departement: "68", epci: null }, "Haut-Rhin", directory);
    expect(boardState().filters.departement).toBe("68");
    expect(directory).toHaveBeenCalledWith("68");
    expect(impactStartFilters(emptyImpactFilters())).toMatchObject({ departement: "68", epci: null });
    expect(impactStartName()).toBe("Haut-Rhin");
    // Later changes of the settings do not filter again.
    saveBoardState({ filters: emptyPartnershipQuery() });
    startFromHome({ departement: "67", epci: null }, "Bas-Rhin", directory);
    expect(boardState().filters.departement).toBeNull();
    expect(directory).toHaveBeenCalledTimes(1);
  });

  it("waits for a territory to be chosen", () => {
    const directory = vi.fn();
    startFromHome({ departement: null, epci: null }, null, directory);
    startFromHome({ departement: "68", epci: null }, "Haut-Rhin", directory);
    expect(directory).toHaveBeenCalledWith("68");
  });

  it("leaves the board and the directory whole for an intercommunality, and a board already filtered alone", () => {
    const directory = vi.fn();
    saveBoardState({ filters: { ...emptyPartnershipQuery(), overdue: true } });
    startFromHome({ departement: null, epci: "246800726" }, "Colmar Agglomération", directory);
    expect(boardState().filters).toEqual({ ...emptyPartnershipQuery(), overdue: true });
    expect(directory).not.toHaveBeenCalled();
    expect(impactStartFilters(emptyImpactFilters())).toMatchObject({ departement: null, epci: "246800726" });
  });
});
