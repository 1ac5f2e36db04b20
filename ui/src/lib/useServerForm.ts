// What the actor and contact forms share: live validation by the backend,
// which errors to show, submitting, and what a refused submit does (field
// errors next to their fields and the focus on the first one; any other
// error in a banner at the top).
import { useState, type RefObject } from "react";

import { toAppError } from "../api/errors";
import type { AppError } from "../api/types";
import { useConfirm } from "../app/confirm";
import type { FieldError } from "../bindings/FieldError";
import { useI18n } from "../i18n";
import { firstInvalidField, focusField, messagesByField, unplacedErrors, visibleErrors } from "./fieldErrors";
import { useLiveValidation } from "./useLiveValidation";

type Options<I, R> = {
  /** The form element: a refused submit focuses its first bad control. */
  formRef: RefObject<HTMLFormElement | null>;
  input: I;
  validate: (input: I) => Promise<FieldError[]>;
  save: (input: I) => Promise<R>;
  onSaved: (result: R) => void;
  onClose: () => void;
  /** Control names in the form's order. */
  order: readonly string[];
  dirty: boolean;
  /** Errors the window finds itself (e.g. a commune typed but not picked). */
  localErrors?: FieldError[];
};

export function useServerForm<I, R>(options: Options<I, R>) {
  const { formRef, input, validate, save, onSaved, onClose, order, dirty, localErrors = [] } = options;
  const { t, lang } = useI18n();
  const confirm = useConfirm();
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<AppError | null>(null);
  const [serverErrors, setServerErrors] = useLiveValidation(input, validate);

  const touch = (name: string) => setTouched((prev) => (prev.has(name) ? prev : new Set(prev).add(name)));

  const shown = visibleErrors([...serverErrors, ...localErrors], touched, submitted);
  const byField = messagesByField(shown, lang);
  const errorsFor = (name: string): string[] | undefined => byField.get(name);
  const stray = submitted ? unplacedErrors(serverErrors, order) : [];

  const requestClose = async () => {
    if (saving) return;
    if (dirty) {
      const ok = await confirm({
        title: t.form.unsavedTitle,
        text: t.form.unsavedText,
        confirmLabel: t.form.unsavedConfirm,
        cancelLabel: t.form.unsavedCancel,
        danger: true,
      });
      if (!ok) return;
    }
    onClose();
  };

  const submit = async (payload: I = input) => {
    if (saving) return;
    setSubmitted(true);
    setBanner(null);
    const local = localErrors[0];
    if (local) {
      focusField(formRef.current, local.field);
      return;
    }
    setSaving(true);
    try {
      const result = await save(payload);
      setSaving(false);
      onSaved(result);
    } catch (raw: unknown) {
      setSaving(false);
      const error = toAppError(raw);
      if (error.kind === "invalid" && error.fields.length > 0) {
        setServerErrors(error.fields);
        if (unplacedErrors(error.fields, order).length > 0) setBanner(error);
        const first = firstInvalidField(error.fields, order);
        window.requestAnimationFrame(() => {
          if (first !== null) focusField(formRef.current, first);
        });
      } else {
        setBanner(error);
      }
    }
  };

  return { touch, errorsFor, stray, banner, saving, submitted, submit, requestClose };
}
