// The titles and file types of the shell's native file dialogs, in English.
import type { FileDialogs } from "../api/dialogLabels";
import type { ExportFormat } from "../bindings/ExportFormat";

const ALL_FILES = "All files";
const SPREADSHEET: Record<ExportFormat, string> = { csv: "CSV (Excel)", xlsx: "Excel workbook", json: "JSON" };
const pdf = (title: string) => ({ title, files: "PDF", allFiles: null });

export const dialogsEn: FileDialogs = {
  importFile: { title: "Choose the file to import", files: "Tables (CSV, Excel, OpenDocument)", allFiles: ALL_FILES },
  restoreFile: { title: "Choose the backup to restore", files: "Tisserand backups", allFiles: ALL_FILES },
  exportRecords: (format) => ({ title: "Save the export", files: SPREADSHEET[format], allFiles: null }),
  exportMailing: (format) => ({
    title: "Save the invitation list",
    files: format === "xlsx" ? SPREADSHEET.xlsx : SPREADSHEET.csv,
    allFiles: null,
  }),
  exportAll: { title: "Save the full export", files: "JSON", allFiles: null },
  personData: { title: "Save the person's data", files: "JSON", allFiles: null },
  document: (kind) => pdf({ brief: "Save the partnership brief", agreement: "Save the agreement", questionnaire: "Save the evaluation questionnaire" }[kind]),
  briefsCombined: pdf("Save the briefs as one PDF"),
  briefsFolder: pdf("Choose the folder for the briefs"),
  eventPack: pdf("Save the event pack"),
  eventPlanning: pdf("Save the planning"),
  storyPhoto: { title: "Choose a photo", files: "Photos (JPEG, PNG)", allFiles: ALL_FILES },
  logo: { title: "Choose the organisation's logo", files: "Images (PNG, JPEG, SVG)", allFiles: ALL_FILES },
  backupFolder: { title: "Choose the folder for backup copies", files: "", allFiles: null },
  storyPdf: pdf("Save the story"),
  impactReport: pdf("Save the impact report"),
};
