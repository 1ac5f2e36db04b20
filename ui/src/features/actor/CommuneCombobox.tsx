// Commune picker: type a name, a postal code or an INSEE code, pick
// « Sélestat (67600) — Bas-Rhin ». Stores the INSEE code.
import { LoaderCircle, MapPin } from "lucide-react";

import { searchCommunes } from "../../api/gateway";
import type { Commune } from "../../bindings/Commune";
import { useI18n } from "../../i18n";
import type { ControlProps } from "../../components/Field";
import { useCombobox } from "../../components/useCombobox";

export type CommuneChoice = { insee: string; label: string };

const MAX_RESULTS = 8;

export function communeLabel(c: Commune): string {
  const postal = c.postalCodes[0];
  return `${c.name}${postal ? ` (${postal})` : ""} — ${c.departement.name}`;
}

type Props = {
  control: ControlProps;
  text: string;
  onTextChange: (text: string) => void;
  value: CommuneChoice | null;
  onChange: (choice: CommuneChoice | null) => void;
  onBlur: () => void;
  placeholder: string;
};

export function CommuneCombobox({ control, text, onTextChange, value, onChange, onBlur, placeholder }: Props) {
  const { t } = useI18n();
  const c = useCombobox<Commune>({
    text,
    chosen: value !== null && value.label === text,
    search: (query) => searchCommunes(query, MAX_RESULTS),
    keyOf: (commune) => commune.insee,
    onPick: (commune) => {
      const label = communeLabel(commune);
      onChange({ insee: commune.insee, label });
      onTextChange(label);
    },
    onTextChange,
    onClearChoice: () => onChange(null),
    onBlur,
  });

  return (
    <div className="combobox">
      <div className="input-with-icon">
        <MapPin size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input {...control} {...c.inputProps} type="text" className="input" placeholder={placeholder} />
        {c.loading && <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />}
      </div>
      {c.showList && (
        <ul className="combobox__list" id={c.listId} role="listbox" aria-label={t.form.commune}>
          {c.results.map((commune, i) => (
            <li
              key={commune.insee}
              {...c.optionProps(commune, i)}
              className={`combobox__option${i === c.active ? " is-active" : ""}`}
              data-testid="commune-option"
            >
              <span className="combobox__option-main">
                {commune.name}
                {commune.postalCodes[0] && <span className="muted"> ({commune.postalCodes[0]})</span>}
              </span>
              <span className="combobox__option-side">{commune.departement.name}</span>
            </li>
          ))}
          {!c.loading && c.results.length === 0 && <li className="combobox__empty">{t.form.communeNone}</li>}
          {c.loading && c.results.length === 0 && <li className="combobox__empty">{t.form.communeSearching}</li>}
        </ul>
      )}
    </div>
  );
}
