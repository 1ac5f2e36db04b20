// The filter bar of the board and the list: title words, mode, stage,
// département, facilitator, tag, commune, actor and « En retard »; the
// active filters as removable chips with « Tout effacer ».
import { AlarmClock, Ruler, Search, X } from "lucide-react";
import { useState } from "react";

import type { CountBy } from "../../bindings/CountBy";
import type { Overview } from "../../bindings/Overview";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { CommuneCombobox } from "../actor/CommuneCombobox";
import { ActorCombobox } from "./ActorCombobox";
import type { FilterLabels } from "./BoardState";
import { MODES, STAGES } from "./model";

/** Select value standing for the empty code ("" = no territory, nobody). */
const NONE = "__none__";
const UNCLASSIFIED = "__unclassified__";

type Props = {
  /** The filters in force (the text as debounced). */
  query: PartnershipQuery;
  labels: FilterLabels;
  overview: Overview | undefined;
  textDraft: string;
  onText: (text: string) => void;
  onChange: (update: Partial<PartnershipQuery>, labels?: Partial<FilterLabels>) => void;
  onClear: () => void;
};

export function BoardFilters({ query, labels, overview, textDraft, onText, onChange, onClear }: Props) {
  const { t } = useI18n();
  const v = t.partnership.views;
  const modeValue = query.unclassified ? UNCLASSIFIED : query.mode;
  return (
    <div className="pfilters" role="search" aria-label={v.filters}>
      <div className="pfilters__row">
        <label className="input-with-icon pfilters__text">
          <Search size={16} aria-hidden="true" className="input-with-icon__icon" />
          <span className="visually-hidden">{v.textLabel}</span>
          <input
            type="search"
            className="input"
            data-testid="board-filter-text"
            placeholder={v.textPlaceholder}
            value={textDraft}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && textDraft !== "") {
                e.preventDefault();
                e.stopPropagation();
                onText("");
              }
            }}
          />
        </label>
        <FilterSelect
          testId="filter-mode"
          label={t.partnership.filterMode}
          allLabel={t.partnership.allModes}
          value={modeValue}
          options={[
            ...MODES.map((m) => ({
              value: m,
              label: query.primaryOnly && query.mode === m ? v.primaryOnly(t.partnership.labels.modes[m]) : t.partnership.labels.modes[m],
            })),
            { value: UNCLASSIFIED, label: v.unclassified },
          ]}
          onChange={(value) =>
            onChange(
              value === UNCLASSIFIED
                ? { mode: null, primaryOnly: false, unclassified: true }
                : { mode: (value as RameauMode | null) ?? null, primaryOnly: false, unclassified: false },
            )
          }
        />
        <FilterSelect
          testId="filter-stage"
          label={t.partnership.filterStage}
          allLabel={t.partnership.allStages}
          value={query.stage}
          options={STAGES.map((s) => ({ value: s, label: t.partnership.labels.stages[s] }))}
          onChange={(value) => onChange({ stage: (value as Stage | null) ?? null })}
        />
        <CountSelect
          testId="filter-departement"
          label={v.filterDepartement}
          allLabel={v.allDepartements}
          noneLabel={v.noTerritory}
          value={query.departement}
          counts={overview?.byDepartement ?? []}
          onChange={(value) => onChange({ departement: value })}
        />
        <CountSelect
          testId="filter-facilitator"
          label={v.filterFacilitator}
          allLabel={v.allFacilitators}
          noneLabel={v.nobody}
          value={query.facilitator}
          counts={overview?.byFacilitator ?? []}
          onChange={(value) => onChange({ facilitator: value })}
        />
        <CountSelect
          testId="filter-tag"
          label={v.filterTag}
          allLabel={v.allTags}
          noneLabel={v.allTags}
          value={query.tag}
          counts={(overview?.byTag ?? []).filter((c) => c.code !== "")}
          onChange={(value) => onChange({ tag: value })}
        />
        <CommuneFilter
          key={`commune-${query.commune ?? ""}`}
          insee={query.commune}
          label={labels.commune}
          onPick={(insee, label) => onChange({ commune: insee }, { commune: label })}
        />
        <ActorFilter
          key={`actor-${query.actorId ?? ""}`}
          actorId={query.actorId}
          name={labels.actor}
          onPick={(id, name) => onChange({ actorId: id }, { actor: name })}
        />
        <button
          type="button"
          className={`button button--secondary pfilters__toggle${query.overdue ? " is-on" : ""}`}
          aria-pressed={query.overdue}
          data-testid="filter-overdue"
          title={v.overdueHint}
          onClick={() => onChange({ overdue: !query.overdue })}
        >
          <AlarmClock size={16} aria-hidden="true" />
          {v.overdue}
          {overview && overview.overdue > 0 && <span className="count-pill">{overview.overdue}</span>}
        </button>
        <button
          type="button"
          className={`button button--secondary pfilters__toggle${query.unmeasured ? " is-on" : ""}`}
          aria-pressed={query.unmeasured}
          data-testid="filter-unmeasured"
          title={t.partnership.evaluation.unmeasuredHint}
          onClick={() => onChange({ unmeasured: !query.unmeasured })}
        >
          <Ruler size={16} aria-hidden="true" />
          {t.partnership.evaluation.unmeasuredFilter}
        </button>
      </div>
      <FilterChips query={query} labels={labels} overview={overview} onChange={onChange} onText={onText} onClear={onClear} />
    </div>
  );
}

type Chip = { key: string; text: string; remove: () => void };

function FilterChips({
  query,
  labels,
  overview,
  onChange,
  onText,
  onClear,
}: Pick<Props, "query" | "labels" | "overview" | "onChange" | "onText" | "onClear">) {
  const { t } = useI18n();
  const v = t.partnership.views;
  const labelOf = (counts: readonly CountBy[] | undefined, code: string, none: string) =>
    code === "" ? none : (counts?.find((c) => c.code === code)?.label ?? code);
  const chips: Chip[] = [];
  if (query.text !== null) chips.push({ key: "text", text: t.common.quoted(query.text), remove: () => onText("") });
  if (query.mode !== null) {
    const name = t.partnership.labels.modes[query.mode];
    chips.push({
      key: "mode",
      text: v.chip(t.partnership.filterMode, query.primaryOnly ? v.primaryOnly(name) : name),
      remove: () => onChange({ mode: null, primaryOnly: false }),
    });
  }
  if (query.unclassified) {
    chips.push({ key: "unclassified", text: v.chip(t.partnership.filterMode, v.unclassified), remove: () => onChange({ unclassified: false }) });
  }
  if (query.stage !== null) {
    chips.push({
      key: "stage",
      text: v.chip(t.partnership.filterStage, t.partnership.labels.stages[query.stage]),
      remove: () => onChange({ stage: null }),
    });
  }
  if (query.departement !== null) {
    chips.push({
      key: "departement",
      text: v.chip(v.filterDepartement, labelOf(overview?.byDepartement, query.departement, v.noTerritory)),
      remove: () => onChange({ departement: null }),
    });
  }
  if (query.commune !== null) {
    chips.push({
      key: "commune",
      text: v.chip(v.filterCommune, labels.commune ?? query.commune),
      remove: () => onChange({ commune: null }, { commune: null }),
    });
  }
  if (query.actorId !== null) {
    chips.push({
      key: "actor",
      text: v.chip(v.filterActor, labels.actor ?? query.actorId),
      remove: () => onChange({ actorId: null }, { actor: null }),
    });
  }
  if (query.facilitator !== null) {
    chips.push({
      key: "facilitator",
      text: v.chip(v.filterFacilitator, labelOf(overview?.byFacilitator, query.facilitator, v.nobody)),
      remove: () => onChange({ facilitator: null }),
    });
  }
  if (query.tag !== null) chips.push({ key: "tag", text: v.chip(v.filterTag, query.tag), remove: () => onChange({ tag: null }) });
  if (query.overdue) chips.push({ key: "overdue", text: v.overdue, remove: () => onChange({ overdue: false }) });
  if (query.unmeasured) chips.push({ key: "unmeasured", text: t.partnership.evaluation.unmeasuredFilter, remove: () => onChange({ unmeasured: false }) });
  if (chips.length === 0) return null;
  return (
    <div className="pfilters__chips" data-testid="filter-chips">
      <span className="visually-hidden">{v.activeFilters}</span>
      <ul className="chip-list">
        {chips.map((c) => (
          <li key={c.key} className="chip chip--removable pfilters__chip" data-testid="filter-chip" data-filter={c.key}>
            <span className="chip__text" title={c.text}>
              {c.text}
            </span>
            <button type="button" className="chip__remove" aria-label={v.removeFilter(c.text)} onClick={c.remove}>
              <X size={14} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--ghost button--small" data-testid="filter-clear" onClick={onClear}>
        {v.clearAll}
      </button>
    </div>
  );
}

function CommuneFilter({ insee, label, onPick }: { insee: string | null; label: string | null; onPick: (insee: string | null, label: string | null) => void }) {
  const { t } = useI18n();
  const v = t.partnership.views;
  const [text, setText] = useState(insee !== null ? (label ?? insee) : "");
  return (
    <div className="pfilters__combo" title={v.filterCommune}>
      <CommuneCombobox
        control={{
          id: "board-filter-commune",
          "data-testid": "filter-commune",
          "aria-invalid": undefined,
          "aria-describedby": undefined,
          "aria-required": undefined,
        }}
        text={text}
        onTextChange={(next) => {
          setText(next);
          if (next.trim() === "" && insee !== null) onPick(null, null);
        }}
        value={insee !== null ? { insee, label: label ?? insee } : null}
        // Typing over a chosen commune keeps the filter until another is picked.
        onChange={(choice) => {
          if (choice) onPick(choice.insee, choice.label);
        }}
        onBlur={() => undefined}
        placeholder={v.communePlaceholder}
      />
      <label className="visually-hidden" htmlFor="board-filter-commune">
        {v.filterCommune}
      </label>
    </div>
  );
}

function ActorFilter({ actorId, name, onPick }: { actorId: string | null; name: string | null; onPick: (id: string | null, name: string | null) => void }) {
  const { t } = useI18n();
  const v = t.partnership.views;
  const [text, setText] = useState(actorId !== null ? (name ?? "") : "");
  return (
    <div className="pfilters__combo" title={v.filterActor}>
      <ActorCombobox
        testId="filter-actor"
        field="actorId"
        label={v.filterActor}
        invalid={false}
        describedBy={undefined}
        text={text}
        onTextChange={(next) => {
          setText(next);
          if (next.trim() === "" && actorId !== null) onPick(null, null);
        }}
        value={actorId !== null ? { id: actorId, name: name ?? "" } : null}
        onChange={(choice) => {
          if (choice) onPick(choice.id, choice.name);
        }}
        onBlur={() => undefined}
      />
    </div>
  );
}

function FilterSelect({
  testId,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  testId: string;
  label: string;
  allLabel: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <label className="filters__select pfilters__select">
      <span className="visually-hidden">{label}</span>
      <select
        className={`select${value !== null ? " is-active" : ""}`}
        data-testid={testId}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        title={label}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A select over the overview's counts; code "" (no territory, nobody) has its own option. */
function CountSelect({
  testId,
  label,
  allLabel,
  noneLabel,
  value,
  counts,
  onChange,
}: {
  testId: string;
  label: string;
  allLabel: string;
  noneLabel: string;
  value: string | null;
  counts: readonly CountBy[];
  onChange: (value: string | null) => void;
}) {
  const { lang } = useI18n();
  const selected = value === null ? "" : value === "" ? NONE : value;
  const known = value === null || counts.some((c) => c.code === value);
  return (
    <label className="filters__select pfilters__select">
      <span className="visually-hidden">{label}</span>
      <select
        className={`select${value !== null ? " is-active" : ""}`}
        data-testid={testId}
        value={selected}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value === NONE ? "" : e.target.value)}
        title={label}
      >
        <option value="">{allLabel}</option>
        {!known && <option value={selected}>{value === "" ? noneLabel : value}</option>}
        {counts.map((c) => (
          <option key={c.code || NONE} value={c.code === "" ? NONE : c.code}>
            {c.code === "" ? noneLabel : c.label} – {formatCount(c.count, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
