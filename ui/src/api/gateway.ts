// The only module that talks to the desktop shell. One typed function per
// command of docs/ipc.md; every rejection becomes an `AppError`.
import { invoke as tauriInvoke } from "@tauri-apps/api/core";
import { listen as tauriListen } from "@tauri-apps/api/event";

import type { AgreementText } from "../bindings/AgreementText";

import type { Actor } from "../bindings/Actor";
import type { ActorTies } from "../bindings/ActorTies";
import type { ActorDetail } from "../bindings/ActorDetail";
import type { ActorInput } from "../bindings/ActorInput";
import type { ActorPage } from "../bindings/ActorPage";
import type { ActorQuery } from "../bindings/ActorQuery";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { BackupProgress } from "../bindings/BackupProgress";
import type { Board } from "../bindings/Board";
import type { BriefsExport } from "../bindings/BriefsExport";
import type { BriefsProgress } from "../bindings/BriefsProgress";
import type { ClassificationProposal } from "../bindings/ClassificationProposal";
import type { Commune } from "../bindings/Commune";
import type { Contact } from "../bindings/Contact";
import type { ContactPage } from "../bindings/ContactPage";
import type { ContactQuery } from "../bindings/ContactQuery";
import type { ContactSelection } from "../bindings/ContactSelection";
import type { MailingExport } from "../bindings/MailingExport";
import type { RegisterHint } from "../bindings/RegisterHint";
import type { DuplicateEntity } from "../bindings/DuplicateEntity";
import type { Duplicates } from "../bindings/Duplicates";
import type { ErasureSummary } from "../bindings/ErasureSummary";
import type { Event } from "../bindings/Event";
import type { EventDetail } from "../bindings/EventDetail";
import type { EventInput } from "../bindings/EventInput";
import type { EventMeeting } from "../bindings/EventMeeting";
import type { EventReport } from "../bindings/EventReport";
import type { EventSide } from "../bindings/EventSide";
import type { EventSummary } from "../bindings/EventSummary";
import type { FollowUp } from "../bindings/FollowUp";
import type { LeadsOutcome } from "../bindings/LeadsOutcome";
import type { MeetingCapture } from "../bindings/MeetingCapture";
import type { ParticipantChange } from "../bindings/ParticipantChange";
import type { QuickAdd } from "../bindings/QuickAdd";
import type { RoomAction } from "../bindings/RoomAction";
import type { RoomState } from "../bindings/RoomState";
import type { WishLevel } from "../bindings/WishLevel";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportKind } from "../bindings/ExportKind";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { MergeOutcome } from "../bindings/MergeOutcome";
import type { PersonExport } from "../bindings/PersonExport";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { EssaimagePlan } from "../bindings/EssaimagePlan";
import type { ContactInput } from "../bindings/ContactInput";
import type { Facets } from "../bindings/Facets";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { ImportRecord } from "../bindings/ImportRecord";
import type { ImportReport } from "../bindings/ImportReport";
import type { ImportUndone } from "../bindings/ImportUndone";
import type { FieldError } from "../bindings/FieldError";
import type { Overview } from "../bindings/Overview";
import type { Partnership } from "../bindings/Partnership";
import type { PartnershipDetail } from "../bindings/PartnershipDetail";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { PartnershipPage } from "../bindings/PartnershipPage";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSort } from "../bindings/PartnershipSort";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { Possibility } from "../bindings/Possibility";
import type { Question } from "../bindings/Question";
import type { SearchHit } from "../bindings/SearchHit";
import type { Stage } from "../bindings/Stage";
import { fileDialog } from "./dialogLabels";
import { toAppError } from "./errors";
import type { AppInfo, DemoSummary, MergeChoices, MergeRecord } from "./types";

export type { BackupProgress, BriefsProgress };

type InvokeArgs = Record<string, unknown>;

/** Subscribes to a shell event; resolves to the function that unsubscribes. */
function subscribe(event: string, handler: (payload: unknown) => void): Promise<() => void> {
  return tauriListen(event, (e) => handler(e.payload));
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(command, args);
  } catch (raw: unknown) {
    // Rejecting with a plain object is the contract: callers read `AppError`.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw toAppError(raw);
  }
}

export function appInfo(): Promise<AppInfo> {
  return call("app_info");
}

export function listActors(query: ActorQuery): Promise<ActorPage> {
  return call("actors_list", { query });
}

/** One window of Annuaire › Contacts, with why a mailing would leave each contact out. */
export function listContacts(query: ContactQuery): Promise<ContactPage> {
  return call("contacts_list", { query });
}

export function actorFacets(): Promise<Facets> {
  return call("actors_facets");
}

export function getActor(id: string): Promise<ActorDetail> {
  return call("actor_get", { id });
}

export function validateActor(input: ActorInput): Promise<FieldError[]> {
  return call("actor_validate", { input });
}

/** For an association seated in this commune: its regime, the courts keeping registers, the court to suggest. */
export function associationRegisterHint(communeInsee: string | null): Promise<RegisterHint> {
  return call("association_register_hint", { communeInsee });
}

export function createActor(input: ActorInput): Promise<Actor> {
  return call("actor_create", { input });
}

export function updateActor(id: string, input: ActorInput): Promise<Actor> {
  return call("actor_update", { id, input });
}

export async function deleteActor(id: string): Promise<void> {
  await call<null>("actor_delete", { id });
}

/** What deleting the actor would touch: its contacts, the partnerships that keep it, its events. */
export function actorTies(id: string): Promise<ActorTies> {
  return call("actor_ties", { id });
}

export async function restoreActor(id: string): Promise<void> {
  await call<null>("actor_restore", { id });
}

export function validateContact(input: ContactInput): Promise<FieldError[]> {
  return call("contact_validate", { input });
}

export function createContact(input: ContactInput): Promise<Contact> {
  return call("contact_create", { input });
}

export function updateContact(id: string, input: ContactInput): Promise<Contact> {
  return call("contact_update", { id, input });
}

export async function deleteContact(id: string): Promise<void> {
  await call<null>("contact_delete", { id });
}

export async function restoreContact(id: string): Promise<void> {
  await call<null>("contact_restore", { id });
}

export function search(text: string, limit: number): Promise<SearchHit[]> {
  return call("search", { text, limit });
}

export function searchCommunes(text: string, limit: number): Promise<Commune[]> {
  return call("communes_search", { text, limit });
}

export function loadDemo(): Promise<DemoSummary> {
  return call("demo_load");
}

// ---------- Partnerships ----------

export function listPartnerships(query: PartnershipQuery): Promise<PartnershipSummary[]> {
  return call("partnerships_list", { query });
}

export function getPartnership(id: string): Promise<PartnershipDetail> {
  return call("partnership_get", { id });
}

export function validatePartnership(input: PartnershipInput): Promise<FieldError[]> {
  return call("partnership_validate", { input });
}

/** The errors the core would give the agreement's text (none: an empty list). */
export function validateAgreement(text: AgreementText): Promise<FieldError[]> {
  return call("agreement_validate", { text });
}

export function createPartnership(input: PartnershipInput): Promise<Partnership> {
  return call("partnership_create", { input });
}

export function updatePartnership(id: string, version: number, input: PartnershipInput): Promise<Partnership> {
  return call("partnership_update", { id, version, input });
}

export function movePartnership(id: string, stage: Stage, reason: string | null): Promise<Partnership> {
  return call("partnership_move", { id, stage, reason });
}

export function notePartnership(id: string, text: string): Promise<Partnership> {
  return call("partnership_note", { id, text });
}

export function partnershipActionDone(id: string, index: number): Promise<Partnership> {
  return call("partnership_action_done", { id, index });
}

/** Records a dated value ("YYYY-MM-DD", today when null) of the partnership's indicator `index`. */
export function measurePartnership(
  id: string,
  version: number | null,
  index: number,
  on: string | null,
  value: number,
): Promise<Partnership> {
  return call("partnership_measure", { id, version, index, on, value });
}

export async function deletePartnership(id: string): Promise<void> {
  await call<null>("partnership_delete", { id });
}

export async function restorePartnership(id: string): Promise<void> {
  await call<null>("partnership_restore", { id });
}

/** The board: each stage's count and its first `perColumn` cards. */
export function partnershipBoard(query: PartnershipQuery, perColumn: number): Promise<Board> {
  return call("partnerships_board", { query, perColumn });
}

/** One page of the list view (or more cards of a board column: query.stage + sort "stage"). */
export function partnershipPage(
  query: PartnershipQuery,
  sort: PartnershipSort,
  descending: boolean,
  offset: number,
  limit: number,
): Promise<PartnershipPage> {
  return call("partnerships_page", { query, sort, descending, offset, limit });
}

export function partnershipOverview(): Promise<Overview> {
  return call("partnerships_overview");
}

/** « Champ des possibles »: the actors `id` could build a partnership with, best first. */
export function actorPossibilities(id: string, limit: number): Promise<Possibility[]> {
  return call("actor_possibilities", { id, limit });
}

/** « Essaimer »: a new partnership with the structure of `id`, elsewhere. */
export function essaimerPartnership(id: string, plan: EssaimagePlan): Promise<Partnership> {
  return call("partnership_essaimer", { id, plan });
}

export function classifyPartnership(yes: Question[]): Promise<ClassificationProposal> {
  return call("partnership_classify", { yes });
}

// ---------- Documents (PDF) ----------

/**
 * « Fiche PDF » / « Convention PDF »: the shell asks where to save, writes the
 * PDF and opens it in the system viewer. Resolves to the path, or null when
 * the person cancelled the save dialog.
 */
export function documentSave(id: string, kind: DocumentKind): Promise<string | null> {
  return call("document_save", { id, kind, labels: fileDialog((d) => d.document(kind)) });
}

/**
 * The briefs of every partnership matching `query`: one PDF each in a chosen
 * folder, or one combined PDF (`combined`). Progress comes as
 * `briefs-progress` events (see onBriefsProgress); null when cancelled.
 */
export function exportBriefs(query: PartnershipQuery, combined: boolean): Promise<BriefsExport | null> {
  const labels = fileDialog((d) => (combined ? d.briefsCombined : d.briefsFolder));
  return call("briefs_export", { query, combined, labels });
}

/** Stops the running export after the brief being written; it then answers null and keeps no file. */
export async function cancelBriefsExport(): Promise<void> {
  await call<null>("briefs_export_cancel");
}

/** Listens to `briefs-progress`; resolves to the function that stops listening. */
export function onBriefsProgress(handler: (progress: BriefsProgress) => void): Promise<() => void> {
  return subscribe("briefs-progress", (payload) => handler(payload as BriefsProgress));
}

/** Saves the agreement's preamble and free clauses, edited on `version` (a stale one is refused). */
export function setPartnershipAgreement(id: string, version: number, text: AgreementText): Promise<Partnership> {
  return call("partnership_agreement_set", { id, version, text });
}

// ---------- Data: import, backups ----------

/** What a native open dialog is for (its title and file filters). */
export type FilePurpose = "import" | "restore";

/** The shell's open dialog; resolves to the chosen path, or null when the person cancelled. */
export function filePick(purpose: FilePurpose): Promise<string | null> {
  const labels = fileDialog((d) => (purpose === "import" ? d.importFile : d.restoreFile));
  return call("file_pick", { purpose, labels });
}

/** Reads the file's header and first rows, and guesses (or remembers) each column's field. */
export function importPreview(path: string): Promise<ImportPreview> {
  return call("import_preview", { path });
}

/**
 * Imports the file (or only checks it: `options.dryRun`). Progress comes as
 * `import-progress` events (see onImportProgress); a cancelled run rejects
 * with a `conflict` error and imports nothing.
 */
export function importRun(path: string, options: ImportOptions): Promise<ImportReport> {
  return call("import_run", { path, options });
}

/** Stops the running import; it then rejects and nothing is imported. */
export async function importCancel(): Promise<void> {
  await call<null>("import_cancel");
}

/** Listens to `import-progress`; resolves to the function that stops listening. */
export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<() => void> {
  return subscribe("import-progress", (payload) => handler(payload as ImportProgress));
}

/** Every import, newest first. */
export function listImports(): Promise<ImportRecord[]> {
  return call("imports_list");
}

/** Removes what an import created; `conflict` when its actors are now in partnerships. */
export function undoImport(id: string): Promise<ImportUndone> {
  return call("import_undo", { id });
}

/** Every backup file, newest first. */
export function listBackups(): Promise<BackupEntry[]> {
  return call("backups_list");
}

/** « Sauvegarder maintenant »: progress comes as `backup-progress` events (pages copied). */
export function createBackup(): Promise<BackupEntry> {
  return call("backup_create");
}

/** Listens to `backup-progress`; resolves to the function that stops listening. */
export function onBackupProgress(handler: (progress: BackupProgress) => void): Promise<() => void> {
  return subscribe("backup-progress", (payload) => handler(payload as BackupProgress));
}

/**
 * Replaces every piece of data with the backup's. Resolves to the backup of
 * the state it replaced (null if none was needed); refuses a file that is not
 * a Tisserand database, comes from a newer version or is damaged.
 */
export function restoreBackup(path: string): Promise<BackupEntry | null> {
  return call("backup_restore", { path });
}

// ---------- Data: export, duplicates, personal data ----------

/** One kind of records as CSV, XLSX or JSON, after a save dialog; null when the person cancelled. */
export function exportSave(kind: ExportKind, format: ExportFormat): Promise<ExportSummary | null> {
  return call("export_save", { kind, format, labels: fileDialog((d) => d.exportRecords(format)) });
}

/** The selected contacts for an invitation mailing (CSV or XLSX), after a save dialog; null when cancelled. */
export function exportContactsSave(selection: ContactSelection, format: ExportFormat): Promise<MailingExport | null> {
  return call("contacts_export_save", { selection, format, labels: fileDialog((d) => d.exportMailing(format)) });
}

/** The whole database as one JSON document, after a save dialog; null when cancelled. */
export function exportAllSave(): Promise<ExportSummary | null> {
  return call("export_all_save", { labels: fileDialog((d) => d.exportAll) });
}

/** The probable duplicates (at most 300 pairs of each kind; the totals may be larger). */
export function scanDuplicates(): Promise<Duplicates> {
  return call("duplicates_scan");
}

/** Merges `other` into `keep` (after a backup); `invalid` when the chosen values do not make a valid record. */
export function mergeDuplicates(entity: DuplicateEntity, keep: string, other: string, choices: MergeChoices): Promise<MergeOutcome> {
  return call("duplicates_merge", { entity, keep, other, choices });
}

/** Undoes a merge; `conflict` when a record it touched changed since. */
export function undoMerge(id: string): Promise<MergeRecord> {
  return call("merge_undo", { id });
}

/** Every merge, newest first. */
export function listMerges(): Promise<MergeRecord[]> {
  return call("merges_list");
}

/** « Ce ne sont pas des doublons »: the pair is never proposed again. */
export async function dismissDuplicate(entity: DuplicateEntity, a: string, b: string): Promise<void> {
  await call<null>("duplicate_dismiss", { entity, a, b });
}

/** Everything Tisserand holds about a person (a contact, live or deleted). */
export function getPerson(id: string): Promise<PersonExport> {
  return call("person_get", { id });
}

/** Writes the person's data as JSON after a save dialog; the path, or null when cancelled. */
export function personExportSave(id: string): Promise<string | null> {
  return call("person_export_save", { id, labels: fileDialog((d) => d.personData) });
}

/** Erases the person everywhere (after a backup). Irreversible. */
export function erasePerson(id: string): Promise<ErasureSummary> {
  return call("person_erase", { id });
}

/** Whether `typed` names the person `expected` well enough to confirm their erasure (the core's folding). */
export function personNameMatches(expected: string, typed: string): Promise<boolean> {
  return call("person_name_matches", { expected, typed });
}

// ---------- Événements: speed-dating ----------

/** Live events, the latest date first, with their counts. */
export function listEvents(): Promise<EventSummary[]> {
  return call("events_list");
}

/** An event with its participants, wishes, plan, ticks and follow-ups. */
export function getEvent(id: string): Promise<EventDetail> {
  return call("event_get", { id });
}

export function validateEvent(input: EventInput): Promise<FieldError[]> {
  return call("event_validate", { input });
}

export function createEvent(input: EventInput): Promise<Event> {
  return call("event_create", { input });
}

/** Saves the form loaded at `version`; `conflict` when the event changed since. */
export function updateEvent(id: string, version: number, input: EventInput): Promise<Event> {
  return call("event_update", { id, version, input });
}

export async function deleteEvent(id: string): Promise<void> {
  await call<null>("event_delete", { id });
}

export async function restoreEvent(id: string): Promise<void> {
  await call<null>("event_restore", { id });
}

/** Adds a directory actor; without `side`, companies and funders join the companies. */
export function addEventParticipant(id: string, actorId: string, side: EventSide | null): Promise<EventDetail> {
  return call("event_participant_add", { id, actorId, side });
}

/** Someone at the door: creates a minimal actor (and its contact), present. */
export function quickAddParticipant(id: string, input: QuickAdd): Promise<EventDetail> {
  return call("event_quick_add", { id, input });
}

export function removeEventParticipant(id: string, participantId: string): Promise<EventDetail> {
  return call("event_participant_remove", { id, participantId });
}

/** Presence, table (null frees it) or side of one participant. */
export function changeEventParticipant(id: string, participantId: string, change: ParticipantChange): Promise<EventDetail> {
  return call("event_participant_change", { id, participantId, change });
}

/** Sets (or with null clears) `from`'s wish toward `to`. */
export function setEventWish(id: string, from: string, to: string, level: WishLevel | null): Promise<EventDetail> {
  return call("event_wish_set", { id, from, to, level });
}

/** Plans optimally, or re-plans the rounds not started yet. */
export function planEvent(id: string): Promise<EventDetail> {
  return call("event_plan", { id });
}

/** The room clock now (after `action`), with the table plan the projector shows. */
export function eventRoom(id: string, action: RoomAction | null = null): Promise<RoomState> {
  return call("event_room", { id, action });
}

/** Opens the room window (full screen) on this event, titled `title` (in the person's language). */
export async function openEventRoom(id: string, title: string): Promise<void> {
  await call<null>("event_room_open", { id, title });
}

/** Full screen on or off for this window. */
export async function setFullscreen(on: boolean): Promise<void> {
  await call<null>("window_fullscreen", { on });
}

/** Closes this window (the room). */
export async function closeThisWindow(): Promise<void> {
  await call<null>("window_close");
}

/** Saves one meeting's ticks and notes. */
export function captureMeeting(id: string, capture: MeetingCapture): Promise<EventMeeting> {
  return call("event_capture", { id, capture });
}

/** Mutual ticks become partnerships at « rencontre », one-sided ones follow-ups. */
export function createEventLeads(id: string): Promise<LeadsOutcome> {
  return call("event_leads", { id });
}

export async function setFollowUpDone(id: string, done: boolean): Promise<void> {
  await call<null>("follow_up_done", { id, done });
}

export function openFollowUps(): Promise<FollowUp[]> {
  return call("follow_ups_open");
}

export function eventReport(id: string): Promise<EventReport> {
  return call("event_report", { id });
}

export function eventsYearReport(year: number): Promise<EventReport> {
  return call("events_year_report", { year });
}

/** Writes the pack (or one participant's planning) after a save dialog; the path, or null when cancelled. */
export function eventPackSave(id: string, participantId: string | null = null): Promise<string | null> {
  const labels = fileDialog((d) => (participantId === null ? d.eventPack : d.eventPlanning));
  return call("event_pack_save", { id, participantId, labels });
}

/** Listens to `event-changed` (the room started a round…); resolves to the function that stops listening. */
export function onEventChanged(handler: (id: string) => void): Promise<() => void> {
  return subscribe("event-changed", (payload) => handler(payload as string));
}
