// The agreement's own text: a preamble and free clauses (each printed as an
// article of its own, in order), saved with `set_partnership_agreement` on
// the version the page loaded. Like the other editors of this folder: errors
// as you type, the core's field errors next to their field (`clauses.2.title`
// under the third clause's title), a stale version never overwritten but
// reloaded on demand, Esc cancels (asking first when something changed),
// Ctrl+Enter saves. Also the page's card that previews the text.
import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from "lucide-react";
import { useRef, useState } from "react";

import { setPartnershipAgreement, validateAgreementText } from "../../api/gateway";
import type { AgreementText } from "../../bindings/AgreementText";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import { Field, FieldErrors } from "../../components/Field";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import { EditShell, useConflictBanners, type Reload } from "./EditDialog";
import { charCount, moveItem } from "./editModel";

type ClauseDraft = { key: number; title: string; body: string };
type Draft = { preamble: string; clauses: ClauseDraft[] };

// Keys that follow a clause when it moves (its index does not).
let lastClauseKey = 0;
const newClauseKey = () => ++lastClauseKey;

const group = (n: number, lang: string) => new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR").format(n);

/** What is sent: the clauses in the order shown; an empty preamble is none. */
export function draftToText(draft: Draft): AgreementText {
  return {
    preamble: draft.preamble.trim() === "" ? null : draft.preamble,
    clauses: draft.clauses.map(({ title, body }) => ({ title, body })),
  };
}

type Props = {
  detail: PartnershipDetail;
  reload: Reload;
  onSaved: (p: Partnership) => void;
  onClose: () => void;
};

export function AgreementDialog({ detail, reload, onSaved, onClose }: Props) {
  const { t, lang } = useI18n();
  const d = t.partnership.documents;
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState<Draft>(() => ({
    preamble: detail.agreement.preamble ?? "",
    clauses: detail.agreement.clauses.map((c) => ({ key: newClauseKey(), title: c.title, body: c.body })),
  }));
  const [draft, setDraft] = useState(initial);
  const [announce, setAnnounce] = useState("");
  // The version saved on: the page's, or the latest after « Recharger ».
  const [base, setBase] = useState(() => ({ id: detail.partnership.id, version: detail.partnership.version }));

  const text = draftToText(draft);
  const dirty = JSON.stringify(text) !== JSON.stringify(draftToText(initial));
  const form = useServerForm<AgreementText, Partnership>({
    formRef,
    input: text,
    validate: validateAgreementText,
    save: (x) => setPartnershipAgreement(base.id, base.version, x),
    onSaved,
    onClose,
    order: ["preamble", "clauses"],
    dirty,
  });

  const banners = useConflictBanners({
    banner: form.banner,
    stray: form.stray,
    formRef,
    reload,
    onReloaded: (fresh) => setBase({ id: fresh.id, version: fresh.version }),
    focus: "textarea, input",
  });

  const setPreamble = (preamble: string) => {
    setDraft((s) => ({ ...s, preamble }));
    form.touch("preamble");
  };
  const setClause = (index: number, patch: Partial<Omit<ClauseDraft, "key">>, name: string) => {
    setDraft((s) => ({ ...s, clauses: s.clauses.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
    form.touch(name);
  };
  const focusLater = (selector: string) =>
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());
  const addClause = () => {
    const index = draft.clauses.length;
    const key = newClauseKey();
    setDraft((s) => ({ ...s, clauses: [...s.clauses, { key, title: "", body: "" }] }));
    focusLater(`[data-testid="field-clauses.${index}.title"]`);
  };
  const moveClause = (from: number, to: number) => {
    setDraft((s) => ({ ...s, clauses: moveItem(s.clauses, from, to) }));
    setAnnounce(d.clauseMoved(to));
    // The focus follows the clause, on the same button when it still makes sense.
    const up = to < from;
    const canAgain = up ? to > 0 : to < draft.clauses.length - 1;
    focusLater(`[data-testid="clause-${up === canAgain ? "up" : "down"}-${to}"]`);
  };
  const removeClause = (index: number) => {
    setDraft((s) => ({ ...s, clauses: s.clauses.filter((_, i) => i !== index) }));
    const left = draft.clauses.length - 1;
    focusLater(left === 0 ? '[data-testid="clause-add"]' : `[data-testid="field-clauses.${Math.min(index, left - 1)}.title"]`);
  };

  // The core's limits (domain::agreement); its validator words the errors.
  const { preambleMax, clausesMax } = detail.agreementLimits;
  const length = charCount(draft.preamble.trim());
  const over = length > preambleMax;
  return (
    <EditShell title={d.agreementDialogTitle} testId="agreement-form" size="lg" formRef={formRef} form={{ ...form, banners, submitInput: () => void form.submit(text) }}>
      <p className="small muted">{d.agreementIntro}</p>
      <Field name="preamble" label={d.preamble} hint={d.preambleHint} errors={form.errorsFor("preamble")}>
        {(p) => (
          <textarea
            {...p}
            className="textarea agreement-preamble"
            rows={8}
            value={draft.preamble}
            placeholder={d.preamblePlaceholder}
            onChange={(e) => setPreamble(e.target.value)}
          />
        )}
      </Field>
      <p className={`char-count small tabular${over ? " is-over" : ""}`} data-testid="preamble-count">
        {d.chars(group(length, lang), group(preambleMax, lang))}
      </p>

      <fieldset className="clause-editor" data-field-group="clauses">
        <legend className="clause-editor__legend">{d.clauses}</legend>
        <p className="small muted">{d.clausesHint}</p>
        <FieldErrors name="clauses" errors={form.errorsFor("clauses")} />
        {draft.clauses.length === 0 && <p className="muted clause-editor__none">{d.noClauses}</p>}
        <ol className="clause-list">
          {draft.clauses.map((c, i) => (
            <li key={c.key} className="clause-item" data-testid="clause-item">
              <div className="clause-item__head">
                <span className="clause-item__number">{d.clause(i)}</span>
                <span className="clause-item__tools">
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    data-testid={`clause-up-${i}`}
                    aria-label={d.moveUp(i)}
                    title={d.moveUp(i)}
                    disabled={i === 0}
                    onClick={() => moveClause(i, i - 1)}
                  >
                    <ArrowUp size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    data-testid={`clause-down-${i}`}
                    aria-label={d.moveDown(i)}
                    title={d.moveDown(i)}
                    disabled={i === draft.clauses.length - 1}
                    onClick={() => moveClause(i, i + 1)}
                  >
                    <ArrowDown size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--small icon-button--danger"
                    data-testid={`clause-remove-${i}`}
                    aria-label={d.removeClause(i)}
                    title={d.removeClause(i)}
                    onClick={() => removeClause(i)}
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </span>
              </div>
              <Field name={`clauses.${i}.title`} label={d.clauseTitle} required errors={form.errorsFor(`clauses.${i}.title`)}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    className="input"
                    value={c.title}
                    placeholder={d.clauseTitlePlaceholder}
                    onChange={(e) => setClause(i, { title: e.target.value }, `clauses.${i}.title`)}
                  />
                )}
              </Field>
              <Field name={`clauses.${i}.body`} label={d.clauseBody} errors={form.errorsFor(`clauses.${i}.body`)}>
                {(p) => (
                  <textarea
                    {...p}
                    className="textarea"
                    rows={3}
                    value={c.body}
                    onChange={(e) => setClause(i, { body: e.target.value }, `clauses.${i}.body`)}
                  />
                )}
              </Field>
            </li>
          ))}
        </ol>
        <div className="clause-editor__add">
          <button
            type="button"
            className="button button--secondary button--small"
            data-testid="clause-add"
            disabled={draft.clauses.length >= clausesMax}
            onClick={addClause}
          >
            <Plus size={14} aria-hidden="true" />
            {d.addClause}
          </button>
          {draft.clauses.length >= clausesMax && <span className="small muted">{d.clausesFull(clausesMax)}</span>}
        </div>
      </fieldset>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </EditShell>
  );
}

/** The page's card: the start of the preamble and the clause titles, with the button that opens the editor. */
export function AgreementCard({ detail, onEdit }: { detail: PartnershipDetail; onEdit: () => void }) {
  const { t } = useI18n();
  const d = t.partnership.documents;
  const { preamble, clauses } = detail.agreement;
  return (
    <section className="card agreement-card" aria-labelledby="agreement-title" data-testid="agreement-card">
      <div className="card__header">
        <h2 id="agreement-title" className="card__title">
          {d.agreementTitle}
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="agreement-edit"
          aria-label={d.agreementEditLabel}
          title={d.agreementEditLabel}
          onClick={onEdit}
        >
          <Pencil size={14} aria-hidden="true" />
          {t.partnership.edit.edit}
        </button>
      </div>
      {preamble ? (
        <p className="agreement-card__preamble" data-testid="agreement-preamble">
          {preamble}
        </p>
      ) : (
        <p className="small muted">{d.preambleEmpty}</p>
      )}
      <p className="small muted agreement-card__count">{d.clauseCount(clauses.length)}</p>
      {clauses.length > 0 && (
        <ol className="agreement-card__clauses" data-testid="agreement-clauses">
          {clauses.map((c, i) => (
            <li key={i}>{c.title}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
