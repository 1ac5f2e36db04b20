// A labelled form control with its hint and its error messages.
import { CircleAlert } from "lucide-react";
import { useId, type ReactNode } from "react";

import { useI18n } from "../i18n";

export type ControlProps = {
  id: string;
  "data-testid": string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required": boolean | undefined;
};

export type FieldProps = {
  /** The control's name: `field-<name>` and `error-<name>` test ids. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

export function Field({ name, label, hint, errors, required, className, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${invalid ? " is-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-label={t.form.requiredMark} title={t.form.requiredMark}>
            *
          </span>
        )}
      </label>
      {children({
        id,
        "data-testid": `field-${name}`,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy,
        "aria-required": required || undefined,
      })}
      {hint && !invalid && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldErrors name={name} id={errorId} errors={errors} />
    </div>
  );
}

/** The messages of one field; `error-<name>` for tests. */
export function FieldErrors({ name, id, errors }: { name: string; id?: string; errors?: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="field__error" id={id} data-testid={`error-${name}`}>
      <CircleAlert size={14} aria-hidden="true" className="field__error-icon" />
      <span>{errors.join(" ")}</span>
    </p>
  );
}
