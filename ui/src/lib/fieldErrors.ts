// Server field errors → messages next to form fields.
//
// The backend names fields as in its input (`communeInsee`, `needs.2.text`);
// a form names its controls `field-<name>` and their messages `error-<name>`.
import type { FieldError } from "../bindings/FieldError";
import type { Lang } from "./format";

/** Server field names that a form shows under another control. */
const UI_NAMES: Record<string, string> = { communeInsee: "commune" };

/** The form control a server field error belongs to. */
export function uiFieldName(field: string): string {
  return UI_NAMES[field] ?? field;
}

/** `needs.2.text` → `needs`: the field the person edits as a whole. */
export function rootField(name: string): string {
  return name.split(".", 1)[0] ?? name;
}

/** Messages per control name, in the interface language, without repeats. */
export function messagesByField(errors: readonly FieldError[], lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors) {
    const name = uiFieldName(e.field);
    const text = lang === "en" ? e.messageEn || e.message : e.message;
    const list = out.get(name) ?? [];
    if (!list.includes(text)) list.push(text);
    out.set(name, list);
  }
  return out;
}

/**
 * The errors to show now: those of fields the person has touched, or all of
 * them once they tried to submit. Typing is never blocked, only informed.
 */
export function visibleErrors(
  errors: readonly FieldError[],
  touched: ReadonlySet<string>,
  submitted: boolean,
): FieldError[] {
  if (submitted) return [...errors];
  const isTouched = (field: string) => {
    const name = uiFieldName(field);
    return touched.has(name) || touched.has(rootField(name));
  };
  // An error caused by another field's value too (a SIRET that no longer
  // starts with the SIREN just changed) shows once either was edited.
  return errors.filter((e) => isTouched(e.field) || (e.dependsOn ?? []).some(isTouched));
}

function position(name: string, order: readonly string[]): [number, number] {
  const root = rootField(name);
  const i = order.indexOf(root);
  const index = Number(name.split(".")[1]);
  return [i < 0 ? order.length : i, Number.isFinite(index) ? index : -1];
}

/** The first control at fault in the form's order, to focus after a refused submit. */
export function firstInvalidField(errors: readonly FieldError[], order: readonly string[]): string | null {
  let best: string | null = null;
  let bestPos: [number, number] = [Infinity, Infinity];
  for (const e of errors) {
    const name = uiFieldName(e.field);
    const pos = position(name, order);
    if (pos[0] < bestPos[0] || (pos[0] === bestPos[0] && pos[1] < bestPos[1])) {
      best = name;
      bestPos = pos;
    }
  }
  return best;
}

/** Errors whose field the form does not show: they go to the banner. */
export function unplacedErrors(errors: readonly FieldError[], order: readonly string[]): FieldError[] {
  return errors.filter((e) => !order.includes(rootField(uiFieldName(e.field))));
}

/** Focuses the control of `name` inside `root` (its `data-testid="field-<name>"` or `data-field="<name>"`). */
export function focusField(root: HTMLElement | null, name: string): boolean {
  if (!root) return false;
  const el =
    root.querySelector<HTMLElement>(`[data-testid="field-${CSS.escape(name)}"]`) ??
    root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`) ??
    root.querySelector<HTMLElement>(`[data-testid="field-${CSS.escape(rootField(name))}"]`) ??
    root.querySelector<HTMLElement>(`[data-field-group="${CSS.escape(rootField(name))}"] input, [data-field-group="${CSS.escape(rootField(name))}"] button`);
  if (!el) return false;
  el.focus();
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}
