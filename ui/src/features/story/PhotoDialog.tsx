// A photo's caption, credit and publication: asked when a photo is added
// (after the open dialog chose its file, which the core then checks,
// resizes and keeps) and when they are edited. A file that is not a JPEG
// or PNG image comes back as an error naming it, shown at the top; the
// story keeps everything it had.
import { useRef, useState } from "react";

import { addStoryPhoto, updateStoryPhoto } from "../../api/gateway";
import type { PhotoInput } from "../../bindings/PhotoInput";
import type { Story } from "../../bindings/Story";
import type { StoryPhoto } from "../../bindings/StoryPhoto";
import { Field } from "../../components/Field";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { baseName } from "../../lib/format";
import { useServerForm } from "../../lib/useServerForm";
import { Check } from "../../components/Check";

/** Adding the file at `path` to story `storyId`, or editing `photo`. */
export type PhotoTarget = { kind: "add"; storyId: string; path: string } | { kind: "edit"; photo: StoryPhoto };

const ORDER = ["caption", "credit"];

export function PhotoDialog({ target, onSaved, onClose }: { target: PhotoTarget; onSaved: (story: Story) => void; onClose: () => void }) {
  const { t } = useI18n();
  const p = t.story.photo;
  const [initial] = useState<PhotoInput>(() =>
    target.kind === "edit"
      ? { caption: target.photo.caption, credit: target.photo.credit, publishable: target.photo.publishable }
      : { caption: "", credit: "", publishable: false },
  );
  const [input, setInput] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useServerForm<PhotoInput, Story>({
    formRef,
    input,
    // The core checks caption and credit when the photo is saved.
    validate: () => Promise.resolve([]),
    save: (meta) => (target.kind === "add" ? addStoryPhoto(target.storyId, target.path, meta) : updateStoryPhoto(target.photo.id, meta)),
    onSaved,
    onClose,
    order: ORDER,
    dirty: JSON.stringify(input) !== JSON.stringify(initial),
  });
  const set = <K extends keyof PhotoInput>(key: K, value: PhotoInput[K]) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    form.touch(key);
  };
  return (
    <FormDialog
      title={target.kind === "add" ? p.addTitle(baseName(target.path)) : p.editTitle}
      testId="photo-dialog"
      size="sm"
      formRef={formRef}
      saving={form.saving}
      onRequestClose={() => void form.requestClose()}
      onSubmit={() => void form.submit()}
      submitLabel={target.kind === "add" ? p.add : p.save}
      savingLabel={target.kind === "add" ? p.adding : undefined}
      enterSubmits
    >
      <FormBanner error={form.banner} stray={form.stray} />
      {target.kind === "add" && <p className="small muted">{p.formats}</p>}
      <Field name="caption" label={p.caption} errors={form.errorsFor("caption")}>
        {(props) => <input {...props} className="input" data-autofocus value={input.caption} onChange={(e) => set("caption", e.target.value)} />}
      </Field>
      <Field name="credit" label={p.credit} hint={p.creditHint} errors={form.errorsFor("credit")}>
        {(props) => <input {...props} className="input" value={input.credit} onChange={(e) => set("credit", e.target.value)} />}
      </Field>
      <Check testId="field-publishable" checked={input.publishable} onChange={(on) => set("publishable", on)}>
        {p.publishable}
      </Check>
    </FormDialog>
  );
}
