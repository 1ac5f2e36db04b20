// The words of the shell's native file dialogs in the person's language.
// The i18n provider hands over the current dictionary's `fileDialogs`
// (`setFileDialogs`); the gateway attaches the labels of the dialog a
// command opens (`fileDialog`), so that the shell holds no text of its own.
import type { DialogLabels } from "../bindings/DialogLabels";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { ExportFormat } from "../bindings/ExportFormat";

/** Every native file dialog the window can make the shell open. */
export type FileDialogs = {
  importFile: DialogLabels;
  restoreFile: DialogLabels;
  exportRecords: (format: ExportFormat) => DialogLabels;
  exportMailing: (format: ExportFormat) => DialogLabels;
  exportAll: DialogLabels;
  personData: DialogLabels;
  document: (kind: DocumentKind) => DialogLabels;
  briefsCombined: DialogLabels;
  briefsFolder: DialogLabels;
  eventPack: DialogLabels;
  eventPlanning: DialogLabels;
  storyPhoto: DialogLabels;
  logo: DialogLabels;
  backupFolder: DialogLabels;
  storyPdf: DialogLabels;
  impactReport: DialogLabels;
};

let current: FileDialogs | null = null;

/** The dialogs' words from now on (the i18n provider calls it when the language is set). */
export function setFileDialogs(dialogs: FileDialogs): void {
  current = dialogs;
}

/** The labels of one dialog; undefined before any language is set (the shell then shows its system's default title). */
export function fileDialog(pick: (dialogs: FileDialogs) => DialogLabels): DialogLabels | undefined {
  return current === null ? undefined : pick(current);
}
