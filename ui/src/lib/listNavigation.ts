// The keys of a virtualised list that has a selected row: ↑ ↓, Page Up and
// Page Down (a screenful), Home and End move the selection; Enter opens the
// selected row. A key it handles has its default prevented.

export type ListNavigation = {
  /** The selected row's index, -1 for none. */
  selected: number;
  /** How many rows Page Up and Page Down move by. */
  visibleRows: number;
  /** The rows in the list, null while unknown. */
  total: number | null;
  move: (index: number) => void;
  open: (index: number) => void;
};

export function handleListKey(event: { key: string; preventDefault: () => void }, { selected, visibleRows, total, move, open }: ListNavigation): void {
  switch (event.key) {
    case "ArrowDown":
      move(selected + 1);
      break;
    case "ArrowUp":
      move(selected <= 0 ? 0 : selected - 1);
      break;
    case "PageDown":
      move(selected + visibleRows);
      break;
    case "PageUp":
      move(selected - visibleRows);
      break;
    case "Home":
      move(0);
      break;
    case "End":
      move((total ?? 1) - 1);
      break;
    case "Enter":
      if (selected >= 0) open(selected);
      break;
    default:
      return;
  }
  event.preventDefault();
}
