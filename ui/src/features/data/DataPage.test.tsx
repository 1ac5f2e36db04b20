// « Données » against a mocked gateway: the import wizard from the file to
// the report (progress, cancel, a refused file, undo) and the backups
// (restore refused, restore done).
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { BackupEntry } from "../../bindings/BackupEntry";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportProgress } from "../../bindings/ImportProgress";
import type { ImportReport } from "../../bindings/ImportReport";
import type { MappingIssue } from "../../bindings/MappingIssue";
import { renderWithProviders } from "../partnership/testFixtures";
import { BackupsTab } from "../backup/BackupsTab";
import { ImportTab } from "../import/ImportTab";
import { resetImportSession } from "../import/importSession";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock(
    "pickFile",
    "previewImport",
    "validateImportMapping",
    "importActors",
    "cancelImport",
    "onImportProgress",
    "listImports",
    "undoImport",
    "listBackups",
    "createBackup",
    "onBackupProgress",
    "restoreBackup",
  );
});

const api = vi.mocked(gateway);

const PREVIEW: ImportPreview = {
  fileName: "forum.csv",
  format: "CSV",
  encoding: "Windows-1252 (Excel)",
  delimiter: ";",
  headers: ["Raison sociale", "SIREN", "Ville"],
  letters: ["A", "B", "C"],
  mapping: ["name", "siren", null],
  issues: [],
  // Part of the core's catalogue (domain::import::field_catalogue).
  fields: [
    { field: "name", label: "Nom de l'organisation", labelEn: "Organisation name", repeatable: false },
    { field: "siren", label: "SIREN", labelEn: "SIREN", repeatable: false },
    { field: "commune", label: "Commune", labelEn: "Commune", repeatable: false },
    { field: "tags", label: "Étiquettes", labelEn: "Tags", repeatable: true },
  ],
  remembered: [false, true, false],
  sample: [
    { number: 2, cells: ["Garage Solidaire", "552032534", "Sélestat"] },
    { number: 3, cells: ["Épicerie L'Escale", "", "Colmar"] },
  ],
  totalBytes: 1000,
};

const REPORT: ImportReport = {
  importId: "imp-1",
  dryRun: false,
  rows: 40,
  imported: 35,
  contacts: 30,
  skipped: 5,
  errors: [{ row: 18, field: "SIREN", column: "B", message: "Le SIREN est invalide.", messageEn: "Invalid SIREN." }],
  errorCount: 3,
  warnings: [],
  duplicates: [{ row: 7, name: "Garage Solidaire", existingId: "act-9", existingName: "Garage Solidaire du Ried", reason: "même SIREN", contactAdded: true }],
  duplicateCount: 1,
  backup: "/data/sauvegardes/avant-import.sqlite3",
};

const MISSING_NAME: MappingIssue = {
  kind: "missingName",
  field: "name",
  columns: [],
  message: "Aucune colonne ne donne le nom de l'organisation : indiquez laquelle dans la correspondance des colonnes.",
  messageEn: "No column gives the organisation's name: pick one in the column mapping.",
};

const SIREN_TWICE: MappingIssue = {
  kind: "repeatedField",
  field: "siren",
  columns: [1, 2],
  message: "Les colonnes « SIREN » et « Ville » vont toutes dans « SIREN » : gardez-en une seule.",
  messageEn: 'Columns "SIREN" and "Ville" all go to "SIREN": keep only one.',
};

let progress: ((p: ImportProgress) => void) | null = null;

/** No jest-dom here: the controls' own property. */
function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement | HTMLSelectElement).disabled;
}

beforeEach(() => {
  vi.resetAllMocks();
  resetImportSession();
  progress = null;
  api.listImports.mockResolvedValue([]);
  api.pickFile.mockResolvedValue("/home/moi/forum.csv");
  api.previewImport.mockResolvedValue(PREVIEW);
  api.cancelImport.mockResolvedValue(undefined);
  api.onImportProgress.mockImplementation((handler: (p: ImportProgress) => void) => {
    progress = handler;
    return Promise.resolve(() => {
      progress = null;
    });
  });
  api.onBackupProgress.mockResolvedValue(() => undefined);
});

async function openPreview() {
  const user = userEvent.setup();
  renderWithProviders(<ImportTab />);
  await user.click(await screen.findByRole("button", { name: "Choisir un fichier…" }));
  await screen.findByTestId("import-preview");
  return user;
}

describe("import", () => {
  it("shows the file, its facts and the guessed fields", async () => {
    await openPreview();
    expect(screen.getByTestId("import-file-name").textContent).toContain("forum.csv");
    expect(screen.getByText("Windows-1252 (Excel)")).toBeTruthy();
    expect(screen.getByText("point-virgule (;)")).toBeTruthy();
    expect(screen.getByTestId<HTMLSelectElement>("import-map-0").value).toBe("name");
    expect(screen.getByTestId<HTMLSelectElement>("import-map-2").value).toBe("");
    expect(screen.getByText("reconnu")).toBeTruthy();
    expect(screen.getByText("mémorisé")).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "3" })).toBeTruthy();
    expect(api.pickFile).toHaveBeenCalledWith("import");
  });

  it("blocks the run while the core finds no name column, or a field taken twice", async () => {
    // The core's answers (domain::import::mapping_issues, tested there), in order.
    api.validateImportMapping
      .mockResolvedValueOnce([MISSING_NAME])
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([SIREN_TWICE])
      .mockResolvedValueOnce([]);
    const user = await openPreview();
    await user.selectOptions(screen.getByTestId("import-map-0"), "");
    expect(api.validateImportMapping).toHaveBeenLastCalledWith(PREVIEW.headers, [null, "siren", null]);
    expect((await screen.findByTestId("import-issue")).textContent).toContain("nom de l'organisation");
    expect(isDisabled(screen.getByTestId("import-run"))).toBe(true);
    expect(isDisabled(screen.getByTestId("import-check"))).toBe(true);
    await user.selectOptions(screen.getByTestId("import-map-0"), "name");
    await user.selectOptions(screen.getByTestId("import-map-2"), "siren");
    await waitFor(() => expect(screen.getByTestId("import-issue").textContent).toContain("« SIREN » et « Ville » vont toutes dans « SIREN »"));
    expect(screen.getByTestId("import-map-2").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("import-map-0").getAttribute("aria-invalid")).toBeNull();
    expect(isDisabled(screen.getByTestId("import-run"))).toBe(true);
    // The select of another column names the column that holds a single field.
    expect(within(screen.getByTestId("import-map-0")).getByRole("option", { name: "SIREN (B)" })).toBeTruthy();
    await user.selectOptions(screen.getByTestId("import-map-2"), "commune");
    await waitFor(() => expect(screen.queryByTestId("import-issue")).toBeNull());
    expect(isDisabled(screen.getByTestId("import-run"))).toBe(false);
  });

  it("says why a file is refused and lets the person pick another", async () => {
    api.previewImport.mockRejectedValueOnce({ kind: "invalid", message: "Le fichier ne contient que la ligne des titres.", messageEn: "Headers only.", fields: [] });
    const user = userEvent.setup();
    renderWithProviders(<ImportTab />);
    await user.click(await screen.findByRole("button", { name: "Choisir un fichier…" }));
    expect((await screen.findByTestId("import-preview-error")).textContent).toContain("que la ligne des titres");
    await user.click(screen.getByRole("button", { name: "Choisir un autre fichier…" }));
    expect(await screen.findByTestId("import-preview")).toBeTruthy();
  });

  it("keeps everything when the dialog is closed", async () => {
    api.pickFile.mockResolvedValueOnce(null);
    const user = userEvent.setup();
    renderWithProviders(<ImportTab />);
    await user.click(await screen.findByRole("button", { name: "Choisir un fichier…" }));
    await waitFor(() => expect(isDisabled(screen.getByTestId("import-pick"))).toBe(false));
    expect(api.previewImport).not.toHaveBeenCalled();
    expect(screen.getByTestId("import-start")).toBeTruthy();
  });

  it("imports with progress, then reports errors first, duplicates with a link, the backup, and offers undo", async () => {
    let finish: (r: ImportReport) => void = () => undefined;
    api.importActors.mockImplementation(() => new Promise<ImportReport>((resolve) => (finish = resolve)));
    api.undoImport.mockResolvedValue({ actors: 35, contacts: 30 });
    const user = await openPreview();
    await user.click(screen.getByTestId("import-keep-duplicates"));
    await user.click(screen.getByTestId("import-run"));
    expect(api.importActors).toHaveBeenCalledWith("/home/moi/forum.csv", {
      mapping: ["name", "siren", null],
      dryRun: false,
      keepDuplicates: true,
    });
    expect((await screen.findByTestId("import-progress")).textContent).toContain("Import en cours…");
    await waitFor(() => expect(progress).not.toBeNull());
    act(() => progress?.({ rows: 120, bytesRead: 450, totalBytes: 1000 }));
    await waitFor(() => expect(screen.getByTestId("import-progress-text").textContent).toContain("120 lignes lues · 45\u00a0%"));
    // The columns' selects sit in a fieldset disabled while the run goes.
    expect(screen.getByTestId("import-map-0").closest("fieldset")?.disabled).toBe(true);

    act(() => finish(REPORT));
    const report = await screen.findByTestId("import-report");
    expect(within(report).getByTestId("import-stat-actors").textContent).toContain("35acteurs créés");
    expect(within(report).getByTestId("import-stat-skipped").textContent).toContain("5lignes écartées");
    expect(within(report).getByTestId("import-error").textContent).toContain("Ligne 18 · colonne B «\u00a0SIREN\u00a0»\u00a0: Le SIREN est invalide.");
    expect(within(report).getByTestId("import-errors").textContent).toContain("… et 2 autres");
    expect(within(report).getByRole("link", { name: "Garage Solidaire du Ried" }).getAttribute("href")).toBe("#/acteurs/act-9");
    expect(within(report).getByTestId("import-duplicate").textContent).toContain("(même SIREN)");
    expect(within(report).getByTestId("import-backup").textContent).toContain("avant-import.sqlite3");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Import terminé" }));

    // The duplicates' explanation stands on its own (it is not the checkbox's « Sinon, … »).
    const hint = within(report).getByTestId("import-duplicates").querySelector(".problems__hint")?.textContent ?? "";
    expect(hint).toMatch(/^Ces lignes nomment une organisation déjà présente/);
    expect(hint).toContain("aucune seconde fiche n'a été créée");

    // Undone from the toast: the history has it undone, and so has the report.
    api.listImports.mockResolvedValue([
      { id: "imp-1", fileName: "forum.csv", format: "CSV", rows: 40, actors: 35, contacts: 30, skipped: 5, createdAt: "2026-10-14T09:12:00", undoneAt: "2026-10-14T09:15:00" },
    ]);
    await user.click(screen.getByRole("button", { name: "Annuler l'import" }));
    expect(api.undoImport).toHaveBeenCalledWith("imp-1");
    expect(await screen.findByText("Import annulé : 35 acteurs retirés, 30 contacts retirés.")).toBeTruthy();
    expect((await within(report).findByTestId("import-undone")).textContent).toContain(
      "Cet import a été annulé : les 35 acteurs et les 30 contacts qu'il avait créés ont été retirés de l'annuaire.",
    );
    expect(within(report).getByRole("heading", { level: 2 }).textContent).toBe("Import annulé");
    expect(within(report).getByTestId("import-stat-actors").textContent).toBe("35acteurs retirés");
    expect(within(report).getByTestId("import-stat-contacts").textContent).toBe("30contacts retirés");
    expect(within(report).queryByTestId("import-backup")).toBeNull();
  });

  it("cancels a run: back to the columns, nothing imported", async () => {
    let fail: (e: unknown) => void = () => undefined;
    api.importActors.mockImplementation(() => new Promise<ImportReport>((_, reject) => (fail = reject)));
    api.cancelImport.mockImplementation(() => {
      fail({ kind: "conflict", message: "Import annulé : rien n'a été importé.", messageEn: "Import cancelled.", fields: [] });
      return Promise.resolve();
    });
    const user = await openPreview();
    await user.click(screen.getByTestId("import-check"));
    await user.click(await screen.findByTestId("import-progress-cancel"));
    expect(api.cancelImport).toHaveBeenCalled();
    expect(await screen.findByText("Import annulé : rien n'a été importé.")).toBeTruthy();
    expect(screen.getByTestId("import-preview")).toBeTruthy();
    expect(screen.queryByTestId("import-run-error")).toBeNull();
  });

  it("shows a refused run next to the columns", async () => {
    api.importActors.mockRejectedValue({ kind: "diskFull", message: "Le disque est plein.", messageEn: "Disk full.", fields: [] });
    const user = await openPreview();
    await user.click(screen.getByTestId("import-run"));
    expect((await screen.findByTestId("import-run-error")).textContent).toContain("Le disque est plein.");
  });

  it("undoes an import of the history after a confirmation naming what goes", async () => {
    api.listImports.mockResolvedValue([
      { id: "i2", fileName: "cpme.xlsx", format: "Excel (XLSX)", rows: 48, actors: 45, contacts: 51, skipped: 3, createdAt: "2026-10-14T09:12:00", undoneAt: null },
      { id: "i1", fileName: "old.csv", format: "CSV", rows: 3, actors: 3, contacts: 0, skipped: 0, createdAt: "2026-09-02T16:40:00", undoneAt: "2026-09-02T16:52:00" },
    ]);
    api.undoImport.mockRejectedValue({ kind: "conflict", message: "Des acteurs sont dans des partenariats.", messageEn: "In partnerships.", fields: [] });
    const user = userEvent.setup();
    renderWithProviders(<ImportTab />);
    const records = await screen.findAllByTestId("import-record");
    expect(records[0]!.textContent).toContain("14 oct. 2026 à 9\u00a0h\u00a012 · 48 lignes · 45 acteurs · 51 contacts · 3 lignes écartées");
    expect(records[1]!.textContent).toContain("annulé");
    expect(within(records[1]!).queryByTestId("import-undo")).toBeNull();
    await user.click(within(records[0]!).getByTestId("import-undo"));
    expect(screen.getByRole("alertdialog").textContent).toContain("45 acteurs et 51 contacts créés par cet import seront retirés");
    await user.click(screen.getByTestId("confirm-ok"));
    expect(api.undoImport).toHaveBeenCalledWith("i2");
    expect(await screen.findByText(/Des acteurs sont dans des partenariats/)).toBeTruthy();
  });
});

const BACKUP: BackupEntry = {
  fileName: "tisserand-2026-11-26.sqlite3",
  path: "/data/sauvegardes/tisserand-2026-11-26.sqlite3",
  takenAt: "2026-11-26T14:30:05",
  reason: "beforeImport",
  sizeBytes: 3_879_731,
};

describe("backups", () => {
  it("lists backups with their reason and size", async () => {
    api.listBackups.mockResolvedValue([BACKUP]);
    renderWithProviders(<BackupsTab />);
    const row = await screen.findByTestId("backup-row");
    expect(row.textContent).toContain("26 nov. 2026 à 14\u00a0h\u00a030");
    expect(row.textContent).toContain("Avant un import");
    expect(row.textContent).toContain("3,7\u00a0Mo");
  });

  it("restores after a plain-words confirmation and says where the previous state is", async () => {
    api.listBackups.mockResolvedValue([BACKUP]);
    api.restoreBackup.mockResolvedValue({ ...BACKUP, takenAt: "2026-11-26T15:00:00", reason: "beforeRestore" });
    const user = userEvent.setup();
    renderWithProviders(<BackupsTab />);
    await user.click(await screen.findByRole("button", { name: "Restaurer la sauvegarde du 26 nov. 2026 à 14\u00a0h\u00a030" }));
    expect(screen.getByRole("alertdialog").textContent).toContain(
      "Toutes les données actuelles seront remplacées par celles du 26 nov. 2026 à 14\u00a0h\u00a030. L'état actuel est d'abord sauvegardé, vous pourrez y revenir.",
    );
    await user.click(screen.getByTestId("confirm-ok"));
    expect(api.restoreBackup).toHaveBeenCalledWith(BACKUP.path);
    expect((await screen.findByTestId("backup-restored")).textContent).toContain("sauvegarde du 26 nov. 2026 à 15\u00a0h\u00a000");
  });

  it("says a damaged backup was not restored", async () => {
    api.listBackups.mockResolvedValue([BACKUP]);
    api.restoreBackup.mockRejectedValue({ kind: "storage", message: "Cette sauvegarde est abîmée.", messageEn: "Damaged.", fields: [] });
    const user = userEvent.setup();
    renderWithProviders(<BackupsTab />);
    await user.click(await screen.findByTestId("backup-restore"));
    await user.click(screen.getByTestId("confirm-ok"));
    const error = await screen.findByTestId("backup-error");
    expect(error.textContent).toContain("La restauration n'a pas été faite. Vos données n'ont pas changé.");
    expect(error.textContent).toContain("Cette sauvegarde est abîmée.");
  });

  it("restores from a chosen file, and does nothing when the dialog is closed", async () => {
    api.listBackups.mockResolvedValue([]);
    api.pickFile.mockResolvedValueOnce(null).mockResolvedValueOnce("/media/cle/copie.sqlite3");
    api.restoreBackup.mockResolvedValue(null);
    const user = userEvent.setup();
    renderWithProviders(<BackupsTab />);
    await user.click(await screen.findByTestId("backup-restore-file"));
    await waitFor(() => expect(isDisabled(screen.getByTestId("backup-restore-file"))).toBe(false));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await user.click(screen.getByTestId("backup-restore-file"));
    expect((await screen.findByRole("alertdialog")).textContent).toContain("«\u00a0copie.sqlite3\u00a0»");
    await user.click(screen.getByTestId("confirm-ok"));
    expect(api.pickFile).toHaveBeenCalledWith("restore");
    expect((await screen.findByTestId("backup-restored")).textContent).toContain("du fichier «\u00a0copie.sqlite3\u00a0»");
  });
});
