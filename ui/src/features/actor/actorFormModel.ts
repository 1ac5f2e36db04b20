// The actor form's state and how it maps to the backend's ActorInput.
import type { Actor } from "../../bindings/Actor";
import type { ActorInput } from "../../bindings/ActorInput";
import type { ActorKind } from "../../bindings/ActorKind";
import type { AssociationRegime } from "../../bindings/AssociationRegime";
import type { Commune } from "../../bindings/Commune";
import type { RegisterCourt } from "../../bindings/RegisterCourt";
import type { Resource } from "../../bindings/Resource";
import type { SizeBand } from "../../bindings/SizeBand";
import { communeLabel, type CommuneChoice } from "./CommuneCombobox";
import { addTags } from "./TagsInput";

export type ActorFormState = {
  kind: ActorKind | "";
  name: string;
  siren: string;
  siret: string;
  rna: string;
  /** "" lets the core guess it from the seat. */
  legalRegime: AssociationRegime | "";
  registerCourt: RegisterCourt | "";
  registerVolume: string;
  registerFolio: string;
  registerNumber: string;
  website: string;
  address: string;
  commune: CommuneChoice | null;
  communeText: string;
  sector: string;
  sizeBand: SizeBand | "";
  needs: Resource[];
  offers: Resource[];
  stakes: string;
  tags: string[];
  tagDraft: string;
  notes: string;
  /** Agrees to be named as a partner in the Labo's publications (the impact report). */
  namedPartner: boolean;
};

/** The controls in the order of the form: the first one at fault gets the focus. */
export const ACTOR_FIELD_ORDER = [
  "kind",
  "name",
  "sector",
  "sizeBand",
  "website",
  "siren",
  "siret",
  "rna",
  "legalRegime",
  "registerCourt",
  "registerVolume",
  "registerFolio",
  "registerNumber",
  "address",
  "commune",
  "needs",
  "offers",
  "stakes",
  "tags",
  "notes",
  "namedPartner",
] as const;

export function emptyActorForm(): ActorFormState {
  return {
    kind: "",
    name: "",
    siren: "",
    siret: "",
    rna: "",
    legalRegime: "",
    registerCourt: "",
    registerVolume: "",
    registerFolio: "",
    registerNumber: "",
    website: "",
    address: "",
    commune: null,
    communeText: "",
    sector: "",
    sizeBand: "",
    needs: [],
    offers: [],
    stakes: "",
    tags: [],
    tagDraft: "",
    notes: "",
    namedPartner: false,
  };
}

export function actorFormFrom(actor: Actor, commune: Commune | null): ActorFormState {
  const choice: CommuneChoice | null = commune
    ? { insee: commune.insee, label: communeLabel(commune) }
    : actor.commune
      ? { insee: actor.commune.insee, label: actor.commune.name }
      : null;
  return {
    kind: actor.kind,
    name: actor.name,
    siren: actor.siren ?? "",
    siret: actor.siret ?? "",
    rna: actor.rna ?? "",
    legalRegime: actor.legalRegimeChosen && actor.legalRegime !== null ? actor.legalRegime : "",
    registerCourt: actor.registerCourt ?? "",
    registerVolume: actor.registerVolume ?? "",
    registerFolio: actor.registerFolio ?? "",
    registerNumber: actor.registerNumber ?? "",
    website: actor.website ?? "",
    address: actor.address ?? "",
    commune: choice,
    communeText: choice?.label ?? "",
    sector: actor.sector ?? "",
    sizeBand: actor.sizeBand ?? "",
    needs: actor.needs.map((r) => ({ ...r })),
    offers: actor.offers.map((r) => ({ ...r })),
    stakes: actor.stakes ?? "",
    tags: [...actor.tags],
    tagDraft: "",
    notes: actor.notes ?? "",
    namedPartner: actor.namedPartnerSince !== null,
  };
}

function opt(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/**
 * What the backend receives; a tag still being typed counts. The regime and
 * register entry are an association's only: another kind sends none of them
 * (what was typed before the kind changed is not sent).
 */
export function toActorInput(s: ActorFormState): ActorInput {
  const association = s.kind === "association";
  return {
    kind: s.kind === "" ? null : s.kind,
    name: s.name,
    siren: opt(s.siren),
    siret: opt(s.siret),
    rna: opt(s.rna),
    legalRegime: association && s.legalRegime !== "" ? s.legalRegime : null,
    registerCourt: association && s.registerCourt !== "" ? s.registerCourt : null,
    registerVolume: association ? opt(s.registerVolume) : null,
    registerFolio: association ? opt(s.registerFolio) : null,
    registerNumber: association ? opt(s.registerNumber) : null,
    address: opt(s.address),
    communeInsee: s.commune?.insee ?? null,
    sector: opt(s.sector),
    sizeBand: s.sizeBand === "" ? null : s.sizeBand,
    website: opt(s.website),
    needs: s.needs,
    offers: s.offers,
    stakes: opt(s.stakes),
    tags: s.tagDraft.trim() === "" ? s.tags : addTags(s.tags, s.tagDraft),
    notes: opt(s.notes),
    namedPartner: s.namedPartner,
  };
}

/** A commune typed but not picked from the list would be silently lost. */
export function communeNotPicked(s: ActorFormState): boolean {
  return s.communeText.trim() !== "" && s.commune === null;
}

export function isDirty(s: ActorFormState, initial: ActorFormState): boolean {
  return (
    JSON.stringify(toActorInput(s)) !== JSON.stringify(toActorInput(initial)) ||
    s.communeText.trim() !== initial.communeText.trim()
  );
}
