// The funnel from spark to action: meetings held, « à revoir » ticks,
// mutual ones, leads created and how many reached contractualisation, by
// Le RAMEAU's mode (in the scale's order, with colour, icon and letter).
import { useQuery } from "@tanstack/react-query";

import { errorText, toAppError } from "../../api/errors";
import { getEventReport } from "../../api/gateway";
import type { EventReport } from "../../bindings/EventReport";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { ModeBadge } from "../partnership/visuals";
import { eventKeys } from "./actions";

/** « 16 participants, 2 présents, présence non relevée pour 14 »: only
 * recorded presence counts (the backend's `present`, `absent`,
 * `unrecorded`), and it says so when none was recorded. */
export function PresenceLine({ report }: { report: EventReport }) {
  const { t, lang } = useI18n();
  const n = (value: number) => formatCount(value, lang);
  const parts = [t.events.people(n(report.participants), report.participants)];
  if (report.participants > 0 && report.unrecorded === report.participants) {
    parts.push(t.events.presenceNotRecorded);
  } else if (report.participants > 0) {
    parts.push(t.events.presentCount(n(report.present), report.present));
    if (report.absent > 0) parts.push(t.events.absentCount(n(report.absent), report.absent));
    if (report.unrecorded > 0) parts.push(t.events.unrecordedCount(n(report.unrecorded)));
  }
  return <span data-testid="funnel-presence">{parts.join(", ")}</span>;
}

export function FunnelView({ report }: { report: EventReport }) {
  const { t, lang } = useI18n();
  const f = report.funnel;
  const steps: [string, number, string][] = [
    [t.events.funnel.meetings, f.meetings, "meetings"],
    [t.events.funnel.ticked, f.ticked, "ticked"],
    [t.events.funnel.mutual, f.mutual, "mutual"],
    [t.events.funnel.leads, f.leads, "leads"],
    [t.events.funnel.contracted, f.contracted, "contracted"],
  ];
  const top = Math.max(1, f.meetings);
  return (
    <div className="funnel" data-testid="funnel">
      <p className="muted small">
        <PresenceLine report={report} /> ·{" "}
        {t.events.followUpsLine(formatCount(f.followUpsDone, lang), formatCount(f.followUps, lang))}
      </p>
      <ol className="funnel__steps">
        {steps.map(([label, value, key]) => (
          <li key={key} className="funnel__step" data-testid={`funnel-${key}`}>
            <span className="funnel__label">{label}</span>
            <span className="funnel__bar" aria-hidden="true">
              <span className="funnel__fill" style={{ width: `${Math.max(value > 0 ? 2 : 0, (value / top) * 100)}%` }} />
            </span>
            <span className="funnel__value tabular">{formatCount(value, lang)}</span>
          </li>
        ))}
      </ol>
      {report.byMode.length > 0 && (
        <>
          <h3 className="funnel__title">{t.events.byMode}</h3>
          <ul className="funnel__modes">
            {report.byMode.map((m) => (
              <li key={m.mode ?? "none"}>
                {m.mode ? <ModeBadge mode={m.mode} /> : <span className="badge badge--quiet">{t.events.unclassified}</span>}
                <span className="small">{t.events.modeLine(formatCount(m.leads, lang), formatCount(m.contracted, lang))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ReportTab({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const report = useQuery({ queryKey: eventKeys.report(id), queryFn: () => getEventReport(id) });
  if (report.isPending) return <div className="skeleton" style={{ height: 200 }} aria-busy="true" />;
  if (report.isError) return <p className="text-danger">{errorText(toAppError(report.error), lang)}</p>;
  return (
    <section className="card" data-testid="event-report">
      <header className="card__header">
        <h2 className="card__title">{t.events.funnelTitle}</h2>
      </header>
      <FunnelView report={report.data} />
    </section>
  );
}
