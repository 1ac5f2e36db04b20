// One dialog per row kind of a partnership: a contribution, a counterpart,
// a next action, an objective, an indicator (adding one, or editing row
// `index`), and a dated measure of an indicator. Amounts are typed the
// French way (« 1 234,56 ») and sent in cents; the backend's errors on
// `contributions.2.valueCents` land under the amount field.
import { useId, useRef, useState } from "react";

import { measurePartnership, parsePartnershipRow } from "../../api/gateway";
import type { AppError } from "../../api/types";
import type { ContributionKind } from "../../bindings/ContributionKind";
import { IMPACT_THEMES, INDICATOR_LEVELS, STANDARD_UNITS } from "../../bindings/impactOrders";
import type { ImpactTheme } from "../../bindings/ImpactTheme";
import type { IndicatorLevel } from "../../bindings/IndicatorLevel";
import type { ObjectiveAxis } from "../../bindings/ObjectiveAxis";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { PartySummary } from "../../bindings/PartySummary";
import type { RowValues } from "../../bindings/RowValues";
import type { TypedRow } from "../../bindings/TypedRow";
import { Field, type ControlProps, type FieldProps } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { useI18n } from "../../i18n";
import { isoToTyped, todayTyped } from "../../lib/format";
import { useServerForm } from "../../lib/useServerForm";
import { EditShell, usePartnershipForm, type Reload } from "./EditDialog";
import {
  centsToTyped,
  CONTRIBUTION_KINDS,
  locateRow,
  minutesToTyped,
  numberToTyped,
  OBJECTIVE_AXES,
  rowErrors,
  withRow,
  type RowList,
} from "./editModel";
import { readOrRefuse } from "./typedRow";

export type RowDialogProps = {
  detail: PartnershipDetail;
  /** The row edited, or null to add one. */
  index: number | null;
  reload: Reload;
  onSaved: (p: Partnership) => void;
  onClose: () => void;
};

type RowDialogSpec<K extends RowList, S> = {
  /** The state of the row edited, or of a new row. */
  initial: () => S;
  /** The typed fields the core reads (an amount, hours, a number, a date), if any. */
  typed?: (s: S) => TypedRow;
  /** The row, from the state and the typed fields as the core read them. */
  toItem: (s: S, values: RowValues) => PartnershipInput[K][number];
  order: readonly string[];
};

/** The keys of `S` whose value is any string (free text a control edits). */
type TextKey<S> = { [F in keyof S]: string extends S[F] ? F : never }[keyof S] & string;

/** The scaffolding every row dialog shares: its typed state, the form that saves the row into the partnership, a setter that marks the control touched. */
function useRowDialog<K extends RowList, S extends object>(list: K, props: RowDialogProps, spec: RowDialogSpec<K, S>) {
  const [initial] = useState<S>(spec.initial);
  const [state, setState] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const rowsOf = (p: Partnership) => p[list] as readonly unknown[];
  const original = props.index === null ? null : (rowsOf(props.detail.partnership)[props.index] ?? null);
  // After a reload the row may have moved (or gone: it is then added back).
  const where = (base: Partnership) => locateRow(rowsOf(base), props.index, original);
  const form = usePartnershipForm({
    formRef,
    initial: props.detail.partnership,
    reload: props.reload,
    state,
    ...(spec.typed ? { typed: spec.typed } : {}),
    build: (s, base, values) => withRow(base, list, where(base), spec.toItem(s, values)),
    mapErrors: (errors, base) => rowErrors(errors, list, where(base) ?? rowsOf(base).length),
    order: spec.order,
    dirty: JSON.stringify(state) !== JSON.stringify(initial),
    onSaved: props.onSaved,
    onClose: props.onClose,
  });
  const set = <F extends keyof S>(key: F, value: S[F], name: string) => {
    setState((s) => ({ ...s, [key]: value }));
    form.touch(name);
  };
  /** What an InputField needs to edit `key` (its errors come under `name`, the backend's field). */
  const bind = (key: TextKey<S>, name: string = key) => ({
    name,
    value: state[key] as string,
    errors: form.errorsFor(name),
    onChange: (v: string) => set(key, v as S[typeof key], name),
  });
  return { state, set, bind, form, formRef };
}

const INPUT_KINDS = {
  text: { className: "input" },
  amount: { inputMode: "decimal", className: "input tabular amount-input", autoComplete: "off" },
  number: { inputMode: "decimal", className: "input tabular", autoComplete: "off" },
  date: { inputMode: "numeric", className: "input tabular", autoComplete: "off" },
} as const;

/** A Field holding a one-line text input: free text, an amount in euros, a decimal number or a typed date. */
function InputField({
  kind = "text",
  value,
  onChange,
  placeholder,
  ...field
}: Omit<FieldProps, "children"> & {
  kind?: keyof typeof INPUT_KINDS;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(p) => <input {...p} type="text" {...INPUT_KINDS[kind]} value={value} placeholder={placeholder} onChange={(ev) => onChange(ev.target.value)} />}
    </Field>
  );
}

function PartySelect({
  control,
  parties,
  value,
  onChange,
  extra,
}: {
  control: ControlProps;
  parties: readonly PartySummary[];
  value: string;
  onChange: (actorId: string) => void;
  extra?: { value: string; label: string };
}) {
  const { t } = useI18n();
  const known = value === "" || parties.some((p) => p.actorId === value) || extra?.value === value;
  return (
    <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      {extra ? <option value={extra.value}>{extra.label}</option> : value === "" && <option value="">{t.partnership.edit.partyPick}</option>}
      {parties.map((p) => (
        <option key={p.actorId} value={p.actorId}>
          {p.actorName} ({t.partnership.labels.roles[p.role]})
        </option>
      ))}
      {!known && <option value={value}>{value}</option>}
    </select>
  );
}

// ---------- Contribution ----------

type ContributionState = { actorId: string; kind: ContributionKind; amount: string; hours: string; description: string };
const CONTRIBUTION_ORDER = ["actorId", "kind", "valueCents", "minutes", "description"] as const;

export function ContributionDialog(props: RowDialogProps) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const { state, set, bind, form, formRef } = useRowDialog("contributions", props, {
    initial: (): ContributionState => {
      const c = props.index === null ? undefined : props.detail.partnership.contributions[props.index];
      const giver = props.detail.parties.find((p) => p.role !== "beneficiaire") ?? props.detail.parties[0];
      return c
        ? { actorId: c.actorId, kind: c.kind, amount: centsToTyped(c.valueCents), hours: minutesToTyped(c.minutes), description: c.description ?? "" }
        : { actorId: giver?.actorId ?? "", kind: "numeraire", amount: "", hours: "", description: "" };
    },
    typed: (s) => ({ amount: s.amount, hours: s.hours }),
    toItem: (s, v) => ({
      actorId: s.actorId,
      kind: s.kind,
      valueCents: v.valueCents ?? 0,
      minutes: v.minutes ?? 0,
      description: s.description.trim() === "" ? null : s.description.trim(),
    }),
    order: CONTRIBUTION_ORDER,
  });
  return (
    <EditShell title={props.index === null ? e.newContribution : e.editContribution} testId="contribution-form" formRef={formRef} form={form}>
      <div className="form-grid">
        <Field className="span-6" name="actorId" label={e.contributionParty} required errors={form.errorsFor("actorId")}>
          {(p) => <PartySelect control={p} parties={props.detail.parties} value={state.actorId} onChange={(v) => set("actorId", v, "actorId")} />}
        </Field>
        <Field className="span-6" name="kind" label={e.contributionKind} errors={form.errorsFor("kind")}>
          {(p) => (
            <select {...p} className="select" value={state.kind} onChange={(ev) => set("kind", ev.target.value as ContributionKind, "kind")}>
              {CONTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.partnership.labels.contributionKinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InputField {...bind("amount", "valueCents")} kind="amount" className="span-6" label={e.amount} hint={e.amountHint} placeholder="0,00" />
        <InputField {...bind("hours", "minutes")} kind="amount" className="span-6" label={e.hoursField} hint={e.hoursHint} placeholder="0" />
      </div>
      <InputField {...bind("description")} label={e.description} placeholder={e.contributionPlaceholder} />
    </EditShell>
  );
}

// ---------- Counterpart ----------

type CounterpartState = { givenBy: string; description: string; amount: string };
const COUNTERPART_ORDER = ["givenBy", "description", "valueCents"] as const;

export function CounterpartDialog(props: RowDialogProps) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const { state, set, bind, form, formRef } = useRowDialog("counterparts", props, {
    initial: (): CounterpartState => {
      const c = props.index === null ? undefined : props.detail.partnership.counterparts[props.index];
      const giver =
        props.detail.parties.find((p) => p.role === "beneficiaire") ??
        props.detail.parties.find((p) => p.role === "porteur") ??
        props.detail.parties[0];
      return c
        ? { givenBy: c.givenBy, description: c.description, amount: centsToTyped(c.valueCents) }
        : { givenBy: giver?.actorId ?? "", description: "", amount: "" };
    },
    typed: (s) => ({ amount: s.amount }),
    toItem: (s, v) => ({ givenBy: s.givenBy, description: s.description.trim(), valueCents: v.valueCents ?? 0 }),
    order: COUNTERPART_ORDER,
  });
  return (
    <EditShell title={props.index === null ? e.newCounterpart : e.editCounterpart} testId="counterpart-form" formRef={formRef} form={form}>
      <Field name="givenBy" label={e.counterpartParty} required errors={form.errorsFor("givenBy")}>
        {(p) => <PartySelect control={p} parties={props.detail.parties} value={state.givenBy} onChange={(v) => set("givenBy", v, "givenBy")} />}
      </Field>
      <InputField {...bind("description")} label={e.description} required placeholder={e.counterpartPlaceholder} />
      <InputField {...bind("amount", "valueCents")} kind="amount" label={e.value} hint={e.amountHint} placeholder="0,00" />
    </EditShell>
  );
}

// ---------- Next action ----------

type ActionState = { text: string; owner: string; dueOn: string; done: boolean };
const ACTION_ORDER = ["text", "owner", "dueOn", "done"] as const;

export function ActionDialog(props: RowDialogProps) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const { state, set, bind, form, formRef } = useRowDialog("nextActions", props, {
    initial: (): ActionState => {
      const a = props.index === null ? undefined : props.detail.partnership.nextActions[props.index];
      return a
        ? { text: a.text, owner: a.owner ?? "", dueOn: isoToTyped(a.dueOn), done: a.done }
        : { text: "", owner: props.detail.partnership.facilitator ?? "", dueOn: "", done: false };
    },
    typed: (s) => ({ dueOn: s.dueOn }),
    toItem: (s, v) => ({
      text: s.text.trim(),
      owner: s.owner.trim() === "" ? null : s.owner.trim(),
      dueOn: v.dueOn,
      done: s.done,
    }),
    order: ACTION_ORDER,
  });
  return (
    <EditShell title={props.index === null ? e.newAction : e.editAction} testId="action-form" formRef={formRef} form={form}>
      <InputField {...bind("text")} label={e.actionText} required placeholder={e.actionPlaceholder} />
      <div className="form-grid">
        <InputField {...bind("owner")} className="span-6" label={e.actionOwner} placeholder={e.actionOwnerPlaceholder} />
        <InputField {...bind("dueOn")} kind="date" className="span-6" label={e.dueOn} hint={e.dateHint} placeholder={todayTyped()} />
      </div>
      {props.index !== null && (
        <label className="checkbox-row">
          <input type="checkbox" data-testid="field-done" checked={state.done} onChange={(ev) => set("done", ev.target.checked, "done")} />
          <span>{e.actionDoneField}</span>
        </label>
      )}
    </EditShell>
  );
}

// ---------- Objective ----------

type ObjectiveState = { actorId: string; axis: ObjectiveAxis | ""; text: string };
const OBJECTIVE_ORDER = ["actorId", "axis", "text"] as const;

export function ObjectiveDialog(props: RowDialogProps) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const { state, set, bind, form, formRef } = useRowDialog("objectives", props, {
    initial: (): ObjectiveState => {
      const o = props.index === null ? undefined : props.detail.partnership.objectives[props.index];
      return o ? { actorId: o.actorId ?? "", axis: o.axis ?? "", text: o.text } : { actorId: "", axis: "", text: "" };
    },
    toItem: (s) => ({ actorId: s.actorId === "" ? null : s.actorId, axis: s.axis === "" ? null : s.axis, text: s.text.trim() }),
    order: OBJECTIVE_ORDER,
  });
  return (
    <EditShell title={props.index === null ? e.newObjective : e.editObjective} testId="objective-form" formRef={formRef} form={form}>
      <div className="form-grid">
        <Field className="span-6" name="actorId" label={e.objectiveOf} errors={form.errorsFor("actorId")}>
          {(p) => (
            <PartySelect
              control={p}
              parties={props.detail.parties}
              value={state.actorId}
              extra={{ value: "", label: e.commonGood }}
              onChange={(v) => set("actorId", v, "actorId")}
            />
          )}
        </Field>
        <Field className="span-6" name="axis" label={e.axis} errors={form.errorsFor("axis")}>
          {(p) => (
            <select {...p} className="select" value={state.axis} onChange={(ev) => set("axis", ev.target.value as ObjectiveAxis | "", "axis")}>
              <option value="">{e.axisNone}</option>
              {OBJECTIVE_AXES.map((a) => (
                <option key={a} value={a}>
                  {t.partnership.labels.axes[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <InputField {...bind("text")} label={e.objectiveText} required placeholder={e.objectivePlaceholder} />
    </EditShell>
  );
}

// ---------- Indicator ----------

type IndicatorState = { name: string; unit: string; baseline: string; target: string; level: IndicatorLevel | ""; theme: ImpactTheme | "" };
const INDICATOR_ORDER = ["name", "level", "theme", "unit", "baseline", "target", "measures"] as const;

/** A select of one of `values` (in the core's order) or none, labelled by `labels`. */
function ChoiceSelect<V extends string>({
  control,
  value,
  values,
  labels,
  none,
  onChange,
}: {
  control: ControlProps;
  value: V | "";
  values: readonly V[];
  labels: Record<V, string>;
  none: string;
  onChange: (value: V | "") => void;
}) {
  return (
    <select {...control} className="select" value={value} onChange={(ev) => onChange(ev.target.value as V | "")}>
      <option value="">{none}</option>
      {values.map((x) => (
        <option key={x} value={x}>
          {labels[x]}
        </option>
      ))}
    </select>
  );
}

/** The standard units offered under the unit field (free text stays allowed; the core stores a standard spelling as its French label). */
function StandardUnits({ id }: { id: string }) {
  const { lang } = useI18n();
  return (
    <datalist id={id}>
      {STANDARD_UNITS.map((u) => (
        <option key={u.code} value={u.fr}>
          {lang === "fr" ? u.fr : u.en}
        </option>
      ))}
    </datalist>
  );
}

export function IndicatorDialog(props: RowDialogProps) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const existing = props.index === null ? undefined : props.detail.partnership.indicators[props.index];
  const measures = existing?.measures ?? [];
  const v = t.partnership.evaluation;
  const unitsId = useId();
  const { state, set, bind, form, formRef } = useRowDialog("indicators", props, {
    initial: (): IndicatorState =>
      existing
        ? {
            name: existing.name,
            unit: existing.unit ?? "",
            baseline: numberToTyped(existing.baseline),
            target: numberToTyped(existing.target),
            level: existing.level ?? "",
            theme: existing.theme ?? "",
          }
        : { name: "", unit: "", baseline: "", target: "", level: "", theme: "" },
    typed: (s) => ({ baseline: s.baseline, target: s.target }),
    toItem: (s, v) => ({
      name: s.name.trim(),
      unit: s.unit.trim() === "" ? null : s.unit.trim(),
      baseline: v.baseline,
      target: v.target,
      measures,
      level: s.level === "" ? null : s.level,
      theme: s.theme === "" ? null : s.theme,
    }),
    order: INDICATOR_ORDER,
  });
  return (
    <EditShell title={props.index === null ? e.newIndicator : e.editIndicator} testId="indicator-form" formRef={formRef} form={form}>
      <InputField {...bind("name")} label={e.indicatorName} required placeholder={e.indicatorPlaceholder} />
      <div className="form-grid">
        <Field className="span-6" name="level" label={v.level} errors={form.errorsFor("level")}>
          {(c) => (
            <ChoiceSelect control={c} value={state.level} values={INDICATOR_LEVELS} labels={v.levels} none={v.levelNone} onChange={(l) => set("level", l, "level")} />
          )}
        </Field>
        <Field className="span-6" name="theme" label={v.theme} errors={form.errorsFor("theme")}>
          {(c) => (
            <ChoiceSelect control={c} value={state.theme} values={IMPACT_THEMES} labels={v.themes} none={v.themeNone} onChange={(th) => set("theme", th, "theme")} />
          )}
        </Field>
      </div>
      <div className="form-grid form-grid--3">
        <Field name="unit" label={e.unit} hint={v.unitHint} errors={form.errorsFor("unit")}>
          {(c) => (
            <>
              <input
                {...c}
                type="text"
                className="input"
                list={unitsId}
                value={state.unit}
                placeholder={e.unitPlaceholder}
                onChange={(ev) => set("unit", ev.target.value, "unit")}
              />
              <StandardUnits id={unitsId} />
            </>
          )}
        </Field>
        <InputField {...bind("baseline")} kind="number" label={e.baseline} hint={e.numberHint} />
        <InputField {...bind("target")} kind="number" label={e.target} hint={e.numberHint} />
      </div>
      {measures.length > 0 && <p className="small muted">{e.measuresKept(measures.length)}</p>}
    </EditShell>
  );
}

// ---------- Measure ----------

type MeasureState = { on: string; value: string };
const MEASURE_ORDER = ["on", "value"] as const;

export function MeasureDialog({
  partnership,
  index,
  onSaved,
  onClose,
}: {
  partnership: Partnership;
  index: number;
  onSaved: (p: Partnership) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const indicator = partnership.indicators[index];
  const [initial] = useState<MeasureState>(() => ({ on: todayTyped(), value: "" }));
  const [state, setState] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm<MeasureState, Partnership>({
    formRef,
    input: state,
    // The core reads the typed date and value, as you type and on submit.
    validate: (s) => parsePartnershipRow({ on: s.on, value: s.value }).then((read) => read.errors),
    save: async (s) => {
      const { values } = await readOrRefuse(parsePartnershipRow({ on: s.on, value: s.value }));
      return measurePartnership(partnership.id, partnership.version, index, values.on, values.value ?? 0);
    },
    onSaved,
    onClose,
    order: MEASURE_ORDER,
    dirty: state.value.trim() !== "",
  });
  const banner: AppError | null = form.banner;
  const set = <K extends keyof MeasureState>(key: K, v: MeasureState[K]) => {
    setState((s) => ({ ...s, [key]: v }));
    form.touch(key);
  };
  const shell = {
    saving: form.saving,
    requestClose: form.requestClose,
    submitInput: () => void form.submit(state),
    banners: <FormBanner error={banner} stray={form.stray} />,
  };
  const name = indicator?.name ?? "";
  return (
    <EditShell title={e.measureTitle(name)} testId="measure-form" size="sm" formRef={formRef} form={shell} submitLabel={e.measureSave}>
      <div className="form-grid">
        <InputField
          kind="number"
          className="span-6"
          name="value"
          label={indicator?.unit ? `${e.measureValue} (${indicator.unit})` : e.measureValue}
          required
          errors={form.errorsFor("value")}
          value={state.value}
          onChange={(v) => set("value", v)}
        />
        <InputField
          kind="date"
          className="span-6"
          name="on"
          label={e.measureOn}
          hint={e.dateHint}
          errors={form.errorsFor("on")}
          value={state.on}
          onChange={(v) => set("on", v)}
        />
      </div>
    </EditShell>
  );
}
