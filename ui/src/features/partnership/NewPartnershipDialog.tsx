// Create a partnership: a title, at least two parties (an actor picked from
// the directory and its role) and, if already known, the primary mode.
// The backend validates as you type; its field errors (`parties.1.actorId`…)
// land next to their control.
import { useId, useMemo, useRef, useState } from "react";

import { createPartnership, validatePartnership } from "../../api/gateway";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { PartyRole } from "../../bindings/PartyRole";
import type { Possibility } from "../../bindings/Possibility";
import type { RameauMode } from "../../bindings/RameauMode";
import { Field, FieldErrors } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import type { ActorChoice } from "./ActorCombobox";
import { MODES } from "./model";
import { PartnerSuggestions } from "./PartnerSuggestions";
import { PartyActor, PartyAddButton, PartyGroupLegend, PartyRemoveButton, PartyRoleSelect } from "./PartyFields";

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

/**
 * The form once suggestion `p` for the first party is picked: the second
 * party, both roles and the primary mode from the core's proposal, and its
 * title if none was typed.
 */
export function withSuggestion(s: NewPartnershipState, p: Possibility): NewPartnershipState {
  const roleOf = (actorId: string | undefined) => p.proposal.parties.find((party) => party.actorId === actorId)?.role;
  return {
    title: s.title.trim() === "" ? p.proposal.title : s.title,
    parties: s.parties.map((row, i) => {
      if (i === 0) return { ...row, role: roleOf(row.actor?.id) ?? row.role };
      if (i === 1) return { text: p.actorName, actor: { id: p.actorId, name: p.actorName }, role: roleOf(p.actorId) ?? row.role };
      return row;
    }),
    primary: p.proposal.modes.primary ?? s.primary,
  };
}

export function NewPartnershipDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (p: Partnership) => void }) {
  const { t } = useI18n();
  const idBase = useId();
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

  const pickSuggestion = (p: Possibility) => {
    setState((s) => withSuggestion(s, p));
    touch("title");
    touch("parties");
    touch("modes");
    window.requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[data-testid="party-actor-1"]')?.focus();
    });
  };
  const [first, second] = state.parties;
  const suggestFor = first?.actor && second && second.actor === null && second.text.trim() === "" ? first.actor : null;

  const submit = () => void form.submit(input);
  const requestClose = () => void form.requestClose();
  const groupErrors = errorsFor("parties");

  return (
    <FormDialog
      size="md"
      tall
      title={t.partnership.createTitle}
      onRequestClose={requestClose}
      testId="partnership-form"
      formRef={formRef}
      saving={form.saving}
      onSubmit={submit}
      submitLabel={t.partnership.create}
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
        <PartyGroupLegend label={t.partnership.partiesLabel} help={t.partnership.partiesHelp} />
        <div className="party-rows">
          {state.parties.map((row, i) => {
            const actorErrors = errorsFor(`parties.${i}.actorId`);
            const roleErrors = errorsFor(`parties.${i}.role`);
            const errorId = `${idBase}-party-${i}-error`;
            return (
              <div className={`party-row${actorErrors ? " is-invalid" : ""}`} key={i}>
                <PartyActor
                  index={i}
                  errorId={errorId}
                  errors={actorErrors}
                  text={row.text}
                  value={row.actor}
                  onTextChange={(text) => setParty(i, { text })}
                  onChange={(actor) => setParty(i, { actor })}
                  touch={touch}
                />
                <div className="party-row__role">
                  <PartyRoleSelect
                    index={i}
                    value={row.role}
                    onChange={(role) => {
                      setParty(i, { role });
                      touch("parties");
                    }}
                  />
                  <FieldErrors name={`parties.${i}.role`} errors={roleErrors} />
                </div>
                <PartyRemoveButton index={i} count={state.parties.length} onClick={() => removeParty(i)} />
              </div>
            );
          })}
        </div>
        {suggestFor && <PartnerSuggestions actor={suggestFor} onPick={pickSuggestion} />}
        <FieldErrors name="parties" errors={groupErrors} />
        <PartyAddButton onClick={addParty} />
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
    </FormDialog>
  );
}
