// The partnerships behind the figure clicked: the core's list for that slice
// of the same filters; each row opens its partnership's page.
import { useQuery } from "@tanstack/react-query";
import { ChevronRight, X } from "lucide-react";
import { useEffect, useRef } from "react";

import { listImpactPartnerships } from "../../api/gateway";
import { navigate } from "../../app/router";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import type { ImpactSlice } from "../../bindings/ImpactSlice";
import { ListState } from "../../components/ListState";
import { useI18n } from "../../i18n";
import { MODE_LETTERS, modeStyle } from "../partnership/model";
import { StageIcon } from "../partnership/visuals";

export type Drill = { slice: ImpactSlice; label: string };

export function DrillDown({ filters, drill, onClose }: { filters: ImpactFilters; drill: Drill; onClose: () => void }) {
  const { t } = useI18n();
  const d = t.impact.drill;
  const query = useQuery({
    queryKey: ["impact", "partnerships", filters, drill.slice],
    queryFn: () => listImpactPartnerships(filters, drill.slice),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // The list opens where the keyboard is: its heading takes the focus.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "nearest" });
  }, [drill]);
  return (
    <section className="card impact-drill" aria-labelledby="impact-drill-title" data-testid="impact-drill">
      <header className="impact-chart__head">
        <h2 className="card__title" id="impact-drill-title" tabIndex={-1} ref={heading}>
          {d.title(drill.label)}
          {query.data && <span className="muted small impact-drill__count"> · {d.count(query.data.length)}</span>}
        </h2>
        <button type="button" className="button button--ghost button--small" data-testid="impact-drill-close" onClick={onClose}>
          <X size={14} aria-hidden="true" />
          {d.close}
        </button>
      </header>
      <ListState query={query} loadError={d.loadError} empty={d.empty}>
        {(rows) => (
        <ul className="impact-drill__list" data-testid="impact-drill-list">
          {rows.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="impact-drill__row"
                data-testid="impact-drill-row"
                data-id={p.id}
                data-stage={p.stage}
                data-mode={p.modes.primary ?? ""}
                aria-label={d.open(p.title)}
                onClick={() => navigate({ name: "partnership", id: p.id })}
              >
                {p.modes.primary ? (
                  <span className="mode-badge" style={modeStyle(p.modes.primary)} aria-hidden="true">
                    <span className="mode-badge__letter">{MODE_LETTERS[p.modes.primary]}</span>
                  </span>
                ) : (
                  <span className="mode-letter impact-legend__none" aria-hidden="true">
                    ?
                  </span>
                )}
                <span className="impact-drill__title">{p.title}</span>
                <span className="impact-drill__parties small muted">{p.parties.map((x) => x.actorName).join(" · ")}</span>
                <span className="impact-drill__stage small">
                  <StageIcon stage={p.stage} size={14} />
                  {t.partnership.labels.stages[p.stage]}
                </span>
                <ChevronRight size={16} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
        )}
      </ListState>
    </section>
  );
}
