// The Impact page's chart pieces, drawn with HTML and CSS (no script, no
// inline <style>, so nothing the window's strict CSP refuses): a card whose
// chart swaps with its data table in one click, horizontal bars and stacked
// bars whose every bar is a button opening the partnerships behind it.
// Not a chart library: the kept ones (recharts, those built on d3) assign to
// properties of `Object.prototype` as they load, which the window's
// `freezePrototype` refuses (ARCHITECTURE.md).
import { ChartColumn, Table2 } from "lucide-react";
import { useId, useState, type ReactNode } from "react";

import type { RameauMode } from "../../bindings/RameauMode";
import { useI18n } from "../../i18n";
import { MODE_LETTERS, MODES, modeStyle } from "../partnership/model";
import { MODE_ICONS } from "../partnership/visuals";
import { scaleOf, widthOf } from "./model";

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
  label: ReactNode;
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

/** Horizontal bars from zero, each a button when it opens partnerships. */
export function HBars({ bars, testId, scale: shared }: { bars: Bar[]; testId: string; scale?: number }) {
  const scale = shared ?? scaleOf(bars.map((b) => b.value));
  return (
    <ul className="impact-bars" data-testid={testId}>
      {bars.map((b) => {
        const fill = (
          <>
            <span className="impact-bars__label">{b.label}</span>
            <span className="impact-bars__track" aria-hidden="true">
              <span
                className={`impact-bars__fill${b.tint ? " is-mode" : b.tone ? ` tone-${b.tone}` : ""}`}
                style={{ width: widthOf(b.value, scale), ...(b.tint ? modeStyle(b.tint) : {}) }}
              />
            </span>
            <span className="impact-bars__value tabular">{b.shown}</span>
          </>
        );
        return (
          <li key={b.key}>
            {b.onOpen && b.value > 0 ? (
              <button type="button" className="impact-bars__item" aria-label={b.aria} title={b.aria} data-testid={b.testId} {...b.data} onClick={b.onOpen}>
                {fill}
              </button>
            ) : (
              <div className="impact-bars__item" role="group" aria-label={b.aria} data-testid={b.testId} {...b.data}>
                {fill}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export type Segment = { mode: RameauMode | null; count: number; shown: string; aria: string; onOpen: () => void };

/** Stacked bars: one row per category, one segment per mode (letter inside, never colour alone). */
export function StackedBars({ rows, testId }: { rows: { key: string; label: ReactNode; segments: Segment[] }[]; testId: string }) {
  const scale = scaleOf(rows.map((r) => r.segments.reduce((sum, s) => sum + s.count, 0)));
  return (
    <ul className="impact-stack" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} className="impact-stack__row" data-row={row.key}>
          <span className="impact-stack__label">{row.label}</span>
          <span className="impact-stack__track">
            {row.segments.map((s) => (
              <button
                key={s.mode ?? "none"}
                type="button"
                className={`impact-stack__segment${s.mode ? "" : " is-unclassified"}`}
                style={{ width: widthOf(s.count, scale), ...(s.mode ? modeStyle(s.mode) : {}) }}
                aria-label={s.aria}
                title={s.aria}
                data-testid="impact-segment"
                data-mode={s.mode ?? ""}
                data-stage={row.key}
                data-count={s.count}
                onClick={s.onOpen}
              >
                <span aria-hidden="true">
                  {s.mode ? MODE_LETTERS[s.mode] : "?"}
                  {"\u00a0"}
                  {s.shown}
                </span>
              </button>
            ))}
          </span>
        </li>
      ))}
    </ul>
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
