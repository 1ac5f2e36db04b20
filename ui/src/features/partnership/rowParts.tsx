// What the editable sections of the partnership page share: a title with
// its « Ajouter » button, a row's edit and delete buttons, and the page's
// editing callbacks.
import { Pencil, Plus, Trash2 } from "lucide-react";

import { useI18n } from "../../i18n";
import type { RowList } from "./editModel";

/** What the row editors and the delete buttons of a section need. */
export type RowEditing = {
  edit: (what: RowList, index: number | null) => void;
  remove: (what: RowList, index: number, label: string) => void;
  measure: (index: number) => void;
  busy: boolean;
};

/** A card or sub-section title with its « Ajouter » button. */
export function SectionHead({
  id,
  title,
  level = 2,
  addLabel,
  onAdd,
  testId,
}: {
  id?: string;
  title: string;
  level?: 2 | 3;
  addLabel: string;
  onAdd: () => void;
  testId: string;
}) {
  const Title = level === 2 ? "h2" : "h3";
  return (
    <div className={`section-head section-head--${level}`}>
      <Title id={id} className={level === 2 ? "card__title" : "card__subtitle"}>
        {title}
      </Title>
      <button type="button" className="button button--ghost button--small" data-testid={testId} onClick={onAdd} title={addLabel}>
        <Plus size={14} aria-hidden="true" />
        {addLabel}
      </button>
    </div>
  );
}

/** The pencil and bin of one row, labelled with what they act on. */
export function RowButtons({
  label,
  testId,
  disabled,
  onEdit,
  onRemove,
}: {
  label: string;
  testId: string;
  disabled: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <span className="row-buttons">
      <button
        type="button"
        className="icon-button icon-button--small"
        data-testid={`${testId}-edit`}
        aria-label={t.partnership.edit.editRow(label)}
        title={t.partnership.edit.editRow(label)}
        onClick={onEdit}
      >
        <Pencil size={14} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button icon-button--small icon-button--danger"
        data-testid={`${testId}-remove`}
        aria-label={t.partnership.edit.removeRow(label)}
        title={t.partnership.edit.removeRow(label)}
        disabled={disabled}
        onClick={onRemove}
      >
        <Trash2 size={14} aria-hidden="true" />
      </button>
    </span>
  );
}
