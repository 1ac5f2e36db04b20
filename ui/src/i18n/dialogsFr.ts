// The titles and file types of the shell's native file dialogs, in French.
import type { FileDialogs } from "../api/dialogLabels";
import type { ExportFormat } from "../bindings/ExportFormat";

const ALL_FILES = "Tous les fichiers";
const SPREADSHEET: Record<ExportFormat, string> = { csv: "CSV (Excel)", xlsx: "Classeur Excel", json: "JSON" };
const pdf = (title: string) => ({ title, files: "PDF", allFiles: null });

export const dialogsFr: FileDialogs = {
  importFile: { title: "Choisir le fichier à importer", files: "Tableaux (CSV, Excel, OpenDocument)", allFiles: ALL_FILES },
  restoreFile: { title: "Choisir la sauvegarde à restaurer", files: "Sauvegardes Tisserand", allFiles: ALL_FILES },
  exportRecords: (format) => ({ title: "Enregistrer l'export", files: SPREADSHEET[format], allFiles: null }),
  exportMailing: (format) => ({
    title: "Enregistrer la liste d'invitation",
    files: format === "xlsx" ? SPREADSHEET.xlsx : SPREADSHEET.csv,
    allFiles: null,
  }),
  exportAll: { title: "Enregistrer l'export complet", files: "JSON", allFiles: null },
  personData: { title: "Enregistrer les données de la personne", files: "JSON", allFiles: null },
  document: (kind) =>
    pdf({ brief: "Enregistrer la fiche partenariat", agreement: "Enregistrer la convention", questionnaire: "Enregistrer le questionnaire d'évaluation" }[kind]),
  briefsCombined: pdf("Enregistrer les fiches en un seul PDF"),
  briefsFolder: pdf("Choisir le dossier des fiches"),
  eventPack: pdf("Enregistrer le dossier de l'événement"),
  eventPlanning: pdf("Enregistrer le planning"),
  storyPhoto: { title: "Choisir une photo", files: "Photos (JPEG, PNG)", allFiles: ALL_FILES },
  logo: { title: "Choisir le logo de l'organisation", files: "Images (PNG, JPEG, SVG)", allFiles: ALL_FILES },
  backupFolder: { title: "Choisir le dossier de copie des sauvegardes", files: "", allFiles: null },
  storyPdf: pdf("Enregistrer l'histoire"),
  impactReport: pdf("Enregistrer le rapport d'impact"),
};
