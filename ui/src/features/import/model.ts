// The import wizard's rules and state, without React: which fields a column
// can go to, what is wrong with a mapping (the backend checks it again and
// stays the truth), the wizard's steps as a reducer, and the report's problem lines.
import type { AppError } from "../../api/types";
import type { ImportField } from "../../bindings/ImportField";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportProgress } from "../../bindings/ImportProgress";
import type { ImportReport } from "../../bindings/ImportReport";
import type { RowProblem } from "../../bindings/RowProblem";
import type { Lang } from "../../lib/format";

/** Every field, in the order the column selects list them. */
export const IMPORT_FIELDS = [
  "name",
  "kind",
  "siren",
  "siret",
  "rna",
  "legalRegime",
  "registerCourt",
  "registerVolume",
  "registerFolio",
  "registerNumber",
  "address",
  "postalCode",
  "commune",
  "communeInsee",
  "sector",
  "sizeBand",
  "website",
  "needs",
  "offers",
  "stakes",
  "tags",
  "notes",
  "contactFirstName",
  "contactLastName",
  "contactFullName",
  "contactRole",
  "contactEmail",
  "contactPhone",
  "contactInformedOn",
] as const satisfies readonly ImportField[];

// A new ImportField in Rust fails here until it is listed above.
type MissingField = Exclude<ImportField, (typeof IMPORT_FIELDS)[number]>;
export const ALL_FIELDS_LISTED: MissingField extends never ? true : false = true;

/** Fields several columns may fill (their values are joined). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(["needs", "offers", "tags", "notes"]);

export type Mapping = (ImportField | null)[];

export type MappingIssue =
  | { kind: "noName" }
  /** `columns`: 0-based indexes of the columns that share the field. */
  | { kind: "duplicate"; field: ImportField; columns: number[] };

/** What stops the import, as the backend would say it: exactly one name column, single fields once. */
export function mappingIssues(mapping: Mapping): MappingIssue[] {
  const byField = new Map<ImportField, number[]>();
  mapping.forEach((field, i) => {
    if (field === null) return;
    const list = byField.get(field) ?? [];
    list.push(i);
    byField.set(field, list);
  });
  const issues: MappingIssue[] = [];
  if (!byField.has("name")) issues.push({ kind: "noName" });
  for (const field of IMPORT_FIELDS) {
    const columns = byField.get(field);
    if (columns && columns.length > 1 && !MULTI_COLUMN_FIELDS.has(field)) issues.push({ kind: "duplicate", field, columns });
  }
  return issues;
}

/** The 0-based indexes of the columns an issue points at. */
export function invalidColumns(issues: MappingIssue[]): Set<number> {
  const out = new Set<number>();
  for (const issue of issues) if (issue.kind === "duplicate") issue.columns.forEach((c) => out.add(c));
  return out;
}

/** The spreadsheet's letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

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
      return { step: "preview", file: { path, preview, mapping, keepDuplicates: false }, error: null };
    }
    case "setField": {
      if (state.step !== "preview") return state;
      const mapping = state.file.mapping.map((f, i) => (i === action.column ? action.field : f));
      return { ...state, file: { ...state.file, mapping }, error: null };
    }
    case "setKeepDuplicates":
      return state.step === "preview" ? { ...state, file: { ...state.file, keepDuplicates: action.value } } : state;
    case "run":
      if (state.step !== "preview" && state.step !== "report") return state;
      if (mappingIssues(state.file.mapping).length > 0) return state;
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
