// Tags as chips: Enter or a comma adds what is typed, Backspace on an empty
// box takes the last one back.
import { X } from "lucide-react";

import type { ControlProps } from "../../components/Field";
import { useI18n } from "../../i18n";

/**
 * Splits typed or pasted text into tags, dropping blanks and exact repeats
 * (one chip per text). Tags that differ only by case or accents are the
 * core's to merge: it folds them with `domain::text::fold` when saving.
 */
export function addTags(tags: readonly string[], text: string): string[] {
  const out = [...tags];
  const seen = new Set(out);
  for (const raw of text.split(/[,;\n]/)) {
    const tag = raw.trim().replace(/^#+/, "").trim();
    if (tag === "" || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}

type Props = {
  control: ControlProps;
  tags: string[];
  draft: string;
  onChange: (tags: string[], draft: string) => void;
  placeholder: string;
};

export function TagsInput({ control, tags, draft, onChange, placeholder }: Props) {
  const { t } = useI18n();
  return (
    <div className="tags-input">
      {tags.map((tag) => (
        <span key={tag} className="chip chip--removable">
          <span className="chip__text">{tag}</span>
          <button
            type="button"
            className="chip__remove"
            aria-label={t.form.removeTag(tag)}
            onClick={() => onChange(
              tags.filter((x) => x !== tag),
              draft,
            )}
          >
            <X size={12} aria-hidden="true" />
          </button>
        </span>
      ))}
      <input
        {...control}
        type="text"
        className="tags-input__input"
        value={draft}
        placeholder={tags.length === 0 ? placeholder : ""}
        autoComplete="off"
        onChange={(e) => {
          const value = e.target.value;
          if (/[,;]/.test(value)) onChange(addTags(tags, value), "");
          else onChange(tags, value);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData("text");
          if (/[,;\n]/.test(pasted)) {
            e.preventDefault();
            onChange(addTags(tags, draft + pasted), "");
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !(e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (draft.trim() !== "") onChange(addTags(tags, draft), "");
          } else if (e.key === "Backspace" && draft === "" && tags.length > 0) {
            e.preventDefault();
            const last = tags[tags.length - 1] ?? "";
            onChange(tags.slice(0, -1), last);
          }
        }}
        onBlur={() => {
          if (draft.trim() !== "") onChange(addTags(tags, draft), "");
        }}
      />
    </div>
  );
}
