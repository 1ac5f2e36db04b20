// The Impact page's charts, each with its data table: partnerships by stage
// and mode, actors by kind, contributions, indicator totals, the funnel and
// the years. Every bar opens the partnerships the core counts behind it.
import type { ImpactFigures } from "../../bindings/ImpactFigures";
import type { ImpactSlice } from "../../bindings/ImpactSlice";
import type { IndicatorTotal } from "../../bindings/IndicatorTotal";
import type { RameauMode } from "../../bindings/RameauMode";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { formatCents } from "../partnership/model";
import { StageIcon } from "../partnership/visuals";
import { ChartCard, DataTable, HBars, ModeLegend, StackedBars } from "./charts";
import { formatHours, formatTotal, scaleOf, stageBars } from "./model";

/** Opens the partnerships behind a figure, with the words that name it. */
export type Open = (slice: ImpactSlice, label: string) => void;

function useNames() {
  const { t, lang } = useI18n();
  const i = t.impact;
  return {
    t,
    lang,
    i,
    mode: (m: RameauMode | null) => (m === null ? i.unclassified : t.partnership.labels.modes[m]),
    count: (n: number) => formatCount(n, lang),
  };
}

export function StageChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { t, i, mode, count } = useNames();
  const bars = stageBars(figures);
  const stage = (s: (typeof bars)[number]["stage"]) => t.partnership.labels.stages[s];
  const rows = bars.map((bar) => ({
    key: bar.stage,
    label: (
      <>
        <StageIcon stage={bar.stage} size={14} />
        {stage(bar.stage)}
      </>
    ),
    segments: bar.segments.map((s) => {
      const aria = i.segment(s.count, stage(bar.stage), mode(s.mode));
      return { ...s, shown: count(s.count), aria, onOpen: () => open({ slice: "stageMode", stage: bar.stage, mode: s.mode }, `${stage(bar.stage)} · ${mode(s.mode)}`) };
    }),
  }));
  const table = (
    <DataTable
      testId="impact-stage-table"
      caption={i.charts.byStage}
      head={[i.columns.stage, i.columns.mode, i.columns.count]}
      rows={figures.byStageAndMode.map((c) => [stage(c.stage), mode(c.mode), count(c.count)])}
    />
  );
  return (
    <ChartCard testId="impact-stages" title={i.charts.byStage} hint={i.charts.byStageHint} table={table} empty={bars.length === 0}>
      <ModeLegend unclassified={figures.byStageAndMode.some((c) => c.mode === null)} />
      <StackedBars rows={rows} testId="impact-stage-bars" />
    </ChartCard>
  );
}

export function KindChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { t, i, count } = useNames();
  const kind = (k: (typeof figures.actorsByKind)[number]["kind"]) => t.labels.kinds[k];
  const table = (
    <DataTable
      testId="impact-kind-table"
      caption={i.charts.byKind}
      head={[i.columns.kind, i.columns.actors]}
      rows={figures.actorsByKind.map((k) => [kind(k.kind), count(k.count)])}
    />
  );
  return (
    <ChartCard testId="impact-kinds" title={i.charts.byKind} table={table} empty={figures.actorsByKind.length === 0}>
      <HBars
        testId="impact-kind-bars"
        bars={figures.actorsByKind.map((k) => ({
          key: k.kind,
          label: kind(k.kind),
          value: k.count,
          shown: count(k.count),
          aria: `${kind(k.kind)} : ${count(k.count)}`,
          tone: 1,
          data: { "data-kind": k.kind },
          onOpen: () => open({ slice: "actorKind", actorKind: k.kind }, kind(k.kind)),
        }))}
      />
    </ChartCard>
  );
}

export function ContributionChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { t, lang, i, mode } = useNames();
  const kind = (k: (typeof figures.contributions)[number]["kind"]) => t.partnership.labels.contributionKinds[k];
  const rows = figures.contributions;
  const table = (
    <DataTable
      testId="impact-contribution-table"
      caption={i.charts.contributions}
      head={[i.columns.contribution, i.columns.mode, i.columns.value, i.columns.hours]}
      rows={rows.map((c) => [kind(c.kind), mode(c.mode), formatCents(c.valueCents, lang), formatHours(c.minutes, lang)])}
    />
  );
  const bar = (c: (typeof rows)[number], hours: boolean) => {
    const label = `${kind(c.kind)} · ${mode(c.mode)}`;
    const shown = hours ? formatHours(c.minutes, lang) : formatCents(c.valueCents, lang);
    return {
      key: `${c.kind}-${c.mode ?? "none"}`,
      label,
      value: hours ? c.minutes : c.valueCents,
      shown,
      aria: `${label} : ${shown}`,
      tint: c.mode,
      tone: 3 as const,
      onOpen: () => open({ slice: "contribution", contributionKind: c.kind, mode: c.mode }, label),
    };
  };
  const withHours = rows.filter((c) => c.minutes > 0);
  return (
    <ChartCard testId="impact-contributions" title={i.charts.contributions} table={table} empty={rows.length === 0}>
      <h3 className="impact-chart__sub">{i.charts.contributionsValue}</h3>
      <HBars testId="impact-value-bars" bars={rows.map((c) => bar(c, false))} />
      {withHours.length > 0 && (
        <>
          <h3 className="impact-chart__sub">{i.charts.contributionsHours}</h3>
          <HBars testId="impact-hour-bars" bars={withHours.map((c) => bar(c, true))} />
        </>
      )}
    </ChartCard>
  );
}

export function IndicatorChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { lang, i, count } = useNames();
  const unit = (x: IndicatorTotal) => (lang === "fr" ? x.unit : x.unitEn) || i.noUnit;
  const theme = (x: IndicatorTotal) => (x.theme ? i.themes[x.theme] : i.noTheme);
  const level = (x: IndicatorTotal) => (x.level ? i.levels[x.level] : i.noLevel);
  const table = (
    <DataTable
      testId="impact-indicator-table"
      caption={i.charts.indicators}
      head={[i.columns.theme, i.columns.level, i.columns.total, i.columns.unit, i.columns.count]}
      rows={figures.indicatorTotals.map((x) => [theme(x), level(x), formatTotal(x.total, lang), unit(x), count(x.partnerships)])}
    />
  );
  return (
    <ChartCard testId="impact-indicators" title={i.charts.indicators} hint={i.charts.indicatorsHint} table={table} empty={figures.indicatorTotals.length === 0}>
      <ul className="impact-totals">
        {figures.indicatorTotals.map((x) => {
          const label = `${theme(x)} · ${unit(x)}`;
          const aria = `${theme(x)}, ${level(x)} : ${formatTotal(x.total, lang)} ${unit(x)} (${i.drill.count(x.partnerships)})`;
          return (
            <li key={`${x.theme ?? ""}-${x.level ?? ""}-${x.unitKey}`}>
              <button
                type="button"
                className="impact-totals__item"
                aria-label={aria}
                title={aria}
                data-testid="impact-total"
                onClick={() => open({ slice: "indicator", theme: x.theme, level: x.level, unitKey: x.unitKey }, label)}
              >
                <span className="impact-totals__value tabular">{formatTotal(x.total, lang)}</span>
                <span className="impact-totals__unit">{unit(x)}</span>
                <span className="impact-totals__theme small muted">
                  {theme(x)}
                  {x.level ? ` · ${level(x)}` : ""} · {i.drill.count(x.partnerships)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </ChartCard>
  );
}

export function FunnelChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { i, count } = useNames();
  const f = figures.funnel;
  const steps = [
    { key: "meetings", label: i.funnel.meetings, value: f.meetings, slice: null, name: "" },
    { key: "leads", label: i.funnel.leads, value: f.leads, slice: { slice: "funnel", step: "leads" } as const, name: i.drill.leads },
    { key: "signed", label: i.funnel.signed, value: f.signed, slice: { slice: "funnel", step: "signed" } as const, name: i.drill.leadsSigned },
    { key: "evaluated", label: i.funnel.evaluated, value: f.evaluated, slice: { slice: "funnel", step: "evaluated" } as const, name: i.drill.leadsEvaluated },
  ];
  const table = <DataTable testId="impact-funnel-table" caption={i.charts.funnel} head={[i.columns.step, i.columns.count]} rows={steps.map((s) => [s.label, count(s.value)])} />;
  return (
    <ChartCard testId="impact-funnel" title={i.charts.funnel} hint={i.charts.funnelHint} table={table} empty={steps.every((s) => s.value === 0)}>
      <HBars
        testId="impact-funnel-bars"
        bars={steps.map((s, n) => ({
          key: s.key,
          label: s.label,
          value: s.value,
          shown: count(s.value),
          aria: `${s.label} : ${count(s.value)}`,
          tone: ((n % 4) + 1) as 1 | 2 | 3 | 4,
          data: { "data-step": s.key },
          onOpen: s.slice ? () => open(s.slice, s.name) : undefined,
        }))}
      />
    </ChartCard>
  );
}

export function YearChart({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { lang, i, count } = useNames();
  const table = (
    <DataTable
      testId="impact-year-table"
      caption={i.charts.years}
      head={[i.columns.year, i.columns.started, i.columns.signed, i.columns.evaluated, i.columns.value, i.columns.hours]}
      rows={figures.years.map((y) => [String(y.year), count(y.started), count(y.signed), count(y.evaluated), formatCents(y.valueCents, lang), formatHours(y.minutes, lang)])}
    />
  );
  const steps = [
    { step: "started", label: i.columns.started, tone: 1 },
    { step: "signed", label: i.columns.signed, tone: 3 },
    { step: "evaluated", label: i.columns.evaluated, tone: 4 },
  ] as const;
  const scale = scaleOf(figures.years.flatMap((y) => [y.started, y.signed, y.evaluated]));
  return (
    <ChartCard testId="impact-years" title={i.charts.years} table={table} empty={figures.years.length === 0}>
      <div className="impact-years">
        {figures.years.map((y) => (
          <div key={y.year} className="impact-years__year" role="group" aria-label={String(y.year)}>
            <h3 className="impact-chart__sub">{y.year}</h3>
            <HBars
              testId="impact-year-bars"
              scale={scale}
              bars={steps.map((s) => ({
                key: s.step,
                label: s.label,
                value: y[s.step],
                shown: count(y[s.step]),
                aria: `${y.year}, ${s.label} : ${count(y[s.step])}`,
                tone: s.tone,
                onOpen: () => open({ slice: "year", year: y.year, step: s.step }, i.drill.year(y.year, s.label)),
              }))}
            />
          </div>
        ))}
      </div>
    </ChartCard>
  );
}
