// The partnership page's « Évaluation » section: where it stands (not
// evaluated, in progress, evaluated on a date), a warning when it has been
// carried out for months without any measure, each party's latest answers
// with a button to enter one, the value of each party's contributions, and
// the printable questionnaire. Everything shown is computed by the core
// (`PartnershipDetail.evaluation`); a saved evaluation can be undone.
import { ClipboardCheck, Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { deletePartnershipEvaluation, getPartnership } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import type { EvaluationState } from "../../bindings/EvaluationState";
import type { LatestEvaluation } from "../../bindings/LatestEvaluation";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { Rating } from "../../bindings/Rating";
import { useI18n } from "../../i18n";
import { formatDate, type Lang } from "../../lib/format";
import { DocumentButtons } from "./DocumentButtons";
import { EvaluationDialog } from "./EvaluationDialog";
import { formatCents } from "./model";

/** « Non évalué », « En cours », « Évalué le 12 mars 2026 ». */
export function useEvaluationLabel(): (state: EvaluationState) => string {
  const { t, lang } = useI18n();
  const v = t.partnership.evaluation;
  return (state) => {
    switch (state.state) {
      case "notEvaluated":
        return v.notEvaluated;
      case "inProgress":
        return v.inProgress;
      case "evaluated":
        return v.evaluatedOn(formatDate(state.on, lang));
    }
  };
}

function hoursText(minutes: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** One party's latest answers, or « pas encore évalué » and its button. */
function PartyAnswers({ latest, onEnter }: { latest: LatestEvaluation; onEnter: () => void }) {
  const { t, lang } = useI18n();
  const v = t.partnership.evaluation;
  const e = latest.evaluation;
  const rating = (r: Rating | null) => (r === null ? "—" : v.ratings[r]);
  return (
    <li className="evaluation-party" data-testid="evaluation-party">
      <div className="evaluation-party__head">
        <strong>{latest.party.actorName}</strong>
        <span className="small muted">
          {e ? [v.answeredOn(formatDate(e.on, lang)), e.respondent ? v.by(e.respondent) : null].filter(Boolean).join(" ") : v.notYet}
        </span>
        <button type="button" className="button button--ghost button--small" data-testid="evaluation-enter" onClick={onEnter}>
          <Plus size={14} aria-hidden="true" />
          {v.addFor(latest.party.actorName)}
        </button>
      </div>
      {e && (
        <dl className="evaluation-party__answers">
          <dt>{v.short.objectivesMet}</dt>
          <dd>{rating(e.objectivesMet)}</dd>
          <dt>{v.short.balanced}</dt>
          <dd>{rating(e.balanced)}</dd>
          <dt>{v.short.wouldContinue}</dt>
          <dd>{rating(e.wouldContinue)}</dd>
          {e.brought && (
            <>
              <dt>{v.brought}</dt>
              <dd>{e.brought}</dd>
            </>
          )}
          {e.gained && (
            <>
              <dt>{v.gained}</dt>
              <dd>{e.gained}</dd>
            </>
          )}
        </dl>
      )}
    </li>
  );
}

/** The value of each party's contributions: money, skills (hours and value), in kind. */
function ValuesTable({ detail }: { detail: PartnershipDetail }) {
  const { t, lang } = useI18n();
  const v = t.partnership.evaluation;
  const e = detail.evaluation;
  const name = (id: string) => detail.parties.find((p) => p.actorId === id)?.actorName ?? id;
  const estimated = e.values.some((x) => x.skillsEstimatedCents > 0);
  return (
    <>
      <table className="money-table evaluation-values" data-testid="evaluation-values">
        <caption className="visually-hidden">{v.valuesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{v.cols.party}</th>
            <th scope="col" className="money-table__num">{v.cols.money}</th>
            <th scope="col" className="money-table__num">{v.cols.hours}</th>
            <th scope="col" className="money-table__num">{v.cols.skills}</th>
            <th scope="col" className="money-table__num">{v.cols.inKind}</th>
            <th scope="col" className="money-table__num">{v.cols.total}</th>
          </tr>
        </thead>
        <tbody>
          {e.values.map((x) => (
            <tr key={x.actorId}>
              <th scope="row">{name(x.actorId)}</th>
              <td className="money-table__num tabular">{formatCents(x.moneyCents, lang)}</td>
              <td className="money-table__num tabular">{hoursText(x.skillsMinutes, lang)}</td>
              <td className="money-table__num tabular">
                {formatCents(x.skillsCents, lang)}
                {x.skillsEstimatedCents > 0 && <span className="small muted"> ({v.estimated})</span>}
              </td>
              <td className="money-table__num tabular">{formatCents(x.inKindCents, lang)}</td>
              <td className="money-table__num tabular">
                <strong>{formatCents(x.totalCents, lang)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {estimated && <p className="small muted">{v.estimatedNote(formatCents(e.skillsHourRateCents, lang))}</p>}
    </>
  );
}

export function EvaluationCard({ detail }: { detail: PartnershipDetail }) {
  const { t, lang } = useI18n();
  const v = t.partnership.evaluation;
  const e = detail.evaluation;
  const label = useEvaluationLabel();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  /** The party whose evaluation is being entered (null: chosen in the form), or undefined when closed. */
  const [entering, setEntering] = useState<string | null | undefined>(undefined);

  const undo = (saved: Partnership) => {
    const index = saved.evaluations.length - 1;
    getPartnership(saved.id)
      .then((fresh) => deletePartnershipEvaluation(fresh.partnership.id, fresh.partnership.version, index))
      .then(
        () => {
          dataChanged();
          toasts.show({ message: v.undone });
        },
        (raw: unknown) => toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" }),
      );
  };
  const onSaved = (saved: Partnership) => {
    setEntering(undefined);
    dataChanged();
    toasts.show({ message: v.saved, tone: "success", onUndo: () => undo(saved) });
  };

  return (
    <section className="card" aria-labelledby="evaluation-title" data-testid="partnership-evaluation">
      <div className="section-head section-head--2">
        <h2 id="evaluation-title" className="card__title">
          <ClipboardCheck size={18} aria-hidden="true" /> {v.title}
        </h2>
        <span className={`badge evaluation-state evaluation-state--${e.state.state}`} data-testid="evaluation-state" aria-label={v.stateAria(label(e.state))}>
          {label(e.state)}
        </span>
      </div>
      {e.unmeasured && (
        <p className="banner banner--warning evaluation-unmeasured" role="note" data-testid="evaluation-unmeasured">
          <TriangleAlert size={16} aria-hidden="true" className="banner__icon" />
          <span>{v.unmeasured(e.unmeasuredMonths)}</span>
        </p>
      )}
      <div className="evaluation-toolbar">
        <button type="button" className="button button--primary button--small" data-testid="evaluation-add" onClick={() => setEntering(null)}>
          <Plus size={14} aria-hidden="true" />
          {v.add}
        </button>
        <DocumentButtons id={detail.partnership.id} kinds={["questionnaire"]} />
        {e.count > 0 && <span className="small muted">{v.count(e.count)}</span>}
      </div>
      <h3 className="card__subtitle">{v.answers}</h3>
      <ul className="evaluation-parties">
        {e.latest.map((latest) => (
          <PartyAnswers key={latest.party.actorId} latest={latest} onEnter={() => setEntering(latest.party.actorId)} />
        ))}
      </ul>
      <h3 className="card__subtitle">{v.values}</h3>
      <ValuesTable detail={detail} />
      {entering !== undefined && <EvaluationDialog detail={detail} actorId={entering} onSaved={onSaved} onClose={() => setEntering(undefined)} />}
    </section>
  );
}
