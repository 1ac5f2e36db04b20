// The import wizard's state, without React: the wizard's steps as a reducer
// (the mapping's issues are the core's answer, validate_import_mapping: a
// run waits for it), and the report's problem lines.
import type { AppError } from "../../api/types";
import type { ImportField } from "../../bindings/ImportField";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportProgress } from "../../bindings/ImportProgress";
import type { ImportReport } from "../../bindings/ImportReport";
import type { MappingIssue } from "../../bindings/MappingIssue";
import type { RowProblem } from "../../bindings/RowProblem";
import type { Lang } from "../../lib/format";

export type Mapping = (ImportField | null)[];

// ---------- Formats ----------

/** « Ligne 18 · colonne C « SIREN » : message »; the whole row when no column. */
export function problemLine(p: RowProblem, lang: Lang): string {
  const message = lang === "en" ? p.messageEn || p.message : p.message;
  const field = p.field.trim();
  if (lang === "en") {
    const where = field === "" && p.column === null ? "" : ` · column ${p.column ? `${p.column} ` : ""}${field ? `“${field}”` : ""}`.trimEnd();
    return `Row ${p.row}${where}: ${message}`;
  }
  const where =
    field === "" && p.column === null ? "" : ` · colonne ${p.column ? `${p.column} ` : ""}${field ? `«\u00a0${field}\u00a0»` : ""}`.trimEnd();
  return `Ligne ${p.row}${where}\u00a0: ${message}`;
}

/** The share of the file read, 0–100, or null when the size is unknown. */
export function progressPercent(p: ImportProgress | null): number | null {
  if (!p || p.totalBytes <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((p.bytesRead / p.totalBytes) * 100)));
}

// ---------- The wizard ----------

/** A file being imported: its path, what the preview said, and the choices made on it. */
export type ImportFile = {
  path: string;
  preview: ImportPreview;
  mapping: Mapping;
  /** What the core finds wrong with `mapping`; null while it is asked. */
  issues: MappingIssue[] | null;
  keepDuplicates: boolean;
};

export type WizardState =
  /** The empty state (with the error of the last file that could not be read). */
  | { step: "start"; error: AppError | null }
  /** Columns to map; `error`: why the last run stopped. */
  | { step: "preview"; file: ImportFile; error: AppError | null }
  | { step: "running"; file: ImportFile; dryRun: boolean; progress: ImportProgress | null; cancelling: boolean }
  | { step: "report"; file: ImportFile; report: ImportReport };

export type WizardAction =
  | { type: "previewFailed"; error: AppError }
  | { type: "previewLoaded"; path: string; preview: ImportPreview }
  | { type: "setField"; column: number; field: ImportField | null }
  /** The core's answer for a mapping (ignored once the mapping changed again). */
  | { type: "mappingChecked"; mapping: Mapping; issues: MappingIssue[] }
  | { type: "mappingCheckFailed"; mapping: Mapping; error: AppError }
  | { type: "setKeepDuplicates"; value: boolean }
  | { type: "run"; dryRun: boolean }
  | { type: "progress"; progress: ImportProgress }
  | { type: "cancel" }
  | { type: "runFailed"; error: AppError | null }
  | { type: "runDone"; report: ImportReport }
  /** From a dry run's report back to the columns. */
  | { type: "edit" }
  | { type: "reset" };

export const initialWizard: WizardState = { step: "start", error: null };

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "previewFailed":
      return state.step === "running" ? state : { step: "start", error: action.error };
    case "previewLoaded": {
      if (state.step === "running") return state;
      const { preview, path } = action;
      const mapping = preview.headers.map((_, i) => preview.mapping[i] ?? null);
      return { step: "preview", file: { path, preview, mapping, issues: preview.issues, keepDuplicates: false }, error: null };
    }
    case "setField": {
      if (state.step !== "preview") return state;
      const mapping = state.file.mapping.map((f, i) => (i === action.column ? action.field : f));
      return { ...state, file: { ...state.file, mapping, issues: null }, error: null };
    }
    case "mappingChecked":
      if (state.step !== "preview" || state.file.mapping !== action.mapping) return state;
      return { ...state, file: { ...state.file, issues: action.issues } };
    case "mappingCheckFailed":
      return state.step === "preview" && state.file.mapping === action.mapping ? { ...state, error: action.error } : state;
    case "setKeepDuplicates":
      return state.step === "preview" ? { ...state, file: { ...state.file, keepDuplicates: action.value } } : state;
    case "run":
      if (state.step !== "preview" && state.step !== "report") return state;
      if (state.file.issues === null || state.file.issues.length > 0) return state;
      return { step: "running", file: state.file, dryRun: action.dryRun, progress: null, cancelling: false };
    case "progress":
      return state.step === "running" ? { ...state, progress: action.progress } : state;
    case "cancel":
      return state.step === "running" ? { ...state, cancelling: true } : state;
    case "runFailed":
      return state.step === "running" ? { step: "preview", file: state.file, error: action.error } : state;
    case "runDone":
      return state.step === "running" ? { step: "report", file: state.file, report: action.report } : state;
    case "edit":
      return state.step === "report" ? { step: "preview", file: state.file, error: null } : state;
    case "reset":
      return initialWizard;
  }
}
