// The Impact page's chart pieces: a card whose chart swaps with its data
// table in one click, and horizontal and stacked bars drawn by recharts (SVG,
// bundled, nothing fetched: the window's CSP holds) whose every bar is
// focusable and opens the partnerships behind it, by click or keyboard.
import { ChartColumn, Table2 } from "lucide-react";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode, type RefObject } from "react";
import { Bar as SeriesBar, BarChart, Text, XAxis, YAxis } from "recharts";

import type { RameauMode } from "../../bindings/RameauMode";
import { useI18n } from "../../i18n";
import { MODE_COLORS, MODE_INK, MODE_LETTERS, MODES, modeStyle } from "../partnership/model";
import { MODE_ICONS } from "../partnership/visuals";
import { scaleOf } from "./model";

/** A chart with its title and the data table « Voir les données » shows instead. */
export function ChartCard({
  testId,
  title,
  hint,
  table,
  empty,
  children,
}: {
  testId: string;
  title: string;
  hint?: string;
  table: ReactNode;
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const c = t.impact.charts;
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <section className="card impact-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <header className="impact-chart__head">
        <h2 className="card__title" id={`${id}-title`}>
          {title}
        </h2>
        {!empty && (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-pressed={showTable}
            data-testid={`${testId}-toggle`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? <ChartColumn size={14} aria-hidden="true" /> : <Table2 size={14} aria-hidden="true" />}
            {showTable ? c.showChart : c.showData}
          </button>
        )}
      </header>
      {hint && <p className="small muted impact-chart__hint">{hint}</p>}
      {empty ? <p className="small muted">{c.none}</p> : showTable ? <div className="impact-table__scroll">{table}</div> : children}
    </section>
  );
}

/** A simple table of figures: a header row and rows of cells (numbers right-aligned). */
export function DataTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <table className="impact-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} className={j > 0 && /^[\d\s,.€%h-]+$/u.test(String(cell).replace(/\u202f|\u00a0/g, " ")) ? "tabular impact-table__num" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type Bar = {
  key: string;
  label: string;
  value: number;
  /** The value as shown (« 1 234 », « 4 800 € »). */
  shown: string;
  /** What a screen reader says of the bar (and its tooltip). */
  aria: string;
  /** A mode's colour, or one of the other categories' (`tone-1`…`tone-4`). */
  tint?: RameauMode | null;
  tone?: 1 | 2 | 3 | 4;
  onOpen?: () => void;
  testId?: string;
  data?: Record<string, string>;
};

export type Segment = { mode: RameauMode | null; count: number; shown: string; aria: string; onOpen: () => void };

/** One row of stacked bars: a category and its segments, one per mode. */
type StackRow = { key: string; label: string; segments: Segment[] };

/** Height of one bar's row, and of the bar in it, in pixels. */
const ROW = 30;
const BAR = 20;
/** Room for the category labels, left of the bars, and for the values, right of them. */
const LABEL_W = 170;
const VALUE_W = 84;
/** The width drawn before the card is measured (and in tests, which measure nothing). */
const FALLBACK_W = 560;

/** The width of the element `ref` points to, followed as the window resizes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_W);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return undefined;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Patterns for the categories that are not modes: never colour alone (ui-guide). */
function Patterns({ id }: { id: string }) {
  const stripes = (name: string, angle: number, size: number, dark: string, light: string, band: number) => (
    <pattern key={name} id={`${id}-${name}`} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform={`rotate(${angle})`}>
      <rect width={size} height={size} fill={light} />
      <rect width={band} height={size} fill={dark} />
    </pattern>
  );
  return (
    <defs>
      {stripes("tone-2", 45, 7, "#d55e00", "#e8894a", 4)}
      {stripes("tone-3", 0, 6, "#0b0b0b", "#5a5a5a", 3)}
      {stripes("tone-4", -45, 6, "#b8ad1c", "#f0e442", 2)}
      {stripes("none", 45, 8, "#dfe2e7", "#eef0f3", 4)}
    </defs>
  );
}

function fillOf(id: string, tint: RameauMode | null | undefined, tone: number | undefined): string {
  if (tint) return MODE_COLORS[tint];
  if (tone === undefined || tone === 1) return "#56b4e9";
  return `url(#${id}-tone-${tone})`;
}

/** Enter and Space open, as on a button. */
function pressable(onOpen: () => void) {
  return {
    role: "button",
    tabIndex: 0,
    className: "impact-rchart__hit",
    onClick: onOpen,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onOpen();
      }
    },
  };
}

/** What recharts hands a bar's shape: where it drew the bar, and the row. */
type Drawn<T> = { x: number; y: number; width: number; height: number; payload: T };

/** A category's name left of its bar, on at most two lines. */
function CategoryTick(props: unknown) {
  const { x, y, payload } = props as { x: number; y: number; payload: { value: string } };
  return (
    <Text x={x - 8} y={y} width={LABEL_W - 12} maxLines={2} textAnchor="end" verticalAnchor="middle" className="impact-rchart__label">
      {payload.value}
    </Text>
  );
}

/** A bar chart drawn by recharts, one row per category: the frame the two kinds of bars share. */
function BarFrame<T extends { label: string }>({
  rows,
  testId,
  max,
  value,
  shape,
}: {
  rows: T[];
  testId: string;
  max: number;
  value: (row: T) => number;
  shape: (drawn: Drawn<T>, patterns: string) => ReactElement;
}) {
  const [ref, width] = useWidth();
  const patterns = useId().replace(/:/g, "");
  const height = rows.length * ROW + 4;
  return (
    <div className="impact-rchart" ref={ref} data-testid={testId}>
      <BarChart
        layout="vertical"
        width={width}
        height={height}
        data={rows}
        margin={{ top: 2, right: VALUE_W, bottom: 2, left: 0 }}
        barSize={BAR}
        accessibilityLayer={false}
      >
        <Patterns id={patterns} />
        <XAxis type="number" hide domain={[0, max]} allowDataOverflow />
        <YAxis type="category" dataKey="label" width={LABEL_W} tickLine={false} axisLine={false} tick={CategoryTick} interval={0} />
        <SeriesBar dataKey={value} isAnimationActive={false} shape={(p: unknown) => shape(p as Drawn<T>, patterns)} />
      </BarChart>
    </div>
  );
}

/** Horizontal bars from zero, each a button when it opens partnerships. */
export function HBars({ bars, testId, scale: shared }: { bars: Bar[]; testId: string; scale?: number }) {
  const max = shared ?? scaleOf(bars.map((b) => b.value));
  return (
    <BarFrame
      rows={bars}
      testId={testId}
      max={max}
      value={(b) => b.value}
      shape={({ x, y, width, height, payload: b }, patterns) => {
        const drawn = b.value > 0 ? Math.max(width, 3) : 0;
        const mid = y + height / 2;
        const body = (
          <>
            <title>{b.aria}</title>
            <rect x={x} y={y} width={drawn} height={height} rx={2} fill={fillOf(patterns, b.tint, b.tone)} />
            <text x={x + drawn + 6} y={mid} dominantBaseline="central" className="impact-rchart__value">
              {b.shown}
            </text>
          </>
        );
        return b.onOpen && b.value > 0 ? (
          <g aria-label={b.aria} data-testid={b.testId} {...b.data} {...pressable(b.onOpen)}>
            {body}
          </g>
        ) : (
          <g role="img" aria-label={b.aria} data-testid={b.testId} {...b.data}>
            {body}
          </g>
        );
      }}
    />
  );
}

/** Stacked bars: one row per category, one segment per mode (letter inside, never colour alone). */
export function StackedBars({ rows, testId }: { rows: StackRow[]; testId: string }) {
  const total = (r: StackRow) => r.segments.reduce((sum, s) => sum + s.count, 0);
  return (
    <BarFrame
      rows={rows}
      testId={testId}
      max={scaleOf(rows.map(total))}
      value={total}
      shape={({ x, y, width, height, payload: row }, patterns) => {
        const sum = total(row);
        let left = x;
        return (
          <g data-row={row.key}>
            {row.segments.map((s) => {
              const w = sum > 0 ? Math.max((s.count / sum) * width, 24) : 0;
              const at = left;
              left += w;
              const ink = s.mode ? MODE_INK[s.mode] : "#1f2937";
              return (
                <g
                  key={s.mode ?? "none"}
                  aria-label={s.aria}
                  data-testid="impact-segment"
                  data-mode={s.mode ?? ""}
                  data-stage={row.key}
                  data-count={s.count}
                  {...pressable(s.onOpen)}
                >
                  <title>{s.aria}</title>
                  <rect x={at} y={y} width={Math.max(w - 1, 1)} height={height} fill={s.mode ? MODE_COLORS[s.mode] : `url(#${patterns}-none)`} />
                  <text x={at + w / 2} y={y + height / 2} textAnchor="middle" dominantBaseline="central" fill={ink} className="impact-rchart__segment" aria-hidden="true">
                    {`${s.mode ? MODE_LETTERS[s.mode] : "?"}\u00a0${s.shown}`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      }}
    />
  );
}

/** The four modes' colours, icons and letters, in the scale's order. */
export function ModeLegend({ unclassified }: { unclassified: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="impact-legend" aria-hidden="true">
      {MODES.map((mode) => {
        const Icon = MODE_ICONS[mode];
        return (
          <li key={mode}>
            <span className="mode-badge" style={modeStyle(mode)}>
              <Icon size={12} />
              <span className="mode-badge__letter">{MODE_LETTERS[mode]}</span>
            </span>
            {t.partnership.labels.modes[mode]}
          </li>
        );
      })}
      {unclassified && (
        <li>
          <span className="mode-letter impact-legend__none">?</span>
          {t.impact.unclassified}
        </li>
      )}
    </ul>
  );
}
