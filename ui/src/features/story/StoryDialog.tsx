// The form of a story: headline, the need, what the partners did, what
// changed, the partnership's indicators to show (their values stay live),
// and quotes with their author and whether each may be published. The core
// validates as you type and on save; its errors land under their fields.
import { Plus, Trash2 } from "lucide-react";
import { useRef, useState } from "react";

import { createStory, updateStory, validateStory } from "../../api/gateway";
import type { Indicator } from "../../bindings/Indicator";
import type { Quote } from "../../bindings/Quote";
import type { Story } from "../../bindings/Story";
import type { StoryInput } from "../../bindings/StoryInput";
import { Field, FieldErrors } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import { Check } from "../../components/Check";

export const EMPTY_STORY: StoryInput = { headline: "", need: "", action: "", change: "", indicators: [], quotes: [] };

const TEXTS = ["headline", "need", "action", "change"] as const;

/** The form's controls in order, for focusing the first bad one. */
function order(quotes: number): string[] {
  const rows = Array.from({ length: quotes }, (_, i) => [`quotes.${i}.text`, `quotes.${i}.author`]).flat();
  return [...TEXTS, "indicators", "quotes", ...rows];
}

export function StoryDialog({
  partnershipId,
  indicators,
  story,
  onSaved,
  onClose,
}: {
  partnershipId: string;
  /** The partnership's indicators, to choose from. */
  indicators: readonly Indicator[];
  /** The story edited, or null to write one. */
  story: Story | null;
  onSaved: (story: Story) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const f = t.story.form;
  const [initial] = useState<StoryInput>(() =>
    story === null
      ? EMPTY_STORY
      : { headline: story.headline, need: story.need, action: story.action, change: story.change, indicators: story.indicators, quotes: story.quotes },
  );
  const [input, setInput] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm<StoryInput, Story>({
    formRef,
    input,
    validate: (i) => validateStory(partnershipId, i),
    save: (i) => (story === null ? createStory(partnershipId, i) : updateStory(story.id, story.version, i)),
    onSaved,
    onClose,
    order: order(input.quotes.length),
    dirty: JSON.stringify(input) !== JSON.stringify(initial),
  });
  const set = <K extends keyof StoryInput>(key: K, value: StoryInput[K], touched: string) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    form.touch(touched);
  };
  const setQuote = (i: number, patch: Partial<Quote>, touched: string) =>
    set(
      "quotes",
      input.quotes.map((q, k) => (k === i ? { ...q, ...patch } : q)),
      touched,
    );
  const toggleIndicator = (name: string, on: boolean) =>
    set("indicators", on ? [...input.indicators, name] : input.indicators.filter((n) => n !== name), "indicators");

  return (
    <FormDialog
      title={story === null ? f.newTitle : f.editTitle(story.headline)}
      testId="story-dialog"
      formTestId="story-form"
      size="lg"
      tall
      formRef={formRef}
      saving={form.saving}
      onRequestClose={() => void form.requestClose()}
      onSubmit={() => void form.submit()}
      submitLabel={f.save}
    >
      <FormBanner error={form.banner} stray={form.stray} />
      <Field name="headline" label={f.headline} hint={f.headlineHint} required errors={form.errorsFor("headline")}>
        {(props) => (
          <input {...props} className="input" data-autofocus value={input.headline} onChange={(e) => set("headline", e.target.value, "headline")} />
        )}
      </Field>
      {(["need", "action", "change"] as const).map((key) => (
        <Field key={key} name={key} label={f[key]} errors={form.errorsFor(key)}>
          {(props) => <textarea {...props} className="textarea" rows={3} value={input[key]} onChange={(e) => set(key, e.target.value, key)} />}
        </Field>
      ))}
      <fieldset className="checkbox-group" data-testid="field-indicators">
        <legend className="field__label">{f.indicators}</legend>
        {indicators.length === 0 ? (
          <p className="small muted">{f.noIndicators}</p>
        ) : (
          <>
            <div className="checkbox-group__items">
              {indicators.map((ind) => (
                <Check key={ind.name} testId="story-indicator" checked={input.indicators.includes(ind.name)} onChange={(on) => toggleIndicator(ind.name, on)}>
                  {ind.name}
                </Check>
              ))}
            </div>
            <p className="field__hint">{f.indicatorsHint}</p>
          </>
        )}
        <FieldErrors name="indicators" errors={form.errorsFor("indicators")} />
      </fieldset>
      <QuotesFields input={input} errorsFor={form.errorsFor} setQuote={setQuote} setQuotes={(q) => set("quotes", q, "quotes")} />
    </FormDialog>
  );
}

function QuotesFields({
  input,
  errorsFor,
  setQuote,
  setQuotes,
}: {
  input: StoryInput;
  errorsFor: (name: string) => string[] | undefined;
  setQuote: (i: number, patch: Partial<Quote>, touched: string) => void;
  setQuotes: (quotes: Quote[]) => void;
}) {
  const { t } = useI18n();
  const f = t.story.form;
  return (
    <fieldset className="story-quotes">
      <legend className="field__label">{f.quotes}</legend>
      {input.quotes.map((q, i) => (
        <div key={i} className="story-quotes__item" data-testid="story-quote">
          <div className="story-quotes__head">
            <span className="small muted">{f.quote(i + 1)}</span>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={f.removeQuote(i + 1)}
              title={f.removeQuote(i + 1)}
              data-testid="story-quote-remove"
              onClick={() => setQuotes(input.quotes.filter((_, k) => k !== i))}
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </div>
          <Field name={`quotes.${i}.text`} label={f.quoteText} required errors={errorsFor(`quotes.${i}.text`)}>
            {(props) => <textarea {...props} className="textarea" rows={2} value={q.text} onChange={(e) => setQuote(i, { text: e.target.value }, `quotes.${i}.text`)} />}
          </Field>
          <Field name={`quotes.${i}.author`} label={f.author} hint={f.authorHint} required errors={errorsFor(`quotes.${i}.author`)}>
            {(props) => <input {...props} className="input" value={q.author} onChange={(e) => setQuote(i, { author: e.target.value }, `quotes.${i}.author`)} />}
          </Field>
          <Check testId="story-quote-publishable" checked={q.publishable} onChange={(on) => setQuote(i, { publishable: on }, `quotes.${i}.text`)}>
            {f.quotePublishable}
          </Check>
        </div>
      ))}
      <FieldErrors name="quotes" errors={errorsFor("quotes")} />
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="story-quote-add"
        onClick={() => setQuotes([...input.quotes, { text: "", author: "", publishable: false }])}
      >
        <Plus size={14} aria-hidden="true" />
        {f.addQuote}
      </button>
    </fieldset>
  );
}
