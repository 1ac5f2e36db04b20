// The form of one party's evaluation at the review meeting: which party,
// the date, the three questions on the four-step scale (radio groups,
// arrow keys move within one), what it brought and gained, who answered.
// The core reads the date and checks everything on save; its errors land
// under their fields.
import { useRef, useState } from "react";

import { evaluatePartnership } from "../../api/gateway";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { PartyEvaluationInput } from "../../bindings/PartyEvaluationInput";
import type { Rating } from "../../bindings/Rating";
import { RATINGS } from "../../bindings/impactOrders";
import { Field, FieldErrors } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { useI18n } from "../../i18n";
import { todayTyped } from "../../lib/format";
import { useServerForm } from "../../lib/useServerForm";
import { EditShell } from "./EditDialog";

type Question = "objectivesMet" | "balanced" | "wouldContinue";
const QUESTIONS: readonly Question[] = ["objectivesMet", "balanced", "wouldContinue"];
const ORDER = ["actorId", "on", "objectivesMet", "balanced", "wouldContinue", "brought", "gained", "respondent"] as const;

/** One question's radio group: « sans réponse » then the scale in the core's order. */
function ScaleField({
  question,
  value,
  errors,
  onChange,
}: {
  question: Question;
  value: Rating | "";
  errors: string[] | undefined;
  onChange: (value: Rating | "") => void;
}) {
  const { t } = useI18n();
  const v = t.partnership.evaluation;
  const errorId = `evaluation-${question}-error`;
  const options: readonly (Rating | "")[] = ["", ...RATINGS];
  return (
    <fieldset className={`field scale-field${errors?.length ? " is-invalid" : ""}`} data-testid={`field-${question}`} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="field__label">{v.questions[question]}</legend>
      <div className="scale-field__options">
        {options.map((r) => (
          <label key={r || "none"} className={`scale-field__option${value === r ? " is-on" : ""}${r === "" ? " is-none" : ""}`}>
            <input
              type="radio"
              name={`evaluation-${question}`}
              value={r}
              data-testid={`${question}-${r || "none"}`}
              checked={value === r}
              onChange={() => onChange(r)}
            />
            <span>{r === "" ? v.noAnswer : v.ratings[r]}</span>
          </label>
        ))}
      </div>
      <FieldErrors name={question} id={errorId} errors={errors} />
    </fieldset>
  );
}

type State = PartyEvaluationInput;

export function EvaluationDialog({
  detail,
  actorId,
  onSaved,
  onClose,
}: {
  detail: PartnershipDetail;
  /** The party answering, or null to choose it in the form. */
  actorId: string | null;
  onSaved: (p: Partnership) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const v = t.partnership.evaluation;
  const p = detail.partnership;
  const [initial] = useState<State>(() => ({
    actorId: actorId ?? detail.parties[0]?.actorId ?? "",
    on: todayTyped(),
    objectivesMet: "",
    balanced: "",
    wouldContinue: "",
    brought: "",
    gained: "",
    respondent: "",
  }));
  const [state, setState] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm<State, Partnership>({
    formRef,
    input: state,
    // The core checks the answers when they are saved.
    validate: () => Promise.resolve([]),
    save: (s) => evaluatePartnership(p.id, p.version, s),
    onSaved,
    onClose,
    order: ORDER,
    dirty: JSON.stringify(state) !== JSON.stringify(initial),
  });
  const set = <K extends keyof State>(key: K, value: State[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    form.touch(key);
  };
  const shell = {
    saving: form.saving,
    requestClose: form.requestClose,
    submitInput: () => void form.submit(state),
    banners: <FormBanner error={form.banner} stray={form.stray} />,
  };
  const text = (key: "brought" | "gained", label: string, placeholder: string) => (
    <Field name={key} label={label} errors={form.errorsFor(key)}>
      {(c) => <textarea {...c} className="textarea" rows={2} value={state[key]} placeholder={placeholder} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  return (
    <EditShell title={v.dialogTitle} testId="evaluation-form" size="lg" formRef={formRef} form={shell} submitLabel={v.save}>
      <div className="form-grid">
        <Field className="span-6" name="actorId" label={v.party} required errors={form.errorsFor("actorId")}>
          {(c) => (
            <select {...c} className="select" value={state.actorId} onChange={(e) => set("actorId", e.target.value)}>
              {detail.parties.map((party) => (
                <option key={party.actorId} value={party.actorId}>
                  {party.actorName} ({t.partnership.labels.roles[party.role]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field className="span-6" name="on" label={v.on} hint={v.onHint} errors={form.errorsFor("on")}>
          {(c) => <input {...c} type="text" inputMode="numeric" autoComplete="off" className="input tabular" value={state.on} onChange={(e) => set("on", e.target.value)} />}
        </Field>
      </div>
      {QUESTIONS.map((q) => (
        <ScaleField key={q} question={q} value={state[q] as Rating | ""} errors={form.errorsFor(q)} onChange={(r) => set(q, r)} />
      ))}
      {text("brought", v.broughtField, v.broughtPlaceholder)}
      {text("gained", v.gainedField, v.gainedPlaceholder)}
      <Field name="respondent" label={v.respondent} errors={form.errorsFor("respondent")}>
        {(c) => <input {...c} type="text" className="input" value={state.respondent} placeholder={v.respondentPlaceholder} onChange={(e) => set("respondent", e.target.value)} />}
      </Field>
    </EditShell>
  );
}
