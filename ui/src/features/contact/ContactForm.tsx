// Add or edit a contact of an actor, with what the GDPR asks to keep.
import { ShieldCheck } from "lucide-react";
import { useMemo, useRef, useState } from "react";

import { createContact, updateContact, validateContact } from "../../api/gateway";
import type { Contact } from "../../bindings/Contact";
import type { ContactInput } from "../../bindings/ContactInput";
import type { ContactSource } from "../../bindings/ContactSource";
import type { LegalBasis } from "../../bindings/LegalBasis";
import { Field, FieldErrors, type ControlProps } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { todayTyped } from "../../lib/format";
import { useServerForm } from "../../lib/useServerForm";
import {
  CONSENTS,
  CONTACT_FIELD_ORDER,
  CONTACT_SOURCES,
  contactDisplayName,
  contactFormFrom,
  emptyContactForm,
  LEGAL_BASES,
  toContactInput,
  type ContactFormState,
} from "./contactFormModel";

type Props = {
  actorId: string;
  contact: Contact | null;
  onClose: () => void;
  onSaved: (contact: Contact, created: boolean) => void;
};

export function ContactForm({ actorId, contact, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [initial] = useState<ContactFormState>(() => (contact ? contactFormFrom(contact) : emptyContactForm()));
  const [state, setState] = useState<ContactFormState>(initial);
  const input = useMemo(() => toContactInput(state, actorId), [state, actorId]);
  const dirty = JSON.stringify(input) !== JSON.stringify(toContactInput(initial, actorId));

  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm({
    formRef,
    input,
    validate: validateContact,
    save: (payload: ContactInput) => (contact ? updateContact(contact.id, payload) : createContact(payload)),
    onSaved: (saved: Contact) => onSaved(saved, contact === null),
    onClose,
    order: CONTACT_FIELD_ORDER,
    dirty,
  });
  const { touch, errorsFor } = form;

  const set = <K extends keyof ContactFormState>(key: K, value: ContactFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    touch(key);
  };

  const requestClose = () => void form.requestClose();

  const text = (key: "firstName" | "lastName" | "role" | "email" | "phone", extra: object = {}) =>
    (p: ControlProps) => (
        <input
          {...p}
          {...extra}
          type="text"
          className="input"
          value={state[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      );

  const date = (key: "informedOn" | "lastInitiatedOn") =>
    (p: ControlProps) => (
        <div className="date-row">
          <input
            {...p}
            type="text"
            inputMode="numeric"
            placeholder={t.contact.datePlaceholder}
            className="input tabular"
            value={state[key]}
            maxLength={10}
            onChange={(e) => set(key, e.target.value)}
          />
          <button type="button" className="button button--ghost button--small" onClick={() => set(key, todayTyped())}>
            {t.contact.today}
          </button>
        </div>
      );

  return (
    <FormDialog
      size="md"
      title={contact ? t.contact.editTitle(contactDisplayName(contact) || t.contact.unnamed) : t.contact.createTitle}
      onRequestClose={requestClose}
      testId="contact-dialog"
      formRef={formRef}
      formTestId="contact-form"
      saving={form.saving}
      onSubmit={() => void form.submit()}
      submitLabel={contact ? t.contact.save : t.contact.create}
    >
      <FormBanner error={form.banner} stray={form.stray} />
      <section className="form-section">
        <h3 className="form-section__title">{t.contact.sectionPerson}</h3>
        <div className="form-grid">
          <Field name="firstName" label={t.contact.firstName} errors={errorsFor("firstName")} className="span-6">
            {text("firstName", { "data-autofocus": "", autoComplete: "off" })}
          </Field>
          <Field name="lastName" label={t.contact.lastName} errors={errorsFor("lastName")} className="span-6">
            {text("lastName", { autoComplete: "off" })}
          </Field>
          <Field name="role" label={t.contact.role} errors={errorsFor("role")} className="span-12">
            {text("role", { placeholder: t.contact.rolePlaceholder })}
          </Field>
          <Field name="email" label={t.contact.email} errors={errorsFor("email")} className="span-7">
            {text("email", { inputMode: "email", spellCheck: false, autoComplete: "off" })}
          </Field>
          <Field name="phone" label={t.contact.phone} errors={errorsFor("phone")} className="span-5">
            {text("phone", { inputMode: "tel", autoComplete: "off" })}
          </Field>
        </div>
      </section>

      <section className="form-section form-section--gdpr">
        <h3 className="form-section__title">
          <ShieldCheck size={16} aria-hidden="true" />
          {t.contact.sectionGdpr}
        </h3>
        <p className="form-section__help">{t.contact.gdprHelp}</p>
        <div className="form-grid">
          <Field name="legalBasis" label={t.contact.legalBasis} errors={errorsFor("legalBasis")} className="span-6">
            {(p) => (
              <select
                {...p}
                className="select"
                value={state.legalBasis}
                onChange={(e) => set("legalBasis", e.target.value as LegalBasis)}
              >
                {LEGAL_BASES.map((b) => (
                  <option key={b} value={b}>
                    {t.labels.legalBases[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="source" label={t.contact.source} errors={errorsFor("source")} className="span-6">
            {(p) => (
              <select
                {...p}
                className="select"
                value={state.source}
                onChange={(e) => set("source", e.target.value as ContactSource | "")}
              >
                <option value="">{t.contact.sourceNone}</option>
                {CONTACT_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t.labels.sources[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="informedOn"
            label={t.contact.informedOn}
            hint={t.contact.informedOnHelp}
            errors={errorsFor("informedOn")}
            className="span-6"
          >
            {date("informedOn")}
          </Field>
          <Field
            name="lastInitiatedOn"
            label={t.contact.lastInitiatedOn}
            errors={errorsFor("lastInitiatedOn")}
            className="span-6"
          >
            {date("lastInitiatedOn")}
          </Field>
          <fieldset className="checkbox-group span-12" data-field-group="consents">
            <legend className="field__label">{t.contact.consents}</legend>
            <div className="checkbox-group__items">
              {CONSENTS.map((c) => (
                <label key={c} className="checkbox">
                  <input
                    type="checkbox"
                    data-testid={`field-consents-${c}`}
                    checked={state.consents.includes(c)}
                    onChange={(e) =>
                      set(
                        "consents",
                        e.target.checked ? [...state.consents, c] : state.consents.filter((x) => x !== c),
                      )
                    }
                  />
                  <span>{t.labels.consents[c]}</span>
                </label>
              ))}
            </div>
            <FieldErrors name="consents" errors={errorsFor("consents")} />
          </fieldset>
        </div>
      </section>

      <section className="form-section">
        <Field name="notes" label={t.contact.notes} errors={errorsFor("notes")}>
          {(p) => (
            <textarea
              {...p}
              className="textarea"
              rows={3}
              value={state.notes}
              onChange={(e) => set("notes", e.target.value)}
            />
          )}
        </Field>
      </section>
    </FormDialog>
  );
}
