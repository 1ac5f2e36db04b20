// The parts of a parties' fieldset that the new-partnership and the
// general dialogs share: the legend, a party's actor picker, its role, the
// remove and add buttons (`party-actor-<i>`, `party-role-<i>`,
// `party-remove-<i>`, `party-add`).
import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";

import type { PartyRole } from "../../bindings/PartyRole";
import { FieldErrors } from "../../components/Field";
import { useI18n } from "../../i18n";
import { ActorCombobox, type ActorChoice } from "./ActorCombobox";

export const PARTY_ROLES: readonly PartyRole[] = [
  "porteur",
  "partenaire",
  "financeur",
  "beneficiaire",
  "collectivite_associee",
  "operateur",
  "investisseur",
  "evaluateur",
  "structurateur",
];

/** The fieldset's legend: a required label and its help. */
export function PartyGroupLegend({ label, help }: { label: ReactNode; help: ReactNode }) {
  return (
    <legend className="party-group__legend">
      <span className="field__label">
        {label}
        <span className="field__required" aria-hidden="true">
          *
        </span>
      </span>
      <span className="resource-group__help">{help}</span>
    </legend>
  );
}

/** Party `index`'s actor picker and its errors; picking, or leaving typed text, touches « parties ». */
export function PartyActor({
  index,
  errorId,
  errors,
  text,
  value,
  onTextChange,
  onChange,
  touch,
}: {
  index: number;
  errorId: string;
  errors: string[] | undefined;
  text: string;
  value: ActorChoice | null;
  onTextChange: (text: string) => void;
  onChange: (actor: ActorChoice | null) => void;
  touch: (name: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="party-row__actor">
      <ActorCombobox
        testId={`party-actor-${index}`}
        field={`parties.${index}.actorId`}
        label={t.partnership.party(index)}
        invalid={errors !== undefined}
        describedBy={errors ? errorId : undefined}
        text={text}
        onTextChange={onTextChange}
        value={value}
        onChange={(actor) => {
          onChange(actor);
          if (actor) touch("parties");
        }}
        onBlur={() => {
          if (text.trim() !== "") touch("parties");
        }}
      />
      <FieldErrors name={`parties.${index}.actorId`} id={errorId} errors={errors} />
    </div>
  );
}

/** Party `index`'s role. */
export function PartyRoleSelect({ index, value, onChange }: { index: number; value: PartyRole; onChange: (role: PartyRole) => void }) {
  const { t } = useI18n();
  return (
    <select
      className="select"
      data-testid={`party-role-${index}`}
      aria-label={`${t.partnership.role} — ${t.partnership.party(index)}`}
      value={value}
      onChange={(e) => onChange(e.target.value as PartyRole)}
    >
      {PARTY_ROLES.map((r) => (
        <option key={r} value={r}>
          {t.partnership.labels.roles[r]}
        </option>
      ))}
    </select>
  );
}

/** Removes party `index`; a partnership keeps two parties at least. */
export function PartyRemoveButton({ index, count, onClick }: { index: number; count: number; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="icon-button icon-button--danger"
      aria-label={t.partnership.removeParty(index)}
      title={t.partnership.removeParty(index)}
      data-testid={`party-remove-${index}`}
      disabled={count <= 2}
      onClick={onClick}
    >
      <Trash2 size={16} aria-hidden="true" />
    </button>
  );
}

export function PartyAddButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--ghost button--small" data-testid="party-add" onClick={onClick}>
      <Plus size={16} aria-hidden="true" />
      {t.partnership.addParty}
    </button>
  );
}
