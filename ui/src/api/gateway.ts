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
import type { ClassificationQuestion } from "../bindings/ClassificationQuestion";
import type { Commune } from "../bindings/Commune";
import type { Home } from "../bindings/Home";
import type { SettingsInput } from "../bindings/SettingsInput";
import type { SettingsView } from "../bindings/SettingsView";
import type { ImpactFigures } from "../bindings/ImpactFigures";
import type { ImpactFilters } from "../bindings/ImpactFilters";
import type { ImpactReportRequest } from "../bindings/ImpactReportRequest";
import type { ImpactSlice } from "../bindings/ImpactSlice";
import type { ReportStoryChoice } from "../bindings/ReportStoryChoice";
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
import type { OpenFollowUp } from "../bindings/OpenFollowUp";
import type { LeadsOutcome } from "../bindings/LeadsOutcome";
import type { MeetingCapture } from "../bindings/MeetingCapture";
import type { ParticipantChange } from "../bindings/ParticipantChange";
import type { QuickAdd } from "../bindings/QuickAdd";
import type { RoomAction } from "../bindings/RoomAction";
import type { RoomState } from "../bindings/RoomState";
import type { WishLevel } from "../bindings/WishLevel";
import type { EventWishSuggestions } from "../bindings/EventWishSuggestions";
import type { WishPair } from "../bindings/WishPair";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportKind } from "../bindings/ExportKind";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { MappingIssue } from "../bindings/MappingIssue";
import type { MergeOutcome } from "../bindings/MergeOutcome";
import type { MergePreview } from "../bindings/MergePreview";
import type { PersonExport } from "../bindings/PersonExport";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { EssaimagePlan } from "../bindings/EssaimagePlan";
import type { ContactInput } from "../bindings/ContactInput";
import type { Facets } from "../bindings/Facets";
import type { ImportField } from "../bindings/ImportField";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { ImportRecord } from "../bindings/ImportRecord";
import type { ImportReport } from "../bindings/ImportReport";
import type { ImportUndone } from "../bindings/ImportUndone";
import type { FieldError } from "../bindings/FieldError";
import type { Overview } from "../bindings/Overview";
import type { Partnership } from "../bindings/Partnership";
import type { PartyEvaluationInput } from "../bindings/PartyEvaluationInput";
import type { PartnershipDetail } from "../bindings/PartnershipDetail";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { PartnershipPage } from "../bindings/PartnershipPage";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSort } from "../bindings/PartnershipSort";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { Possibility } from "../bindings/Possibility";
import type { Question } from "../bindings/Question";
import type { ReadRow } from "../bindings/ReadRow";
import type { SearchHit } from "../bindings/SearchHit";
import type { Stage } from "../bindings/Stage";
import type { PhotoInput } from "../bindings/PhotoInput";
import type { Story } from "../bindings/Story";
import type { StoryDetail } from "../bindings/StoryDetail";
import type { StoryInput } from "../bindings/StoryInput";
import type { StorySummary } from "../bindings/StorySummary";
import type { TypedRow } from "../bindings/TypedRow";
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

export function getAppInfo(): Promise<AppInfo> {
  return call("get_app_info");
}

export function listActors(query: ActorQuery): Promise<ActorPage> {
  return call("list_actors", { query });
}

/** One window of Annuaire › Contacts, with why a mailing would leave each contact out. */
export function listContacts(query: ContactQuery): Promise<ContactPage> {
  return call("list_contacts", { query });
}

export function getActorFacets(): Promise<Facets> {
  return call("get_actor_facets");
}

export function getActor(id: string): Promise<ActorDetail> {
  return call("get_actor", { id });
}

export function validateActor(input: ActorInput): Promise<FieldError[]> {
  return call("validate_actor", { input });
}

/** For an association seated in this commune: its regime, the courts keeping registers, the court to suggest. */
export function getAssociationRegisterHint(communeInsee: string | null): Promise<RegisterHint> {
  return call("get_association_register_hint", { communeInsee });
}

export function createActor(input: ActorInput): Promise<Actor> {
  return call("create_actor", { input });
}

export function updateActor(id: string, input: ActorInput): Promise<Actor> {
  return call("update_actor", { id, input });
}

export async function deleteActor(id: string): Promise<void> {
  await call<null>("delete_actor", { id });
}

/** What deleting the actor would touch: its contacts, the partnerships that keep it, its events. */
export function getActorTies(id: string): Promise<ActorTies> {
  return call("get_actor_ties", { id });
}

export async function restoreActor(id: string): Promise<void> {
  await call<null>("restore_actor", { id });
}

export function validateContact(input: ContactInput): Promise<FieldError[]> {
  return call("validate_contact", { input });
}

export function createContact(input: ContactInput): Promise<Contact> {
  return call("create_contact", { input });
}

export function updateContact(id: string, input: ContactInput): Promise<Contact> {
  return call("update_contact", { id, input });
}

export async function deleteContact(id: string): Promise<void> {
  await call<null>("delete_contact", { id });
}

export async function restoreContact(id: string): Promise<void> {
  await call<null>("restore_contact", { id });
}

export function search(text: string, limit: number): Promise<SearchHit[]> {
  return call("search", { text, limit });
}

export function searchCommunes(text: string, limit: number): Promise<Commune[]> {
  return call("search_communes", { text, limit });
}

export function loadDemo(): Promise<DemoSummary> {
  return call("load_demo");
}

// ---------- Partnerships ----------

export function listPartnerships(query: PartnershipQuery): Promise<PartnershipSummary[]> {
  return call("list_partnerships", { query });
}

export function getPartnership(id: string): Promise<PartnershipDetail> {
  return call("get_partnership", { id });
}

export function validatePartnership(input: PartnershipInput): Promise<FieldError[]> {
  return call("validate_partnership", { input });
}

/** What a person typed in a partnership row dialog, read by the core: the values, or errors by field. */
export function parsePartnershipRow(typed: TypedRow): Promise<ReadRow> {
  return call("parse_partnership_row", { typed });
}

/** The errors the core would give the agreement's text (none: an empty list). */
export function validateAgreementText(text: AgreementText): Promise<FieldError[]> {
  return call("validate_agreement_text", { text });
}

export function createPartnership(input: PartnershipInput): Promise<Partnership> {
  return call("create_partnership", { input });
}

export function updatePartnership(id: string, version: number, input: PartnershipInput): Promise<Partnership> {
  return call("update_partnership", { id, version, input });
}

export function movePartnership(id: string, stage: Stage, reason: string | null): Promise<Partnership> {
  return call("move_partnership", { id, stage, reason });
}

export function notePartnership(id: string, text: string): Promise<Partnership> {
  return call("note_partnership", { id, text });
}

export function completePartnershipAction(id: string, index: number): Promise<Partnership> {
  return call("complete_partnership_action", { id, index });
}

/** Undoes `completePartnershipAction`: the action is to do again. */
export function reopenPartnershipAction(id: string, index: number): Promise<Partnership> {
  return call("reopen_partnership_action", { id, index });
}

/** « Accueil »: what needs the facilitator today. */
export function getHome(): Promise<Home> {
  return call("get_home");
}

/** Records a dated value ("YYYY-MM-DD", today when null) of the partnership's indicator `index`. */
export function measurePartnership(
  id: string,
  version: number | null,
  index: number,
  on: string | null,
  value: number,
): Promise<Partnership> {
  return call("measure_partnership", { id, version, index, on, value });
}

/** Adds a party's evaluation to the partnership loaded at `version` (the core reads the date and the answers). */
export function evaluatePartnership(id: string, version: number, input: PartyEvaluationInput): Promise<Partnership> {
  return call("evaluate_partnership", { id, version, input });
}

/** Deletes evaluation `index` of the partnership loaded at `version` (the undo of an addition). */
export function deletePartnershipEvaluation(id: string, version: number, index: number): Promise<Partnership> {
  return call("delete_partnership_evaluation", { id, version, index });
}

export async function deletePartnership(id: string): Promise<void> {
  await call<null>("delete_partnership", { id });
}

export async function restorePartnership(id: string): Promise<void> {
  await call<null>("restore_partnership", { id });
}

/** The board: each stage's count and its first `perColumn` cards. */
export function getPartnershipBoard(query: PartnershipQuery, perColumn: number): Promise<Board> {
  return call("get_partnership_board", { query, perColumn });
}

/** One page of the list view (or more cards of a board column: query.stage + sort "stage"). */
export function getPartnershipPage(
  query: PartnershipQuery,
  sort: PartnershipSort,
  descending: boolean,
  offset: number,
  limit: number,
): Promise<PartnershipPage> {
  return call("get_partnership_page", { query, sort, descending, offset, limit });
}

export function getPartnershipOverview(): Promise<Overview> {
  return call("get_partnership_overview");
}

/** « Champ des possibles »: the actors `id` could build a partnership with, best first. */
export function listPossibles(id: string, limit: number): Promise<Possibility[]> {
  return call("list_possibles", { id, limit });
}

/** « Essaimer »: a new partnership with the structure of `id`, elsewhere. */
export function essaimerPartnership(id: string, plan: EssaimagePlan): Promise<Partnership> {
  return call("essaimer_partnership", { id, plan });
}

export function classifyPartnership(yes: Question[]): Promise<ClassificationProposal> {
  return call("classify_partnership", { yes });
}

/** The guided classification's questions, in order, with when each is asked and what a yes means. */
export function listClassificationQuestions(): Promise<ClassificationQuestion[]> {
  return call("list_classification_questions", {});
}

// ---------- Documents (PDF) ----------

/**
 * « Fiche PDF » / « Convention PDF »: the shell asks where to save, writes the
 * PDF and opens it in the system viewer. Resolves to the path, or null when
 * the person cancelled the save dialog.
 */
export function saveDocument(id: string, kind: DocumentKind): Promise<string | null> {
  return call("save_document", { id, kind, labels: fileDialog((d) => d.document(kind)) });
}

/**
 * The briefs of every partnership matching `query`: one PDF each in a chosen
 * folder, or one combined PDF (`combined`). Progress comes as
 * `briefs-progress` events (see onBriefsProgress); null when cancelled.
 */
export function exportBriefs(query: PartnershipQuery, combined: boolean): Promise<BriefsExport | null> {
  const labels = fileDialog((d) => (combined ? d.briefsCombined : d.briefsFolder));
  return call("export_briefs", { query, combined, labels });
}

/** Stops the running export after the brief being written; it then answers null and keeps no file. */
export async function cancelBriefsExport(): Promise<void> {
  await call<null>("cancel_briefs_export");
}

/** Listens to `briefs-progress`; resolves to the function that stops listening. */
export function onBriefsProgress(handler: (progress: BriefsProgress) => void): Promise<() => void> {
  return subscribe("briefs-progress", (payload) => handler(payload as BriefsProgress));
}

/** Saves the agreement's preamble and free clauses, edited on `version` (a stale one is refused). */
export function setPartnershipAgreement(id: string, version: number, text: AgreementText): Promise<Partnership> {
  return call("set_partnership_agreement", { id, version, text });
}

// ---------- Data: import, backups ----------

/** What a native open dialog is for (its title and file filters). */
export type FilePurpose = "import" | "restore" | "photo" | "logo";

/** The shell's open dialog; resolves to the chosen path, or null when the person cancelled. */
export function pickFile(purpose: FilePurpose): Promise<string | null> {
  const labels = fileDialog((d) => ({ import: d.importFile, photo: d.storyPhoto, logo: d.logo, restore: d.restoreFile })[purpose]);
  return call("pick_file", { purpose, labels });
}

/** Reads the file's header and first rows, and guesses (or remembers) each column's field. */
export function previewImport(path: string): Promise<ImportPreview> {
  return call("preview_import", { path });
}

/** What the core finds wrong with a mapping of the previewed file's columns (none: it can be imported). */
export function validateImportMapping(headers: string[], mapping: (ImportField | null)[]): Promise<MappingIssue[]> {
  return call("validate_import_mapping", { headers, mapping });
}

/**
 * Imports the file (or only checks it: `options.dryRun`). Progress comes as
 * `import-progress` events (see onImportProgress); a cancelled run rejects
 * with a `conflict` error and imports nothing.
 */
export function importActors(path: string, options: ImportOptions): Promise<ImportReport> {
  return call("import_actors", { path, options });
}

/** Stops the running import; it then rejects and nothing is imported. */
export async function cancelImport(): Promise<void> {
  await call<null>("cancel_import");
}

/** Listens to `import-progress`; resolves to the function that stops listening. */
export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<() => void> {
  return subscribe("import-progress", (payload) => handler(payload as ImportProgress));
}

/** Every import, newest first. */
export function listImports(): Promise<ImportRecord[]> {
  return call("list_imports");
}

/** Removes what an import created; `conflict` when its actors are now in partnerships. */
export function undoImport(id: string): Promise<ImportUndone> {
  return call("undo_import", { id });
}

/** Every backup file, newest first. */
export function listBackups(): Promise<BackupEntry[]> {
  return call("list_backups");
}

/** « Sauvegarder maintenant »: progress comes as `backup-progress` events (pages copied). */
export function createBackup(): Promise<BackupEntry> {
  return call("create_backup");
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
  return call("restore_backup", { path });
}

// ---------- Data: export, duplicates, personal data ----------

/** One kind of records as CSV, XLSX or JSON, after a save dialog; null when the person cancelled. */
export function saveExport(kind: ExportKind, format: ExportFormat): Promise<ExportSummary | null> {
  return call("save_export", { kind, format, labels: fileDialog((d) => d.exportRecords(format)) });
}

/** The selected contacts for an invitation mailing (CSV or XLSX), after a save dialog; null when cancelled. */
export function saveContactsExport(selection: ContactSelection, format: ExportFormat): Promise<MailingExport | null> {
  return call("save_contacts_export", { selection, format, labels: fileDialog((d) => d.exportMailing(format)) });
}

/** The whole database as one JSON document, after a save dialog; null when cancelled. */
export function saveExportAll(): Promise<ExportSummary | null> {
  return call("save_export_all", { labels: fileDialog((d) => d.exportAll) });
}

/** The probable duplicates (at most `maxListed` pairs of each kind; the totals may be larger), each with the record kept by default. */
export function scanDuplicates(): Promise<Duplicates> {
  return call("scan_duplicates");
}

/** What merging `other` into `keep` would leave: per field both values, the sides offered, the default and each side's result. */
export function getMergePreview(entity: DuplicateEntity, keep: string, other: string): Promise<MergePreview> {
  return call("get_merge_preview", { entity, keep, other });
}

/** Merges `other` into `keep` (after a backup); `invalid` when the chosen values do not make a valid record. */
export function mergeDuplicates(entity: DuplicateEntity, keep: string, other: string, choices: MergeChoices): Promise<MergeOutcome> {
  return call("merge_duplicates", { entity, keep, other, choices });
}

/** Undoes a merge; `conflict` when a record it touched changed since. */
export function undoMerge(id: string): Promise<MergeRecord> {
  return call("undo_merge", { id });
}

/** Every merge, newest first. */
export function listMerges(): Promise<MergeRecord[]> {
  return call("list_merges");
}

/** « Ce ne sont pas des doublons »: the pair is never proposed again. */
export async function dismissDuplicate(entity: DuplicateEntity, a: string, b: string): Promise<void> {
  await call<null>("dismiss_duplicate", { entity, a, b });
}

/** Everything Tisserand holds about a person (a contact, live or deleted). */
export function getPerson(id: string): Promise<PersonExport> {
  return call("get_person", { id });
}

/** Writes the person's data as JSON after a save dialog; the path, or null when cancelled. */
export function savePersonExport(id: string): Promise<string | null> {
  return call("save_person_export", { id, labels: fileDialog((d) => d.personData) });
}

/** Erases the person everywhere (after a backup). Irreversible. */
export function erasePerson(id: string): Promise<ErasureSummary> {
  return call("erase_person", { id });
}

/** Whether `typed` names the person `expected` well enough to confirm their erasure (the core's folding). */
export function matchPersonName(expected: string, typed: string): Promise<boolean> {
  return call("match_person_name", { expected, typed });
}

// ---------- Événements: speed-dating ----------

/** Live events, the latest date first, with their counts. */
export function listEvents(): Promise<EventSummary[]> {
  return call("list_events");
}

/** An event with its participants, wishes, plan, ticks and follow-ups. */
export function getEvent(id: string): Promise<EventDetail> {
  return call("get_event", { id });
}

/** The event form's starting values: the event's settings, or a new event's defaults without `id`. */
export function getEventInput(id: string | null): Promise<EventInput> {
  return call("get_event_input", { id });
}

export function validateEvent(input: EventInput): Promise<FieldError[]> {
  return call("validate_event", { input });
}

export function createEvent(input: EventInput): Promise<Event> {
  return call("create_event", { input });
}

/** Saves the form loaded at `version`; `conflict` when the event changed since. */
export function updateEvent(id: string, version: number, input: EventInput): Promise<Event> {
  return call("update_event", { id, version, input });
}

export async function deleteEvent(id: string): Promise<void> {
  await call<null>("delete_event", { id });
}

export async function restoreEvent(id: string): Promise<void> {
  await call<null>("restore_event", { id });
}

/** Adds a directory actor; without `side`, companies and funders join the companies. */
export function addEventParticipant(id: string, actorId: string, side: EventSide | null): Promise<EventDetail> {
  return call("add_event_participant", { id, actorId, side });
}

/** Someone at the door: creates a minimal actor (and its contact), present. */
export function quickAddEventParticipant(id: string, input: QuickAdd): Promise<EventDetail> {
  return call("quick_add_event_participant", { id, input });
}

export function removeEventParticipant(id: string, participantId: string): Promise<EventDetail> {
  return call("remove_event_participant", { id, participantId });
}

/** Presence, table (null frees it) or side of one participant. */
export function changeEventParticipant(id: string, participantId: string, change: ParticipantChange): Promise<EventDetail> {
  return call("change_event_participant", { id, participantId, change });
}

/** Sets (or with null clears) `from`'s wish toward `to`. */
export function setEventWish(id: string, from: string, to: string, level: WishLevel | null): Promise<EventDetail> {
  return call("set_event_wish", { id, from, to, level });
}

/** For each participant, the participants of the other side it should meet (« champ des possibles »). */
export function listEventWishSuggestions(id: string): Promise<EventWishSuggestions> {
  return call("list_event_wish_suggestions", { id });
}

/** Adds the accepted suggestions as « aimerait rencontrer » wishes, all or none. */
export function acceptEventWishSuggestions(id: string, pairs: WishPair[]): Promise<EventDetail> {
  return call("accept_event_wish_suggestions", { id, pairs });
}

/** Plans optimally, or re-plans the rounds not started yet. */
export function planEvent(id: string): Promise<EventDetail> {
  return call("plan_event", { id });
}

/** The room clock now (after `action`), with the table plan the projector shows. */
export function runEventRoom(id: string, action: RoomAction | null = null): Promise<RoomState> {
  return call("run_event_room", { id, action });
}

/** Opens the room window (full screen) on this event, titled `title` (in the person's language). */
export async function openEventRoom(id: string, title: string): Promise<void> {
  await call<null>("open_event_room", { id, title });
}

/** Full screen on or off for this window. */
export async function setFullscreen(on: boolean): Promise<void> {
  await call<null>("set_fullscreen", { on });
}

/** Closes this window (the room). */
export async function closeWindow(): Promise<void> {
  await call<null>("close_window");
}

/** Saves one meeting's ticks and notes. */
export function captureEventMeeting(id: string, capture: MeetingCapture): Promise<EventMeeting> {
  return call("capture_event_meeting", { id, capture });
}

/** Mutual ticks become partnerships at « rencontre », one-sided ones follow-ups. */
export function createEventLeads(id: string): Promise<LeadsOutcome> {
  return call("create_event_leads", { id });
}

export async function setFollowUpDone(id: string, done: boolean): Promise<void> {
  await call<null>("set_follow_up_done", { id, done });
}

export function listOpenFollowUps(): Promise<OpenFollowUp[]> {
  return call("list_open_follow_ups");
}

export function getEventReport(id: string): Promise<EventReport> {
  return call("get_event_report", { id });
}

export function getEventsYearReport(year: number): Promise<EventReport> {
  return call("get_events_year_report", { year });
}

/** Writes the pack (or one participant's planning) after a save dialog; the path, or null when cancelled. */
export function saveEventPack(id: string, participantId: string | null = null): Promise<string | null> {
  const labels = fileDialog((d) => (participantId === null ? d.eventPack : d.eventPlanning));
  return call("save_event_pack", { id, participantId, labels });
}

/** Listens to `event-changed` (the room started a round…); resolves to the function that stops listening. */
export function onEventChanged(handler: (id: string) => void): Promise<() => void> {
  return subscribe("event-changed", (payload) => handler(payload as string));
}

/** The Impact page's figures for these filters (every number the page shows). */
export function getImpact(filters: ImpactFilters): Promise<ImpactFigures> {
  return call("get_impact", { filters });
}

/** The partnerships behind one figure of the Impact page, by title. */
export function listImpactPartnerships(filters: ImpactFilters, slice: ImpactSlice): Promise<PartnershipSummary[]> {
  return call("list_impact_partnerships", { filters, slice });
}

/** The stories the impact report may tell for these filters: those of the partnerships in scope, newest first. */
export function listImpactStories(filters: ImpactFilters): Promise<ReportStoryChoice[]> {
  return call("list_impact_stories", { filters });
}

/**
 * The impact report's PDF (the page's figures for the same filters, the
 * stories chosen, the partners who agreed to be named). The shell asks where
 * to save and opens it; null when cancelled.
 */
export function saveImpactReport(request: ImpactReportRequest): Promise<string | null> {
  return call("save_impact_report", { request, labels: fileDialog((d) => d.impactReport) });
}

// ---------- Belles histoires (stories) ----------

/** The field errors of a story of partnership `partnershipId` (empty when valid). */
export function validateStory(partnershipId: string, input: StoryInput): Promise<FieldError[]> {
  return call("validate_story", { partnershipId, input });
}

export function createStory(partnershipId: string, input: StoryInput): Promise<Story> {
  return call("create_story", { partnershipId, input });
}

/** Saves an edit made on `version` (a stale one is refused as a conflict). */
export function updateStory(id: string, version: number, input: StoryInput): Promise<Story> {
  return call("update_story", { id, version, input });
}

export async function deleteStory(id: string): Promise<void> {
  await call<null>("delete_story", { id });
}

export function restoreStory(id: string): Promise<Story> {
  return call("restore_story", { id });
}

/** The stories of a partnership, oldest first. */
export function listStories(partnershipId: string): Promise<StorySummary[]> {
  return call("list_stories", { partnershipId });
}

/** A story with its partners and its indicators' latest values, read now. */
export function getStory(id: string): Promise<StoryDetail> {
  return call("get_story", { id });
}

/** Adds the photo at `path` (chosen with pickFile("photo")); refused clearly when it is not a JPEG or PNG. */
export function addStoryPhoto(id: string, path: string, meta: PhotoInput): Promise<Story> {
  return call("add_story_photo", { id, path, meta });
}

export function updateStoryPhoto(photoId: string, meta: PhotoInput): Promise<Story> {
  return call("update_story_photo", { photoId, meta });
}

export function deleteStoryPhoto(photoId: string): Promise<Story> {
  return call("delete_story_photo", { photoId });
}

export function restoreStoryPhoto(photoId: string): Promise<Story> {
  return call("restore_story_photo", { photoId });
}

/** A photo as a `data:` URL: its thumbnail, or the stored image. */
export function getStoryPhoto(photoId: string, thumbnail: boolean): Promise<string> {
  return call("get_story_photo", { photoId, thumbnail });
}

/**
 * The story's one-page PDF: for publication (only what may be published) or
 * internal use. The shell asks where to save and opens it; null when cancelled.
 */
export function saveStoryPdf(id: string, publication: boolean): Promise<string | null> {
  return call("save_story_pdf", { id, publication, labels: fileDialog((d) => d.storyPdf) });
}

// --- Réglages -------------------------------------------------------------

export function getSettings(): Promise<SettingsView> {
  return call("get_settings");
}

export function validateSettings(input: SettingsInput): Promise<FieldError[]> {
  return call("validate_settings", { input });
}

export function saveSettings(input: SettingsInput): Promise<SettingsView> {
  return call("save_settings", { input });
}

/** Sets the organisation's logo from the file at `path` (see `pickFile("photo")`). */
export function setLogo(path: string): Promise<SettingsView> {
  return call("set_logo", { path });
}

export function removeLogo(): Promise<SettingsView> {
  return call("remove_logo");
}

/** Opens the data folder in the system's file manager. */
export function openDataFolder(): Promise<void> {
  return call("open_data_folder");
}

/** Asks for a folder (the second backup folder); `null` when cancelled. */
export function pickFolder(): Promise<string | null> {
  return call("pick_folder", { labels: fileDialog((d) => d.backupFolder) });
}

/** Takes a backup now and copies it into the second folder of Réglages. */
export function copyBackupNow(): Promise<BackupEntry> {
  return call("copy_backup_now");
}

/** Keeps an event form's timing as what new events start from. */
export function saveEventDefaults(input: EventInput): Promise<SettingsView> {
  return call("save_event_defaults", { input });
}

/** New events start from the built-in values again. */
export function clearEventDefaults(): Promise<SettingsView> {
  return call("clear_event_defaults");
}
