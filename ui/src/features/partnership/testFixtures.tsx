// What the partnership tests share: a mocked gateway's functions, a
// partnership and its detail, a board card, a board, and the providers the
// views render in. No runtime import of the gateway here: the tests' mock
// factories import this module (`vi.mock(…, async () => …)`).
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";

import { ConfirmProvider } from "../../app/confirm";
import { DataProvider } from "../../app/data";
import { ToastProvider } from "../../app/toasts";
import type { AgreementText } from "../../bindings/AgreementText";
import type { Board } from "../../bindings/Board";
import type { ClassificationQuestion } from "../../bindings/ClassificationQuestion";
import type { EvaluationView } from "../../bindings/EvaluationView";
import type { MecenatBalance } from "../../bindings/MecenatBalance";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { FieldError } from "../../bindings/FieldError";
import type { PartnershipSummary } from "../../bindings/PartnershipSummary";
import type { PartySummary } from "../../bindings/PartySummary";
import type { ReadRow } from "../../bindings/ReadRow";
import type { RowValues } from "../../bindings/RowValues";
import type { TypedRow } from "../../bindings/TypedRow";
import { I18nProvider } from "../../i18n";
import type { Stage } from "../../bindings/Stage";
import { saveBoardState } from "./BoardState";
import { emptyPartnershipQuery, STAGES, type StageSteps } from "./model";
import { NOTHING_READ } from "./typedRow";

/**
 * Stands for the core's `parse_partnership_row` with recorded answers: each
 * typed text listed gives its value or its error; any other text reads as
 * nothing (no value, no error).
 */
export function coreReads(answers: Record<string, Partial<RowValues> | FieldError>) {
  return (typed: TypedRow): Promise<ReadRow> => {
    const read: ReadRow = { values: { ...NOTHING_READ.values }, errors: [] };
    for (const text of Object.values(typed)) {
      const answer = answers[text];
      if (answer === undefined) continue;
      if ("field" in answer) read.errors.push(answer);
      else Object.assign(read.values, answer);
    }
    return Promise.resolve(read);
  };
}

/** The gateway a test mocks: one `vi.fn()` per name. */
export function gatewayMock(...names: string[]): Record<string, ReturnType<typeof vi.fn>> {
  // A validator answers « no error » unless a test says otherwise.
  // The page's stories section lists none unless a test says otherwise.
  const answer = (name: string) => (name.startsWith("validate") || name === "listStories" ? vi.fn(() => Promise.resolve([])) : vi.fn());
  return Object.fromEntries(names.map((name) => [name, answer(name)]));
}

/** What a partnership's page calls. */
export const PAGE_GATEWAY = [
  "getPartnership",
  "updatePartnership",
  "validatePartnership",
  "validateAgreementText",
  "measurePartnership",
  "parsePartnershipRow",
  "movePartnership",
  "notePartnership",
  "completePartnershipAction",
  "classifyPartnership",
  "listClassificationQuestions",
  "searchCommunes",
  "getActor",
  "search",
  "listStories",
];

/** What the board, its list and the overview call. */
export const BOARD_GATEWAY = [
  "getPartnershipBoard",
  "getPartnershipPage",
  "getPartnershipOverview",
  "movePartnership",
  "validatePartnership",
  "createPartnership",
  "search",
  "searchCommunes",
];

/** What `list_classification_questions` sends (sample values; the core's table is tested in Rust). */
export const QUESTIONS: ClassificationQuestion[] = [
  { question: "q1", askedAfter: null, mode: "mecenat", giftKind: null },
  { question: "q2", askedAfter: null, mode: "pratiques_responsables", giftKind: null },
  { question: "q3", askedAfter: null, mode: "cooperation_economique", giftKind: null },
  { question: "q4", askedAfter: null, mode: "innovation_societale", giftKind: null },
  { question: "q5", askedAfter: "q1", mode: null, giftKind: "financier" },
  { question: "q6", askedAfter: "q1", mode: null, giftKind: "en_nature" },
  { question: "q7", askedAfter: "q1", mode: null, giftKind: "logistique" },
  { question: "q8", askedAfter: "q1", mode: null, giftKind: "competences" },
];

/** A partnership with nothing in it but `patch`. */
export function blankPartnership(patch: Partial<Partnership> = {}): Partnership {
  return {
    id: "p1",
    title: "",
    summary: null,
    territory: [],
    parties: [],
    modes: { primary: null, secondary: [], mecenatKinds: [] },
    contributions: [],
    counterparts: [],
    facilitator: null,
    tags: [],
    origin: null,
    nextActions: [],
    objectives: [],
    indicators: [],
    stage: "rencontre",
    abandonReason: null,
    timeline: [],
    version: 1,
    createdAt: "",
    updatedAt: "",
    stageChangedAt: "",
    spawnedFrom: null,
    evaluations: [],
    ...patch,
  };
}

/** « Spectacle pour les enfants »: a 1 000 € gift from a1 (partenaire) to a2 (bénéficiaire), version 4. */
export function partnership(patch: Partial<Partnership> = {}): Partnership {
  return blankPartnership({
    title: "Spectacle pour les enfants",
    parties: [
      { actorId: "a1", role: "partenaire", contactId: null },
      { actorId: "a2", role: "beneficiaire", contactId: null },
    ],
    modes: { primary: "mecenat", secondary: [], mecenatKinds: ["financier"] },
    contributions: [{ actorId: "a1", kind: "numeraire", valueCents: 100_000, minutes: 0, description: "Don" }],
    stage: "preparation",
    timeline: [{ kind: "created", modes: { primary: "mecenat", secondary: [], mecenatKinds: ["financier"] }, at: "2026-11-01T10:00:00Z" }],
    version: 4,
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-01T10:00:00Z",
    stageChangedAt: "2026-11-01T10:00:00Z",
    ...patch,
  });
}

/** The core's mécénat balance of partnership()'s 1 000 € gift with no counterpart (fixed sample values). */
export const WITHIN_LIMIT: MecenatBalance = {
  giftCents: 100_000,
  counterpartCents: 0,
  ratioBasisPoints: 0,
  overLimit: false,
  warning: null,
  warningEn: null,
  estimatedTaxReductionCents: 60_000,
};

/** The same gift with 400 € of counterparts, as the core words it (fixed sample values). */
export const OVER_LIMIT: MecenatBalance = {
  ...WITHIN_LIMIT,
  counterpartCents: 40_000,
  ratioBasisPoints: 4_000,
  overLimit: true,
  warning: "Les contreparties dépassent 25 % du don.",
  warningEn: "Counterparts exceed 25% of the gift.",
};

/** The page's view of `p` (its two parties named), with the core's mécénat balance `mecenat`. */
export function detail(p: Partnership, mecenat: MecenatBalance = WITHIN_LIMIT, agreement: AgreementText = { preamble: null, clauses: [] }): PartnershipDetail {
  return {
    partnership: p,
    parties: [
      { actorId: "a1", actorName: "Boulangerie Koenig", role: "partenaire" },
      { actorId: "a2", actorName: "Cirque des Vosges", role: "beneficiaire" },
    ],
    totals: {
      perParty: [],
      valueCents: mecenat.giftCents,
      minutes: 0,
      counterpartCents: mecenat.counterpartCents,
      mecenat,
    },
    spawnedFrom: null,
    children: [],
    agreement,
    agreementLimits: { preambleMax: 50_000, clausesMax: 60, clauseTitleMax: 200, clauseBodyMax: 20_000 },
    overdueActions: [],
    daysInStage: 0,
    evaluation: evaluationView(),
  };
}

/** The « Évaluation » section as the core sends it for the two parties of `detail` (fixed sample values). */
export function evaluationView(patch: Partial<EvaluationView> = {}): EvaluationView {
  const party = (actorId: string, actorName: string, role: PartySummary["role"]) => ({
    party: { actorId, actorName, role },
    evaluation: null,
    index: null,
  });
  return {
    state: { state: "notEvaluated" },
    latest: [party("a1", "Boulangerie Koenig", "partenaire"), party("a2", "Cirque des Vosges", "beneficiaire")],
    count: 0,
    values: [
      { actorId: "a1", moneyCents: 50_000, skillsMinutes: 600, skillsCents: 11_880, skillsEstimatedCents: 11_880, inKindCents: 0, totalCents: 61_880 },
      { actorId: "a2", moneyCents: 0, skillsMinutes: 0, skillsCents: 0, skillsEstimatedCents: 0, inKindCents: 0, totalCents: 0 },
    ],
    skillsHourRateCents: 1_188,
    unmeasured: false,
    unmeasuredMonths: 6,
    ...patch,
  };
}

/** The board as first opened: no filter, the board view, sorted by stage. */
export function resetBoardState() {
  saveBoardState({
    filters: emptyPartnershipQuery(),
    labels: { actor: null, commune: null },
    view: "board",
    sort: { sort: "stage", descending: false },
  });
}

/** A board card with nothing in it but `patch`. */
export function summary(patch: Partial<PartnershipSummary> = {}): PartnershipSummary {
  return {
    id: "p1",
    title: "",
    stage: "rencontre",
    modes: { primary: null, secondary: [], mecenatKinds: [] },
    parties: [],
    facilitator: null,
    nextDueOn: null,
    nextAction: null,
    overdue: false,
    stageChangedAt: "2026-01-01T00:00:00Z",
    daysInStage: 0,
    tags: [],
    updatedAt: "",
    evaluation: { state: "notEvaluated" },
    measured: false,
    unmeasured: false,
    ...patch,
  };
}

/** Where the core says a card of each column steps by Alt+←/→ (fixed sample values). */
const STEPS: Record<Stage, StageSteps> = {
  rencontre: { previous: null, next: "exploration" },
  exploration: { previous: "rencontre", next: "preparation" },
  preparation: { previous: "exploration", next: "contractualisation" },
  contractualisation: { previous: "preparation", next: "mise_en_oeuvre" },
  mise_en_oeuvre: { previous: "contractualisation", next: "evaluation" },
  evaluation: { previous: "mise_en_oeuvre", next: "essaimage" },
  essaimage: { previous: "evaluation", next: null },
  abandonne: { previous: null, next: null },
};

/** The board holding `cards` in their stage's column (a column's total may be more than it holds). */
export function boardOf(cards: PartnershipSummary[], totals: Partial<Record<string, number>> = {}): Board {
  return {
    total: cards.length,
    columns: STAGES.map((stage) => {
      const inStage = cards.filter((c) => c.stage === stage);
      return { stage, ...STEPS[stage], total: totals[stage] ?? inStage.length, cards: inStage };
    }),
  };
}

/** Renders `children` in French with the data and toast providers (and the confirm one unless `confirm` is false). */
export function renderWithProviders(children: ReactNode, { confirm = true }: { confirm?: boolean } = {}) {
  return render(
    <I18nProvider initial="fr">
      <DataProvider>
        <ToastProvider>{confirm ? <ConfirmProvider>{children}</ConfirmProvider> : children}</ToastProvider>
      </DataProvider>
    </I18nProvider>,
  );
}
