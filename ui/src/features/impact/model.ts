// Pure helpers of the Impact page: the filters' empty value and the figures
// laid out for drawing (rows of segments, scales). No figure is computed
// here: every number comes from the core's `get_impact`.
import type { ImpactFigures } from "../../bindings/ImpactFigures";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { STAGES } from "../partnership/model";

export function emptyImpactFilters(): ImpactFilters {
  return { from: null, to: null, departement: null, epci: null, commune: null, mode: null, theme: null, facilitator: null };
}

export function hasFilters(f: ImpactFilters): boolean {
  return Object.values(f).some((v) => v !== null && v !== "");
}

/** One bar of the stage × mode chart: the stage and its mode segments, as the core counted them. */
export type StageBar = { stage: Stage; segments: { mode: RameauMode | null; count: number }[] };

/** The core's stage × mode counts, one bar per stage that has any (pipeline order, modes as sent). */
export function stageBars(figures: ImpactFigures): StageBar[] {
  return STAGES.map((stage) => ({
    stage,
    segments: figures.byStageAndMode.filter((c) => c.stage === stage).map((c) => ({ mode: c.mode, count: c.count })),
  })).filter((bar) => bar.segments.length > 0);
}

/** The drawing scale of bars: the largest of `lengths` (at least 1). */
export function scaleOf(lengths: number[]): number {
  return Math.max(1, ...lengths);
}

/** A share of a drawn length, as a CSS percentage (never below a visible sliver). */
export function widthOf(value: number, scale: number): string {
  if (value <= 0) return "0%";
  return `${Math.max(1.5, (value / scale) * 100)}%`;
}

/** « 2026-01-01 » … « 2026-12-31 » for a calendar year. */
export function yearPeriod(year: number): Pick<ImpactFilters, "from" | "to"> {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Minutes as whole hours, « 1 234 h ». */
export function formatHours(minutes: number, lang: "fr" | "en"): string {
  const hours = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 0 }).format(minutes / 60);
  return lang === "fr" ? `${hours}\u00a0h` : `${hours} h`;
}

/** A total of an indicator: « 1 234 » or « 12,5 ». */
export function formatTotal(value: number, lang: "fr" | "en"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

/** A share (0 to 1) as « 37,5 % ». */
export function formatShare(share: number, lang: "fr" | "en"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** Cents as whole euros, « 107 400 € », for the key figures. */
export function formatWholeEuros(cents: number, lang: "fr" | "en"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(cents / 100);
}
