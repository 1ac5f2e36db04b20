// « Belles histoires » on a partnership page: its stories, each opened in
// place (text, live indicator values, quotes, photos, print), and the
// button to write one. The core holds the stories and reads the indicators'
// values when a story is opened; the window only shows them.
import { BookOpen, ChevronDown, ChevronRight } from "lucide-react";
import { useCallback, useEffect, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { deleteStory, getStory, listStories, restoreStory } from "../../api/gateway";
import { useConfirm } from "../../app/confirm";
import { useToasts } from "../../app/toasts";
import type { Indicator } from "../../bindings/Indicator";
import type { Story } from "../../bindings/Story";
import type { StoryDetail } from "../../bindings/StoryDetail";
import type { StorySummary } from "../../bindings/StorySummary";
import { useI18n } from "../../i18n";
import { SectionHead } from "../partnership/rowParts";
import { StoryDialog } from "./StoryDialog";
import { StoryView } from "./StoryView";

type Editing = { story: Story | null } | null;

export function StorySection({ partnershipId, indicators }: { partnershipId: string; indicators: readonly Indicator[] }) {
  const { t, lang } = useI18n();
  const s = t.story;
  const toasts = useToasts();
  const confirm = useConfirm();
  const [stories, setStories] = useState<StorySummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<StoryDetail | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const reload = useCallback(async () => {
    try {
      setStories(await listStories(partnershipId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [partnershipId]);

  useEffect(() => {
    let live = true;
    listStories(partnershipId).then(
      (found) => {
        if (live) setStories(found);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [partnershipId]);

  const show = async (id: string) => {
    try {
      setOpen(await getStory(id));
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
  };

  const changed = async (story: Story) => {
    await reload();
    await show(story.id);
  };

  const remove = async (detail: StoryDetail) => {
    const headline = detail.story.headline;
    const ok = await confirm({ title: s.removeTitle(headline), text: s.removeText, confirmLabel: s.remove, danger: true });
    if (!ok) return;
    try {
      await deleteStory(detail.story.id);
      setOpen(null);
      await reload();
      toasts.show({
        message: s.removed(headline),
        tone: "success",
        onUndo: () =>
          void restoreStory(detail.story.id).then(
            (story) => void changed(story),
            (raw: unknown) => toasts.show({ message: `${s.restoreFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" }),
          ),
      });
    } catch (raw: unknown) {
      toasts.show({ message: `${s.removeFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
  };

  return (
    <section className="card" aria-labelledby="stories-title" data-testid="partnership-stories">
      <SectionHead id="stories-title" title={s.title} addLabel={s.write} testId="story-add" onAdd={() => setEditing({ story: null })} />
      {failed ? (
        <p className="muted" role="alert">
          {s.loadError}
        </p>
      ) : stories === null ? (
        <p className="muted">{s.loading}</p>
      ) : stories.length === 0 ? (
        <p className="muted">{s.none}</p>
      ) : (
        <ul className="story-list">
          {stories.map((story) => {
            const expanded = open !== null && open.story.id === story.id;
            return (
              <li key={story.id} className="story-list__item" data-testid="story-row">
                <button
                  type="button"
                  className="story-list__toggle"
                  aria-expanded={expanded}
                  aria-label={expanded ? s.close : s.open(story.headline)}
                  data-testid="story-open"
                  onClick={() => (expanded ? setOpen(null) : void show(story.id))}
                >
                  {expanded ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronRight size={16} aria-hidden="true" />}
                  <BookOpen size={16} aria-hidden="true" className="story-list__icon" />
                  <span className="story-list__headline" data-testid="story-headline">
                    {story.headline}
                  </span>
                  <span className="small muted">{s.counts(story.quoteCount, story.photoCount)}</span>
                </button>
                {expanded && (
                  <StoryView detail={open} onChanged={(st) => void changed(st)} onEdit={() => setEditing({ story: open.story })} onRemove={() => void remove(open)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing !== null && (
        <StoryDialog
          partnershipId={partnershipId}
          indicators={indicators}
          story={editing.story}
          onClose={() => setEditing(null)}
          onSaved={(story) => {
            setEditing(null);
            toasts.show({ message: s.saved(story.headline), tone: "success" });
            void changed(story);
          }}
        />
      )}
    </section>
  );
}
