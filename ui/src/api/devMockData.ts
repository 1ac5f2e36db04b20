// « Données » in the in-memory backend (dev mock only): file dialogs, import
// preview / run / cancel / history / undo, backups list / create / restore.
//
// file_pick("import") goes round three files, one per state of the wizard:
//   1. contacts-forum-2026.csv   Windows-1252, « ; », 17 columns (two not
//      recognised, two remembered), 214 rows: the report has errors (14, the
//      mock's list stops at 10 to show « … et N autres »), duplicates (demo
//      actors) and warnings; runs take ~4 s with progress, and can be cancelled
//   2. annuaire-partenaires.xlsx a clean workbook: no error, no duplicate
//   3. export-vide.csv           headers only: the preview refuses it
// file_pick("restore") goes round: a good file, a photo (not a database), a
// file from a newer version. Restoring the backup of six days ago fails as
// damaged; the others succeed (the mock's data stays as it is).
// The mock backend rejects like Tauri does, with plain AppError objects (as
// devMock.ts, which eslint.config.js exempts by name).
/* eslint-disable @typescript-eslint/only-throw-error */
import type { BackupEntry } from "../bindings/BackupEntry";
import type { BackupReason } from "../bindings/BackupReason";
import type { ImportField } from "../bindings/ImportField";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportRecord } from "../bindings/ImportRecord";
import type { ImportReport } from "../bindings/ImportReport";
import type { ImportUndone } from "../bindings/ImportUndone";
import type { RowDuplicate } from "../bindings/RowDuplicate";
import type { RowProblem } from "../bindings/RowProblem";
import { mockEmit } from "./devMockEvents";
import type { SeedActor } from "./mockData";
import type { AppError } from "./types";

type Args = Record<string, unknown> | undefined;

export type DataDeps = {
  idOf: (name: string) => string | null;
  /** Creates an actor (and its contacts); returns its id. */
  add: (seed: SeedActor) => string;
  /** Deletes an actor and its contacts; returns how many contacts went. */
  remove: (id: string) => number;
};

function err(kind: AppError["kind"], message: string, messageEn: string): AppError {
  return { kind, message, messageEn, fields: [] };
}

// The caller names the type the contract gives this argument.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function get<T>(args: Args, name: string): T {
  if (!args || !(name in args)) throw err("internal", `Argument manquant : ${name}.`, `Missing argument: ${name}.`);
  return args[name] as T;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function letter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "2026-11-26T15:04:05", local time, as backups_list gives it. */
function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

// ---------- The files ----------

type MockFile = {
  preview: ImportPreview;
  rows: number;
  problems: (col: (f: ImportField) => number) => { errors: RowProblem[]; warnings: RowProblem[] };
  errorCount: number;
  withContact: number;
};

const FORUM_HEADERS = [
  "Raison sociale",
  "Type",
  "SIREN",
  "Adresse",
  "CP",
  "Ville",
  "Secteur d'activité",
  "Besoins",
  "Offres",
  "Mots clés",
  "Prénom",
  "Nom",
  "Fonction",
  "Courriel",
  "Téléphone",
  "Remarques RDV",
  "Date info RGPD",
];
const FORUM_MAPPING: (ImportField | null)[] = [
  "name",
  "kind",
  "siren",
  "address",
  "postalCode",
  "commune",
  "sector",
  "needs",
  "offers",
  "tags",
  "contactFirstName",
  "contactLastName",
  "contactRole",
  "contactEmail",
  "contactPhone",
  null,
  null,
];
const FORUM_ROWS: string[][] = [
  ["Association Les Petits Débrouillards Grand Est", "Association", "", "12 rue des Juifs", "67000", "Strasbourg", "Éducation populaire", "Locaux pour ateliers", "Animations scientifiques", "jeunesse; sciences", "Amélie", "Roth", "Coordinatrice", "a.roth@exemple.org", "03 88 12 34 56", "Très motivée", "12/10/2026"],
  ["Boulangerie Koenig & Fils", "Entreprise", "449874320", "3 place du Marché", "67600", "Sélestat", "Boulangerie", "", "Invendus du soir", "alimentation", "Paul", "Koenig", "Gérant", "contact@koenig.example", "03 88 92 00 00", "", ""],
  ["Garage Solidaire du Ried", "Association", "", "8 route de Marckolsheim", "67600", "Sélestat", "Mobilité", "Mécénat de compétences en gestion", "Réparations à prix solidaires", "mobilité; insertion", "Karim", "Benali", "Directeur", "k.benali@garage-ried.example", "06 12 34 56 78", "Rappeler en janvier", ""],
  ["Cabinet Walter Expertise", "Entreprise", "123456780", "21 avenue de la Liberté", "68000", "Colmar", "Expertise comptable", "", "2 jours de bilan gratuit", "compétences", "Sophie", "Walter", "Associée", "s.walter@cabinet-walter.example", "03 89 41 00 00", "", "03/09/2026"],
  ["Épicerie sociale L'Escale", "Association", "", "5 rue du Sel", "67600", "Sélestat", "Aide alimentaire", "Chambre froide", "", "alimentation; solidarité", "Jeanne", "Muller", "Présidente", "escale@exemple.org", "", "", ""],
  ["Imprimerie Heitz", "Entreprise", "552032534", "40 rue de Colmar", "67600", "Sélestat", "Imprimerie", "", "Impression de supports", "communication", "Marc", "Heitz", "Directeur", "m.heitz@heitz.example", "03 88 82 11 11", "", ""],
  ["Ressourcerie Emmaüs Scherwiller", "Association", "", "2 rue de l'Industrie", "67750", "Scherwiller", "Réemploi", "Camion", "Mobilier de bureau", "réemploi", "Louis", "Schmitt", "Responsable", "l.schmitt@emmaus.example", "03 88 00 00 01", "", ""],
  ["Menuiserie Bauer", "Entreprise", "38012986", "Zone artisanale", "67730", "Châtenois", "Menuiserie", "", "Chutes de bois", "artisanat", "Éric", "Bauer", "Gérant", "eric@menuiserie-bauer", "", "", ""],
  ["Club de foot FC Ried", "Association", "", "Stade municipal", "67390", "Marckolsheim", "Sport", "Sponsors maillots", "Visibilité", "sport; jeunesse", "Nicolas", "Weiss", "Trésorier", "tresorier@fcried.example", "06 98 76 54 32", "", ""],
  ["Pharmacie du Centre", "Entreprise", "417891234", "1 rue Principale", "67600", "Sélestadt", "Santé", "", "Trousses de secours", "santé", "Claire", "Fischer", "Pharmacienne", "", "03 88 92 22 22", "", ""],
  ["Les Jardins du Giessen", "Association", "", "Chemin du Giessen", "67600", "Sélestat", "Maraîchage d'insertion", "Bénévoles le samedi", "Paniers de légumes", "insertion; alimentation", "Thomas", "Klein", "Encadrant technique", "t.klein@jardins-giessen.example", "", "", "15/10/2026"],
  ["", "Association", "", "", "67600", "Sélestat", "", "", "", "", "Anne", "Martin", "", "anne.martin@exemple.org", "", "Nom manquant", ""],
  ["Transports Weber", "Entreprise", "", "Rue du Port", "67600", "Sélestat", "Transport", "", "Transport ponctuel", "logistique", "", "", "", "", "", "", ""],
  ["Compagnie de théâtre La Lucarne", "Association", "", "7 rue des Tanneurs", "68000", "Colmar", "Culture", "Salle de répétition", "Spectacles en entreprise", "culture", "Léa", "Meyer", "Chargée de production", "lea@lalucarne.example", "", "", ""],
  ["Hôtel-restaurant Au Cerf", "Entreprise", "501234567", "11 Grand'Rue", "67600", "Sélestat", "Hôtellerie", "", "Salle de réunion", "tourisme", "Hugo", "Zimmer", "Directeur", "h.zimmer@aucerf.example", "03 88 92 33 33", "", ""],
  ["Secours populaire – antenne de Sélestat", "Association", "", "4 rue de la Paix", "67600", "Sélestat", "Solidarité", "Jouets pour Noël", "", "solidarité", "Monique", "Hoffmann", "Bénévole", "", "", "", ""],
  ["Bureau d'études Hydro-Est", "Entreprise", "789456123", "Parc d'activités", "68000", "Colmar", "Ingénierie", "", "Mécénat de compétences", "environnement", "Julien", "Lang", "Ingénieur", "j.lang@hydro-est.example", "", "", ""],
  ["Crèche parentale Les Lutins", "Association", "", "9 rue des Lilas", "67600", "Sélestat", "Petite enfance", "Peinture des locaux", "", "petite enfance", "Emma", "Wolff", "Présidente", "lutins@exemple.org", "", "", "abc"],
  ["Cave coopérative de Dambach", "Entreprise", "778899001", "Route du Vin", "67650", "Dambach-la-Ville", "Viticulture", "", "Lots pour tombolas", "terroir", "Pierre", "Schaeffer", "Directeur commercial", "p.schaeffer@cave-dambach.example", "03 88 92 40 00", "", ""],
  ["Atelier vélo Cyclo'Ried", "Association", "", "Gare de Sélestat", "67600", "Sélestat", "Mobilité", "Local de stockage", "Ateliers de réparation", "mobilité", "Inès", "Keller", "Animatrice", "ines@cycloried.example", "", "", ""],
];

const FORUM: MockFile = {
  preview: {
    fileName: "contacts-forum-2026.csv",
    format: "CSV",
    encoding: "Windows-1252 (Excel)",
    delimiter: ";",
    headers: FORUM_HEADERS,
    mapping: FORUM_MAPPING,
    remembered: FORUM_HEADERS.map((h) => h === "Secteur d'activité" || h === "Mots clés"),
    sample: FORUM_ROWS.map((cells, i) => ({ number: i + 2, cells })),
    totalBytes: 48_213,
  },
  rows: 214,
  errorCount: 14,
  withContact: 190,
  problems: (col) => {
    const at = (row: number, field: ImportField | null, message: string, messageEn: string): RowProblem | null => {
      if (field === null) return { row, field: "", column: null, message, messageEn };
      const i = col(field);
      if (i < 0) return null;
      return { row, field: FORUM_HEADERS[i] ?? "", column: letter(i), message, messageEn };
    };
    const errors = [
      at(5, "siren", "Le SIREN 123 456 780 est invalide : la clé de contrôle ne correspond pas.", "SIREN 123 456 780 is invalid: the check digit does not match."),
      at(9, "siren", "Le SIREN « 38012986 » doit avoir 9 chiffres (il en a 8).", "SIREN “38012986” must have 9 digits (it has 8)."),
      at(9, "contactEmail", "L'adresse e-mail « eric@menuiserie-bauer » est incomplète : il manque le domaine (.fr, .com…).", "The email address “eric@menuiserie-bauer” is incomplete: the domain (.fr, .com…) is missing."),
      at(13, "name", "Le nom de l'organisation est vide : la ligne est écartée.", "The organisation's name is empty: the row is skipped."),
      at(19, "contactInformedOn", "La date « abc » n'est pas une date : écrivez-la jj/mm/aaaa.", "“abc” is not a date: write it dd/mm/yyyy."),
      at(37, null, "La ligne a 19 cellules pour 17 colonnes : un point-virgule de trop dans une cellule ?", "The row has 19 cells for 17 columns: an extra semicolon in a cell?"),
      at(52, "kind", "Type d'acteur « Syndicat » inconnu : choisissez Entreprise, Association, Collectivité, Fondation, Financeur, Établissement public ou Autre.", "Unknown actor type “Syndicat”: use Entreprise, Association, Collectivité, Fondation, Financeur, Établissement public or Autre."),
      at(77, "siren", "Le SIREN 000 000 000 est invalide : la clé de contrôle ne correspond pas.", "SIREN 000 000 000 is invalid: the check digit does not match."),
      at(103, "contactEmail", "L'adresse e-mail « jean.dupont@@exemple.fr » contient deux @.", "The email address “jean.dupont@@exemple.fr” has two @."),
      at(128, "postalCode", "Le code postal « 6760 » doit avoir 5 chiffres.", "Postcode “6760” must have 5 digits."),
      at(150, "name", "Le nom de l'organisation est vide : la ligne est écartée.", "The organisation's name is empty: the row is skipped."),
    ].filter((p): p is RowProblem => p !== null);
    const warnings = [
      at(11, "commune", "Commune « Sélestadt » inconnue dans le code postal 67600 : la commune est laissée vide.", "Unknown commune “Sélestadt” for postcode 67600: the commune is left empty."),
      at(14, "contactLastName", "Pas de nom de contact : l'organisation est importée sans contact.", "No contact name: the organisation is imported without a contact."),
      at(88, "website", "Le site « www exemple fr » n'est pas une adresse web : il est laissé vide.", "“www exemple fr” is not a web address: it is left empty."),
    ].filter((p): p is RowProblem => p !== null);
    return { errors: errors.slice(0, 10), warnings };
  },
};

const WORKBOOK_HEADERS = ["Nom", "Type", "Commune", "Contact", "E-mail", "Besoins", "Besoins (suite)"];
const WORKBOOK: MockFile = {
  preview: {
    fileName: "annuaire-partenaires.xlsx",
    format: "Excel (XLSX)",
    encoding: null,
    delimiter: null,
    headers: WORKBOOK_HEADERS,
    mapping: ["name", "kind", "commune", "contactFullName", "contactEmail", "needs", "needs"],
    remembered: WORKBOOK_HEADERS.map(() => true),
    sample: [
      ["Fondation Alsace Avenir", "Fondation", "Strasbourg", "Nadia Haddad", "n.haddad@alsace-avenir.example", "Projets jeunesse", ""],
      ["Mairie de Châtenois", "Collectivité", "Châtenois", "Bruno Frey", "accueil@chatenois.example", "", ""],
      ["Scop Les Tisseurs", "Entreprise", "Colmar", "Yasmine Roux", "y.roux@tisseurs.example", "Clients", "Bénévoles"],
      ["Amicale des pompiers de Sélestat", "Association", "Sélestat", "Marc Lutz", "", "Matériel", ""],
    ].map((cells, i) => ({ number: i + 2, cells })),
    totalBytes: 18_944,
  },
  rows: 12,
  errorCount: 0,
  withContact: 10,
  problems: () => ({ errors: [], warnings: [] }),
};

const FILES: Record<string, MockFile> = {
  "/home/moi/Documents/contacts-forum-2026.csv": FORUM,
  "/home/moi/Documents/annuaire-partenaires.xlsx": WORKBOOK,
};
const IMPORT_PICKS = [
  "/home/moi/Documents/contacts-forum-2026.csv",
  "/home/moi/Documents/annuaire-partenaires.xlsx",
  "/home/moi/Documents/export-vide.csv",
];
const RESTORE_PICKS = [
  "/home/moi/Bureau/tisserand-copie-association.sqlite3",
  "/home/moi/Téléchargements/photo-forum.jpg",
  "/home/moi/Bureau/tisserand-version-2.sqlite3",
];
let importPick = 0;
let restorePick = 0;

// ---------- Imports ----------

type StoredImport = { record: ImportRecord; actorIds: string[]; contacts: number; locked: boolean };

const imports: StoredImport[] = [
  {
    record: {
      id: "imp-seed-2",
      fileName: "adherents-cpme-2026.xlsx",
      format: "Excel (XLSX)",
      rows: 48,
      actors: 45,
      contacts: 51,
      skipped: 3,
      createdAt: "2026-10-14T09:12:00Z",
      undoneAt: null,
    },
    actorIds: [],
    contacts: 51,
    locked: true,
  },
  {
    record: {
      id: "imp-seed-1",
      fileName: "liste-associations.csv",
      format: "CSV",
      rows: 120,
      actors: 117,
      contacts: 98,
      skipped: 3,
      createdAt: "2026-09-02T16:40:00Z",
      undoneAt: "2026-09-02T16:52:00Z",
    },
    actorIds: [],
    contacts: 98,
    locked: false,
  },
];
let importCounter = 0;
let importCancelled = false;
const cancelled = (): boolean => importCancelled;

function mappingErrors(mapping: (ImportField | null)[]): AppError | null {
  const names = mapping.filter((f) => f === "name").length;
  if (names !== 1) {
    return err(
      "invalid",
      names === 0 ? "Choisissez la colonne qui donne le nom de l'organisation." : "Une seule colonne peut donner le nom de l'organisation.",
      names === 0 ? "Choose the column that gives the organisation's name." : "Only one column can give the organisation's name.",
    );
  }
  const multi = new Set<ImportField>(["needs", "offers", "tags", "notes"]);
  const seen = new Set<ImportField>();
  for (const f of mapping) {
    if (f === null || multi.has(f)) continue;
    if (seen.has(f)) return err("invalid", `Le champ « ${f} » est choisi pour plusieurs colonnes.`, `The field “${f}” is chosen for several columns.`);
    seen.add(f);
  }
  return null;
}

// ---------- Backups ----------

const DAY = 24 * 3600 * 1000;
function backupAt(daysAgo: number, hour: number, minute: number, reason: BackupReason, size: number): BackupEntry {
  const d = new Date(Date.now() - daysAgo * DAY);
  d.setHours(hour, minute, 5, 0);
  const stamp = localStamp(d);
  const fileName = `tisserand-${stamp.replace(/[:T]/g, "-")}-${reason}.sqlite3`;
  return { fileName, path: `/mock/data/sauvegardes/${fileName}`, takenAt: stamp, reason, sizeBytes: size };
}

const backups: BackupEntry[] = [
  backupAt(0, 8, 47, "daily", 3_879_731),
  backupAt(1, 16, 20, "beforeImport", 3_801_088),
  backupAt(1, 8, 52, "daily", 3_784_704),
  backupAt(2, 9, 3, "daily", 3_760_128),
  backupAt(3, 14, 30, "manual", 3_751_936),
  backupAt(4, 8, 58, "beforeMigration", 3_702_784),
  backupAt(6, 9, 15, "daily", 3_690_496),
  backupAt(9, 11, 2, "beforeMerge", 3_612_672),
  backupAt(13, 8, 40, "daily", 3_457_024),
  backupAt(20, 8, 35, "beforeErasure", 3_301_376),
  backupAt(27, 9, 10, "daily", 2_985_984),
];
/** The backup of six days ago fails its integrity check. */
const DAMAGED = backups[6]?.path ?? "";

async function copyWithProgress(pages: number): Promise<void> {
  for (let done = 0; done <= pages; done += Math.ceil(pages / 12)) {
    mockEmit("backup-progress", { done: Math.min(done, pages), total: pages });
    await wait(110);
  }
  mockEmit("backup-progress", { done: pages, total: pages });
}

function newBackup(reason: BackupReason): BackupEntry {
  const stamp = localStamp(new Date());
  const fileName = `tisserand-${stamp.replace(/[:T]/g, "-")}-${reason}.sqlite3`;
  const entry: BackupEntry = { fileName, path: `/mock/data/sauvegardes/${fileName}`, takenAt: stamp, reason, sizeBytes: 3_883_008 };
  backups.unshift(entry);
  return entry;
}

// ---------- Commands ----------

export function dataHandlers(deps: DataDeps): Record<string, (args: Args) => unknown> {
  return {
    file_pick: async (args): Promise<string | null> => {
      const purpose = get<"import" | "restore">(args, "purpose");
      await wait(400); // the person looks for the file
      if (purpose === "restore") return RESTORE_PICKS[restorePick++ % RESTORE_PICKS.length] ?? null;
      return IMPORT_PICKS[importPick++ % IMPORT_PICKS.length] ?? null;
    },

    import_preview: async (args): Promise<ImportPreview> => {
      const path = get<string>(args, "path");
      await wait(350);
      const file = FILES[path];
      if (!file) {
        throw err(
          "invalid",
          "Le fichier « export-vide.csv » ne contient que la ligne des titres : il n'y a aucune organisation à importer.",
          "The file “export-vide.csv” only has the header row: there is no organisation to import.",
        );
      }
      return file.preview;
    },

    import_cancel: (): null => {
      importCancelled = true;
      return null;
    },

    import_run: async (args): Promise<ImportReport> => {
      const path = get<string>(args, "path");
      const options = get<ImportOptions>(args, "options");
      const file = FILES[path];
      if (!file) throw err("notFound", "Ce fichier n'existe plus.", "This file no longer exists.");
      const mapping = options.mapping ?? file.preview.mapping;
      const invalid = mappingErrors(mapping);
      if (invalid) throw invalid;
      importCancelled = false;
      const steps = file.rows > 100 ? 40 : 8;
      for (let s = 0; s <= steps; s++) {
        if (cancelled()) throw err("conflict", "Import annulé : rien n'a été importé.", "Import cancelled: nothing was imported.");
        mockEmit("import-progress", {
          rows: Math.round((file.rows * s) / steps),
          bytesRead: Math.round((file.preview.totalBytes * s) / steps),
          totalBytes: file.preview.totalBytes,
        });
        await wait(100);
      }
      const col = (f: ImportField) => mapping.indexOf(f);
      const { errors, warnings } = file.problems(col);
      const errorCount = errors.length === 0 ? 0 : file.errorCount - (10 - errors.length);
      const nameCol = col("name");
      const duplicates: RowDuplicate[] = [];
      if (!options.keepDuplicates) {
        for (const row of file.preview.sample) {
          const name = row.cells[nameCol] ?? "";
          const existingId = name ? deps.idOf(name) : null;
          if (existingId) {
            duplicates.push({
              row: row.number,
              name,
              existingId,
              existingName: name,
              reason: col("siren") >= 0 && row.cells[col("siren")] ? "même SIREN" : "même nom dans la même commune",
              contactAdded: col("contactLastName") >= 0 || col("contactFullName") >= 0,
            });
          }
        }
      }
      const skipped = errorCount + duplicates.length;
      const imported = file.rows - skipped;
      const hasContacts = mapping.some((f) => f !== null && f.startsWith("contact"));
      const contacts = hasContacts ? Math.min(imported, file.withContact) + duplicates.filter((d) => d.contactAdded).length : 0;
      if (options.dryRun) {
        return { importId: null, dryRun: true, rows: file.rows, imported, contacts, skipped, errors, errorCount, warnings, duplicates, duplicateCount: duplicates.length, backup: null };
      }
      const backup = newBackup("beforeImport");
      const actorIds: string[] = [];
      const duplicateRows = new Set(duplicates.map((d) => d.row));
      const names = file.preview.sample.filter((r) => !duplicateRows.has(r.number) && (r.cells[nameCol] ?? "") !== "").map((r) => r.cells[nameCol] ?? "");
      for (let i = 0; i < imported; i++) {
        const name = names[i] ?? `Structure importée n° ${i + 1 - names.length} (${file.preview.fileName})`;
        actorIds.push(
          deps.add({
            kind: i % 3 === 0 ? "entreprise" : "association",
            name,
            insee: "67462",
            sector: null,
            tags: ["import"],
            contacts: hasContacts && i < file.withContact ? [{ firstName: "Contact", lastName: `n° ${i + 1}`, source: "import" }] : [],
          }),
        );
      }
      const id = `imp-${++importCounter}`;
      imports.unshift({
        record: {
          id,
          fileName: file.preview.fileName,
          format: file.preview.format,
          rows: file.rows,
          actors: imported,
          contacts,
          skipped,
          createdAt: new Date().toISOString(),
          undoneAt: null,
        },
        actorIds,
        contacts,
        locked: false,
      });
      return { importId: id, dryRun: false, rows: file.rows, imported, contacts, skipped, errors, errorCount, warnings, duplicates, duplicateCount: duplicates.length, backup: backup.path };
    },

    imports_list: (): ImportRecord[] => imports.map((i) => i.record),

    import_undo: (args): ImportUndone => {
      const id = get<string>(args, "id");
      const stored = imports.find((i) => i.record.id === id);
      if (!stored) throw err("notFound", "Cet import n'existe plus.", "This import no longer exists.");
      if (stored.record.undoneAt !== null) throw err("conflict", "Cet import est déjà annulé.", "This import is already undone.");
      if (stored.locked) {
        throw err(
          "conflict",
          "3 acteurs de cet import sont engagés dans des partenariats : l'import ne peut plus être annulé. Supprimez un par un les acteurs que vous ne voulez pas garder.",
          "3 actors of this import are in partnerships: the import can no longer be undone. Delete one by one the actors you do not want to keep.",
        );
      }
      let contacts = 0;
      for (const a of stored.actorIds) contacts += deps.remove(a);
      stored.record = { ...stored.record, undoneAt: new Date().toISOString() };
      return { actors: stored.actorIds.length, contacts };
    },

    backups_list: (): BackupEntry[] => backups,

    backup_create: async (): Promise<BackupEntry> => {
      await copyWithProgress(948);
      return newBackup("manual");
    },

    backup_restore: async (args): Promise<BackupEntry | null> => {
      const path = get<string>(args, "path");
      await wait(300);
      if (path.endsWith(".jpg")) {
        throw err(
          "notADatabase",
          "« photo-forum.jpg » n'est pas une sauvegarde de Tisserand : rien n'a été changé.",
          "“photo-forum.jpg” is not a Tisserand backup: nothing was changed.",
        );
      }
      if (path.includes("version-2")) {
        throw err(
          "tooNew",
          "Cette sauvegarde vient d'une version plus récente de Tisserand : installez la dernière version pour la restaurer. Rien n'a été changé.",
          "This backup comes from a newer version of Tisserand: install the latest version to restore it. Nothing was changed.",
        );
      }
      await copyWithProgress(940);
      if (path === DAMAGED) {
        throw err(
          "storage",
          "Cette sauvegarde est abîmée (le contrôle d'intégrité a échoué) : elle n'a pas été restaurée et rien n'a été changé. Choisissez-en une autre.",
          "This backup is damaged (the integrity check failed): it was not restored and nothing was changed. Choose another one.",
        );
      }
      return newBackup("beforeRestore");
    },
  };
}
