// The Impact page's filters: the period (with this year and last year in
// one click), a territory (a commune picked like elsewhere, then the commune,
// its EPCI or its département), the mode, the theme and the facilitator.
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle, MapPin, X } from "lucide-react";
import { useState } from "react";

import { getPartnershipOverview, searchCommunes } from "../../api/gateway";
import type { Commune } from "../../bindings/Commune";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import type { ImpactTheme } from "../../bindings/ImpactTheme";
import type { RameauMode } from "../../bindings/RameauMode";
import { FilterSelect } from "../../components/FilterSelect";
import { useCombobox } from "../../components/useCombobox";
import { useI18n } from "../../i18n";
import { communeLabel } from "../actor/CommuneCombobox";
import { partnershipKeys } from "../partnership/Board";
import { MODES } from "../partnership/model";
import { THEMES } from "../../bindings/orders";
import { emptyImpactFilters, hasFilters, yearPeriod } from "./model";

type Scope = "commune" | "epci" | "departement";

/** The filters a commune and a scope give. */
export function placeFilters(c: Commune | null, scope: Scope): Pick<ImpactFilters, "commune" | "epci" | "departement"> {
  if (c === null) return { commune: null, epci: null, departement: null };
  if (scope === "epci" && c.epci) return { commune: null, epci: c.epci.code, departement: null };
  if (scope === "departement") return { commune: null, epci: null, departement: c.departement.code };
  return { commune: c.insee, epci: null, departement: null };
}

/** `homeName`: the name of the home territory (Réglages) the filters opened with. */
export function FilterBar({ filters, onChange, homeName = null }: { filters: ImpactFilters; onChange: (f: ImpactFilters) => void; homeName?: string | null }) {
  const { t } = useI18n();
  const f = t.impact.filters;
  const [commune, setCommune] = useState<Commune | null>(null);
  const [scope, setScope] = useState<Scope>("commune");
  const overview = useQuery({ queryKey: partnershipKeys.overview, queryFn: getPartnershipOverview });
  const set = (patch: Partial<ImpactFilters>) => onChange({ ...filters, ...patch });
  const thisYear = new Date().getFullYear();
  const selects = [
    {
      testId: "impact-mode",
      label: f.mode,
      allLabel: f.allModes,
      value: filters.mode,
      options: MODES.map((m) => ({ value: m, label: t.partnership.labels.modes[m] })),
      onChange: (v: string | null) => set({ mode: v as RameauMode | null }),
    },
    {
      testId: "impact-theme",
      label: f.theme,
      allLabel: f.allThemes,
      value: filters.theme,
      options: THEMES.map((th) => ({ value: th, label: t.impact.themes[th] })),
      onChange: (v: string | null) => set({ theme: v as ImpactTheme | null }),
    },
    {
      testId: "impact-facilitator",
      label: f.facilitator,
      allLabel: f.allFacilitators,
      value: filters.facilitator,
      options: (overview.data?.byFacilitator ?? []).filter((c) => c.code !== "").map((c) => ({ value: c.code, label: c.label })),
      onChange: (v: string | null) => set({ facilitator: v }),
    },
  ];
  const pickPlace = (c: Commune | null, s: Scope) => {
    setCommune(c);
    setScope(s);
    set(placeFilters(c, s));
  };
  return (
    <div className="filters impact-filters" role="group" aria-label={f.label} data-testid="impact-filters">
      <label className="impact-filters__date">
        <span>{f.from}</span>
        <input type="date" className="input" data-testid="impact-from" value={filters.from ?? ""} onChange={(e) => set({ from: e.target.value || null })} />
      </label>
      <label className="impact-filters__date">
        <span>{f.to}</span>
        <input type="date" className="input" data-testid="impact-to" value={filters.to ?? ""} onChange={(e) => set({ to: e.target.value || null })} />
      </label>
      <button type="button" className="button button--ghost button--small" data-testid="impact-this-year" onClick={() => set(yearPeriod(thisYear))}>
        {f.thisYear}
      </button>
      <button type="button" className="button button--ghost button--small" data-testid="impact-last-year" onClick={() => set(yearPeriod(thisYear - 1))}>
        {f.lastYear}
      </button>
      <PlacePicker commune={commune} onPick={(c) => pickPlace(c, c ? scope : "commune")} />
      {commune === null && homeName !== null && (filters.departement !== null || filters.epci !== null) && (
        <span className="chip chip--removable" data-testid="impact-home">
          <span className="chip__text">{f.home(homeName)}</span>
          <button type="button" className="chip__remove" aria-label={f.homeRemove(homeName)} onClick={() => set({ departement: null, epci: null })}>
            <X size={12} aria-hidden="true" />
          </button>
        </span>
      )}
      {commune && (
        <label className="filters__select">
          <span className="visually-hidden">{f.scope}</span>
          <select className="select is-active" data-testid="impact-scope" value={scope} onChange={(e) => pickPlace(commune, e.target.value as Scope)}>
            <option value="commune">{f.scopeCommune(commune.name)}</option>
            {commune.epci && <option value="epci">{f.scopeEpci(commune.epci.name)}</option>}
            <option value="departement">{f.scopeDepartement(commune.departement.name)}</option>
          </select>
        </label>
      )}
      {selects.map((x) => (
        <FilterSelect key={x.testId} {...x} />
      ))}
      {hasFilters(filters) && (
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="impact-clear"
          onClick={() => {
            setCommune(null);
            setScope("commune");
            onChange(emptyImpactFilters());
          }}
        >
          <X size={14} aria-hidden="true" />
          {f.clear}
        </button>
      )}
    </div>
  );
}

/** A commune picked by typing its name or postal code; the whole commune is kept (its EPCI and département). */
function PlacePicker({ commune, onPick }: { commune: Commune | null; onPick: (c: Commune | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(commune ? communeLabel(commune) : "");
  const c = useCombobox<Commune>({
    text,
    chosen: commune !== null && communeLabel(commune) === text,
    search: (query) => searchCommunes(query, 8),
    keyOf: (x) => x.insee,
    onPick: (x) => {
      setText(communeLabel(x));
      onPick(x);
    },
    onTextChange: setText,
    onClearChoice: () => onPick(null),
    onBlur: () => undefined,
  });
  return (
    <div className="combobox impact-filters__place">
      <div className="input-with-icon">
        <MapPin size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          {...c.inputProps}
          type="text"
          className="input"
          data-testid="impact-place"
          aria-label={t.impact.filters.place}
          placeholder={t.impact.filters.placePlaceholder}
        />
        {c.loading && <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />}
      </div>
      {c.showList && (
        <ul className="combobox__list" id={c.listId} role="listbox" aria-label={t.impact.filters.place}>
          {c.results.map((x, i) => (
            <li key={x.insee} {...c.optionProps(x, i)} className={`combobox__option${i === c.active ? " is-active" : ""}`} data-testid="impact-place-option">
              <span className="combobox__option-main">{x.name}</span>
              <span className="combobox__option-side">{x.departement.name}</span>
            </li>
          ))}
          {!c.loading && c.results.length === 0 && <li className="combobox__empty">{t.form.communeNone}</li>}
        </ul>
      )}
    </div>
  );
}
