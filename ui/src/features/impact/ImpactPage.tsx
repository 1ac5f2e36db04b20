// « Impact »: what the territory's partnerships produced, for a period and a
// place. Every number comes from the core's `get_impact`; clicking a figure
// lists the partnerships behind it (`list_impact_partnerships`); « Imprimer le
// rapport » prints the same figures with stories (`ReportDialog`).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import { useState } from "react";

import { getImpact } from "../../api/gateway";
import type { ImpactFigures } from "../../bindings/ImpactFigures";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import type { ImpactSlice } from "../../bindings/ImpactSlice";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { DrillDown, type Drill } from "./DrillDown";
import { FilterBar } from "./FilterBar";
import { ReportDialog } from "./ReportDialog";
import { impactStartFilters, impactStartName } from "../settings/homeTerritory";
import { emptyImpactFilters, formatHours, formatShare, formatTotal, formatWholeEuros } from "./model";
import { ContributionChart, FunnelChart, IndicatorChart, KindChart, StageChart, YearChart, type Open } from "./sections";

export function ImpactPage() {
  const { t } = useI18n();
  const i = t.impact;
  const [filters, setFilters] = useState<ImpactFilters>(() => impactStartFilters(emptyImpactFilters()));
  const [drill, setDrill] = useState<Drill | null>(null);
  const [reporting, setReporting] = useState(false);
  const query = useQuery({
    queryKey: ["impact", "figures", filters],
    queryFn: () => getImpact(filters),
    placeholderData: keepPreviousData,
  });
  const figures = query.data;
  const open: Open = (slice, label) => setDrill({ slice, label });
  const changeFilters = (f: ImpactFilters) => {
    setFilters(f);
    setDrill(null);
  };
  return (
    <div className="page page--impact" data-testid="impact-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{i.title}</h1>
          <p className="page-subtitle">{i.subtitle}</p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setReporting(true)} data-testid="impact-print-report">
            <FileText size={16} aria-hidden="true" />
            {i.printReport}
          </button>
        </div>
      </header>
      <FilterBar filters={filters} onChange={changeFilters} homeName={impactStartName()} />
      {reporting && <ReportDialog filters={filters} onClose={() => setReporting(false)} />}
      {query.isError ? (
        <ErrorBanner title={i.loadError} error={query.error} testId="impact-error" />
      ) : figures === undefined ? (
        <p className="muted" aria-busy="true">
          {i.loading}
        </p>
      ) : (
        <>
          <KeyFigures figures={figures} open={open} />
          {drill && <DrillDown filters={filters} drill={drill} onClose={() => setDrill(null)} />}
          <div className="impact-grid" data-testid="impact-grid" aria-busy={query.isFetching}>
            <StageChart figures={figures} open={open} />
            <FunnelChart figures={figures} open={open} />
            <KindChart figures={figures} open={open} />
            <ContributionChart figures={figures} open={open} />
            <IndicatorChart figures={figures} open={open} />
            <YearChart figures={figures} open={open} />
          </div>
        </>
      )}
    </div>
  );
}

/** The key figures, each a button opening the partnerships it counts. */
function KeyFigures({ figures, open }: { figures: ImpactFigures; open: Open }) {
  const { t, lang } = useI18n();
  const k = t.impact.key;
  const d = t.impact.drill;
  const count = (n: number) => formatCount(n, lang);
  const tiles: { key: string; label: string; value: string; note?: string; slice: ImpactSlice; name: string }[] = [
    { key: "partnerships", label: k.partnerships, value: count(figures.partnerships), slice: { slice: "all" }, name: d.all },
    { key: "signed", label: k.signed, value: count(figures.signed), slice: { slice: "signed" }, name: d.signed },
    {
      key: "evaluated",
      label: k.evaluated,
      value: count(figures.evaluated),
      note: figures.evaluatedShare === null ? k.noneSigned : k.evaluatedShare(formatShare(figures.evaluatedShare, lang)),
      slice: { slice: "evaluated" },
      name: d.evaluated,
    },
    { key: "actors", label: k.actors, value: count(figures.actorsInvolved), slice: { slice: "all" }, name: d.all },
    { key: "met", label: k.metAtEvents, value: count(figures.actorsMetAtEvents), slice: { slice: "metAtEvents" }, name: d.metAtEvents },
    { key: "beneficiaries", label: k.beneficiaries, value: formatTotal(figures.beneficiaries, lang), slice: { slice: "beneficiaries" }, name: d.beneficiaries },
    { key: "value", label: k.value, value: formatWholeEuros(figures.valueCents, lang), slice: { slice: "signed" }, name: d.signed },
    { key: "hours", label: k.hours, value: formatHours(figures.minutes, lang), slice: { slice: "signed" }, name: d.signed },
  ];
  return (
    <ul className="impact-keys" data-testid="impact-keys">
      {tiles.map((tile) => (
        <li key={tile.key}>
          <button
            type="button"
            className="card impact-keys__tile"
            data-testid={`impact-key-${tile.key}`}
            aria-label={`${tile.label} : ${tile.value}${tile.note ? ` (${tile.note})` : ""}. ${k.open(tile.name)}`}
            onClick={() => open(tile.slice, tile.name)}
          >
            <span className="impact-keys__value tabular">{tile.value}</span>
            <span className="impact-keys__label">{tile.label}</span>
            {tile.note && <span className="impact-keys__note small muted">{tile.note}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
