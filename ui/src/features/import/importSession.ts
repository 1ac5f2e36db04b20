// The import in progress lives outside the components: leaving « Données »
// while a file is read or imported, then coming back, finds the wizard where
// it was (the backend keeps running either way).
import { useSyncExternalStore } from "react";

import { toAppError } from "../../api/errors";
import { cancelImport as cancelImportRun, importActors, onImportProgress, pickFile, previewImport, validateImportMapping } from "../../api/gateway";
import type { AppError } from "../../api/types";
import type { ImportProgress } from "../../bindings/ImportProgress";
import type { ImportField } from "../../bindings/ImportField";
import type { ImportReport } from "../../bindings/ImportReport";
import { initialWizard, wizardReducer, type WizardAction, type WizardState } from "./model";

type Snapshot = { wizard: WizardState; picking: boolean };

let snapshot: Snapshot = { wizard: initialWizard, picking: false };
const listeners = new Set<() => void>();
/** Set by « Annuler » while a run goes: its failure is then the expected one. */
let cancelRequested = false;
// Read through a function: set by cancelImport while a run awaits.
const wasCancelled = () => cancelRequested;

function set(next: Snapshot): void {
  if (next.wizard === snapshot.wizard && next.picking === snapshot.picking) return;
  snapshot = next;
  for (const l of listeners) l();
}

export function dispatch(action: WizardAction): void {
  set({ ...snapshot, wizard: wizardReducer(snapshot.wizard, action) });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportSession(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** Back to the empty state (tests, or « Importer un autre fichier » after a cancelled dialog). */
export function resetImportSession(): void {
  cancelRequested = false;
  set({ wizard: initialWizard, picking: false });
}

/** « Choisir un fichier… »: the shell's dialog, then the preview. A closed dialog changes nothing. */
export async function pickImportFile(): Promise<void> {
  if (snapshot.picking || snapshot.wizard.step === "running") return;
  set({ ...snapshot, picking: true });
  try {
    const path = await pickFile("import");
    if (path === null) return;
    const preview = await previewImport(path);
    dispatch({ type: "previewLoaded", path, preview });
  } catch (raw: unknown) {
    dispatch({ type: "previewFailed", error: toAppError(raw) });
  } finally {
    set({ ...snapshot, picking: false });
  }
}

/** A column's field chosen: the core says what the new mapping lacks (the run waits for its answer). */
export async function setImportField(column: number, field: ImportField | null): Promise<void> {
  dispatch({ type: "setField", column, field });
  const state = snapshot.wizard;
  if (state.step !== "preview") return;
  const { mapping, preview } = state.file;
  try {
    dispatch({ type: "mappingChecked", mapping, issues: await validateImportMapping(preview.headers, mapping) });
  } catch (raw: unknown) {
    dispatch({ type: "mappingCheckFailed", mapping, error: toAppError(raw) });
  }
}

export type RunCallbacks = {
  /** A real import finished (not called for a dry run). */
  onImported: (report: ImportReport) => void;
  /** The person cancelled: the backend's message says nothing was imported. */
  onCancelled: (error: AppError) => void;
};

/** At most one progress render per frame-ish: events may come faster than the window paints. */
const PROGRESS_EVERY_MS = 50;

/** « Vérifier sans importer » (dryRun) or « Importer », from the columns or from a dry run's report. */
export async function runImport(dryRun: boolean, callbacks: RunCallbacks): Promise<void> {
  dispatch({ type: "run", dryRun });
  const state = snapshot.wizard;
  if (state.step !== "running") return;
  const { file } = state;
  cancelRequested = false;
  let stop: (() => void) | undefined;
  const latest: { progress: ImportProgress | null; timer: ReturnType<typeof setTimeout> | null } = { progress: null, timer: null };
  const flush = () => {
    latest.timer = null;
    if (latest.progress) dispatch({ type: "progress", progress: latest.progress });
    latest.progress = null;
  };
  try {
    stop = await onImportProgress((p) => {
      latest.progress = p;
      latest.timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
    });
    const report = await importActors(file.path, {
      mapping: file.mapping,
      dryRun,
      keepDuplicates: file.keepDuplicates,
    });
    dispatch({ type: "runDone", report });
    if (!dryRun) callbacks.onImported(report);
  } catch (raw: unknown) {
    const error = toAppError(raw);
    if (wasCancelled()) {
      dispatch({ type: "runFailed", error: null });
      callbacks.onCancelled(error);
    } else {
      dispatch({ type: "runFailed", error });
    }
  } finally {
    stop?.();
    if (latest.timer !== null) clearTimeout(latest.timer);
    cancelRequested = false;
  }
}

/** « Annuler » during a run: the backend stops and the run rejects. */
export function cancelImport(): void {
  if (snapshot.wizard.step !== "running" || snapshot.wizard.cancelling) return;
  cancelRequested = true;
  dispatch({ type: "cancel" });
  void cancelImportRun();
}
