// Create or edit an event: name, date, start, venue, rounds, tables,
// lengths, breaks, which side stays seated. The backend validates as you
// type; its field errors land next to their fields.
import { Plus, X } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { createEvent, getEventInput, saveEventDefaults, updateEvent, validateEvent } from "../../api/gateway";
import { useToasts } from "../../app/toasts";
import type { Event } from "../../bindings/Event";
import type { EventInput } from "../../bindings/EventInput";
import type { EventSide } from "../../bindings/EventSide";
import { Field, type ControlProps } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import { eventKeys } from "./actions";

const ORDER = [
  "name",
  "date",
  "startTime",
  "venue",
  "rounds",
  "tables",
  "roundMinutes",
  "changeoverMinutes",
  "breaks",
  "seatedSide",
  "allowPartners",
  "notes",
] as const;

type DialogProps = { event: Event | null; onClose: () => void; onSaved: (saved: Event) => void };

/**
 * The form opens on the values the core gives: the event's settings as the
 * form shows them, or a new event's defaults.
 */
export function EventDialog(props: DialogProps) {
  const { lang } = useI18n();
  const toasts = useToasts();
  const { event, onClose } = props;
  const initial = useQuery({
    queryKey: eventKeys.input(event?.id ?? null, event?.version ?? 0),
    queryFn: () => getEventInput(event?.id ?? null),
  });
  const failed = initial.error;
  const told = useRef(false);
  useEffect(() => {
    if (!failed || told.current) return;
    told.current = true;
    toasts.show({ tone: "error", message: errorText(toAppError(failed), lang) });
    onClose();
  }, [failed, toasts, lang, onClose]);
  if (!initial.data) return null;
  return <EventForm {...props} initial={initial.data} />;
}

/** « Garder ces horaires pour les prochains événements »: Réglages keeps them. */
function KeepAsDefaults({ input }: { input: EventInput }) {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const keep = async () => {
    setBusy(true);
    try {
      await saveEventDefaults(input);
      await queryClient.invalidateQueries({ queryKey: ["settings"] });
      toasts.show({ message: t.events.defaultsKept, tone: "success" });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
    setBusy(false);
  };
  return (
    <button type="button" className="button button--ghost button--small" data-testid="event-keep-defaults" disabled={busy} onClick={() => void keep()}>
      {t.events.keepDefaults}
    </button>
  );
}

function EventForm({ event, onClose, onSaved, initial }: DialogProps & { initial: EventInput }) {
  const { t } = useI18n();
  const [input, setInput] = useState<EventInput>(initial);
  const dirty = JSON.stringify(input) !== JSON.stringify(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm({
    formRef,
    input,
    validate: validateEvent,
    save: (payload: EventInput) => (event ? updateEvent(event.id, event.version, payload) : createEvent(payload)),
    onSaved,
    onClose,
    order: ORDER,
    dirty,
  });
  const { touch, errorsFor } = form;

  const set = <K extends keyof EventInput>(key: K, value: EventInput[K]) => {
    setInput((s) => ({ ...s, [key]: value }));
    touch(key);
  };

  const text = (key: "name" | "date" | "startTime", placeholder: string, extra: object = {}) =>
    (p: ControlProps) => (
      <input {...p} {...extra} type="text" className="input" placeholder={placeholder} value={input[key]} onChange={(e) => set(key, e.target.value)} />
    );

  const number = (key: "rounds" | "tables" | "roundMinutes" | "changeoverMinutes") =>
    (p: ControlProps) => (
      <input
        {...p}
        type="number"
        min={0}
        inputMode="numeric"
        className="input tabular"
        value={Number.isFinite(input[key]) ? input[key] : ""}
        onChange={(e) => set(key, e.target.value === "" ? 0 : Math.max(0, Math.floor(Number(e.target.value))))}
      />
    );

  const setBreak = (i: number, field: "afterRound" | "minutes", value: number) =>
    set(
      "breaks",
      input.breaks.map((b, j) => (j === i ? { ...b, [field]: value } : b)),
    );

  return (
    <FormDialog
      size="md"
      title={event ? t.events.formEdit(event.name) : t.events.formCreate}
      onRequestClose={() => void form.requestClose()}
      testId="event-dialog"
      formRef={formRef}
      formTestId="event-form"
      saving={form.saving}
      onSubmit={() => void form.submit()}
      submitLabel={event ? t.events.formSave : t.events.formCreateSubmit}
    >
      <FormBanner error={form.banner} stray={form.stray} />
      <section className="form-section">
        <h3 className="form-section__title">{t.events.sectionWhat}</h3>
        <div className="form-grid">
          <Field name="name" label={t.events.name} errors={errorsFor("name")} required className="span-12">
            {text("name", t.events.namePlaceholder, { "data-autofocus": "", autoComplete: "off" })}
          </Field>
          <Field name="date" label={t.events.date} errors={errorsFor("date")} required className="span-4">
            {text("date", t.events.datePlaceholder, { inputMode: "numeric", maxLength: 10 })}
          </Field>
          <Field name="startTime" label={t.events.startTime} errors={errorsFor("startTime")} required className="span-3">
            {text("startTime", t.events.startPlaceholder, { maxLength: 8 })}
          </Field>
          <Field name="venue" label={t.events.venue} errors={errorsFor("venue")} className="span-5">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input"
                placeholder={t.events.venuePlaceholder}
                value={input.venue ?? ""}
                onChange={(e) => set("venue", e.target.value === "" ? null : e.target.value)}
              />
            )}
          </Field>
        </div>
      </section>
      <section className="form-section">
        <h3 className="form-section__title">{t.events.sectionRounds}</h3>
        <div className="form-grid">
          <Field name="rounds" label={t.events.rounds} errors={errorsFor("rounds")} className="span-3">
            {number("rounds")}
          </Field>
          <Field name="tables" label={t.events.tables} errors={errorsFor("tables")} className="span-3">
            {number("tables")}
          </Field>
          <Field name="roundMinutes" label={t.events.roundMinutes} errors={errorsFor("roundMinutes")} className="span-3">
            {number("roundMinutes")}
          </Field>
          <Field name="changeoverMinutes" label={t.events.changeoverMinutes} errors={errorsFor("changeoverMinutes")} className="span-3">
            {number("changeoverMinutes")}
          </Field>
        </div>
        <fieldset className="event-breaks" data-field="breaks">
          <legend className="field__label">{t.events.breaks}</legend>
          <p className="field__hint">{t.events.breaksHint}</p>
          {input.breaks.map((b, i) => (
            <div className="event-breaks__row" key={i} data-testid={`break-${i}`}>
              <label>
                {t.events.breakAfter}
                <input
                  type="number"
                  min={1}
                  className="input input--narrow tabular"
                  value={b.afterRound}
                  onChange={(e) => setBreak(i, "afterRound", Math.max(0, Math.floor(Number(e.target.value))))}
                />
              </label>
              <label>
                {t.events.breakMinutes}
                <input
                  type="number"
                  min={1}
                  className="input input--narrow tabular"
                  value={b.minutes}
                  onChange={(e) => setBreak(i, "minutes", Math.max(0, Math.floor(Number(e.target.value))))}
                />
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={t.events.removeBreak}
                data-tooltip={t.events.removeBreak}
                onClick={() => set("breaks", input.breaks.filter((_, j) => j !== i))}
              >
                <X size={16} aria-hidden="true" />
              </button>
              {(errorsFor(`breaks.${i}`) ?? []).map((m) => (
                <p key={m} className="field__error">
                  {m}
                </p>
              ))}
            </div>
          ))}
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="break-add"
            onClick={() => set("breaks", [...input.breaks, { afterRound: Math.max(1, Math.floor(input.rounds / 2)), minutes: 15 }])}
          >
            <Plus size={14} aria-hidden="true" />
            {t.events.addBreak}
          </button>
        </fieldset>
        <fieldset className="event-side" data-field="seatedSide">
          <legend className="field__label">{t.events.seatedSide}</legend>
          <div className="event-side__choices">
            {(["associations", "entreprises"] as EventSide[]).map((side) => (
              <label key={side} className="radio">
                <input
                  type="radio"
                  name="seatedSide"
                  value={side}
                  data-testid={`field-seated-${side}`}
                  checked={input.seatedSide === side}
                  onChange={() => set("seatedSide", side)}
                />
                {t.events.sides[side]}
              </label>
            ))}
          </div>
          <p className="field__hint">{t.events.seatedHint}</p>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={input.allowPartners} onChange={(e) => set("allowPartners", e.target.checked)} data-testid="field-allowPartners" />
          {t.events.allowPartners}
        </label>
        {!event && <KeepAsDefaults input={input} />}
      </section>
      <Field name="notes" label={t.events.notes} errors={errorsFor("notes")}>
        {(p) => (
          <textarea {...p} className="textarea" rows={2} value={input.notes ?? ""} onChange={(e) => set("notes", e.target.value === "" ? null : e.target.value)} />
        )}
      </Field>
    </FormDialog>
  );
}
