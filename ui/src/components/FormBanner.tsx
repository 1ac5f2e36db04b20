import { CircleAlert } from "lucide-react";

import { errorText, fieldErrorText } from "../api/errors";
import type { AppError } from "../api/types";
import type { FieldError } from "../bindings/FieldError";
import { useI18n } from "../i18n";

/** A refused submit's message at the top of a form, with errors no field shows. */
export function FormBanner({ error, stray }: { error: AppError | null; stray: FieldError[] }) {
  const { t, lang } = useI18n();
  if (!error && stray.length === 0) return null;
  const message =
    error === null || (error.kind === "invalid" && error.fields.length > 0) ? t.form.bannerInvalid : errorText(error, lang);
  return (
    <div className="banner banner--error" role="alert" data-testid="form-error">
      <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
      <div>
        <p>{message}</p>
        {stray.length > 0 && (
          <ul className="banner__list">
            {stray.map((e) => (
              <li key={`${e.field}:${e.message}`}>{fieldErrorText(e, lang)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
