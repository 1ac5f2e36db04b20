import type { Consent } from "../../bindings/Consent";
import type { Contact } from "../../bindings/Contact";
import type { ContactInput } from "../../bindings/ContactInput";
import type { ContactSource } from "../../bindings/ContactSource";
import type { LegalBasis } from "../../bindings/LegalBasis";
import { isoToTyped } from "../../lib/format";

export const LEGAL_BASES: readonly LegalBasis[] = ["interet_legitime", "consentement", "contrat"];
export const CONTACT_SOURCES: readonly ContactSource[] = [
  "carte_de_visite",
  "evenement",
  "site_web",
  "recommandation",
  "import",
  "autre",
];
export const CONSENTS: readonly Consent[] = ["newsletter", "liste_participants", "photos", "objection"];

export const CONTACT_FIELD_ORDER = [
  "firstName",
  "lastName",
  "role",
  "email",
  "phone",
  "legalBasis",
  "source",
  "informedOn",
  "lastInitiatedOn",
  "consents",
  "notes",
] as const;

export type ContactFormState = {
  firstName: string;
  lastName: string;
  role: string;
  email: string;
  phone: string;
  legalBasis: LegalBasis;
  source: ContactSource | "";
  informedOn: string;
  consents: Consent[];
  lastInitiatedOn: string;
  notes: string;
};

export function emptyContactForm(): ContactFormState {
  return {
    firstName: "",
    lastName: "",
    role: "",
    email: "",
    phone: "",
    // Professional contacts: the usual legal basis.
    legalBasis: "interet_legitime",
    source: "",
    informedOn: "",
    consents: [],
    lastInitiatedOn: "",
    notes: "",
  };
}

export function contactFormFrom(c: Contact): ContactFormState {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    role: c.role ?? "",
    email: c.email ?? "",
    phone: c.phone ?? "",
    legalBasis: c.legalBasis,
    source: c.source ?? "",
    informedOn: isoToTyped(c.informedOn),
    consents: [...c.consents],
    lastInitiatedOn: isoToTyped(c.lastInitiatedOn),
    notes: c.notes ?? "",
  };
}

function opt(text: string): string | null {
  return text.trim() === "" ? null : text;
}

export function toContactInput(s: ContactFormState, actorId: string | null): ContactInput {
  return {
    actorId,
    firstName: s.firstName,
    lastName: s.lastName,
    role: opt(s.role),
    email: opt(s.email),
    phone: opt(s.phone),
    legalBasis: s.legalBasis,
    source: s.source === "" ? null : s.source,
    informedOn: opt(s.informedOn),
    // In a stable order, whatever order they were ticked in.
    consents: CONSENTS.filter((c) => s.consents.includes(c)),
    lastInitiatedOn: opt(s.lastInitiatedOn),
    notes: opt(s.notes),
  };
}

export function contactDisplayName(c: Pick<Contact, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

export function initials(c: Pick<Contact, "firstName" | "lastName">): string {
  const letters = [c.firstName, c.lastName]
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => Array.from(p)[0]?.toLocaleUpperCase("fr") ?? "");
  return letters.join("").slice(0, 2) || "?";
}
