// The evaluation state (once a party has answered) and the « sans mesure »
// flag of a partnership, as the core sent them in its summary: on the
// board's cards and in the list.
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { useI18n } from "../../i18n";
import { useEvaluationLabel } from "./EvaluationCard";

/** `compact` (the list): « Évalué » with the date in its tooltip. */
export function EvaluationBadges({ row, className, compact = false }: { row: PartnershipSummary; className?: string; compact?: boolean }) {
  const { t } = useI18n();
  const v = t.partnership.evaluation;
  const label = useEvaluationLabel();
  const answered = row.evaluation.state !== "notEvaluated";
  if (!answered && !row.unmeasured) return null;
  return (
    <span className={className} data-testid="evaluation-badges">
      {answered && (
        <span className={`badge evaluation-state--${row.evaluation.state}`} title={compact ? label(row.evaluation) : v.stateLabel}>
          {compact && row.evaluation.state === "evaluated" ? v.evaluatedShort : label(row.evaluation)}
        </span>
      )}
      {row.unmeasured && (
        <span className="badge badge--unmeasured" title={v.unmeasuredHint}>
          {v.unmeasuredBadge}
        </span>
      )}
    </span>
  );
}
