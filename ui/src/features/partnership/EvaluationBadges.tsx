// The evaluation state (once a party has answered) and the « sans mesure »
// flag of a partnership, as the core sent them in its summary: on the
// board's cards and in the list.
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import { useI18n } from "../../i18n";
import { useEvaluationLabel } from "./EvaluationCard";

export function EvaluationBadges({ row, className }: { row: PartnershipSummary; className?: string }) {
  const { t } = useI18n();
  const v = t.partnership.evaluation;
  const label = useEvaluationLabel();
  const answered = row.evaluation.state !== "notEvaluated";
  if (!answered && !row.unmeasured) return null;
  return (
    <span className={className} data-testid="evaluation-badges">
      {answered && (
        <span className={`badge evaluation-state--${row.evaluation.state}`} title={v.stateLabel}>
          {label(row.evaluation)}
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
