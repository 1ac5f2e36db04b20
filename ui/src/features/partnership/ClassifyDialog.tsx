// Guided classification: the core's yes/no questions
// (`list_classification_questions`, each asked when the core says), a live
// proposal from the backend (`classify_partnership`), « Appliquer » saves the modes with the version
// loaded; a stale version reloads the partnership and says so.
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState } from "react";

import { classifyPartnership, listClassificationQuestions, updatePartnership } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { Dialog } from "../../app/Dialog";
import type { AppError } from "../../api/types";
import type { Partnership } from "../../bindings/Partnership";
import type { ClassificationQuestion } from "../../bindings/ClassificationQuestion";
import { useI18n } from "../../i18n";
import { answersFromModes, inputWithModes, setAnswer, visibleQuestions, yesAnswers, type Answers } from "./classifyModel";
import { ModeBadge, ModeLetter } from "./visuals";

const NO_QUESTIONS: readonly ClassificationQuestion[] = [];

type Props = {
  partnership: Partnership;
  onClose: () => void;
  onSaved: () => void;
  /** Reloads the partnership (after a conflict); resolves when it is fresh. */
  onReload: () => Promise<unknown>;
};

export function ClassifyDialog({ partnership, onClose, onSaved, onReload }: Props) {
  const { t, lang } = useI18n();
  const asked = useQuery({ queryKey: ["classification-questions"], queryFn: listClassificationQuestions, staleTime: Infinity });
  const questions = asked.data ?? NO_QUESTIONS;
  // Until the person answers, the answers that describe the modes saved.
  const [edited, setEdited] = useState<Answers | null>(null);
  const answers = edited ?? answersFromModes(questions, partnership.modes);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ conflict: boolean; error: AppError } | null>(null);
  const yes = yesAnswers(questions, answers);
  const proposal = useQuery({
    queryKey: ["classify", yes],
    queryFn: () => classifyPartnership(yes),
    enabled: asked.data !== undefined,
    placeholderData: (prev) => prev,
  });
  const shown = visibleQuestions(questions, answers);
  const always = shown.filter((q) => q.askedAfter === null);
  const after = shown.filter((q) => q.askedAfter !== null);

  const apply = async () => {
    const p = proposal.data;
    if (!p || p.primary === null || proposal.isPlaceholderData) return;
    setSaving(true);
    setProblem(null);
    try {
      await updatePartnership(
        partnership.id,
        partnership.version,
        inputWithModes(partnership, { primary: p.primary, secondary: p.secondary, mecenatKinds: p.mecenatKinds }),
      );
      setSaving(false);
      onSaved();
    } catch (raw: unknown) {
      const error = toAppError(raw);
      if (error.kind === "conflict") await onReload().catch(() => undefined);
      setSaving(false);
      setProblem({ conflict: error.kind === "conflict", error });
    }
  };

  const question = ({ question: q }: ClassificationQuestion) => {
    const value = answers[q];
    return (
      <li key={q} className="question" data-testid={`question-${q}`}>
        <span className="question__text" id={`question-${q}`}>
          {t.partnership.labels.questions[q]}
        </span>
        <span className="segmented" role="radiogroup" aria-labelledby={`question-${q}`}>
          {([true, false] as const).map((v) => (
            <button
              key={String(v)}
              type="button"
              role="radio"
              aria-checked={value === v}
              className={`segmented__option${value === v ? " is-on" : ""}`}
              data-testid={`answer-${q}-${v ? "yes" : "no"}`}
              onClick={() => setEdited(setAnswer(answers, q, v))}
            >
              {v ? t.partnership.yes : t.partnership.no}
            </button>
          ))}
        </span>
      </li>
    );
  };

  const p = proposal.data;
  return (
    <Dialog
      size="lg"
      tall
      title={t.partnership.classifyTitle}
      description={t.partnership.classifyText}
      onRequestClose={onClose}
      testId="classify-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="classify-apply"
            // Never apply a proposal made for earlier answers.
            disabled={saving || !p || p.primary === null || proposal.isPlaceholderData || proposal.isFetching}
            aria-busy={saving || undefined}
            onClick={() => void apply()}
          >
            {saving && <LoaderCircle size={16} aria-hidden="true" className="spin" />}
            {t.partnership.apply}
          </button>
        </>
      }
    >
      {problem && (
        <div className="banner banner--error" role="alert" data-testid="form-error">
          <p>{problem.conflict ? t.partnership.conflict : errorText(problem.error, lang)}</p>
        </div>
      )}
      <div className="classify">
        <div className="classify__questions">
          {asked.data === undefined && <p className="muted">{t.common.loading}</p>}
          <ol className="questions">{always.map(question)}</ol>
          {after.length > 0 && (
            <>
              <h3 className="questions__sub">{t.partnership.giftQuestions}</h3>
              <ol className="questions questions--gift">{after.map(question)}</ol>
            </>
          )}
        </div>
        <section
          className="proposal"
          aria-live="polite"
          aria-busy={proposal.isFetching}
          data-testid="classify-proposal"
          data-fresh={!proposal.isFetching && !proposal.isPlaceholderData}
        >
          <h3 className="proposal__title">{t.partnership.proposal}</h3>
          {!p ? (
            <p className="muted">{t.common.loading}</p>
          ) : p.primary === null ? (
            <p className="muted">{lang === "en" ? p.reasonEn : p.reason}</p>
          ) : (
            <>
              <div className="proposal__modes">
                <ModeBadge mode={p.primary} />
                {p.secondary.map((m) => (
                  <span key={m} className="proposal__secondary">
                    <ModeLetter mode={m} /> {t.partnership.labels.modes[m]}
                  </span>
                ))}
              </div>
              {p.mecenatKinds.length > 0 && (
                <p className="small muted">
                  {t.partnership.mecenatKinds(p.mecenatKinds.map((k) => t.partnership.labels.mecenatKinds[k]).join(", "))}
                </p>
              )}
              <p className="proposal__reason">{lang === "en" ? p.reasonEn : p.reason}</p>
            </>
          )}
        </section>
      </div>
    </Dialog>
  );
}
