// Create or edit an actor, in a dialog. The backend validates as you type
// (debounced); its field errors land under their field.
import { useMemo, useRef, useState } from "react";

import { createActor, updateActor, validateActor } from "../../api/gateway";
import type { Actor } from "../../bindings/Actor";
import type { ActorInput } from "../../bindings/ActorInput";
import type { Commune } from "../../bindings/Commune";
import type { FieldError } from "../../bindings/FieldError";
import type { SizeBand } from "../../bindings/SizeBand";
import { Check } from "../../components/Check";
import { Field } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import {
  ACTOR_FIELD_ORDER,
  actorFormFrom,
  communeNotPicked,
  emptyActorForm,
  isDirty,
  toActorInput,
  type ActorFormState,
} from "./actorFormModel";
import { CommuneCombobox } from "./CommuneCombobox";
import { ACTOR_KINDS, isActorKind, KindIcon } from "./kinds";
import { effectiveRegime, RegisterFields, useRegisterHint } from "./RegisterFields";
import { ResourceRows } from "./ResourceRows";
import { TagsInput } from "./TagsInput";

const SIZE_BANDS: readonly SizeBand[] = ["micro", "petite", "moyenne", "intermediaire", "grande"];

export type ActorFormProps =
  | { mode: "create"; onClose: () => void; onSaved: (actor: Actor) => void }
  | { mode: "edit"; actor: Actor; commune: Commune | null; onClose: () => void; onSaved: (actor: Actor) => void };

export function ActorForm(props: ActorFormProps) {
  const { t } = useI18n();
  const [initial] = useState<ActorFormState>(() =>
    props.mode === "edit" ? actorFormFrom(props.actor, props.commune) : emptyActorForm(),
  );
  const [state, setState] = useState<ActorFormState>(initial);
  // An association's regime and register: what its seat implies, asked of the core.
  const seat = state.commune?.insee ?? null;
  const seatChanged = props.mode === "create" || seat !== (initial.commune?.insee ?? null);
  const registerHint = useRegisterHint(state.kind === "association", seat, seatChanged, setState);
  const showRna =
    state.kind !== "association" || effectiveRegime(state, registerHint) !== "droit_local" || state.rna.trim() !== "";
  const input = useMemo(() => toActorInput(state), [state]);

  const localErrors: FieldError[] = communeNotPicked(state)
    ? [{ field: "commune", message: t.form.communePick, messageEn: t.form.communePick }]
    : [];
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm({
    formRef,
    input,
    validate: validateActor,
    save: (payload: ActorInput) =>
      props.mode === "edit" ? updateActor(props.actor.id, payload) : createActor(payload),
    onSaved: props.onSaved,
    onClose: props.onClose,
    order: ACTOR_FIELD_ORDER,
    dirty: isDirty(state, initial),
    localErrors,
  });
  const { touch, errorsFor } = form;

  const set = <K extends keyof ActorFormState>(key: K, value: ActorFormState[K], touchName: string = key) => {
    setState((s) => ({ ...s, [key]: value }));
    touch(touchName);
  };

  const submit = () => {
    // A tag still being typed is kept, as if Enter had been pressed.
    if (state.tagDraft.trim() !== "") setState((s) => ({ ...s, tags: input.tags, tagDraft: "" }));
    void form.submit(input);
  };

  const requestClose = () => void form.requestClose();
  const saving = form.saving;

  const title = props.mode === "edit" ? t.form.editTitle(props.actor.name) : t.form.createTitle;

  return (
    <FormDialog
      size="lg"
      title={<span className="dialog__title-text">{title}</span>}
      onRequestClose={requestClose}
      formRef={formRef}
      formTestId="actor-form"
      saving={saving}
      onSubmit={submit}
      submitLabel={props.mode === "edit" ? t.form.save : t.form.create}
    >
      <FormBanner error={form.banner} stray={form.stray} />

      <section className="form-section">
        <h3 className="form-section__title">{t.form.sectionIdentity}</h3>
        <div className="form-grid">
          <Field name="kind" label={t.form.kind} required errors={errorsFor("kind")} className="span-4">
            {(p) => (
              <div className="select-with-icon">
                {state.kind !== "" && (
                  <span className="select-with-icon__icon">
                    <KindIcon kind={state.kind} />
                  </span>
                )}
                <select
                  {...p}
                  className={`select${state.kind === "" ? " is-placeholder" : ""}`}
                  value={state.kind}
                  data-autofocus={props.mode === "create" ? "" : undefined}
                  onChange={(e) => set("kind", isActorKind(e.target.value) ? e.target.value : "")}
                  >
                  <option value="" disabled>
                    {t.form.kindPlaceholder}
                  </option>
                  {ACTOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.labels.kinds[k]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
          <Field name="name" label={t.form.name} required errors={errorsFor("name")} className="span-8">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input"
                value={state.name}
                placeholder={t.form.namePlaceholder}
                data-autofocus={props.mode === "edit" ? "" : undefined}
                onChange={(e) => set("name", e.target.value)}
              />
            )}
          </Field>
          <Field name="sector" label={t.form.sector} errors={errorsFor("sector")} className="span-5">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input"
                value={state.sector}
                placeholder={t.form.sectorPlaceholder}
                onChange={(e) => set("sector", e.target.value)}
              />
            )}
          </Field>
          <Field name="sizeBand" label={t.form.sizeBand} errors={errorsFor("sizeBand")} className="span-3">
            {(p) => (
              <select
                {...p}
                className="select"
                value={state.sizeBand}
                onChange={(e) => set("sizeBand", e.target.value as SizeBand | "")}
              >
                <option value="">{t.form.sizeBandNone}</option>
                {SIZE_BANDS.map((b) => (
                  <option key={b} value={b}>
                    {t.labels.sizeBands[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="website" label={t.form.website} errors={errorsFor("website")} className="span-4">
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="url"
                className="input"
                value={state.website}
                placeholder={t.form.websitePlaceholder}
                spellCheck={false}
                onChange={(e) => set("website", e.target.value)}
              />
            )}
          </Field>
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">{t.form.sectionIdentifiers}</h3>
        <div className="form-grid">
          <Field name="siren" label={t.form.siren} hint={t.form.sirenHint} errors={errorsFor("siren")} className="span-4">
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                className="input tabular"
                value={state.siren}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set("siren", e.target.value)}
              />
            )}
          </Field>
          <Field name="siret" label={t.form.siret} hint={t.form.siretHint} errors={errorsFor("siret")} className="span-4">
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                className="input tabular"
                value={state.siret}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set("siret", e.target.value)}
              />
            )}
          </Field>
          {showRna && (
            <Field name="rna" label={t.form.rna} hint={t.form.rnaHint} errors={errorsFor("rna")} className="span-4">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  className="input tabular"
                  value={state.rna}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set("rna", e.target.value)}
                />
              )}
            </Field>
          )}
          {state.kind === "association" && (
            <RegisterFields state={state} hint={registerHint} set={set} errorsFor={errorsFor} />
          )}
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">{t.form.sectionTerritory}</h3>
        <div className="form-grid">
          <Field name="address" label={t.form.address} errors={errorsFor("address")} className="span-7">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input"
                value={state.address}
                placeholder={t.form.addressPlaceholder}
                onChange={(e) => set("address", e.target.value)}
              />
            )}
          </Field>
          <Field name="commune" label={t.form.commune} errors={errorsFor("commune")} className="span-5">
            {(p) => (
              <CommuneCombobox
                control={p}
                text={state.communeText}
                onTextChange={(text) => setState((s) => ({ ...s, communeText: text }))}
                value={state.commune}
                onChange={(choice) => setState((s) => ({ ...s, commune: choice }))}
                onBlur={() => touch("commune")}
                placeholder={t.form.communePlaceholder}
              />
            )}
          </Field>
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">{t.form.sectionResources}</h3>
        <div className="form-stack">
          <ResourceRows
            name="needs"
            title={t.form.needs}
            help={t.form.needsHelp}
            addLabel={t.form.addNeed}
            placeholder={t.form.needPlaceholder}
            rows={state.needs}
            onChange={(rows) => set("needs", rows)}
            errorsFor={errorsFor}
          />
          <ResourceRows
            name="offers"
            title={t.form.offers}
            help={t.form.offersHelp}
            addLabel={t.form.addOffer}
            placeholder={t.form.offerPlaceholder}
            rows={state.offers}
            onChange={(rows) => set("offers", rows)}
            errorsFor={errorsFor}
          />
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">{t.form.sectionMore}</h3>
        <div className="form-stack">
          <Field name="stakes" label={t.form.stakes} errors={errorsFor("stakes")}>
            {(p) => (
              <textarea
                {...p}
                className="textarea"
                rows={3}
                value={state.stakes}
                placeholder={t.form.stakesPlaceholder}
                onChange={(e) => set("stakes", e.target.value)}
              />
            )}
          </Field>
          <Field name="tags" label={t.form.tags} errors={errorsFor("tags")}>
            {(p) => (
              <TagsInput
                control={p}
                tags={state.tags}
                draft={state.tagDraft}
                onChange={(tags, draft) => {
                  setState((s) => ({ ...s, tags, tagDraft: draft }));
                  if (tags !== state.tags) touch("tags");
                }}
                    placeholder={t.form.tagsPlaceholder}
              />
            )}
          </Field>
          <Field name="notes" label={t.form.notes} errors={errorsFor("notes")}>
            {(p) => (
              <textarea
                {...p}
                className="textarea"
                rows={5}
                value={state.notes}
                placeholder={t.form.notesPlaceholder}
                onChange={(e) => set("notes", e.target.value)}
              />
            )}
          </Field>
          <div className="field">
            <Check testId="field-namedPartner" checked={state.namedPartner} onChange={(v) => set("namedPartner", v)}>
              {t.form.namedPartner}
            </Check>
            <p className="field__hint">{t.form.namedPartnerHint}</p>
          </div>
        </div>
      </section>
    </FormDialog>
  );
}
