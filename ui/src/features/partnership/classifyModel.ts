// State of the guided classification: yes/no answers, q5–q8 (what a gift is
// made of) only asked when q1 (a gift) is yes; what the window sends and
// saves. Pure, so tested without a window.
import type { MecenatKind } from "../../bindings/MecenatKind";
import type { Modes } from "../../bindings/Modes";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { Question } from "../../bindings/Question";
import type { RameauMode } from "../../bindings/RameauMode";

export const MODE_QUESTIONS: readonly Question[] = ["q1", "q2", "q3", "q4"];
export const GIFT_QUESTIONS: readonly Question[] = ["q5", "q6", "q7", "q8"];

export type Answers = Partial<Record<Question, boolean>>;

const QUESTION_OF_MODE: Record<RameauMode, Question> = {
  mecenat: "q1",
  pratiques_responsables: "q2",
  cooperation_economique: "q3",
  innovation_societale: "q4",
};
const QUESTION_OF_KIND: Record<MecenatKind, Question> = {
  financier: "q5",
  en_nature: "q6",
  logistique: "q7",
  competences: "q8",
};

/** The questions shown: q5–q8 only once q1 is yes. */
export function visibleQuestions(answers: Answers): Question[] {
  return answers.q1 ? [...MODE_QUESTIONS, ...GIFT_QUESTIONS] : [...MODE_QUESTIONS];
}

/** The questions answered yes among those shown, in order (what `classify_partnership` gets). */
export function yesAnswers(answers: Answers): Question[] {
  return visibleQuestions(answers).filter((q) => answers[q] === true);
}

export function setAnswer(answers: Answers, q: Question, yes: boolean): Answers {
  return { ...answers, [q]: yes };
}

/** Answers that describe the modes already saved, to start from. */
export function answersFromModes(modes: Modes): Answers {
  const out: Answers = {};
  for (const m of [modes.primary, ...modes.secondary]) if (m) out[QUESTION_OF_MODE[m]] = true;
  for (const k of modes.mecenatKinds) out[QUESTION_OF_KIND[k]] = true;
  return out;
}

/** What `update_partnership` needs to save a partnership as loaded, with new modes. */
export function inputWithModes(p: Partnership, modes: Modes): PartnershipInput {
  return {
    title: p.title,
    summary: p.summary,
    territory: p.territory,
    parties: p.parties,
    modes,
    contributions: p.contributions,
    counterparts: p.counterparts,
    facilitator: p.facilitator,
    tags: p.tags,
    origin: p.origin,
    nextActions: p.nextActions,
    objectives: p.objectives,
    indicators: p.indicators,
  };
}
