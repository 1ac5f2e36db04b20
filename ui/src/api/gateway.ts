// The only module that talks to the desktop shell. One typed function per
// command of docs/ipc.md; every rejection becomes an `AppError`.
//
// With `vite --mode mock` the calls go to an in-memory backend (devMock.ts),
// loaded by a dynamic import that the production build drops entirely.
import { invoke as tauriInvoke } from "@tauri-apps/api/core";

import type { Actor } from "../bindings/Actor";
import type { ActorDetail } from "../bindings/ActorDetail";
import type { ActorInput } from "../bindings/ActorInput";
import type { ActorPage } from "../bindings/ActorPage";
import type { ActorQuery } from "../bindings/ActorQuery";
import type { ClassificationProposal } from "../bindings/ClassificationProposal";
import type { Commune } from "../bindings/Commune";
import type { Contact } from "../bindings/Contact";
import type { ContactInput } from "../bindings/ContactInput";
import type { Facets } from "../bindings/Facets";
import type { FieldError } from "../bindings/FieldError";
import type { Partnership } from "../bindings/Partnership";
import type { PartnershipDetail } from "../bindings/PartnershipDetail";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { PartnershipSummary } from "../bindings/PartnershipSummary";
import type { Question } from "../bindings/Question";
import type { SearchHit } from "../bindings/SearchHit";
import type { Stage } from "../bindings/Stage";
import { toAppError } from "./errors";
import type { AppInfo, DemoSummary } from "./types";

type InvokeArgs = Record<string, unknown>;
export type Invoke = <T>(command: string, args?: InvokeArgs) => Promise<T>;

let backend: Promise<Invoke> | null = null;

function resolveBackend(): Promise<Invoke> {
  if (import.meta.env.MODE === "mock") {
    return import("./devMock").then((m) => m.mockInvoke as Invoke);
  }
  return Promise.resolve(tauriInvoke);
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  backend ??= resolveBackend();
  try {
    const invoke = await backend;
    return await invoke<T>(command, args);
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

export function actorFacets(): Promise<Facets> {
  return call("actors_facets");
}

export function getActor(id: string): Promise<ActorDetail> {
  return call("actor_get", { id });
}

export function validateActor(input: ActorInput): Promise<FieldError[]> {
  return call("actor_validate", { input });
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

export async function deletePartnership(id: string): Promise<void> {
  await call<null>("partnership_delete", { id });
}

export async function restorePartnership(id: string): Promise<void> {
  await call<null>("partnership_restore", { id });
}

export function classifyPartnership(yes: Question[]): Promise<ClassificationProposal> {
  return call("partnership_classify", { yes });
}
