// What the directory remembers while you visit an actor page: filters,
// loaded pages, scroll position and selected row. Coming back with Esc finds
// the list exactly where it was.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { listActors } from "../../api/gateway";
import { useDataVersion } from "../../app/data";
import type { ActorKind } from "../../bindings/ActorKind";
import type { ActorQuery } from "../../bindings/ActorQuery";
import type { ActorSummary } from "../../bindings/ActorSummary";
import { PageCache } from "./pageCache";

export type Filters = {
  text: string;
  kind: ActorKind | null;
  departement: string | null;
  communeInsee: string | null;
  tag: string | null;
};

export const TEXT_DEBOUNCE_MS = 150;

export const NO_FILTERS: Filters = { text: "", kind: null, departement: null, communeInsee: null, tag: null };

export function hasFilters(f: Filters): boolean {
  return f.text.trim() !== "" || f.kind !== null || f.departement !== null || f.communeInsee !== null || f.tag !== null;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.text.trim() === b.text.trim() &&
    a.kind === b.kind &&
    a.departement === b.departement &&
    a.communeInsee === b.communeInsee &&
    a.tag === b.tag
  );
}

export function toQuery(f: Filters, offset: number, limit: number): ActorQuery {
  const text = f.text.trim();
  return {
    text: text === "" ? null : text,
    kind: f.kind,
    departement: f.departement,
    communeInsee: f.communeInsee,
    tag: f.tag,
    offset,
    limit,
  };
}

/** Scroll position and selection, kept outside React's render cycle. */
export type ListView = { scrollOffset: number; selected: number };

type DirectoryState = {
  filters: Filters;
  setFilters: (update: Partial<Filters>) => void;
  clearFilters: () => void;
  /** What is typed in the text filter, before debouncing. */
  textDraft: string;
  setTextDraft: (text: string) => void;
  cache: PageCache<ActorSummary>;
  view: ListView;
};

const DirectoryContext = createContext<DirectoryState | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const dataVersion = useDataVersion();
  const [filters, setFiltersState] = useState<Filters>(NO_FILTERS);
  const [textDraft, setTextDraftState] = useState("");
  const textTimer = useRef<number | undefined>(undefined);
  const [view] = useState<ListView>(() => ({ scrollOffset: 0, selected: -1 }));

  // Changing filters starts a new query; the list then scrolls back to the top.
  const setFilters = useCallback((update: Partial<Filters>) => {
    setFiltersState((f) => {
      const next = { ...f, ...update };
      return sameFilters(f, next) ? f : next;
    });
  }, []);

  // The text filter reaches the query once typing pauses for 150 ms.
  const setTextDraft = useCallback(
    (text: string) => {
      setTextDraftState(text);
      window.clearTimeout(textTimer.current);
      textTimer.current = window.setTimeout(() => setFilters({ text }), TEXT_DEBOUNCE_MS);
    },
    [setFilters],
  );
  useEffect(() => () => window.clearTimeout(textTimer.current), []);

  const clearFilters = useCallback(() => {
    window.clearTimeout(textTimer.current);
    setTextDraftState("");
    setFilters(NO_FILTERS);
  }, [setFilters]);

  // A new cache for each query and after each change of the data; the list
  // keeps its scroll offset through a data change (an edit, an undo).
  const cache = useMemo(
    () => new PageCache<ActorSummary>((offset, limit) => listActors(toQuery(filters, offset, limit)), { tag: dataVersion }),
    [filters, dataVersion],
  );

  const value = useMemo(
    () => ({ filters, setFilters, clearFilters, textDraft, setTextDraft, cache, view }),
    [filters, setFilters, clearFilters, textDraft, setTextDraft, cache, view],
  );
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): DirectoryState {
  const state = useContext(DirectoryContext);
  if (!state) throw new Error("useDirectory outside DirectoryProvider");
  return state;
}
