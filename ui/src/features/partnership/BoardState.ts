// What the partnership screens remember while the window is open: the
// filters (they outlive a visit to a partnership page), the names shown on
// the chips of filters that hold an id, the board or list view and the
// list's sort. The overview opens the board through `openBoardWith`.
import { navigate } from "../../app/router";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import { emptyPartnershipQuery, type ListSortState } from "./model";

/** How the chips name filters that hold a code: the actor's name, the commune's label. */
export type FilterLabels = { actor: string | null; commune: string | null };

export type BoardView = "board" | "list";

type State = { filters: PartnershipQuery; labels: FilterLabels; view: BoardView; sort: ListSortState };

const state: State = {
  filters: emptyPartnershipQuery(),
  labels: { actor: null, commune: null },
  view: "board",
  sort: { sort: "stage", descending: false },
};

export function boardState(): Readonly<State> {
  return state;
}

export function saveBoardState(next: Partial<State>): void {
  Object.assign(state, next);
}

/** The board with only these filters (from the overview's counts). */
export function openBoardWith(filters: Partial<PartnershipQuery>): void {
  state.filters = { ...emptyPartnershipQuery(), ...filters };
  state.labels = { actor: null, commune: null };
  state.view = "board";
  navigate({ name: "partnerships" });
}
