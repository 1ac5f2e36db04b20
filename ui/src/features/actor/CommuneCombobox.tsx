// Commune picker: type a name, a postal code or an INSEE code, pick
// « Sélestat (67600) — Bas-Rhin ». Stores the INSEE code.
import { LoaderCircle, MapPin } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import { searchCommunes } from "../../api/gateway";
import type { Commune } from "../../bindings/Commune";
import { useI18n } from "../../i18n";
import type { ControlProps } from "../../components/Field";

export type CommuneChoice = { insee: string; label: string };

const SEARCH_DEBOUNCE_MS = 150;
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
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Commune[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  const query = text.trim();
  const shouldSearch = open && query.length > 0 && (value === null || value.label !== text);

  useEffect(() => {
    if (!shouldSearch) return;
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchCommunes(query, MAX_RESULTS).then(
        (found) => {
          if (seq.current !== mine) return;
          setResults(found);
          setActive(0);
          setLoading(false);
        },
        () => {
          if (seq.current !== mine) return;
          setResults([]);
          setLoading(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, shouldSearch]);

  const pick = (c: Commune) => {
    const label = communeLabel(c);
    onChange({ insee: c.insee, label });
    onTextChange(label);
    setOpen(false);
  };

  const showList = shouldSearch && (loading || results.length > 0 || query.length > 0);
  const activeResult = results[active];

  return (
    <div className="combobox">
      <div className="input-with-icon">
        <MapPin size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          {...control}
          type="text"
          className="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && activeResult ? `${listId}-${activeResult.insee}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            onTextChange(e.target.value);
            if (value !== null) onChange(null);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            onBlur();
          }}
          onKeyDown={(e) => {
            if (!showList) {
              if (e.key === "ArrowDown" && query.length > 0) {
                setOpen(true);
                e.preventDefault();
              }
              return;
            }
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === "Enter" && activeResult && !(e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              pick(activeResult);
            } else if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {loading && <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />}
      </div>
      {showList && (
        <ul className="combobox__list" id={listId} role="listbox" aria-label={t.form.commune}>
          {results.map((c, i) => (
            <li
              key={c.insee}
              id={`${listId}-${c.insee}`}
              role="option"
              aria-selected={i === active}
              className={`combobox__option${i === active ? " is-active" : ""}`}
              data-testid="commune-option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combobox__option-main">
                {c.name}
                {c.postalCodes[0] && <span className="muted"> ({c.postalCodes[0]})</span>}
              </span>
              <span className="combobox__option-side">{c.departement.name}</span>
            </li>
          ))}
          {!loading && results.length === 0 && <li className="combobox__empty">{t.form.communeNone}</li>}
          {loading && results.length === 0 && <li className="combobox__empty">{t.form.communeSearching}</li>}
        </ul>
      )}
    </div>
  );
}
