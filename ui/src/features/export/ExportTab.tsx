// « Exporter »: actors, contacts or partnerships as CSV (French Excel),
// XLSX or JSON, and the whole database as JSON. The shell asks where to
// save; one export at a time.
import { Braces, Building2, CircleAlert, DatabaseBackup, FileSpreadsheet, FileText, Handshake, LoaderCircle, Users, type LucideIcon } from "lucide-react";
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { saveExportAll, saveExport } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { useToasts } from "../../app/toasts";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ExportKind } from "../../bindings/ExportKind";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";

const KINDS: { kind: ExportKind; icon: LucideIcon }[] = [
  { kind: "actors", icon: Building2 },
  { kind: "contacts", icon: Users },
  { kind: "partnerships", icon: Handshake },
];

const FORMATS: { format: ExportFormat; icon: LucideIcon }[] = [
  { format: "csv", icon: FileText },
  { format: "xlsx", icon: FileSpreadsheet },
  { format: "json", icon: Braces },
];

/** What runs: one kind in one format, or the whole database. */
type Running = { kind: ExportKind; format: ExportFormat } | "all" | null;

export function ExportTab() {
  const { t, lang } = useI18n();
  const m = t.data.export;
  const toasts = useToasts();
  const [running, setRunning] = useState<Running>(null);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (what: Exclude<Running, null>) => {
    setRunning(what);
    setError(null);
    try {
      if (what === "all") {
        const done = await saveExportAll();
        if (done) toasts.show({ message: m.allDone(done.rows, formatCount(done.rows, lang), done.path) });
      } else {
        const done = await saveExport(what.kind, what.format);
        if (done) toasts.show({ message: m.done(what.kind, done.rows, formatCount(done.rows, lang), done.path) });
      }
    } catch (raw: unknown) {
      setError(toAppError(raw));
    } finally {
      setRunning(null);
    }
  };

  const busy = running !== null;
  const isRunning = (kind: ExportKind, format: ExportFormat) =>
    running !== null && running !== "all" && running.kind === kind && running.format === format;

  return (
    <section className="export" aria-labelledby="export-title" data-testid="export">
      <h2 className="data-section__title" id="export-title">
        {m.title}
      </h2>
      <p className="muted export__lead">{m.lead}</p>
      {error && (
        <div className="banner banner--error" role="alert" data-testid="export-error">
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{m.failed}</strong>
            </p>
            <p>{errorText(error, lang)}</p>
          </div>
        </div>
      )}
      <div className="export__grid">
        {KINDS.map(({ kind, icon: Icon }) => (
          <article key={kind} className="export-card" data-testid={`export-card-${kind}`} aria-labelledby={`export-${kind}-title`}>
            <h3 className="export-card__title" id={`export-${kind}-title`}>
              <Icon size={18} aria-hidden="true" />
              {m.kinds[kind]}
            </h3>
            <p className="export-card__text">{m.kindText[kind]}</p>
            <div className="export-card__buttons">
              {FORMATS.map(({ format, icon: FormatIcon }) => {
                const mine = isRunning(kind, format);
                return (
                  <button
                    key={format}
                    type="button"
                    className="button button--secondary button--small"
                    data-testid={`export-${kind}-${format}`}
                    aria-label={m.formatLabel(m.formats[format], m.kinds[kind])}
                    aria-busy={mine || undefined}
                    disabled={busy}
                    onClick={() => void run({ kind, format })}
                  >
                    {mine ? <LoaderCircle size={14} aria-hidden="true" className="spin" /> : <FormatIcon size={14} aria-hidden="true" />}
                    {m.formats[format]}
                  </button>
                );
              })}
            </div>
          </article>
        ))}
      </div>
      <p className="small muted export__hint">{m.csvHint}</p>

      <article className="export-card export-card--all" data-testid="export-card-all" aria-labelledby="export-all-title">
        <span className="export-card__icon" aria-hidden="true">
          <DatabaseBackup size={22} />
        </span>
        <div className="export-card__body">
          <h3 className="export-card__title" id="export-all-title">
            {m.allTitle}
          </h3>
          <p className="export-card__text">{m.allText}</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          data-testid="export-all"
          aria-busy={running === "all" || undefined}
          disabled={busy}
          onClick={() => void run("all")}
        >
          {running === "all" ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <Braces size={16} aria-hidden="true" />}
          {running === "all" ? m.running : m.allButton}
        </button>
      </article>
    </section>
  );
}
