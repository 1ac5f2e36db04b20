// « Essaimer »: reproduce a partnership on another territory. The new one
// keeps the structure (modes, roles, contribution kinds, objectives,
// indicators without their measurements), not the amounts, actions or
// history; each original role goes to the actor the facilitator picks (the
// same one by default). The core builds it and links it to its origin.
import { Info, Sprout } from "lucide-react";
import { useId, useMemo, useRef, useState } from "react";

import { essaimerPartnership } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { EssaimagePlan } from "../../bindings/EssaimagePlan";
import type { FieldError } from "../../bindings/FieldError";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import { Field, FieldErrors } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import { ActorCombobox, type ActorChoice } from "./ActorCombobox";
import { TerritoryInput, withCommune } from "./TerritoryInput";

/** Server field names in the dialog's order (a refused submit focuses the first). */
export const ESSAIMER_FIELD_ORDER = ["title", "territory", "parties", "actors", "facilitator"] as const;

type Row = { text: string; actor: ActorChoice | null };
export type EssaimerState = { title: string; territory: string[]; communeText: string; rows: Row[]; facilitator: string };

export function essaimerState(detail: PartnershipDetail): EssaimerState {
  const p = detail.partnership;
  return {
    title: `${p.title} — `,
    territory: [],
    communeText: "",
    // One row per original party, in the origin's order, the same actor by default.
    rows: p.parties.map((party, i) => {
      const name = detail.parties[i]?.actorId === party.actorId ? detail.parties[i].actorName : party.actorId;
      return { text: name, actor: { id: party.actorId, name } };
    }),
    facilitator: p.facilitator ?? "",
  };
}

export function toPlan(s: EssaimerState): EssaimagePlan {
  const facilitator = s.facilitator.trim();
  return {
    title: s.title.trim(),
    territory: s.territory,
    actors: s.rows.map((r) => r.actor?.id ?? ""),
    facilitator: facilitator === "" ? null : facilitator,
  };
}

// The core validates on submit; there is no command to ask it while typing.
const noLiveValidation = (): Promise<FieldError[]> => Promise.resolve([]);

/** Puts the caret after the prefilled « <title> — », ready for the new place. */
const caretAtEnd = (el: HTMLInputElement | null) => el?.setSelectionRange(el.value.length, el.value.length);

export function EssaimerDialog({
  detail,
  onClose,
  onDone,
}: {
  detail: PartnershipDetail;
  onClose: () => void;
  onDone: (p: Partnership) => void;
}) {
  const { t } = useI18n();
  const e = t.possibles.essaimer;
  const idBase = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => essaimerState(detail));
  const [state, setState] = useState(initial);
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const plan = useMemo(() => toPlan(state), [state]);
  const localErrors: FieldError[] = state.rows.flatMap((r, i) =>
    r.actor === null ? [{ field: `parties.${i}.actorId`, message: t.possibles.essaimer.actorPick, messageEn: t.possibles.essaimer.actorPick }] : [],
  );
  const form = useServerForm({
    formRef,
    input: plan,
    validate: noLiveValidation,
    save: (p: EssaimagePlan) => essaimerPartnership(detail.partnership.id, p),
    onSaved: onDone,
    onClose,
    order: ESSAIMER_FIELD_ORDER,
    dirty: JSON.stringify(state) !== JSON.stringify(initial),
    localErrors,
  });
  const { touch, errorsFor } = form;
  const setRow = (i: number, patch: Partial<Row>) => {
    setState((s) => ({ ...s, rows: s.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  };
  const communeName = (code: string) => names.get(code) ?? code;
  const submit = () => void form.submit(plan);
  const requestClose = () => void form.requestClose();

  return (
    <FormDialog
      size="lg"
      title={e.title(detail.partnership.title)}
      onRequestClose={requestClose}
      testId="essaimer-form"
      formRef={formRef}
      saving={form.saving}
      onSubmit={submit}
      submitLabel={e.submit}
      savingLabel={e.saving}
      submitIcon={<Sprout size={16} aria-hidden="true" />}
    >
      <p className="essaimer__explain small" data-testid="essaimer-explain">
        <Info size={16} aria-hidden="true" />
        <span>{e.explain}</span>
      </p>
      <FormBanner error={form.banner} stray={form.stray} />

      <Field name="title" label={e.newTitle} required errors={errorsFor("title")}>
        {(p) => (
          <input
            {...p}
            ref={caretAtEnd}
            type="text"
            className="input"
            data-autofocus=""
            value={state.title}
            onChange={(ev) => {
              setState((s) => ({ ...s, title: ev.target.value }));
              touch("title");
            }}
          />
        )}
      </Field>

      <Field name="territory" label={e.territory} required hint={e.territoryHint} errors={errorsFor("territory")}>
        {(p) => (
          <TerritoryInput
            control={p}
            codes={state.territory}
            nameOf={communeName}
            removeLabel={e.territoryRemove}
            placeholder={e.territoryPlaceholder}
            text={state.communeText}
            onTextChange={(communeText) => setState((s) => ({ ...s, communeText }))}
            onPick={(choice) => {
              setNames((m) => new Map(m).set(choice.insee, choice.label.split(" — ")[0] ?? choice.label));
              setState((s) => ({ ...s, territory: withCommune(s.territory, choice.insee) }));
              touch("territory");
            }}
            onRemove={(code) => {
              setState((s) => ({ ...s, territory: s.territory.filter((c) => c !== code) }));
              touch("territory");
            }}
          />
        )}
      </Field>

      <fieldset className="party-group" data-field-group="actors">
        <legend className="party-group__legend">
          <span className="field__label">
            {e.parties}
            <span className="field__required" aria-hidden="true">
              *
            </span>
          </span>
          <span className="resource-group__help">{e.partiesHelp}</span>
        </legend>
        <div className="party-rows">
          {state.rows.map((row, i) => {
            const party = detail.partnership.parties[i];
            if (!party) return null;
            const role = t.partnership.labels.roles[party.role];
            const was = initial.rows[i]?.actor?.name ?? party.actorId;
            const errors = errorsFor(`parties.${i}.actorId`) ?? errorsFor(`actors.${i}`);
            const errorId = `${idBase}-actor-${i}-error`;
            return (
              <div className={`essaimer-party${errors ? " is-invalid" : ""}`} key={i} data-testid="essaimer-party">
                <div className="essaimer-party__role">
                  <span className="badge badge--outline">{role}</span>
                  <span className="small muted essaimer-party__was" title={was}>
                    {row.actor?.id === party.actorId ? e.sameActor : e.instead(was)}
                  </span>
                </div>
                <div className="party-row__actor">
                  <ActorCombobox
                    testId={`essaimer-actor-${i}`}
                    field={`parties.${i}.actorId`}
                    label={e.actorOf(role, i)}
                    invalid={errors !== undefined}
                    describedBy={errors ? errorId : undefined}
                    text={row.text}
                    onTextChange={(text) => setRow(i, { text })}
                    value={row.actor}
                    onChange={(actor) => {
                      setRow(i, { actor });
                      if (actor) touch("parties");
                    }}
                    onBlur={() => touch("parties")}
                  />
                  <FieldErrors name={`parties.${i}.actorId`} id={errorId} errors={errors} />
                </div>
              </div>
            );
          })}
        </div>
        <FieldErrors name="actors" errors={errorsFor("actors") ?? errorsFor("parties")} />
      </fieldset>

      <Field name="facilitator" label={e.facilitator} hint={e.facilitatorHint} errors={errorsFor("facilitator")}>
        {(p) => (
          <input
            {...p}
            type="text"
            className="input"
            value={state.facilitator}
            placeholder={t.partnership.edit.facilitatorPlaceholder}
            onChange={(ev) => {
              setState((s) => ({ ...s, facilitator: ev.target.value }));
              touch("facilitator");
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** The « Essaimer » button of a partnership page, with its dialog; goes to the new partnership once made. */
export function EssaimerButton({ detail }: { detail: PartnershipDetail }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        data-testid="essaimer-open"
        title={t.possibles.essaimer.openHint}
        onClick={() => setOpen(true)}
      >
        <Sprout size={16} aria-hidden="true" />
        {t.possibles.essaimer.open}
      </button>
      {open && (
        <EssaimerDialog
          detail={detail}
          onClose={() => setOpen(false)}
          onDone={(p) => {
            setOpen(false);
            toasts.show({ message: t.possibles.essaimer.done(p.title), tone: "success" });
            dataChanged();
            navigate({ name: "partnership", id: p.id });
          }}
        />
      )}
    </>
  );
}
