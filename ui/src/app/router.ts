// Hash routes: the window is one page served from disk, so the location's
// hash says which screen shows (#/accueil, #/reglages, #/annuaire, #/annuaire/contacts, #/acteurs/<id>?contact=<id>,
// #/partenariats, #/partenariats/vue-d-ensemble, #/partenariats/<id>,
// #/donnees/<tab>: #/donnees/import, #/donnees/exporter, #/donnees/doublons,
// #/donnees/sauvegardes, #/donnees/personnes[/<contactId>], #/evenements,
// #/evenements/<id>/<participants|planning|saisie|bilan>, #/salle/<id>, #/impact).
import { useCallback, useSyncExternalStore } from "react";

export type Route =
  | { name: "start" }
  /** « Accueil » (#/accueil): the facilitator's day; what « start » shows once data exists. */
  | { name: "home" }
  /** « Réglages » (#/reglages). */
  | { name: "settings" }
  | { name: "directory" }
  /** Annuaire › Contacts. */
  | { name: "contacts" }
  | { name: "actor"; id: string; contactId: string | null }
  | { name: "partnerships" }
  | { name: "overview" }
  | { name: "partnership"; id: string }
  /** `personId`: the contact shown by « Données personnelles » (#/donnees/personnes/<id>). */
  | { name: "data"; tab: DataTab; personId?: string }
  | { name: "events" }
  | { name: "event"; id: string; tab: EventTab }
  /** « Impact » (#/impact): the territory's figures. */
  | { name: "impact" }
  /** The projector's window (#/salle/<id>): no sidebar, full screen. */
  | { name: "room"; id: string };

/** The tabs of an event and their path; the first one is where an event opens. */
export const EVENT_TAB_PATHS = {
  participants: "participants",
  plan: "planning",
  capture: "saisie",
  report: "bilan",
} as const;

export type EventTab = keyof typeof EVENT_TAB_PATHS;

function eventTabOf(path: string | undefined): EventTab {
  const found = (Object.keys(EVENT_TAB_PATHS) as EventTab[]).find((tab) => EVENT_TAB_PATHS[tab] === path);
  return found ?? "participants";
}

/** The tabs of « Données » and their path; the first one is where #/donnees opens. */
export const DATA_TAB_PATHS = {
  import: "import",
  export: "exporter",
  duplicates: "doublons",
  backups: "sauvegardes",
  privacy: "personnes",
} as const;

export type DataTab = keyof typeof DATA_TAB_PATHS;

function dataTabOf(path: string | undefined): DataTab {
  const found = (Object.keys(DATA_TAB_PATHS) as DataTab[]).find((tab) => DATA_TAB_PATHS[tab] === path);
  return found ?? "import";
}

/** The overview lives under the partnerships; no partnership id looks like it. */
const OVERVIEW_PATH = "vue-d-ensemble";

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path = "", queryString = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "accueil" && parts.length === 1) return { name: "home" };
  if (parts[0] === "reglages" && parts.length === 1) return { name: "settings" };
  if (parts[0] === "annuaire" && parts.length === 1) return { name: "directory" };
  if (parts[0] === "annuaire" && parts[1] === "contacts" && parts.length === 2) return { name: "contacts" };
  if (parts[0] === "partenariats" && parts.length === 1) return { name: "partnerships" };
  if (parts[0] === "partenariats" && parts[1] === OVERVIEW_PATH && parts.length === 2) return { name: "overview" };
  if (parts[0] === "partenariats" && parts[1]) return { name: "partnership", id: parts[1] };
  if (parts[0] === "donnees" && parts[1] === DATA_TAB_PATHS.privacy && parts[2] && parts.length === 3) {
    return { name: "data", tab: "privacy", personId: parts[2] };
  }
  if (parts[0] === "donnees" && parts.length <= 2) return { name: "data", tab: dataTabOf(parts[1]) };
  if (parts[0] === "evenements" && parts.length === 1) return { name: "events" };
  if (parts[0] === "evenements" && parts[1] && parts.length <= 3) return { name: "event", id: parts[1], tab: eventTabOf(parts[2]) };
  if (parts[0] === "impact" && parts.length === 1) return { name: "impact" };
  if (parts[0] === "salle" && parts[1] && parts.length === 2) return { name: "room", id: parts[1] };
  if (parts[0] === "acteurs" && parts[1]) {
    const contactId = new URLSearchParams(queryString).get("contact");
    return { name: "actor", id: parts[1], contactId: contactId && contactId !== "" ? contactId : null };
  }
  return { name: "start" };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case "start":
      return "#/";
    case "home":
      return "#/accueil";
    case "settings":
      return "#/reglages";
    case "directory":
      return "#/annuaire";
    case "contacts":
      return "#/annuaire/contacts";
    case "actor": {
      const base = `#/acteurs/${encodeURIComponent(route.id)}`;
      return route.contactId ? `${base}?contact=${encodeURIComponent(route.contactId)}` : base;
    }
    case "partnerships":
      return "#/partenariats";
    case "overview":
      return `#/partenariats/${OVERVIEW_PATH}`;
    case "partnership":
      return `#/partenariats/${encodeURIComponent(route.id)}`;
    case "events":
      return "#/evenements";
    case "event":
      return `#/evenements/${encodeURIComponent(route.id)}/${EVENT_TAB_PATHS[route.tab]}`;
    case "room":
      return `#/salle/${encodeURIComponent(route.id)}`;
    case "impact":
      return "#/impact";
    case "data": {
      const base = `#/donnees/${DATA_TAB_PATHS[route.tab]}`;
      return route.tab === "privacy" && route.personId ? `${base}/${encodeURIComponent(route.personId)}` : base;
    }
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function snapshot(): string {
  return window.location.hash;
}

/**
 * The screens this window went through, oldest first, so that « Retour »
 * goes back where the person came from (a partnership opened from an
 * actor's page goes back to that actor, not to the board) and a screen
 * reached by « Retour » finds its scroll position again.
 */
export class Trail {
  private hashes: string[];
  private replacing = false;
  /** Whether the last change went back one step. */
  wentBack = false;

  constructor(start: string) {
    this.hashes = [start];
  }

  /** The next change of hash replaces the current screen rather than adding one. */
  replaceNext(): void {
    this.replacing = true;
  }

  private scrolls = new Map<string, number>();

  /** Records the window's new hash; `scrollTop` is where the screen being left was scrolled. */
  arrive(hash: string, scrollTop = 0): void {
    const n = this.hashes.length;
    this.scrolls.set(this.hashes[n - 1] ?? "", scrollTop);
    this.wentBack = false;
    if (this.replacing) {
      this.replacing = false;
      this.hashes[n - 1] = hash;
    } else if (n >= 2 && this.hashes[n - 2] === hash) {
      this.hashes.pop();
      this.wentBack = true;
    } else if (this.hashes[n - 1] !== hash) {
      this.hashes.push(hash);
    }
  }

  /** Where the screen now shown starts: where it was left when reached by going back, else the top. */
  scrollTop(): number {
    return this.wentBack ? (this.scrolls.get(this.hashes[this.hashes.length - 1] ?? "") ?? 0) : 0;
  }

  /** The screen before this one, if the person came from one in this window. */
  previous(): Route | null {
    const n = this.hashes.length;
    return n >= 2 ? parseHash(this.hashes[n - 2] ?? "") : null;
  }
}

const trail = new Trail(typeof window === "undefined" ? "" : window.location.hash);
if (typeof window !== "undefined") {
  // Registered before React's listener: the screen being left is still shown.
  window.addEventListener("hashchange", () =>
    trail.arrive(window.location.hash, document.getElementById("main")?.scrollTop ?? 0),
  );
}

/** Where the screen now shown should be scrolled to (see `Trail.scrollTop`). */
export function screenScrollTop(): number {
  return trail.scrollTop();
}

/** Where « Retour » leads: the previous screen, or `fallback` on a window's first screen. */
export function backTarget(fallback: Route): Route {
  return trail.previous() ?? fallback;
}

/** Goes back to the previous screen of this window, or to `fallback` when there is none. */
export function goBack(fallback: Route): void {
  if (trail.previous()) window.history.back();
  else navigate(fallback, { replace: true });
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (options.replace) {
    trail.replaceNext();
    window.history.replaceState(null, "", hash);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = hash;
  }
}

export function useRoute(): [Route, typeof navigate] {
  const hash = useSyncExternalStore(subscribe, snapshot, () => "");
  const go = useCallback<typeof navigate>((route, options) => navigate(route, options), []);
  return [parseHash(hash), go];
}
