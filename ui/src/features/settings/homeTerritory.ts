// The home territory of Réglages, preselected once per window in the filters
// of the board, the directory (a département) and Impact (a département or
// an intercommunality). The shell calls `startFromHome` whenever the
// settings are read; the first territory found applies, once.
import type { HomeTerritory } from "../../bindings/HomeTerritory";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import { boardState, saveBoardState } from "../partnership/BoardState";
import { emptyPartnershipQuery } from "../partnership/model";

/** Impact's first filters, and the name of the territory they hold. */
type ImpactStart = { departement: string | null; epci: string | null; name: string | null };

let impactStart: ImpactStart = { departement: null, epci: null, name: null };
let applied = false;

/**
 * Applies `home` (named `name`) to the filters that are still untouched;
 * once per window (a territory first chosen in Réglages applies then).
 */
export function startFromHome(home: HomeTerritory, name: string | null, setDirectoryDepartement: (code: string) => void): void {
  if (applied || (home.departement === null && home.epci === null)) return;
  applied = true;
  impactStart = { departement: home.departement, epci: home.departement === null ? home.epci : null, name };
  if (home.departement !== null) {
    if (JSON.stringify(boardState().filters) === JSON.stringify(emptyPartnershipQuery())) {
      saveBoardState({ filters: { ...emptyPartnershipQuery(), departement: home.departement } });
    }
    setDirectoryDepartement(home.departement);
  }
}

/** The filters Impact opens with: the home territory's, if any. */
export function impactStartFilters(empty: ImpactFilters): ImpactFilters {
  return { ...empty, departement: impactStart.departement, epci: impactStart.epci };
}

/** The name of the territory Impact's first filters hold. */
export function impactStartName(): string | null {
  return impactStart.name;
}

/** For tests: forget what was applied. */
export function resetHomeStart(): void {
  applied = false;
  impactStart = { departement: null, epci: null, name: null };
}
