// Actor picker: type a name, pick an actor among the `search` command's
// actor hits (contacts are left out). Stores the actor's id.
import { Building2, LoaderCircle } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import { search } from "../../api/gateway";
import type { SearchHit } from "../../bindings/SearchHit";
import { useI18n } from "../../i18n";

const SEARCH_DEBOUNCE_MS = 150;
const MAX_RESULTS = 8;

export type ActorChoice = { id: string; name: string };

/** Keeps the actors of a search's hits, best first. */
export function actorHits(hits: readonly SearchHit[]): SearchHit[] {
  return hits.filter((h) => h.entity === "actor");
}

type Props = {
  testId: string;
  /** The server field it answers for (`parties.1.actorId`), to focus it after a refused submit. */
  field: string;
  label: string;
  invalid: boolean;
  describedBy: string | undefined;
  text: string;
  onTextChange: (text: string) => void;
  value: ActorChoice | null;
  onChange: (choice: ActorChoice | null) => void;
  onBlur: () => void;
};

export function ActorCombobox({ testId, field, label, invalid, describedBy, text, onTextChange, value, onChange, onBlur }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<SearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  const query = text.trim();
  const shouldSearch = open && query.length > 0 && (value === null || value.name !== text);

  useEffect(() => {
    if (!shouldSearch) return;
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      // Ask for more than shown: contacts are dropped.
      search(query, MAX_RESULTS * 2).then(
        (found) => {
          if (seq.current !== mine) return;
          setResults(actorHits(found).slice(0, MAX_RESULTS));
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

  const pick = (hit: SearchHit) => {
    onChange({ id: hit.id, name: hit.title });
    onTextChange(hit.title);
    setOpen(false);
  };

  const showList = shouldSearch;
  const activeResult = results[active];

  return (
    <div className="combobox">
      <div className="input-with-icon">
        <Building2 size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          type="text"
          className="input"
          data-testid={testId}
          data-field={field}
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && activeResult ? `${listId}-${activeResult.id}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={t.partnership.actorPlaceholder}
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
        <ul className="combobox__list" id={listId} role="listbox" aria-label={label}>
          {results.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${hit.id}`}
              role="option"
              aria-selected={i === active}
              className={`combobox__option actor-option${i === active ? " is-active" : ""}`}
              data-testid="actor-option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combobox__option-main">{hit.title}</span>
              <span className="combobox__option-side">{hit.subtitle}</span>
            </li>
          ))}
          {!loading && results.length === 0 && <li className="combobox__empty">{t.partnership.actorNone}</li>}
          {loading && results.length === 0 && <li className="combobox__empty">{t.common.loading}</li>}
        </ul>
      )}
    </div>
  );
}
