// One story opened in the section: its text, its indicators' values as the
// core read them now, its quotes (publishable or not), its photos, and the
// buttons to edit, print (for publication or internal use) and delete it.
import { FileText, LoaderCircle, Pencil, Quote as QuoteIcon, Trash2 } from "lucide-react";
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { saveStoryPdf } from "../../api/gateway";
import { useToasts } from "../../app/toasts";
import type { Story } from "../../bindings/Story";
import type { StoryDetail } from "../../bindings/StoryDetail";
import type { StoryIndicator } from "../../bindings/StoryIndicator";
import { useI18n } from "../../i18n";
import { formatDate, type Lang } from "../../lib/format";
import { StoryPhotos } from "./StoryPhotos";

function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

function IndicatorValue({ ind }: { ind: StoryIndicator }) {
  const { t, lang } = useI18n();
  const s = t.story;
  const value = ind.value === null ? null : ind.unit ? `${formatNumber(ind.value, lang)}\u00a0${ind.unit}` : formatNumber(ind.value, lang);
  const notes = ind.missing
    ? [s.missing]
    : [ind.measuredOn ? s.measuredOn(formatDate(ind.measuredOn, lang)) : null, ind.target !== null ? s.target(formatNumber(ind.target, lang)) : null].filter(
        (x): x is string => x !== null,
      );
  return (
    <li className="story-indicator" data-testid="story-indicator-value">
      <span className="story-indicator__value tabular">{ind.missing ? "—" : (value ?? s.notMeasured)}</span>
      <span className="story-indicator__name">{ind.name}</span>
      {notes.length > 0 && <span className="small muted">{notes.join(" · ")}</span>}
    </li>
  );
}

type Printing = "publication" | "internal" | null;

export function StoryView({
  detail,
  onEdit,
  onRemove,
  onChanged,
}: {
  detail: StoryDetail;
  onEdit: () => void;
  onRemove: () => void;
  onChanged: (story: Story) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.story;
  const toasts = useToasts();
  const [printing, setPrinting] = useState<Printing>(null);
  const story = detail.story;

  const print = async (kind: "publication" | "internal") => {
    if (printing !== null) return;
    setPrinting(kind);
    try {
      const path = await saveStoryPdf(story.id, kind === "publication");
      if (path !== null) toasts.show({ message: s.printed(path), tone: "success", durationMs: 7000 });
    } catch (raw: unknown) {
      toasts.show({ message: `${s.printFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
    setPrinting(null);
  };

  return (
    <div className="story-view" data-testid="story-view">
      {(["need", "action", "change"] as const)
        .filter((key) => story[key].trim() !== "")
        .map((key) => (
          <div key={key} className="story-view__block">
            <h4 className="story-view__label">{s[key]}</h4>
            <p className="story-view__text">{story[key]}</p>
          </div>
        ))}
      {detail.indicators.length > 0 && (
        <div className="story-view__block">
          <h4 className="story-view__label">{s.indicators}</h4>
          <ul className="story-indicators">
            {detail.indicators.map((ind) => (
              <IndicatorValue key={ind.name} ind={ind} />
            ))}
          </ul>
        </div>
      )}
      {story.quotes.length > 0 && (
        <div className="story-view__block">
          <h4 className="story-view__label">{s.quotes}</h4>
          <ul className="story-view__quotes">
            {story.quotes.map((q, i) => (
              <li key={i} className="story-view__quote" data-testid="story-view-quote">
                <QuoteIcon size={14} aria-hidden="true" className="story-view__quote-icon" />
                <div>
                  <p className="story-view__quote-text">{lang === "fr" ? `«\u00a0${q.text}\u00a0»` : `“${q.text}”`}</p>
                  <p className="small muted">
                    — {q.author} <span className={`badge ${q.publishable ? "badge--outline" : "badge--quiet"}`}>{q.publishable ? s.publishable : s.notPublishable}</span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      <StoryPhotos story={story} onChanged={onChanged} />
      <div className="story-view__actions">
        <button type="button" className="button button--secondary button--small" data-testid="story-edit" onClick={onEdit}>
          <Pencil size={14} aria-hidden="true" />
          {s.edit}
        </button>
        {(["publication", "internal"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--secondary button--small"
            data-testid={`story-print-${kind}`}
            data-tooltip={kind === "publication" ? s.printHint : s.printInternalHint}
            disabled={printing !== null}
            aria-busy={printing === kind || undefined}
            onClick={() => void print(kind)}
          >
            {printing === kind ? <LoaderCircle size={14} aria-hidden="true" className="spin" /> : <FileText size={14} aria-hidden="true" />}
            {kind === "publication" ? s.print : s.printInternal}
            {printing === kind && <span className="visually-hidden"> — {s.printing}</span>}
          </button>
        ))}
        <button type="button" className="button button--ghost button--small button--danger-text" data-testid="story-remove" onClick={onRemove}>
          <Trash2 size={14} aria-hidden="true" />
          {s.remove}
        </button>
      </div>
    </div>
  );
}
