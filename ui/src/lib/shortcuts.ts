// Keyboard shortcuts: "Mod+K" means Ctrl+K (or ⌘K on a Mac keyboard).
import { useEffect, useRef } from "react";

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

type Parsed = { key: string; mod: boolean; shift: boolean; alt: boolean };

const ALIASES: Record<string, string> = { esc: "escape", return: "enter", space: " " };

export function parseShortcut(shortcut: string): Parsed {
  const parts = shortcut.split("+").map((p) => p.trim().toLowerCase());
  const last = parts.pop() ?? "";
  const key = ALIASES[last] ?? last;
  return {
    key,
    mod: parts.includes("mod") || parts.includes("ctrl"),
    shift: parts.includes("shift"),
    alt: parts.includes("alt"),
  };
}

/** Whether the key event is exactly this shortcut (no extra modifier). */
export function matchesShortcut(event: KeyLike, shortcut: string): boolean {
  const s = parseShortcut(shortcut);
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === s.key && mod === s.mod && event.shiftKey === s.shift && event.altKey === s.alt
  );
}

/** Whether keys typed now go into a text field (where plain keys must not act). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
  }
  return false;
}

/** Whether a modal dialog is open: page-level shortcuts then stay quiet. */
export function isModalOpen(doc: Document = document): boolean {
  return doc.querySelector("dialog[open]") !== null;
}

/** Returns false when it did not handle the key (the browser then keeps its default). */
export type ShortcutHandler = (event: KeyboardEvent) => unknown;

export type ShortcutOptions = {
  /** Off while false (e.g. the screen is hidden). */
  enabled?: boolean;
  /** Also fire while focus is in a text field (Ctrl+K does; plain keys never should). */
  inTextFields?: boolean;
  /** Also fire while a modal dialog is open. */
  inDialogs?: boolean;
};

/**
 * Binds shortcuts on the window for as long as the component is mounted.
 * An event that something else already handled (defaultPrevented) is ignored,
 * so a search box closing on Esc does not also leave the page.
 */
export function useShortcuts(bindings: Record<string, ShortcutHandler>, options: ShortcutOptions = {}): void {
  const { enabled = true, inTextFields = false, inDialogs = false } = options;
  const ref = useRef(bindings);
  useEffect(() => {
    ref.current = bindings;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (!inDialogs && isModalOpen()) return;
      for (const [shortcut, handler] of Object.entries(ref.current)) {
        if (!matchesShortcut(event, shortcut)) continue;
        const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
        if (!inTextFields && !hasModifier && isTypingTarget(event.target)) return;
        if (handler(event) !== false) event.preventDefault();
        return;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled, inTextFields, inDialogs]);
}
