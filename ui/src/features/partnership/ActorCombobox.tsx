// Actor picker: type a name, pick an actor among the `search` command's
// actor hits (contacts are left out). Stores the actor's id.
import { Building2, LoaderCircle } from "lucide-react";

import { search } from "../../api/gateway";
import type { SearchHit } from "../../bindings/SearchHit";
import { useCombobox } from "../../components/useCombobox";
import { useI18n } from "../../i18n";

const MAX_RESULTS = 8;

export type ActorChoice = { id: string; name: string };

/** Keeps the actors of a search's hits, best first. */
export function actorHits(hits: readonly SearchHit[]): SearchHit[] {
  return hits.filter((h) => h.entity === "actor");
}

type Props = {
  testId: string;
  /** The server field it answers for (`parties.1.actorId`), to focus it after a refused submit. */
  field: string;
  label: string;
  invalid: boolean;
  describedBy: string | undefined;
  text: string;
  onTextChange: (text: string) => void;
  value: ActorChoice | null;
  onChange: (choice: ActorChoice | null) => void;
  onBlur: () => void;
};

export function ActorCombobox({ testId, field, label, invalid, describedBy, text, onTextChange, value, onChange, onBlur }: Props) {
  const { t } = useI18n();
  const c = useCombobox<SearchHit>({
    text,
    chosen: value !== null && value.name === text,
    // Ask for more than shown: contacts are dropped.
    search: (query) => search(query, MAX_RESULTS * 2).then((found) => actorHits(found).slice(0, MAX_RESULTS)),
    keyOf: (hit) => hit.id,
    onPick: (hit) => {
      onChange({ id: hit.id, name: hit.title });
      onTextChange(hit.title);
    },
    onTextChange,
    onClearChoice: () => onChange(null),
    onBlur,
  });

  return (
    <div className="combobox">
      <div className="input-with-icon">
        <Building2 size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          type="text"
          className="input"
          data-testid={testId}
          data-field={field}
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...c.inputProps}
          placeholder={t.partnership.actorPlaceholder}
        />
        {c.loading && <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />}
      </div>
      {c.showList && (
        <ul className="combobox__list" id={c.listId} role="listbox" aria-label={label}>
          {c.results.map((hit, i) => (
            <li
              key={hit.id}
              {...c.optionProps(hit, i)}
              className={`combobox__option actor-option${i === c.active ? " is-active" : ""}`}
              data-testid="actor-option"
            >
              <span className="combobox__option-main">{hit.title}</span>
              <span className="combobox__option-side">{hit.subtitle}</span>
            </li>
          ))}
          {!c.loading && c.results.length === 0 && <li className="combobox__empty">{t.partnership.actorNone}</li>}
          {c.loading && c.results.length === 0 && <li className="combobox__empty">{t.common.loading}</li>}
        </ul>
      )}
    </div>
  );
}
