// A long job's progress: what it does, how far (a bar; indeterminate while
// the total is unknown) and « Annuler » when it can stop.
import { LoaderCircle, X } from "lucide-react";

type Props = {
  title: string;
  /** « 1 234 lignes lues · 45 % »; the hint under the title. */
  detail: string;
  /** 0–100, null while unknown. */
  percent: number | null;
  label: string;
  onCancel?: () => void;
  cancelLabel?: string;
  cancelling?: boolean;
  testId?: string;
};

export function ProgressPanel({ title, detail, percent, label, onCancel, cancelLabel, cancelling = false, testId }: Props) {
  return (
    <div className="job-progress" role="status" aria-live="polite" data-testid={testId}>
      <LoaderCircle size={20} aria-hidden="true" className="spin job-progress__icon" />
      <div className="job-progress__body">
        <p className="job-progress__title">{title}</p>
        <span
          className={`export-progress__bar job-progress__bar${percent === null ? " is-waiting" : ""}`}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={detail}
        >
          <span className="export-progress__fill" style={{ width: percent === null ? undefined : `${percent}%` }} />
        </span>
        <p className="small muted tabular" data-testid={testId ? `${testId}-text` : undefined}>
          {detail}
        </p>
      </div>
      {onCancel && (
        <button
          type="button"
          className="button button--secondary"
          data-testid={testId ? `${testId}-cancel` : undefined}
          disabled={cancelling}
          // The button that started the job is gone: the keyboard lands here.
          autoFocus
          onClick={onCancel}
        >
          <X size={16} aria-hidden="true" />
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
