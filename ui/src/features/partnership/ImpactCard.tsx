// Objectives (each party's and the common good's, on Le RAMEAU's four axes)
// and indicators (baseline, target, dated measures) of a partnership, with
// their add, edit, delete and « Mesurer » buttons.
import { Gauge, Target } from "lucide-react";

import type { Indicator } from "../../bindings/Indicator";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import { useI18n } from "../../i18n";
import { formatDate, type Lang } from "../../lib/format";
import { RowButtons, SectionHead, type RowEditing } from "./rowParts";

function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

function withUnit(value: number | null, unit: string | null, lang: Lang): string {
  if (value === null) return "—";
  return unit ? `${formatNumber(value, lang)} ${unit}` : formatNumber(value, lang);
}

/** Where the last measure stands between baseline and target, 0 to 1; null without a target. */
export function progress(ind: Indicator): number | null {
  const last = ind.measures[ind.measures.length - 1];
  if (!last || ind.target === null) return null;
  const from = ind.baseline ?? 0;
  if (ind.target === from) return last.value >= ind.target ? 1 : 0;
  return Math.max(0, Math.min(1, (last.value - from) / (ind.target - from)));
}

export function ImpactCard({ detail, rows }: { detail: PartnershipDetail; rows: RowEditing }) {
  const { t, lang } = useI18n();
  const e = t.partnership.edit;
  const p = detail.partnership;
  const nameOf = (actorId: string | null) =>
    actorId === null ? e.commonGood : (detail.parties.find((x) => x.actorId === actorId)?.actorName ?? actorId);
  return (
    <section className="card" aria-labelledby="impact-title" data-testid="partnership-impact">
      <SectionHead id="impact-title" title={e.objectives} addLabel={e.addObjective} testId="objective-add" onAdd={() => rows.edit("objectives", null)} />
      {p.objectives.length === 0 ? (
        <p className="muted">{e.noObjectives}</p>
      ) : (
        <ul className="impact-list">
          {p.objectives.map((o, i) => (
            <li key={i} className="impact-list__item" data-testid="objective-row">
              <Target size={16} aria-hidden="true" className="impact-list__icon" />
              <div className="impact-list__main">
                <span>{o.text}</span>
                <span className="small muted">
                  {nameOf(o.actorId)}
                  {o.axis ? ` · ${t.partnership.labels.axes[o.axis]}` : ""}
                </span>
              </div>
              <RowButtons
                label={o.text}
                testId="objective"
                disabled={rows.busy}
                onEdit={() => rows.edit("objectives", i)}
                onRemove={() => rows.remove("objectives", i, o.text)}
              />
            </li>
          ))}
        </ul>
      )}

      <SectionHead level={3} title={e.indicators} addLabel={e.addIndicator} testId="indicator-add" onAdd={() => rows.edit("indicators", null)} />
      {p.indicators.length === 0 ? (
        <p className="muted">{e.noIndicators}</p>
      ) : (
        <ul className="impact-list">
          {p.indicators.map((ind, i) => {
            const last = ind.measures[ind.measures.length - 1];
            const ratio = progress(ind);
            return (
              <li key={i} className="impact-list__item" data-testid="indicator-row">
                <Gauge size={16} aria-hidden="true" className="impact-list__icon" />
                <div className="impact-list__main">
                  <span>{ind.name}</span>
                  {(ind.level !== null || ind.theme !== null) && (
                    <span className="small muted" data-testid="indicator-kind">
                      {[ind.level && t.partnership.evaluation.levels[ind.level], ind.theme && t.partnership.evaluation.themes[ind.theme]].filter(Boolean).join(" · ")}
                    </span>
                  )}
                  <span className="small muted tabular">
                    {e.baselineTarget(withUnit(ind.baseline, ind.unit, lang), withUnit(ind.target, ind.unit, lang))}
                    {" · "}
                    {last ? e.lastMeasure(withUnit(last.value, ind.unit, lang), formatDate(last.on, lang)) : e.noMeasure}
                  </span>
                  {ratio !== null && (
                    <span className="meter" aria-hidden="true">
                      <span className="meter__fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  data-testid="indicator-measure"
                  aria-label={e.measureLabel(ind.name)}
                  onClick={() => rows.measure(i)}
                >
                  {e.measure}
                </button>
                <RowButtons
                  label={ind.name}
                  testId="indicator"
                  disabled={rows.busy}
                  onEdit={() => rows.edit("indicators", i)}
                  onRemove={() => rows.remove("indicators", i, ind.name)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
