// « Réglages »: the facilitator, the organisation and its logo (the
// letterhead of every PDF), the agreements' defaults — one form checked by
// the core as it is typed —, then where the data lives, the language and
// « À propos ».
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FolderOpen, ImagePlus, Save, Trash2 } from "lucide-react";
import { useRef, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import {
  clearEventDefaults,
  copyBackupNow,
  getAppInfo,
  getSettings,
  openDataFolder,
  pickFile,
  pickFolder,
  removeLogo,
  saveSettings,
  setLogo,
  validateSettings,
} from "../../api/gateway";
import { queryKeys, useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import type { SettingsInput } from "../../bindings/SettingsInput";
import type { SettingsView } from "../../bindings/SettingsView";
import { ErrorBanner } from "../../components/ErrorBanner";
import { SectionCard } from "../../components/SectionCard";
import { Field } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useShortcuts } from "../../lib/shortcuts";
import { useServerForm } from "../../lib/useServerForm";

export const settingsKeys = { settings: ["settings"] as const };

const ORDER = [
  "facilitatorName",
  "facilitatorEmail",
  "facilitatorPhone",
  "homeDepartement",
  "homeEpci",
  "organisationName",
  "organisationAddress",
  "organisationSiret",
  "agreementPlace",
  "agreementCourt",
  "agreementOriginals",
  "backupFolder",
  "backupKeep",
] as const;

type Key = (typeof ORDER)[number];

/** The form starts from `view` as first read; the logo follows `view` as it changes. */
function SettingsForm({ view }: { view: SettingsView }) {
  const { t } = useI18n();
  const s = t.settings;
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<SettingsInput>(view.input);
  const [input, setInput] = useState<SettingsInput>(view.input);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(input) !== JSON.stringify(saved);
  const form = useServerForm<SettingsInput, SettingsView>({
    formRef,
    input,
    validate: validateSettings,
    save: saveSettings,
    onSaved: (next) => {
      setSaved(next.input);
      setInput(next.input);
      queryClient.setQueryData(settingsKeys.settings, next);
      toasts.show({ message: s.saved, tone: "success" });
    },
    onClose: () => undefined,
    order: ORDER,
    dirty,
  });
  useShortcuts({ "Mod+S": () => void form.submit() }, { inTextFields: true });
  const set = (key: Key, value: string) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    form.touch(key);
  };
  const text = (key: Key, span: string, label: string, hint?: string, type = "text") => (
    <Field name={key} className={span} label={label} hint={hint} errors={form.errorsFor(key)}>
      {(props) => <input {...props} className="input" type={type} value={input[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  return (
    <form
      ref={formRef}
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <FormBanner error={form.banner} stray={form.stray} />
      <SectionCard className="settings-section" title={s.facilitator.title} hint={s.facilitator.hint} testId="settings-facilitator">
        <div className="form-grid">
          {text("facilitatorName", "span-4", s.facilitator.name)}
          {text("facilitatorEmail", "span-4", s.facilitator.email, undefined, "email")}
          {text("facilitatorPhone", "span-4", s.facilitator.phone, undefined, "tel")}
        </div>
      </SectionCard>
      <SectionCard className="settings-section" title={s.home.title} hint={s.home.hint} testId="settings-home">
        <div className="form-grid">
          {text("homeDepartement", "span-4", s.home.departement, s.home.departementHint)}
          {text("homeEpci", "span-8", s.home.epci, s.home.epciHint)}
        </div>
        {view.homeName && (
          <p className="small" data-testid="settings-home-name">
            {s.home.current(view.homeName)}
          </p>
        )}
      </SectionCard>
      <SectionCard className="settings-section" title={s.organisation.title} hint={s.organisation.hint} testId="settings-organisation">
        <div className="form-grid">
          {text("organisationName", "span-8", s.organisation.name)}
          {text("organisationSiret", "span-4", s.organisation.siret)}
          <Field name="organisationAddress" label={s.organisation.address} hint={s.organisation.addressHint} errors={form.errorsFor("organisationAddress")}>
            {(props) => <textarea {...props} className="textarea" rows={3} value={input.organisationAddress} onChange={(e) => set("organisationAddress", e.target.value)} />}
          </Field>
        </div>
        <Logo view={view} />
      </SectionCard>
      <SectionCard className="settings-section" title={s.agreement.title} hint={s.agreement.hint} testId="settings-agreement">
        <div className="form-grid">
          {text("agreementPlace", "span-4", s.agreement.place, s.agreement.placeHint)}
          {text("agreementCourt", "span-5", s.agreement.court, s.agreement.courtHint)}
          {text("agreementOriginals", "span-3", s.agreement.originals, s.agreement.originalsHint)}
        </div>
      </SectionCard>
      <SectionCard className="settings-section" title={s.backup.title} hint={s.backup.hint} testId="settings-backup">
        <div className="form-grid">
          <Field name="backupFolder" className="span-8" label={s.backup.folder} hint={s.backup.folderHint} errors={form.errorsFor("backupFolder")}>
            {(props) => (
              <div className="settings-folder">
                <input {...props} className="input" value={input.backupFolder} onChange={(e) => set("backupFolder", e.target.value)} />
                <button
                  type="button"
                  className="button button--secondary"
                  data-testid="settings-backup-choose"
                  onClick={() =>
                    void pickFolder().then((folder) => {
                      if (folder) set("backupFolder", folder);
                    })
                  }
                >
                  <FolderOpen size={16} aria-hidden="true" />
                  {s.backup.choose}
                </button>
              </div>
            )}
          </Field>
          {text("backupKeep", "span-4", s.backup.keep, s.backup.keepHint)}
        </div>
        <CopyNow view={view} dirty={dirty} />
      </SectionCard>
      <div className="settings-actions">
        <button type="submit" className="button button--primary" data-testid="settings-save" disabled={form.saving || !dirty}>
          <Save size={16} aria-hidden="true" />
          {form.saving ? s.saving : s.save}
        </button>
      </div>
    </form>
  );
}

/** « Copier maintenant » and how the last copy went. */
function CopyNow({ view, dirty }: { view: SettingsView; dirty: boolean }) {
  const { t, lang } = useI18n();
  const b = t.settings.backup;
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const status = view.copyStatus;
  const copy = async () => {
    setBusy(true);
    try {
      const entry = await copyBackupNow();
      toasts.show({ message: b.copied(entry.path), tone: "success" });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
    await queryClient.invalidateQueries({ queryKey: settingsKeys.settings });
    setBusy(false);
  };
  return (
    <div className="settings-copy">
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="settings-backup-copy"
        disabled={busy || dirty || !view.settings.backupCopy.folder}
        onClick={() => void copy()}
      >
        <Save size={16} aria-hidden="true" />
        {busy ? b.copying : b.copyNow}
      </button>
      {dirty && <span className="small muted">{b.saveFirst}</span>}
      {status && (
        <p className={`small${status.error ? " text-danger" : " muted"}`} data-testid="settings-backup-status" role={status.error ? "alert" : undefined}>
          {status.error
            ? b.failed(formatDateTime(status.at, lang), lang === "fr" ? status.error : (status.errorEn ?? status.error))
            : b.lastCopy(formatDateTime(status.at, lang), status.file ?? "")}
        </p>
      )}
    </div>
  );
}

/** What new events start from, and going back to the built-in values. */
function EventDefaults({ view }: { view: SettingsView }) {
  const { t, lang } = useI18n();
  const e = t.settings.events;
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const d = view.newEvent;
  const kept = view.settings.eventDefaults !== null;
  const reset = async () => {
    try {
      queryClient.setQueryData(settingsKeys.settings, await clearEventDefaults());
      toasts.show({ message: e.reset, tone: "success" });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
  };
  return (
    <SectionCard className="settings-section" title={e.title} hint={e.hint} testId="settings-events">
      <p data-testid="settings-events-defaults">
        {e.summary(d.startTime, d.rounds, d.roundMinutes, d.changeoverMinutes, d.tables, d.breaks.length)} {kept ? "" : e.builtIn}
      </p>
      {kept && (
        <button type="button" className="button button--secondary button--small" data-testid="settings-events-reset" onClick={() => void reset()}>
          {e.resetButton}
        </button>
      )}
    </SectionCard>
  );
}

/** The logo: the file it came from, choose another, remove it. */
function Logo({ view }: { view: SettingsView }) {
  const { t, lang } = useI18n();
  const o = t.settings.organisation;
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const changed = useDataChanged();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<SettingsView | null>, message: string) => {
    setBusy(true);
    try {
      const next = await action();
      if (next) {
        queryClient.setQueryData(settingsKeys.settings, next);
        changed();
        toasts.show({ message, tone: "success" });
      }
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
    setBusy(false);
  };
  const choose = () =>
    run(async () => {
      const path = await pickFile("logo");
      return path ? setLogo(path) : null;
    }, o.logoSaved);
  return (
    <div className="settings-logo" data-testid="settings-logo">
      <p className="field__label">{o.logo}</p>
      <p className="small" data-testid="settings-logo-file">
        {view.logoFile ? o.logoSet(view.logoFile) : o.logoNone}
      </p>
      <p className="small muted">{o.logoHint}</p>
      <div className="settings-logo__actions">
        <button type="button" className="button button--secondary button--small" data-testid="settings-logo-choose" disabled={busy} onClick={() => void choose()}>
          <ImagePlus size={16} aria-hidden="true" />
          {o.chooseLogo}
        </button>
        {view.logoFile && (
          <button type="button" className="button button--secondary button--small" data-testid="settings-logo-remove" disabled={busy} onClick={() => void run(removeLogo, o.logoRemoved)}>
            <Trash2 size={16} aria-hidden="true" />
            {o.removeLogo}
          </button>
        )}
      </div>
    </div>
  );
}

export function SettingsPage() {
  const { t, lang, setLang } = useI18n();
  const s = t.settings;
  const toasts = useToasts();
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: getSettings });
  const info = useQuery({ queryKey: queryKeys.getAppInfo, queryFn: getAppInfo });

  return (
    <div className="page page--settings" data-testid="settings-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{s.title}</h1>
          <p className="page-subtitle muted">{s.subtitle}</p>
        </div>
      </header>
      {settings.isError ? (
        <ErrorBanner title={s.loadError} error={settings.error} onRetry={() => void settings.refetch()} testId="settings-error" />
      ) : !settings.data ? (
        <p className="muted" aria-busy="true">
          {s.loading}
        </p>
      ) : (
        <SettingsForm view={settings.data} />
      )}
      {settings.data && <EventDefaults view={settings.data} />}
      <SectionCard className="settings-section" title={s.data.title} testId="settings-data">
        <p className="field__label">{s.data.where}</p>
        <p className="settings-path" data-testid="settings-data-folder">
          <code>{info.data?.dataDir ?? "…"}</code>
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="settings-open-folder"
          onClick={() => void openDataFolder().catch((raw: unknown) => toasts.show({ message: `${s.data.openFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" }))}
        >
          <FolderOpen size={16} aria-hidden="true" />
          {s.data.open}
        </button>
      </SectionCard>
      <SectionCard className="settings-section" title={s.language.title} hint={s.language.hint} testId="settings-language">
        <div className="segmented" role="radiogroup" aria-label={s.language.title}>
          {(["fr", "en"] as const).map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              lang={l}
              aria-checked={lang === l}
              className={`segmented__option${lang === l ? " is-on" : ""}`}
              data-testid={`settings-lang-${l}`}
              onClick={() => setLang(l)}
            >
              {l === "fr" ? "Français" : "English"}
            </button>
          ))}
        </div>
      </SectionCard>
      <SectionCard className="settings-section" title={s.about.title} testId="settings-about">
        <ul className="settings-about">
          <li>{s.about.version(info.data?.version ?? "…")}</li>
          <li>{s.about.offline}</li>
          <li>{s.about.fonts}</li>
          <li>{s.about.communes}</li>
        </ul>
      </SectionCard>
    </div>
  );
}
