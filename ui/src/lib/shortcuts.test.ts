import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { isTypingTarget, matchesShortcut, parseShortcut, useShortcuts } from "./shortcuts";

function key(init: KeyboardEventInit & { key: string }, target: EventTarget = window): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("matchesShortcut", () => {
  it("reads Mod as Ctrl or Meta, and wants exactly the modifiers named", () => {
    expect(parseShortcut("Mod+K")).toEqual({ key: "k", mod: true, shift: false, alt: false });
    const ev = (init: Partial<KeyboardEvent>) =>
      ({ key: "k", ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init }) as KeyboardEvent;
    expect(matchesShortcut(ev({ ctrlKey: true }), "Mod+K")).toBe(true);
    expect(matchesShortcut(ev({ metaKey: true }), "Mod+K")).toBe(true);
    expect(matchesShortcut(ev({ key: "K", ctrlKey: true }), "Mod+K")).toBe(true);
    expect(matchesShortcut(ev({}), "Mod+K")).toBe(false);
    expect(matchesShortcut(ev({ ctrlKey: true, shiftKey: true }), "Mod+K")).toBe(false);
    expect(matchesShortcut(ev({ key: "Enter", ctrlKey: true }), "Mod+Enter")).toBe(true);
    expect(matchesShortcut(ev({ key: "Escape" }), "Esc")).toBe(true);
  });

  it("knows where typing goes", () => {
    const input = document.createElement("input");
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(document.createElement("button"))).toBe(false);
  });
});

describe("useShortcuts", () => {
  it("runs the handler and prevents the browser's default", () => {
    const onNew = vi.fn();
    renderHook(() => useShortcuts({ "Mod+N": onNew }));
    const event = key({ key: "n", ctrlKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it("keeps the browser's default when the handler declines", () => {
    renderHook(() => useShortcuts({ Enter: () => false }));
    expect(key({ key: "Enter" }).defaultPrevented).toBe(false);
  });

  it("leaves plain keys alone while typing, unless asked", () => {
    const onEsc = vi.fn();
    const input = document.body.appendChild(document.createElement("input"));
    renderHook(() => useShortcuts({ Escape: onEsc }));
    key({ key: "Escape" }, input);
    expect(onEsc).not.toHaveBeenCalled();
    key({ key: "Escape" });
    expect(onEsc).toHaveBeenCalledTimes(1);
  });

  it("fires Ctrl shortcuts from text fields when allowed (Ctrl+K in a field)", () => {
    const onSearch = vi.fn();
    const input = document.body.appendChild(document.createElement("input"));
    renderHook(() => useShortcuts({ "Mod+K": onSearch }, { inTextFields: true }));
    key({ key: "k", ctrlKey: true }, input);
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it("ignores an event something else already handled", () => {
    const onEsc = vi.fn();
    renderHook(() => useShortcuts({ Escape: onEsc }));
    const button = document.body.appendChild(document.createElement("button"));
    button.addEventListener("keydown", (e) => e.preventDefault());
    key({ key: "Escape" }, button);
    expect(onEsc).not.toHaveBeenCalled();
  });

  it("stays quiet while a modal dialog is open", () => {
    const onNew = vi.fn();
    renderHook(() => useShortcuts({ "Mod+N": onNew }));
    const dialog = document.body.appendChild(document.createElement("dialog"));
    dialog.setAttribute("open", "");
    key({ key: "n", ctrlKey: true });
    expect(onNew).not.toHaveBeenCalled();
  });

  it("is off when disabled and unbinds on unmount", () => {
    const onNew = vi.fn();
    const { rerender, unmount } = renderHook(({ enabled }) => useShortcuts({ "Mod+N": onNew }, { enabled }), {
      initialProps: { enabled: false },
    });
    key({ key: "n", ctrlKey: true });
    expect(onNew).not.toHaveBeenCalled();
    rerender({ enabled: true });
    key({ key: "n", ctrlKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);
    unmount();
    key({ key: "n", ctrlKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);
  });
});
