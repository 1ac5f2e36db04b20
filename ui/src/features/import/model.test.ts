import { describe, expect, it } from "vitest";

import type { AppError } from "../../api/types";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportReport } from "../../bindings/ImportReport";
import { baseName, formatBytes, formatDateTime } from "../../lib/format";
import type { MappingIssue } from "../../bindings/MappingIssue";
import {
  initialWizard,
  problemLine,
  progressPercent,
  wizardReducer,
  type WizardState,
} from "./model";

describe("formats", () => {
  it("writes sizes the French way", () => {
    expect(formatBytes(3_879_731, "fr")).toBe("3,7\u00a0Mo");
    expect(formatBytes(48_213, "fr")).toBe("47,1\u00a0ko");
    expect(formatBytes(512, "fr")).toBe("512\u00a0octets");
    expect(formatBytes(1, "fr")).toBe("1\u00a0octet");
    expect(formatBytes(150 * 1024 * 1024, "fr")).toBe("150\u00a0Mo");
    expect(formatBytes(3_879_731, "en")).toBe("3.7\u00a0MB");
    expect(formatBytes(2 * 1024 ** 3, "en")).toBe("2\u00a0GB");
  });

  it("writes a local time as « 26 nov. 2026 à 14 h 30 »", () => {
    expect(formatDateTime("2026-11-26T14:30:05", "fr")).toBe("26 nov. 2026 à 14\u00a0h\u00a030");
    expect(formatDateTime("2026-11-26T09:05:00", "fr")).toBe("26 nov. 2026 à 9\u00a0h\u00a005");
    expect(formatDateTime("2026-11-26T09:05:00", "en")).toBe("26 Nov 2026 at 09:05");
    expect(formatDateTime("n'importe quoi", "fr")).toBe("n'importe quoi");
    // An instant is shown in local time: same wall clock as its local rendering.
    const instant = new Date(2026, 10, 26, 14, 30).toISOString();
    expect(formatDateTime(instant, "fr")).toBe("26 nov. 2026 à 14\u00a0h\u00a030");
  });

  it("places a problem as the person will look for it", () => {
    const p = { row: 18, field: "SIREN", column: "C", message: "Le SIREN est invalide.", messageEn: "The SIREN is invalid." };
    expect(problemLine(p, "fr")).toBe("Ligne 18 · colonne C «\u00a0SIREN\u00a0»\u00a0: Le SIREN est invalide.");
    expect(problemLine(p, "en")).toBe("Row 18 · column C “SIREN”: The SIREN is invalid.");
    expect(problemLine({ ...p, field: "", column: null }, "fr")).toBe("Ligne 18\u00a0: Le SIREN est invalide.");
    expect(problemLine({ ...p, column: null }, "fr")).toBe("Ligne 18 · colonne «\u00a0SIREN\u00a0»\u00a0: Le SIREN est invalide.");
    expect(problemLine({ ...p, messageEn: "" }, "en")).toBe("Row 18 · column C “SIREN”: Le SIREN est invalide.");
  });

  it("reads progress and file names", () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ rows: 1, bytesRead: 10, totalBytes: 0 })).toBeNull();
    expect(progressPercent({ rows: 1, bytesRead: 449, totalBytes: 1000 })).toBe(45);
    expect(progressPercent({ rows: 1, bytesRead: 1200, totalBytes: 1000 })).toBe(100);
    expect(baseName("/home/moi/sauvegardes/a.sqlite3")).toBe("a.sqlite3");
    expect(baseName("C:\\Users\\moi\\b.sqlite3")).toBe("b.sqlite3");
  });
});

const PREVIEW: ImportPreview = {
  fileName: "f.csv",
  format: "CSV",
  encoding: "UTF-8",
  delimiter: ";",
  headers: ["Nom", "SIREN", "Remarque"],
  letters: ["A", "B", "C"],
  mapping: ["name", "siren"],
  issues: [],
  fields: [],
  remembered: [false, true, false],
  sample: [{ number: 2, cells: ["A", "1", ""] }],
  totalBytes: 100,
};

const REPORT: ImportReport = {
  importId: null,
  dryRun: true,
  rows: 1,
  imported: 1,
  contacts: 0,
  skipped: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  duplicates: [],
  duplicateCount: 0,
  backup: null,
};

const MISSING_NAME: MappingIssue = {
  kind: "missingName",
  field: "name",
  columns: [],
  message: "Aucune colonne ne donne le nom de l'organisation.",
  messageEn: "No column gives the organisation's name.",
};

const ERROR: AppError = { kind: "invalid", message: "Fichier vide.", messageEn: "Empty file.", fields: [] };

function loaded(): WizardState {
  return wizardReducer(initialWizard, { type: "previewLoaded", path: "/f.csv", preview: PREVIEW });
}

describe("the import wizard", () => {
  it("fills the mapping to one field per column", () => {
    const s = loaded();
    expect(s.step).toBe("preview");
    if (s.step !== "preview") return;
    expect(s.file.mapping).toEqual(["name", "siren", null]);
    expect(s.file.keepDuplicates).toBe(false);
  });

  it("refuses to run until the core has answered for the mapping, and while it finds an issue", () => {
    const noName = wizardReducer(loaded(), { type: "setField", column: 0, field: null });
    // Not answered yet.
    expect(wizardReducer(noName, { type: "run", dryRun: true })).toBe(noName);
    if (noName.step !== "preview") throw new Error(noName.step);
    const mapping = noName.file.mapping;
    const checked = wizardReducer(noName, { type: "mappingChecked", mapping, issues: [MISSING_NAME] });
    expect(checked).toMatchObject({ file: { issues: [MISSING_NAME] } });
    expect(wizardReducer(checked, { type: "run", dryRun: true })).toBe(checked);
    const fixed = wizardReducer(checked, { type: "setField", column: 2, field: "name" });
    if (fixed.step !== "preview") throw new Error(fixed.step);
    // A late answer for an older mapping changes nothing.
    expect(wizardReducer(fixed, { type: "mappingChecked", mapping, issues: [] })).toBe(fixed);
    const ok = wizardReducer(fixed, { type: "mappingChecked", mapping: fixed.file.mapping, issues: [] });
    expect(wizardReducer(ok, { type: "run", dryRun: true }).step).toBe("running");
  });

  it("says why the core could not check a mapping, and stays blocked", () => {
    const changed = wizardReducer(loaded(), { type: "setField", column: 2, field: "notes" });
    if (changed.step !== "preview") throw new Error(changed.step);
    const failed = wizardReducer(changed, { type: "mappingCheckFailed", mapping: changed.file.mapping, error: ERROR });
    expect(failed).toMatchObject({ step: "preview", error: ERROR, file: { issues: null } });
    expect(wizardReducer(failed, { type: "run", dryRun: false })).toBe(failed);
  });

  it("goes preview → running → report → preview (edit) → running", () => {
    let s = wizardReducer(loaded(), { type: "setKeepDuplicates", value: true });
    s = wizardReducer(s, { type: "run", dryRun: true });
    expect(s).toMatchObject({ step: "running", dryRun: true, progress: null, cancelling: false });
    s = wizardReducer(s, { type: "progress", progress: { rows: 5, bytesRead: 50, totalBytes: 100 } });
    expect(s).toMatchObject({ progress: { rows: 5 } });
    s = wizardReducer(s, { type: "runDone", report: REPORT });
    expect(s).toMatchObject({ step: "report", report: REPORT, file: { keepDuplicates: true } });
    // A late progress event changes nothing.
    expect(wizardReducer(s, { type: "progress", progress: { rows: 9, bytesRead: 90, totalBytes: 100 } })).toBe(s);
    expect(wizardReducer(s, { type: "edit" })).toMatchObject({ step: "preview", error: null });
    expect(wizardReducer(s, { type: "run", dryRun: false })).toMatchObject({ step: "running", dryRun: false });
  });

  it("comes back to the columns after a failed or cancelled run", () => {
    let s = wizardReducer(loaded(), { type: "run", dryRun: false });
    s = wizardReducer(s, { type: "cancel" });
    expect(s).toMatchObject({ step: "running", cancelling: true });
    expect(wizardReducer(s, { type: "runFailed", error: null })).toMatchObject({ step: "preview", error: null });
    expect(wizardReducer(s, { type: "runFailed", error: ERROR })).toMatchObject({ step: "preview", error: ERROR });
    // A new mapping choice clears the last run's error.
    const failed = wizardReducer(s, { type: "runFailed", error: ERROR });
    expect(wizardReducer(failed, { type: "setField", column: 2, field: "notes" })).toMatchObject({ error: null });
  });

  it("keeps a running import when another file is picked or refused", () => {
    const running = wizardReducer(loaded(), { type: "run", dryRun: true });
    expect(wizardReducer(running, { type: "previewLoaded", path: "/g.csv", preview: PREVIEW })).toBe(running);
    expect(wizardReducer(running, { type: "previewFailed", error: ERROR })).toBe(running);
    expect(wizardReducer(loaded(), { type: "previewFailed", error: ERROR })).toEqual({ step: "start", error: ERROR });
    expect(wizardReducer(loaded(), { type: "reset" })).toEqual(initialWizard);
  });
});
