// The top bar's search: actors and contacts as you type; Ctrl+K from anywhere.
import { LoaderCircle, Search, UserRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import { search } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import type { AppError } from "../../api/types";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { SearchHit } from "../../bindings/SearchHit";
import { useI18n } from "../../i18n";
import { useShortcuts } from "../../lib/shortcuts";
import { KindIcon } from "../actor/kinds";

export const SEARCH_DEBOUNCE_MS = 100;
const SEARCH_LIMIT = 12;

type Results = { query: string; hits: SearchHit[]; error: AppError | null };

export function GlobalSearch() {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results>({ query: "", hits: [], error: null });
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  const query = text.trim();

  useShortcuts(
    {
      // A fresh search each time: the last query is gone once the person
      // left the field.
      "Mod+K": () => {
        reset();
        inputRef.current?.focus();
        setOpen(true);
      },
    },
    { inTextFields: true },
  );

  useEffect(() => {
    if (query === "") return;
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      search(query, SEARCH_LIMIT).then(
        (hits) => {
          if (seq.current !== mine) return;
          setResults({ query, hits, error: null });
          setActive(0);
        },
        (raw: unknown) => {
          if (seq.current !== mine) return;
          setResults({ query, hits: [], error: toAppError(raw) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const reset = () => {
    seq.current += 1;
    setText("");
    setResults({ query: "", hits: [], error: null });
    setActive(0);
  };

  /** Leaving the search (Esc, a click elsewhere) discards the query. */
  const close = () => {
    setOpen(false);
    reset();
  };

  const choose = (hit: SearchHit) => {
    const actorId = hit.entity === "actor" ? hit.id : hit.actorId;
    if (actorId === null) {
      toasts.show({ tone: "info", message: t.search.orphanContact });
      return;
    }
    navigate({ name: "actor", id: actorId, contactId: hit.entity === "contact" ? hit.id : null });
    close();
    inputRef.current?.blur();
  };

  const fresh = results.query === query;
  const hits = query === "" ? [] : results.hits;
  const showPanel = open && query !== "";
  const activeHit = hits[active];

  return (
    <div className="global-search">
      <div className="input-with-icon">
        <Search size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          ref={inputRef}
          type="text"
          className="input global-search__input"
          data-testid="global-search"
          role="combobox"
          aria-label={t.search.label}
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPanel && activeHit ? `${listId}-${active}` : undefined}
          placeholder={t.search.placeholder}
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={close}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              close();
              inputRef.current?.blur();
            } else if (e.key === "ArrowDown" && hits.length > 0) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % hits.length);
            } else if (e.key === "ArrowUp" && hits.length > 0) {
              e.preventDefault();
              setActive((a) => (a - 1 + hits.length) % hits.length);
            } else if (e.key === "Enter" && activeHit && fresh) {
              e.preventDefault();
              choose(activeHit);
            }
          }}
        />
        {!fresh && query !== "" ? (
          <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />
        ) : (
          <kbd className="input-with-icon__end global-search__kbd" aria-hidden="true">
            Ctrl K
          </kbd>
        )}
      </div>
      {showPanel && (
        <div className="search-panel">
          <ul id={listId} role="listbox" aria-label={t.search.results} className="search-panel__list">
            {hits.map((hit, i) => (
              <li
                key={`${hit.entity}:${hit.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`search-hit${i === active ? " is-active" : ""}`}
                data-testid="search-result"
                data-entity={hit.entity}
                data-id={hit.id}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className={`search-hit__icon search-hit__icon--${hit.entity}`}>
                  {hit.entity === "contact" ? (
                    <UserRound size={16} aria-label={t.search.contact} />
                  ) : hit.kind ? (
                    <KindIcon kind={hit.kind} />
                  ) : (
                    <Search size={16} aria-hidden="true" />
                  )}
                </span>
                <span className="search-hit__text">
                  <span className="search-hit__title">{hit.title}</span>
                  <span className="search-hit__subtitle">{hit.subtitle}</span>
                </span>
                {hit.entity === "contact" && <span className="search-hit__type">{t.search.contact}</span>}
              </li>
            ))}
          </ul>
          {fresh && results.error && (
            <p className="search-panel__message text-danger" role="alert">
              {errorText(results.error, lang)}
            </p>
          )}
          {fresh && !results.error && hits.length === 0 && (
            <p className="search-panel__message">{t.search.noResults(query)}</p>
          )}
          {!fresh && hits.length === 0 && <p className="search-panel__message">{t.search.searching}</p>}
          <p className="search-panel__hint">{t.search.hint}</p>
        </div>
      )}
    </div>
  );
}
