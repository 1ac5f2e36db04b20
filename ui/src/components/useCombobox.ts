// The behaviour shared by the pickers that search as you type (communes,
// actors): debounced search that ignores stale answers, the open list, the
// active option, and the keyboard (↓ ↑ Entrée Échap). Each picker renders
// its own options.
import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";

const SEARCH_DEBOUNCE_MS = 150;

type Options<T> = {
  text: string;
  /** The text is the label of the chosen value: no search. */
  chosen: boolean;
  search: (query: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  /** Called with the option picked; the picker sets its value and text. */
  onPick: (item: T) => void;
  onTextChange: (text: string) => void;
  /** Typing after a choice forgets it. */
  onClearChoice: () => void;
  onBlur: () => void;
};

export function useCombobox<T>({ text, chosen, search, keyOf, onPick, onTextChange, onClearChoice, onBlur }: Options<T>) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  /** Why the last search failed (`null` when it answered). */
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  // The latest search function, without restarting the effect on each render.
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  const query = text.trim();
  const showList = open && query.length > 0 && !chosen;

  useEffect(() => {
    if (!showList) return;
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchRef.current(query).then(
        (found) => {
          if (seq.current !== mine) return;
          setResults(found);
          setError(null);
          setActive(0);
          setLoading(false);
        },
        (raw: unknown) => {
          if (seq.current !== mine) return;
          setResults([]);
          setError(raw);
          setLoading(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, showList]);

  const pick = (item: T) => {
    onPick(item);
    setOpen(false);
  };
  const activeResult = results[active];

  const inputProps = {
    role: "combobox",
    "aria-autocomplete": "list" as const,
    "aria-expanded": showList,
    "aria-controls": listId,
    "aria-activedescendant": showList && activeResult ? `${listId}-${keyOf(activeResult)}` : undefined,
    autoComplete: "off",
    spellCheck: false,
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      onTextChange(e.target.value);
      if (chosen) onClearChoice();
      setOpen(true);
    },
    onFocus: () => setOpen(true),
    onBlur: () => {
      setOpen(false);
      onBlur();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
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
    },
  };

  /** The props of option `i`: its id, selection state and mouse handling. */
  const optionProps = (item: T, i: number) => ({
    id: `${listId}-${keyOf(item)}`,
    role: "option",
    "aria-selected": i === active,
    onMouseDown: (e: { preventDefault: () => void }) => {
      e.preventDefault();
      pick(item);
    },
    onMouseEnter: () => setActive(i),
  });

  return { listId, results, loading, error, active, showList, inputProps, optionProps };
}
