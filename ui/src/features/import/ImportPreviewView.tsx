// The file's first rows under a field select per column (the fields, their
// names and which ones several columns may fill come from the core). What
// the mapping lacks (no name column, a field twice: the core's answer to
// validate_import_mapping) shows at once and keeps « Vérifier » and
// « Importer » off; while a run goes, its progress replaces the buttons.
import { CircleAlert, FileSpreadsheet, ScanSearch, Upload } from "lucide-react";
import { useId, type RefObject } from "react";

import { errorText } from "../../api/errors";
import type { ImportField } from "../../bindings/ImportField";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { PickButton } from "./PickButton";
import { cancelImport, dispatch, setImportField } from "./importSession";
import { formatBytes } from "../../lib/format";
import { progressPercent, type WizardState } from "./model";
import { ProgressPanel } from "../../components/ProgressPanel";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  state: Extract<WizardState, { step: "preview" | "running" }>;
  picking: boolean;
  onRun: (dryRun: boolean) => void;
};

export function ImportPreviewView({ headingRef, state, picking, onRun }: Props) {
  const { t, lang } = useI18n();
  const m = t.data.import;
  const issuesId = useId();
  const { file } = state;
  const { preview, mapping } = file;
  const running = state.step === "running";
  const issues = file.issues ?? [];
  // Blocked while the core has not answered for the current mapping.
  const blocked = file.issues === null || issues.length > 0;
  const invalid = new Set(issues.flatMap((issue) => issue.columns));
  const missingName = issues.some((issue) => issue.kind === "missingName");
  const fieldLabel = new Map(preview.fields.map((f) => [f.field, lang === "en" ? f.labelEn : f.label]));
  const repeatable = new Set(preview.fields.filter((f) => f.repeatable).map((f) => f.field));

  /** Which column already holds each single field (to say so in the other selects). */
  const holder = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f !== null && !repeatable.has(f) && !holder.has(f)) holder.set(f, i);
  });

  const facts: [string, string][] = [[m.format, preview.format]];
  if (preview.encoding) facts.push([m.encoding, preview.encoding]);
  if (preview.delimiter) facts.push([m.delimiter, m.delimiterName(preview.delimiter)]);
  facts.push([m.size, formatBytes(preview.totalBytes, lang)]);

  let progressPanel = null;
  if (state.step === "running") {
    const percent = progressPercent(state.progress);
    const detail = state.progress
      ? `${m.progressRows(formatCount(state.progress.rows, lang))}${percent === null ? "" : ` · ${percent}\u00a0%`}`
      : m.starting;
    progressPanel = (
      <ProgressPanel
        title={state.dryRun ? m.checking : m.importing}
        detail={state.cancelling ? m.cancelling : detail}
        percent={percent}
        label={m.progressLabel}
        onCancel={cancelImport}
        cancelLabel={m.cancel}
        cancelling={state.cancelling}
        testId="import-progress"
      />
    );
  }

  return (
    <section className="import-preview" aria-labelledby="import-preview-title" data-testid="import-preview">
      <div className="import-file">
        <FileSpreadsheet size={22} aria-hidden="true" className="import-file__icon" />
        <div className="import-file__text">
          <h2 className="import-file__name" id="import-preview-title" ref={headingRef} tabIndex={-1} data-testid="import-file-name">
            {preview.fileName}
          </h2>
          <dl className="import-facts" aria-label={m.facts}>
            {facts.map(([k, v]) => (
              <div key={k} className="import-facts__item">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
        <PickButton primary={false} picking={picking} label={m.pickOther} disabled={running} />
      </div>

      <p className="small muted import-preview__hint">{m.previewHint(formatCount(preview.sample.length, lang))}</p>

      {state.step === "preview" && state.error && (
        <div className="banner banner--error" role="alert" data-testid="import-run-error">
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{m.failed}</strong>
            </p>
            <p>{errorText(state.error, lang)}</p>
          </div>
        </div>
      )}

      <fieldset className="import-table__fieldset" disabled={running}>
        <legend className="visually-hidden">{m.previewTitle}</legend>
        <div className="import-table__scroll" tabIndex={-1}>
          <table className="import-table" data-testid="import-table">
            <thead>
              <tr>
                <th scope="col" className="import-table__num">
                  <span className="visually-hidden">{m.rowHeader}</span>
                </th>
                {preview.headers.map((header, i) => {
                  const letter = preview.letters[i] ?? "";
                  const field = mapping[i] ?? null;
                  const proposed = preview.mapping[i] ?? null;
                  const hint = field !== null && field === proposed ? (preview.remembered[i] ? "remembered" : "recognized") : null;
                  const bad = invalid.has(i);
                  return (
                    <th key={i} scope="col" className={`import-table__col${bad ? " is-invalid" : ""}${field === null ? " is-ignored" : ""}`}>
                      <span className="import-table__header">
                        <span className="import-table__letter" aria-hidden="true">
                          {letter}
                        </span>
                        <span className="import-table__header-text" title={header}>
                          {header}
                        </span>
                      </span>
                      <select
                        className={`select import-table__select${field === null ? " is-placeholder" : ""}`}
                        aria-label={m.columnLabel(letter, header)}
                        aria-invalid={bad || undefined}
                        aria-describedby={bad || (field === null && missingName) ? issuesId : undefined}
                        data-testid={`import-map-${i}`}
                        value={field ?? ""}
                        onChange={(e) => void setImportField(i, e.target.value === "" ? null : (e.target.value as ImportField))}
                      >
                        <option value="">{m.ignore}</option>
                        {preview.fields.map(({ field: f }) => {
                          const heldBy = holder.get(f);
                          const elsewhere = heldBy !== undefined && heldBy !== i;
                          const name = fieldLabel.get(f) ?? f;
                          return (
                            <option key={f} value={f}>
                              {elsewhere ? `${name} (${preview.letters[heldBy] ?? ""})` : name}
                            </option>
                          );
                        })}
                      </select>
                      <span className="import-table__hint">
                        {hint && (
                          <span className={`chip chip--sm import-hint import-hint--${hint}`} title={hint === "remembered" ? m.rememberedTip : m.recognizedTip}>
                            {hint === "remembered" ? m.remembered : m.recognized}
                          </span>
                        )}
                      </span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.number}>
                  <th scope="row" className="import-table__num tabular">
                    {row.number}
                  </th>
                  {preview.headers.map((_, i) => (
                    <td key={i} className={mapping[i] === null ? "is-ignored" : undefined}>
                      {row.cells[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <label className="checkbox import-preview__keep">
          <input
            type="checkbox"
            data-testid="import-keep-duplicates"
            checked={file.keepDuplicates}
            onChange={(e) => dispatch({ type: "setKeepDuplicates", value: e.target.checked })}
          />
          <span>
            <span>{m.keepDuplicates}</span>
            <span className="small muted import-preview__keep-hint">{m.keepDuplicatesHint}</span>
          </span>
        </label>
      </fieldset>

      <div className="import-actions" data-testid="import-actions">
        {progressPanel ?? (
          <>
            <div id={issuesId} className="import-actions__issues" aria-live="polite">
              {issues.map((issue) => (
                <p key={`${issue.kind}-${issue.field ?? ""}`} className="field__error" data-testid="import-issue">
                  <CircleAlert size={14} aria-hidden="true" className="field__error-icon" />
                  <span>{lang === "en" ? issue.messageEn || issue.message : issue.message}</span>
                </p>
              ))}
            </div>
            <button
              type="button"
              className="button button--secondary"
              data-testid="import-check"
              disabled={blocked}
              aria-describedby={blocked ? issuesId : undefined}
              title={m.checkTip}
              onClick={() => onRun(true)}
            >
              <ScanSearch size={16} aria-hidden="true" />
              {m.check}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="import-run"
              disabled={blocked}
              aria-describedby={blocked ? issuesId : undefined}
              onClick={() => onRun(false)}
            >
              <Upload size={16} aria-hidden="true" />
              {m.run}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
