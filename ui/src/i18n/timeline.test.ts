// Timeline entries arrive as data; each language words them.
import { describe, expect, it } from "vitest";

import type { TimelineEntry } from "../bindings/TimelineEntry";
import { partnershipEn } from "./partnershipEn";
import { partnershipFr } from "./partnershipFr";

const at = "2026-03-12T09:00:00Z";
const entries: TimelineEntry[] = [
  { at, kind: "created", modes: { primary: "mecenat", secondary: ["cooperation_economique"], mecenatKinds: [] } },
  { at, kind: "event_lead", event: "Cafés RSE", date: "2026-03-12", round: 2, table: 5 },
  { at, kind: "stage", from: "rencontre", to: "exploration", reason: null },
  { at, kind: "abandoned", from: "preparation", reason: "Budget gelé" },
  { at, kind: "reopened", to: "exploration", reason: null },
  { at, kind: "modes", from: { primary: null, secondary: [], mecenatKinds: [] }, to: { primary: "innovation_societale", secondary: [], mecenatKinds: [] } },
  { at, kind: "note", text: "Réunion au siège : tout va bien." },
  { at, kind: "action_done", action: "Appeler Léa", owner: "Claire" },
  { at, kind: "measure", indicator: "Enfants", value: 1234.5, unit: "enfants", on: "2026-04-02" },
  { at, kind: "spawned_from", origin: "Cirque", modes: { primary: null, secondary: [], mecenatKinds: [] } },
  { at, kind: "spawned", title: "Cirque à Colmar" },
  { at, kind: "merged", entity: "contact", from: "Jean K.", into: "Jean Koenig" },
  { at, kind: "agreement_edited" },
];

describe("timeline entries", () => {
  it("are worded in English in English, with English typography", () => {
    expect(entries.map((e) => partnershipEn.timelineText(e))).toEqual([
      "Partnership created (mode: Philanthropy + Economic cooperation).",
      "Met at the speed-dating “Cafés RSE” (12 Mar 2026), round 2, table 5: both ticked “see again”.",
      "Meeting → Exploration.",
      "Abandoned at stage “Preparation”: Budget gelé.",
      "Reopened at stage “Exploration”.",
      "Mode: to be decided → Societal innovation.",
      "Réunion au siège : tout va bien.",
      "Action done: Appeler Léa (Claire)",
      "Indicator “Enfants”: 1,234.5 enfants on 2 Apr 2026.",
      "Partnership spread from “Cirque” (mode: to be decided).",
      "Spread: “Cirque à Colmar”.",
      "Duplicates merged: contact “Jean K.” was merged into “Jean Koenig”.",
      "Agreement text changed (preamble, clauses).",
    ]);
  });

  it("are worded in French in French, with French typography", () => {
    const fr = entries.map((e) => partnershipFr.timelineText(e));
    expect(fr[0]).toBe("Partenariat créé (mode\u00a0: Mécénat + Coopération économique).");
    expect(fr[1]).toBe(
      "Rencontre au speed-dating «\u00a0Cafés RSE\u00a0» (12 mars 2026), tour 2, table 5\u00a0: les deux ont coché «\u00a0à revoir\u00a0».",
    );
    expect(fr[2]).toBe("Rencontre → Exploration.");
    expect(fr[3]).toBe("Abandonné à l'étape «\u00a0Préparation\u00a0»\u00a0: Budget gelé.");
    expect(fr[6]).toBe("Réunion au siège : tout va bien.");
    expect(fr[8]).toBe("Indicateur «\u00a0Enfants\u00a0»\u00a0: 1\u202f234,5\u00a0enfants au 2 avr. 2026.");
  });
});
