// State of the guided classification: yes/no answers to the questions the
// core sends (`list_classification_questions`: when each is asked, what a
// yes means); what the window sends and saves. Pure, so tested without a
// window.
import type { ClassificationQuestion } from "../../bindings/ClassificationQuestion";
import type { Modes } from "../../bindings/Modes";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { Question } from "../../bindings/Question";

export type Answers = Partial<Record<Question, boolean>>;

/** The questions shown: those always asked, and those whose `askedAfter` is answered yes. */
export function visibleQuestions(questions: readonly ClassificationQuestion[], answers: Answers): ClassificationQuestion[] {
  return questions.filter((q) => q.askedAfter === null || answers[q.askedAfter] === true);
}

/** The questions answered yes among those shown, in order (what `classify_partnership` gets). */
export function yesAnswers(questions: readonly ClassificationQuestion[], answers: Answers): Question[] {
  return visibleQuestions(questions, answers)
    .map((q) => q.question)
    .filter((q) => answers[q] === true);
}

export function setAnswer(answers: Answers, q: Question, yes: boolean): Answers {
  return { ...answers, [q]: yes };
}

/** Answers that describe the modes already saved, to start from: yes to each question whose mode or gift kind is saved. */
export function answersFromModes(questions: readonly ClassificationQuestion[], modes: Modes): Answers {
  const saved = [modes.primary, ...modes.secondary];
  const out: Answers = {};
  for (const q of questions) {
    if ((q.mode !== null && saved.includes(q.mode)) || (q.giftKind !== null && modes.mecenatKinds.includes(q.giftKind))) {
      out[q.question] = true;
    }
  }
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
