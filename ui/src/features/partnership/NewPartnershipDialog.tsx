// Create a partnership: a title, at least two parties (an actor picked from
// the directory and its role) and, if already known, the primary mode.
// The backend validates as you type; its field errors (`parties.1.actorId`…)
// land next to their control.
import { LoaderCircle, Plus, Trash2 } from "lucide-react";
import { useId, useMemo, useRef, useState } from "react";

import { createPartnership, validatePartnership } from "../../api/gateway";
import { Dialog } from "../../app/Dialog";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { PartyRole } from "../../bindings/PartyRole";
import type { RameauMode } from "../../bindings/RameauMode";
import { Field, FieldErrors } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { useI18n } from "../../i18n";
import { matchesShortcut } from "../../lib/shortcuts";
import { useServerForm } from "../../lib/useServerForm";
import { ActorCombobox, type ActorChoice } from "./ActorCombobox";
import { MODES } from "./model";

export const PARTY_ROLES: readonly PartyRole[] = [
  "porteur",
  "partenaire",
  "financeur",
  "beneficiaire",
  "collectivite_associee",
  "operateur",
  "investisseur",
  "evaluateur",
  "structurateur",
];

/** Server field names in the form's order (a refused submit focuses the first). */
export const PARTNERSHIP_FIELD_ORDER = ["title", "parties", "modes"] as const;

type PartyRow = { text: string; actor: ActorChoice | null; role: PartyRole };
export type NewPartnershipState = { title: string; parties: PartyRow[]; primary: RameauMode | "" };

export function emptyPartnershipForm(): NewPartnershipState {
  return {
    title: "",
    parties: [
      { text: "", actor: null, role: "porteur" },
      { text: "", actor: null, role: "partenaire" },
    ],
    primary: "",
  };
}

export function toPartnershipInput(s: NewPartnershipState): PartnershipInput {
  return {
    title: s.title.trim(),
    summary: null,
    territory: [],
    parties: s.parties.map((p) => ({ actorId: p.actor?.id ?? "", role: p.role, contactId: null })),
    modes: { primary: s.primary === "" ? null : s.primary, secondary: [], mecenatKinds: [] },
    contributions: [],
    counterparts: [],
    facilitator: null,
    tags: [],
    origin: null,
    nextActions: [],
    objectives: [],
    indicators: [],
  };
}

export function NewPartnershipDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (p: Partnership) => void }) {
  const { t } = useI18n();
  const formId = useId();
  const [state, setState] = useState<NewPartnershipState>(emptyPartnershipForm);
  const input = useMemo(() => toPartnershipInput(state), [state]);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = state.title.trim() !== "" || state.parties.some((p) => p.text.trim() !== "") || state.primary !== "";
  const form = useServerForm({
    formRef,
    input,
    validate: validatePartnership,
    save: createPartnership,
    onSaved: onCreated,
    onClose,
    order: PARTNERSHIP_FIELD_ORDER,
    dirty,
  });
  const { touch, errorsFor } = form;

  const setParty = (i: number, patch: Partial<PartyRow>) => {
    setState((s) => ({ ...s, parties: s.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  };

  const addParty = () => {
    const index = state.parties.length;
    setState((s) => ({ ...s, parties: [...s.parties, { text: "", actor: null, role: "partenaire" }] }));
    window.requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLInputElement>(`[data-testid="party-actor-${index}"]`)?.focus();
    });
  };

  const removeParty = (i: number) => {
    setState((s) => ({ ...s, parties: s.parties.filter((_, j) => j !== i) }));
    touch("parties");
  };

  const submit = () => void form.submit(input);
  const requestClose = () => void form.requestClose();
  const groupErrors = errorsFor("parties");

  return (
    <Dialog
      size="md"
      title={t.partnership.createTitle}
      onRequestClose={requestClose}
      testId="partnership-form"
      footer={
        <>
          <span className="dialog__footer-hint">
            <kbd>{t.form.submitHint}</kbd>
          </span>
          <button type="button" className="button button--secondary" onClick={requestClose}>
            {t.common.cancel}
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="form-submit"
            disabled={form.saving}
            aria-busy={form.saving || undefined}
          >
            {form.saving && <LoaderCircle size={16} aria-hidden="true" className="spin" />}
            {form.saving ? t.form.saving : t.partnership.create}
          </button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (matchesShortcut(e, "Mod+Enter")) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <FormBanner error={form.banner} stray={form.stray} />
        <Field name="title" label={t.partnership.fieldTitle} required errors={errorsFor("title")}>
          {(p) => (
            <input
              {...p}
              type="text"
              className="input"
              data-autofocus=""
              value={state.title}
              placeholder={t.partnership.titlePlaceholder}
              onChange={(e) => {
                setState((s) => ({ ...s, title: e.target.value }));
                touch("title");
              }}
            />
          )}
        </Field>

        <fieldset className="party-group" data-field-group="parties">
          <legend className="party-group__legend">
            <span className="field__label">
              {t.partnership.partiesLabel}
              <span className="field__required" aria-hidden="true">
                *
              </span>
            </span>
            <span className="resource-group__help">{t.partnership.partiesHelp}</span>
          </legend>
          <div className="party-rows">
            {state.parties.map((row, i) => {
              const actorErrors = errorsFor(`parties.${i}.actorId`);
              const roleErrors = errorsFor(`parties.${i}.role`);
              const errorId = `${formId}-party-${i}-error`;
              return (
                <div className={`party-row${actorErrors ? " is-invalid" : ""}`} key={i}>
                  <div className="party-row__actor">
                    <ActorCombobox
                      testId={`party-actor-${i}`}
                      field={`parties.${i}.actorId`}
                      label={t.partnership.party(i)}
                      invalid={actorErrors !== undefined}
                      describedBy={actorErrors ? errorId : undefined}
                      text={row.text}
                      onTextChange={(text) => setParty(i, { text })}
                      value={row.actor}
                      onChange={(actor) => {
                        setParty(i, { actor });
                        if (actor) touch("parties");
                      }}
                      onBlur={() => {
                        if (row.text.trim() !== "") touch("parties");
                      }}
                    />
                    <FieldErrors name={`parties.${i}.actorId`} id={errorId} errors={actorErrors} />
                  </div>
                  <div className="party-row__role">
                    <select
                      className="select"
                      data-testid={`party-role-${i}`}
                      aria-label={`${t.partnership.role} — ${t.partnership.party(i)}`}
                      value={row.role}
                      onChange={(e) => {
                        setParty(i, { role: e.target.value as PartyRole });
                        touch("parties");
                      }}
                    >
                      {PARTY_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t.partnership.labels.roles[r]}
                        </option>
                      ))}
                    </select>
                    <FieldErrors name={`parties.${i}.role`} errors={roleErrors} />
                  </div>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={t.partnership.removeParty(i)}
                    title={t.partnership.removeParty(i)}
                    data-testid={`party-remove-${i}`}
                    disabled={state.parties.length <= 2}
                    onClick={() => removeParty(i)}
                  >
                    <Trash2 size={16} aria-hidden="true" />
                  </button>
                </div>
              );
            })}
          </div>
          <FieldErrors name="parties" errors={groupErrors} />
          <button type="button" className="button button--ghost button--small" data-testid="party-add" onClick={addParty}>
            <Plus size={16} aria-hidden="true" />
            {t.partnership.addParty}
          </button>
        </fieldset>

        <Field name="primary-mode" label={t.partnership.primaryModeField} errors={errorsFor("modes.primary") ?? errorsFor("modes")}>
          {(p) => (
            <select
              {...p}
              className="select"
              value={state.primary}
              onChange={(e) => {
                setState((s) => ({ ...s, primary: e.target.value as RameauMode | "" }));
                touch("modes");
              }}
            >
              <option value="">{t.partnership.primaryNone}</option>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t.partnership.labels.modes[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Dialog>
  );
}
