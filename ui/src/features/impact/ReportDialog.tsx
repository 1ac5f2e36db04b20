// « Imprimer le rapport »: the impact report for the page's filters. The
// person may type a title and the publisher, and ticks the stories to tell
// (those of the partnerships in scope, all ticked at first); the core
// checks the request, builds the PDF and the shell asks where to save it.
import { useQuery } from "@tanstack/react-query";
import { FileText, LoaderCircle } from "lucide-react";
import { useState } from "react";

import { errorText, fieldErrorText, toAppError } from "../../api/errors";
import type { AppError } from "../../api/types";
import { listImpactStories, saveImpactReport } from "../../api/gateway";
import { Dialog } from "../../app/Dialog";
import { useToasts } from "../../app/toasts";
import type { ImpactFilters } from "../../bindings/ImpactFilters";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n";

/** The publisher typed last, offered again next time (it rarely changes). */
const PUBLISHER_KEY = "tisserand.impact.publisher";

function rememberedPublisher(): string {
  try {
    return window.localStorage.getItem(PUBLISHER_KEY) ?? "";
  } catch {
    return "";
  }
}

export function ReportDialog({ filters, onClose }: { filters: ImpactFilters; onClose: () => void }) {
  const { t, lang } = useI18n();
  const r = t.impact.report;
  const toasts = useToasts();
  const [title, setTitle] = useState("");
  const [publisher, setPublisher] = useState(rememberedPublisher);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const stories = useQuery({
    queryKey: ["impact", "stories", filters],
    queryFn: () => listImpactStories(filters),
  });
  const choices = stories.data ?? [];

  const toggle = (id: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const fieldErrors = (field: string) =>
    error?.fields.filter((f) => f.field === field).map((f) => fieldErrorText(f, lang));

  const save = async () => {
    if (busy || stories.isPending) return;
    setBusy(true);
    setError(null);
    try {
      const path = await saveImpactReport({
        filters,
        title,
        publisher,
        stories: choices.filter((c) => !unticked.has(c.story.id)).map((c) => c.story.id),
      });
      try {
        window.localStorage.setItem(PUBLISHER_KEY, publisher.trim());
      } catch {
        // Private storage unavailable: the publisher is simply not offered next time.
      }
      if (path !== null) {
        toasts.show({ message: r.saved(path), tone: "success", durationMs: 7000 });
        onClose();
      }
    } catch (raw: unknown) {
      setError(toAppError(raw));
    }
    setBusy(false);
  };

  // Errors on a field show under it; any other error above the form.
  const formError = error !== null && !error.fields.some((f) => ["title", "publisher", "stories"].includes(f.field)) ? error : null;
  return (
    <Dialog
      testId="impact-report-dialog"
      size="lg"
      icon={<FileText size={20} aria-hidden="true" />}
      title={r.title}
      description={r.text}
      onRequestClose={onClose}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} data-testid="impact-report-cancel">
            {r.cancel}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || stories.isPending}
            aria-busy={busy || undefined}
            onClick={() => void save()}
            data-testid="impact-report-save"
          >
            {busy && <LoaderCircle size={16} aria-hidden="true" className="spin" />}
            {busy ? r.saving : r.save}
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {formError !== null && (
          <div className="banner banner--error" role="alert" data-testid="impact-report-error">
            <p>
              {r.failed} {errorText(formError, lang)}
            </p>
          </div>
        )}
        <Field name="report-title" className="span-6" label={r.titleLabel} hint={r.titleHint} errors={fieldErrors("title")}>
          {(props) => <input {...props} className="input" data-autofocus value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field name="report-publisher" className="span-6" label={r.publisher} hint={r.publisherHint} errors={fieldErrors("publisher")}>
          {(props) => (
            <input {...props} className="input" value={publisher} maxLength={200} onChange={(e) => setPublisher(e.target.value)} />
          )}
        </Field>
        <fieldset className="report-stories" data-testid="impact-report-stories">
          <legend className="field__label">{r.stories}</legend>
          {stories.isPending ? (
            <p className="muted icon-text" aria-busy="true">
              <LoaderCircle size={16} aria-hidden="true" className="spin" />
              {r.storiesLoading}
            </p>
          ) : stories.isError ? (
            <p className="field__error" role="alert">
              {r.storiesError} {errorText(toAppError(stories.error), lang)}
            </p>
          ) : choices.length === 0 ? (
            <p className="muted" data-testid="impact-report-no-story">
              {r.storiesNone}
            </p>
          ) : (
            <ul className="report-stories__list">
              {choices.map((c) => (
                <li key={c.story.id}>
                  <label className="check-card">
                    <input
                      type="checkbox"
                      checked={!unticked.has(c.story.id)}
                      onChange={() => toggle(c.story.id)}
                      data-testid="impact-report-story"
                    />
                    <span className="check-card__body">
                      <span className="report-story__headline">{c.story.headline}</span>
                      <span className="small muted">
                        {r.storyOf(c.partnershipTitle)} · {r.publishable(c.story.publishableCount)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {(fieldErrors("stories") ?? []).map((m) => (
            <p key={m} className="field__error" role="alert" data-testid="error-stories">
              {m}
            </p>
          ))}
        </fieldset>
        {/* Enter in a field saves, as in every form. */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </Dialog>
  );
}
