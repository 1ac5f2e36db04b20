// Registration at the door: an organisation's name (and the person who
// came), on the side chosen; creates a minimal directory record, present.
import { useRef, useState } from "react";

import { toAppError } from "../../api/errors";
import { quickAddEventParticipant } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import type { ActorKind } from "../../bindings/ActorKind";
import type { EventSide } from "../../bindings/EventSide";
import type { QuickAdd } from "../../bindings/QuickAdd";
import { Field } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { messagesByField } from "../../lib/fieldErrors";

const KINDS: ActorKind[] = ["association", "entreprise", "collectivite", "fondation", "financeur", "etablissement_public", "autre"];

export function QuickAddDialog({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const changed = useDataChanged();
  const toasts = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const [input, setInput] = useState<QuickAdd>({ name: "", kind: "association", side: null, firstName: "", lastName: "", email: null });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const byField = messagesByField(error?.fields ?? [], lang);
  const set = <K extends keyof QuickAdd>(key: K, value: QuickAdd[K]) => setInput((s) => ({ ...s, [key]: value }));

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await quickAddEventParticipant(eventId, input);
      changed();
      toasts.show({ message: t.events.added(input.name.trim()), tone: "success" });
      onClose();
    } catch (raw: unknown) {
      setError(toAppError(raw));
      setSaving(false);
    }
  };

  return (
    <FormDialog
      size="sm"
      title={t.events.quickAddTitle}
      onRequestClose={onClose}
      testId="quick-add-dialog"
      formRef={formRef}
      formTestId="quick-add-form"
      saving={saving}
      onSubmit={() => void submit()}
      submitLabel={t.events.quickAddSubmit}
      enterSubmits
    >
      <p className="muted small">{t.events.quickAddText}</p>
      <FormBanner error={error && byField.size === 0 ? error : null} stray={[]} />
      <div className="form-grid">
        <Field name="name" label={t.events.quickName} errors={byField.get("name")} required className="span-12">
          {(p) => <input {...p} data-autofocus="" type="text" className="input" value={input.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field name="kind" label={t.events.quickKind} errors={byField.get("kind")} className="span-6">
          {(p) => (
            <select {...p} className="select" value={input.kind ?? "association"} onChange={(e) => set("kind", e.target.value as ActorKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.labels.kinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="side" label={t.events.addSide} className="span-6">
          {(p) => (
            <select {...p} className="select" value={input.side ?? "auto"} onChange={(e) => set("side", e.target.value === "auto" ? null : (e.target.value as EventSide))}>
              <option value="auto">{t.events.sideAuto}</option>
              <option value="associations">{t.events.sides.associations}</option>
              <option value="entreprises">{t.events.sides.entreprises}</option>
            </select>
          )}
        </Field>
        <Field name="firstName" label={t.events.quickFirstName} errors={byField.get("firstName")} className="span-6">
          {(p) => <input {...p} type="text" className="input" value={input.firstName} onChange={(e) => set("firstName", e.target.value)} />}
        </Field>
        <Field name="lastName" label={t.events.quickLastName} errors={byField.get("lastName")} className="span-6">
          {(p) => <input {...p} type="text" className="input" value={input.lastName} onChange={(e) => set("lastName", e.target.value)} />}
        </Field>
        <Field name="email" label={t.events.quickEmail} errors={byField.get("email")} className="span-12">
          {(p) => (
            <input {...p} type="text" inputMode="email" className="input" value={input.email ?? ""} onChange={(e) => set("email", e.target.value === "" ? null : e.target.value)} />
          )}
        </Field>
      </div>
    </FormDialog>
  );
}
