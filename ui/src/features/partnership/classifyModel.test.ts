import { describe, expect, it } from "vitest";

import type { Partnership } from "../../bindings/Partnership";
import { answersFromModes, inputWithModes, setAnswer, visibleQuestions, yesAnswers, type Answers } from "./classifyModel";
import { QUESTIONS } from "./testFixtures";

const shown = (a: Answers) => visibleQuestions(QUESTIONS, a).map((q) => q.question);

describe("guided classification state", () => {
  it("shows the questions always asked, and the others once the one they follow is yes", () => {
    expect(shown({})).toEqual(["q1", "q2", "q3", "q4"]);
    expect(shown({ q1: false })).toEqual(["q1", "q2", "q3", "q4"]);
    expect(shown({ q1: true })).toEqual(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]);
  });

  it("sends the yes answers among the questions shown", () => {
    let a: Answers = {};
    a = setAnswer(a, "q1", true);
    a = setAnswer(a, "q6", true);
    a = setAnswer(a, "q3", false);
    a = setAnswer(a, "q2", true);
    expect(yesAnswers(QUESTIONS, a)).toEqual(["q1", "q2", "q6"]);
    // Saying no to q1 hides q5–q8: their answers no longer count…
    a = setAnswer(a, "q1", false);
    expect(yesAnswers(QUESTIONS, a)).toEqual(["q2"]);
    // …and come back with q1.
    expect(yesAnswers(QUESTIONS, setAnswer(a, "q1", true))).toEqual(["q1", "q2", "q6"]);
  });

  it("starts from the modes already saved", () => {
    expect(
      answersFromModes(QUESTIONS, { primary: "cooperation_economique", secondary: ["mecenat"], mecenatKinds: ["competences"] }),
    ).toEqual({ q3: true, q1: true, q8: true });
    expect(answersFromModes(QUESTIONS, { primary: null, secondary: [], mecenatKinds: [] })).toEqual({});
  });

  it("saves the partnership as loaded, with the new modes only", () => {
    const p = {
      id: "p1",
      title: "T",
      summary: null,
      territory: ["67482"],
      parties: [{ actorId: "a", role: "porteur", contactId: null }],
      modes: { primary: null, secondary: [], mecenatKinds: [] },
      contributions: [],
      counterparts: [],
      facilitator: "Claire",
      tags: ["x"],
      origin: null,
      nextActions: [],
      objectives: [],
      indicators: [],
      stage: "exploration",
      abandonReason: null,
      timeline: [],
      version: 4,
      createdAt: "",
      updatedAt: "",
      stageChangedAt: "",
      spawnedFrom: null,
      evaluations: [],
    } satisfies Partnership;
    const modes = { primary: "mecenat" as const, secondary: [], mecenatKinds: ["financier" as const] };
    const input = inputWithModes(p, modes);
    expect(input.modes).toEqual(modes);
    expect(input.title).toBe("T");
    expect(input.territory).toEqual(["67482"]);
    expect(input).not.toHaveProperty("version");
    expect(input).not.toHaveProperty("stage");
  });
});
