// The text filter above a list (directory, contacts): a search field whose
// ↓ moves into the list, Enter opens the current row and Esc empties it.
import { Search } from "lucide-react";

type ListSearchProps = {
  label: string;
  placeholder: string;
  testId: string;
  value: string;
  onChange: (text: string) => void;
  /** The rows the list holds now; ↓ and Enter do nothing on an empty list. */
  total: number | null;
  /** The row the keyboard is on, or -1. */
  current: number;
  /** Puts the keyboard on row `index` of the list (and the focus in it). */
  onMove: (index: number) => void;
  /** Opens row `index`. */
  onOpen: (index: number) => void;
};

export function ListSearch({ label, placeholder, testId, value, onChange, total, current, onMove, onOpen }: ListSearchProps) {
  const row = current < 0 ? 0 : current;
  return (
    <label className="input-with-icon filters__text">
      <Search size={16} aria-hidden="true" className="input-with-icon__icon" />
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        className="input"
        data-testid={testId}
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && total) {
            e.preventDefault();
            onMove(row);
          } else if (e.key === "Enter" && total) {
            e.preventDefault();
            onOpen(row);
          } else if (e.key === "Escape" && value !== "") {
            e.preventDefault();
            onChange("");
          }
        }}
      />
    </label>
  );
}
