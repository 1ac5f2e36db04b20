// The photos of a story as thumbnails (data: URLs the core sends; the CSP
// allows `img-src data:`), each with its caption, credit, publication and
// its edit and remove buttons, and « Ajouter une photo » (the shell's open
// dialog, then the caption dialog).
import { ImagePlus, LoaderCircle } from "lucide-react";
import { useEffect, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { deleteStoryPhoto, getStoryPhoto, pickFile, restoreStoryPhoto } from "../../api/gateway";
import { useToasts } from "../../app/toasts";
import type { Story } from "../../bindings/Story";
import type { StoryPhoto } from "../../bindings/StoryPhoto";
import { useI18n } from "../../i18n";
import { baseName } from "../../lib/format";
import { RowButtons } from "../partnership/rowParts";
import { PhotoDialog, type PhotoTarget } from "./PhotoDialog";

function Thumbnail({ photo }: { photo: StoryPhoto }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getStoryPhoto(photo.id, true).then(
      (url) => {
        if (live) setSrc(url);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [photo.id]);
  return src === null ? (
    <span className="story-photo__placeholder" aria-hidden="true" />
  ) : (
    <img className="story-photo__img" src={src} alt={t.story.photoAlt(photo.caption)} data-testid="story-photo-img" />
  );
}

export function StoryPhotos({ story, onChanged }: { story: Story; onChanged: (story: Story) => void }) {
  const { t, lang } = useI18n();
  const s = t.story;
  const toasts = useToasts();
  const [target, setTarget] = useState<PhotoTarget | null>(null);
  const [picking, setPicking] = useState(false);

  const add = async () => {
    setPicking(true);
    try {
      const path = await pickFile("photo");
      if (path !== null) setTarget({ kind: "add", storyId: story.id, path });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
    setPicking(false);
  };

  const remove = async (photo: StoryPhoto) => {
    try {
      onChanged(await deleteStoryPhoto(photo.id));
      toasts.show({
        message: s.photoRemoved,
        tone: "success",
        onUndo: () => void restoreStoryPhoto(photo.id).then(onChanged, (raw: unknown) => toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" })),
      });
    } catch (raw: unknown) {
      toasts.show({ message: `${s.photoRemoveFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
  };

  return (
    <div className="story-photos" data-testid="story-photos">
      <h4 className="story-view__label">{s.photos}</h4>
      {story.photos.length === 0 ? (
        <p className="small muted">{s.noPhotos}</p>
      ) : (
        <ul className="story-photos__grid">
          {story.photos.map((photo) => {
            const label = photo.caption || photo.fileName;
            return (
              <li key={photo.id} className="story-photo" data-testid="story-photo">
                <Thumbnail photo={photo} />
                <div className="story-photo__meta">
                  {photo.caption && <span className="small">{photo.caption}</span>}
                  {photo.credit && <span className="small muted">© {photo.credit}</span>}
                  <span className={`badge ${photo.publishable ? "badge--outline" : "badge--quiet"}`}>{photo.publishable ? s.publishable : s.notPublishable}</span>
                </div>
                <RowButtons label={label} testId="story-photo" disabled={false} onEdit={() => setTarget({ kind: "edit", photo })} onRemove={() => void remove(photo)} />
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button--secondary button--small" data-testid="story-photo-add" disabled={picking} aria-busy={picking || undefined} onClick={() => void add()}>
        {picking ? <LoaderCircle size={14} aria-hidden="true" className="spin" /> : <ImagePlus size={14} aria-hidden="true" />}
        {s.addPhoto}
      </button>
      {target !== null && (
        <PhotoDialog
          target={target}
          onClose={() => setTarget(null)}
          onSaved={(saved) => {
            if (target.kind === "add") toasts.show({ message: s.photoAdded(baseName(target.path)), tone: "success" });
            setTarget(null);
            onChanged(saved);
          }}
        />
      )}
    </div>
  );
}
