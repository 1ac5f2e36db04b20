// Edit a partnership's general fields: title, summary, territory (communes
// picked from the referential), facilitator, tags, origin, and its parties
// with their roles and contact person. Rows, modes and stage keep their
// values (they have their own editors).
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";

import { getActor, searchCommunes } from "../../api/gateway";
import { queryKeys } from "../../app/data";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { PartyRole } from "../../bindings/PartyRole";
import { Field, FieldErrors } from "../../components/Field";
import { useI18n } from "../../i18n";
import { addTags, TagsInput } from "../actor/TagsInput";
import type { ActorChoice } from "./ActorCombobox";
import { EditShell, usePartnershipForm, type Reload } from "./EditDialog";
import { toInput } from "./editModel";
import { TerritoryInput, withCommune } from "./TerritoryInput";
import { PartyActor, PartyAddButton, PartyGroupLegend, PartyRemoveButton, PartyRoleSelect } from "./PartyFields";

/** Server field names in the dialog's order (a refused submit focuses the first). */
export const GENERAL_FIELD_ORDER = ["title", "summary", "territory", "parties", "facilitator", "tags", "origin"] as const;

type PartyRow = { text: string; actor: ActorChoice | null; role: PartyRole; contactId: string | null };
export type GeneralState = {
  title: string;
  summary: string;
  territory: string[];
  communeText: string;
  facilitator: string;
  tags: string[];
  tagDraft: string;
  origin: string;
  parties: PartyRow[];
};

export function generalState(detail: PartnershipDetail): GeneralState {
  const p = detail.partnership;
  const nameOf = (id: string) => detail.parties.find((x) => x.actorId === id)?.actorName ?? id;
  return {
    title: p.title,
    summary: p.summary ?? "",
    territory: [...p.territory],
    communeText: "",
    facilitator: p.facilitator ?? "",
    tags: [...p.tags],
    tagDraft: "",
    origin: p.origin ?? "",
    parties: p.parties.map((x) => ({
      text: nameOf(x.actorId),
      actor: { id: x.actorId, name: nameOf(x.actorId) },
      role: x.role,
      contactId: x.contactId,
    })),
  };
}

const optional = (text: string) => (text.trim() === "" ? null : text.trim());

/** The base partnership with the general fields typed in the dialog. */
export function withGeneral(s: GeneralState, base: Partnership) {
  return {
    ...toInput(base),
    title: s.title.trim(),
    summary: optional(s.summary),
    territory: s.territory,
    facilitator: optional(s.facilitator),
    tags: s.tagDraft.trim() === "" ? s.tags : addTags(s.tags, s.tagDraft),
    origin: optional(s.origin),
    parties: s.parties.map((x) => ({ actorId: x.actor?.id ?? "", role: x.role, contactId: x.contactId })),
  };
}

/** Commune names for INSEE codes, read from the referential (the code itself until found). */
export function useCommuneNames(codes: readonly string[]): Map<string, string> {
  const query = useQuery({
    queryKey: ["communeNames", [...codes].sort()],
    enabled: codes.length > 0,
    queryFn: async () => {
      const out = new Map<string, string>();
      await Promise.all(
        codes.map(async (code) => {
          const found = await searchCommunes(code, 5).catch(() => []);
          const c = found.find((x) => x.insee === code);
          if (c) out.set(code, c.name);
        }),
      );
      return out;
    },
  });
  return query.data ?? new Map<string, string>();
}

function ContactSelect({ actorId, value, onChange, label }: { actorId: string; value: string | null; onChange: (id: string | null) => void; label: string }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: queryKeys.actor(actorId), queryFn: () => getActor(actorId), enabled: actorId !== "" });
  const contacts = query.data?.contacts ?? [];
  return (
    <select className="select" aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
      <option value="">{t.partnership.edit.contactNone}</option>
      {contacts.map((c) => (
        <option key={c.id} value={c.id}>
          {`${c.firstName} ${c.lastName}`.trim()}
          {c.role ? ` — ${c.role}` : ""}
        </option>
      ))}
      {value !== null && !contacts.some((c) => c.id === value) && <option value={value}>{query.isPending ? t.common.loading : value}</option>}
    </select>
  );
}

export function GeneralDialog({
  detail,
  reload,
  onSaved,
  onClose,
}: {
  detail: PartnershipDetail;
  reload: Reload;
  onSaved: (p: Partnership) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const e = t.partnership.edit;
  const [initial] = useState(() => generalState(detail));
  const [state, setState] = useState(initial);
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map());
  const names = useCommuneNames(initial.territory);
  const formRef = useRef<HTMLFormElement>(null);
  const form = usePartnershipForm({
    formRef,
    initial: detail.partnership,
    reload,
    state,
    build: withGeneral,
    order: GENERAL_FIELD_ORDER,
    dirty: JSON.stringify(state) !== JSON.stringify(initial),
    onSaved,
    onClose,
  });
  const { touch, errorsFor } = form;
  const set = <K extends keyof GeneralState>(key: K, value: GeneralState[K], name: string = key) => {
    setState((s) => ({ ...s, [key]: value }));
    touch(name);
  };
  const setParty = (i: number, patch: Partial<PartyRow>) => {
    setState((s) => ({ ...s, parties: s.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  };
  const addParty = () => {
    const index = state.parties.length;
    setState((s) => ({ ...s, parties: [...s.parties, { text: "", actor: null, role: "partenaire", contactId: null }] }));
    window.requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLInputElement>(`[data-testid="party-actor-${index}"]`)?.focus();
    });
  };
  const communeName = (code: string) => picked.get(code) ?? names.get(code) ?? code;

  return (
    <EditShell title={e.editGeneralTitle(detail.partnership.title)} testId="general-form" size="lg" formRef={formRef} form={form}>
      <Field name="title" label={t.partnership.fieldTitle} required errors={errorsFor("title")}>
        {(p) => (
          <input {...p} type="text" className="input" data-autofocus="" value={state.title} onChange={(ev) => set("title", ev.target.value)} />
        )}
      </Field>
      <Field name="summary" label={e.summary} errors={errorsFor("summary")}>
        {(p) => (
          <textarea
            {...p}
            className="textarea"
            rows={3}
            value={state.summary}
            placeholder={e.summaryPlaceholder}
            onChange={(ev) => set("summary", ev.target.value)}
          />
        )}
      </Field>
      <Field name="territory" label={e.territory} hint={e.territoryHint} errors={errorsFor("territory")}>
        {(p) => (
          <TerritoryInput
            control={p}
            codes={state.territory}
            nameOf={communeName}
            removeLabel={e.territoryRemove}
            placeholder={e.territoryPlaceholder}
            text={state.communeText}
            onTextChange={(communeText) => setState((s) => ({ ...s, communeText }))}
            onPick={(choice) => {
              setPicked((m) => new Map(m).set(choice.insee, (choice.label.split(" — ")[0] ?? choice.label).replace(/\s*\(\d+\)$/, "")));
              setState((s) => ({ ...s, territory: withCommune(s.territory, choice.insee) }));
              touch("territory");
            }}
            onRemove={(code) =>
              set(
                "territory",
                state.territory.filter((c) => c !== code),
                "territory",
              )
            }
          />
        )}
      </Field>

      <fieldset className="party-group" data-field-group="parties">
        <PartyGroupLegend label={t.partnership.partiesLabel} help={t.partnership.partiesHelp} />
        <div className="party-rows">
          {state.parties.map((row, i) => {
            const actorErrors = errorsFor(`parties.${i}.actorId`);
            const errorId = `general-party-${i}-error`;
            return (
              <div className={`party-row party-row--contact${actorErrors ? " is-invalid" : ""}`} key={i}>
                <PartyActor
                  index={i}
                  errorId={errorId}
                  errors={actorErrors}
                  text={row.text}
                  value={row.actor}
                  onTextChange={(text) => setParty(i, { text })}
                  onChange={(actor) => setParty(i, { actor, contactId: null })}
                  touch={touch}
                />
                <div className="party-row__role">
                  <PartyRoleSelect
                    index={i}
                    value={row.role}
                    onChange={(role) => {
                      setParty(i, { role });
                      touch("parties");
                    }}
                  />
                </div>
                <div className="party-row__contact">
                  <ContactSelect
                    actorId={row.actor?.id ?? ""}
                    value={row.contactId}
                    label={e.contactOf(i)}
                    onChange={(contactId) => {
                      setParty(i, { contactId });
                      touch("parties");
                    }}
                  />
                  <FieldErrors name={`parties.${i}.contactId`} errors={errorsFor(`parties.${i}.contactId`)} />
                </div>
                <PartyRemoveButton
                  index={i}
                  count={state.parties.length}
                  onClick={() => {
                    setState((s) => ({ ...s, parties: s.parties.filter((_, j) => j !== i) }));
                    touch("parties");
                  }}
                />
              </div>
            );
          })}
        </div>
        <FieldErrors name="parties" errors={errorsFor("parties")} />
        <PartyAddButton onClick={addParty} />
      </fieldset>

      <div className="form-grid">
        <Field name="facilitator" label={t.partnership.facilitator} className="span-6" errors={errorsFor("facilitator")}>
          {(p) => (
            <input
              {...p}
              type="text"
              className="input"
              value={state.facilitator}
              placeholder={e.facilitatorPlaceholder}
              onChange={(ev) => set("facilitator", ev.target.value)}
            />
          )}
        </Field>
        <Field name="origin" label={e.origin} className="span-6" errors={errorsFor("origin")}>
          {(p) => (
            <input
              {...p}
              type="text"
              className="input"
              value={state.origin}
              placeholder={e.originPlaceholder}
              onChange={(ev) => set("origin", ev.target.value)}
            />
          )}
        </Field>
      </div>
      <Field name="tags" label={e.tags} errors={errorsFor("tags")}>
        {(p) => (
          <TagsInput
            control={p}
            tags={state.tags}
            draft={state.tagDraft}
            placeholder={e.tagsPlaceholder}
            onChange={(tags, tagDraft) => {
              setState((s) => ({ ...s, tags, tagDraft }));
              touch("tags");
            }}
          />
        )}
      </Field>
    </EditShell>
  );
}
