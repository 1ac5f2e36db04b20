// Needs or offers: repeatable rows of a category, its sub-category (left
// « à préciser », the core guesses it from the words) and a text.
import { Plus, Trash2 } from "lucide-react";
import { useRef } from "react";

import type { Resource } from "../../bindings/Resource";
import type { ResourceCategory } from "../../bindings/ResourceCategory";
import type { ResourceSubcategory } from "../../bindings/ResourceSubcategory";
import { SUBCATEGORIES } from "../../bindings/subcategories";
import { FieldErrors } from "../../components/Field";
import { useI18n } from "../../i18n";

export const RESOURCE_CATEGORIES: readonly ResourceCategory[] = [
  "competences",
  "locaux",
  "materiel",
  "financement",
  "achats",
  "benevolat",
  "visibilite",
  "autre",
];

type Props = {
  /** "needs" or "offers": names the controls (`field-needs.0.text`). */
  name: "needs" | "offers";
  title: string;
  help: string;
  addLabel: string;
  placeholder: string;
  rows: Resource[];
  onChange: (rows: Resource[]) => void;
  errorsFor: (name: string) => string[] | undefined;
};

export function ResourceRows({ name, title, help, addLabel, placeholder, rows, onChange, errorsFor }: Props) {
  const { t, lang } = useI18n();
  const listRef = useRef<HTMLDivElement>(null);

  const update = (index: number, patch: Partial<Resource>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const add = () => {
    onChange([...rows, { category: "competences", text: "" }]);
    // Focus the new row's text once React has drawn it.
    window.requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLInputElement>(`[data-testid="field-${name}.${rows.length}.text"]`)?.focus();
    });
  };

  return (
    <fieldset className="resource-group" data-field-group={name}>
      <legend className="resource-group__legend">
        <span className="field__label">{title}</span>
        <span className="resource-group__help">{help}</span>
      </legend>
      <div className="resource-group__rows" ref={listRef}>
        {rows.map((row, i) => {
          const textErrors = errorsFor(`${name}.${i}.text`);
          const categoryErrors = errorsFor(`${name}.${i}.category`);
          const subcategoryErrors = errorsFor(`${name}.${i}.subcategory`);
          return (
            <div className="resource-row" key={i}>
              <div className="resource-row__kind">
                <select
                  className="select resource-row__category"
                  aria-label={`${title} ${i + 1} — ${t.form.resourceCategory}`}
                  data-testid={`field-${name}.${i}.category`}
                  value={row.category}
                  aria-invalid={categoryErrors ? true : undefined}
                  onChange={(e) => update(i, { category: e.target.value as ResourceCategory, subcategory: undefined })}
                >
                  {RESOURCE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t.labels.categories[c]}
                    </option>
                  ))}
                </select>
                {SUBCATEGORIES[row.category].length > 0 && (
                  <select
                    className="select resource-row__subcategory"
                    aria-label={`${title} ${i + 1} — ${t.form.resourceSubcategory}`}
                    data-testid={`field-${name}.${i}.subcategory`}
                    value={row.subcategory ?? ""}
                    aria-invalid={subcategoryErrors ? true : undefined}
                    onChange={(e) =>
                      update(i, { subcategory: e.target.value === "" ? undefined : (e.target.value as ResourceSubcategory) })
                    }
                  >
                    <option value="">{t.form.resourceSubcategoryGuess}</option>
                    {SUBCATEGORIES[row.category].map((sub) => (
                      <option key={sub.code} value={sub.code}>
                        {lang === "en" ? sub.en : sub.fr}
                      </option>
                    ))}
                  </select>
                )}
              </div>
              <div className="resource-row__text">
                <input
                  type="text"
                  className="input"
                  aria-label={`${title} ${i + 1} — ${t.form.resourceText}`}
                  data-testid={`field-${name}.${i}.text`}
                  aria-invalid={textErrors ? true : undefined}
                  placeholder={placeholder}
                  value={row.text}
                  onChange={(e) => update(i, { text: e.target.value })}
                  />
                <FieldErrors name={`${name}.${i}.text`} errors={textErrors} />
                <FieldErrors name={`${name}.${i}.category`} errors={categoryErrors} />
                <FieldErrors name={`${name}.${i}.subcategory`} errors={subcategoryErrors} />
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={`${t.form.removeResource} (${title} ${i + 1})`}
                data-tooltip={t.form.removeResource}
                data-tooltip-pos="left"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <Trash2 size={16} aria-hidden="true" />
              </button>
            </div>
          );
        })}
      </div>
      <FieldErrors name={name} errors={errorsFor(name)} />
      <button type="button" className="button button--ghost button--small" data-testid={`${name}-add`} onClick={add}>
        <Plus size={16} aria-hidden="true" />
        {addLabel}
      </button>
    </fieldset>
  );
}
