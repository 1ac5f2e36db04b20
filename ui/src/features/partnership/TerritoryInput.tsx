// A partnership's territory: the communes picked, as removable chips
// (`territory-chip`), and the commune picker that adds one. The owner keeps
// the codes and the text being typed.
import { X } from "lucide-react";
import { useRef } from "react";

import type { ControlProps } from "../../components/Field";
import { CommuneCombobox, type CommuneChoice } from "../actor/CommuneCombobox";

type Props = {
  control: ControlProps;
  codes: readonly string[];
  /** A chip's text. */
  nameOf: (code: string) => string;
  /** The remove button's label for a commune's name. */
  removeLabel: (name: string) => string;
  placeholder: string;
  text: string;
  onTextChange: (text: string) => void;
  onPick: (choice: CommuneChoice) => void;
  onRemove: (code: string) => void;
};

export function TerritoryInput({ control, codes, nameOf, removeLabel, placeholder, text, onTextChange, onPick, onRemove }: Props) {
  const justPicked = useRef(false);
  return (
    <div className="territory-input">
      {codes.length > 0 && (
        <ul className="territory-input__chips">
          {codes.map((code) => (
            <li key={code} className="chip chip--removable" data-testid="territory-chip">
              <span className="chip__text">{nameOf(code)}</span>
              <button type="button" className="chip__remove" aria-label={removeLabel(nameOf(code))} onClick={() => onRemove(code)}>
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <CommuneCombobox
        control={control}
        text={text}
        placeholder={placeholder}
        value={null}
        onTextChange={(typed) => {
          // A pick sets the chosen label as text right after: keep the box empty instead.
          if (justPicked.current) {
            justPicked.current = false;
            onTextChange("");
          } else {
            onTextChange(typed);
          }
        }}
        onChange={(choice: CommuneChoice | null) => {
          if (!choice) return;
          justPicked.current = true;
          onPick(choice);
        }}
        onBlur={() => undefined}
      />
    </div>
  );
}

/** `codes` with `insee` added at the end, unless it is there already. */
export function withCommune(codes: string[], insee: string): string[] {
  return codes.includes(insee) ? codes : [...codes, insee];
}
