// « Fusionner… »: which record to keep (radio cards, the core's choice
// preselected), then one row per field where the two differ with « garder »
// / « prendre l'autre » / « les deux » (the sides the core offers, its
// default preselected), and the merged record as the core computes it for
// the sides chosen (get_merge_preview, asked for both records kept at once).
// Keyboard: Tab between the groups, arrows inside a group, Enter merges,
// Esc closes.
import { useQueries } from "@tanstack/react-query";
import { CircleAlert, GitMerge, LoaderCircle } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";

import { errorText, toAppError } from "../../api/errors";
import { getMergePreview } from "../../api/gateway";
import type { AppError, MergeSide } from "../../api/types";
import { Dialog } from "../../app/Dialog";
import type { Actor } from "../../bindings/Actor";
import type { ActorDuplicate } from "../../bindings/ActorDuplicate";
import type { Contact } from "../../bindings/Contact";
import type { ContactDuplicate } from "../../bindings/ContactDuplicate";
import type { PairSide } from "../../bindings/PairSide";
import { isActorKind } from "../actor/kinds";
import { useI18n, type Messages } from "../../i18n";
import { formatDate, formatSiren, formatSiret, type Lang } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";
import { choiceFields, mergeChoices, mergedRows, sideOf, type FieldValue, type Sides } from "./mergeModel";

/** The pair to merge, of either kind. */
export type MergePair = { entity: "actor"; pair: ActorDuplicate } | { entity: "contact"; pair: ContactDuplicate };

/** What the dialog asks the tab to do: merge `other` into `keep` with these choices. */
export type MergeRequest = {
  entity: "actor" | "contact";
  keep: string;
  other: string;
  keptName: string;
  choices: ReturnType<typeof mergeChoices>;
};

type Props = {
  target: MergePair;
  busy: boolean;
  error: AppError | null;
  onMerge: (request: MergeRequest) => void;
  onClose: () => void;
};

type Ctx = { t: Messages; lang: Lang; records: (Actor | Contact)[] };

/** A code's label, or the code itself when the dictionary does not know it. */
function labelOf(labels: Partial<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

/** A field's value in words: labels for codes, the commune's or organisation's name, dates. */
export function displayValue(field: string, value: FieldValue, ctx: Ctx): string {
  const { t, lang } = ctx;
  if (value === null) return "";
  if (Array.isArray(value)) {
    return value
      .map((i) => {
        if (field === "consents") return labelOf(t.labels.consents, i.key);
        if (i.category) return t.common.labelled(t.labels.categories[i.category], i.text);
        return i.text;
      })
      .join(" · ");
  }
  switch (field) {
    case "kind":
      return isActorKind(value) ? t.labels.kinds[value] : value;
    case "sizeBand":
      return labelOf(t.labels.sizeBands, value);
    case "legalBasis":
      return labelOf(t.labels.legalBases, value);
    case "source":
      return labelOf(t.labels.sources, value);
    case "siren":
      return formatSiren(value);
    case "siret":
      return formatSiret(value);
    case "informedOn":
      return formatDate(value, lang);
    case "communeInsee": {
      for (const r of ctx.records) if ("commune" in r && r.commune?.insee === value) return r.commune.name;
      return value;
    }
    case "actorId": {
      for (const r of ctx.records) if ("actorName" in r && r.actorId === value && r.actorName) return r.actorName;
      return value;
    }
    default:
      return value;
  }
}

function recordsOf(target: MergePair): { a: Actor | Contact; b: Actor | Contact } {
  return target.entity === "actor" ? { a: target.pair.a.actor, b: target.pair.b.actor } : { a: target.pair.a, b: target.pair.b };
}

export function recordName(r: Actor | Contact): string {
  return "name" in r ? r.name : `${r.firstName} ${r.lastName}`.trim();
}

export function MergeDialog({ target, busy, error, onMerge, onClose }: Props) {
  const { t, lang } = useI18n();
  const m = t.data.duplicates;
  const formId = useId();
  const [keepSide, setKeepSide] = useState<PairSide>(target.pair.keep);
  const { a, b } = recordsOf(target);
  const keep = keepSide === "a" ? a : b;
  const other = keepSide === "a" ? b : a;
  // Both ways at once: choosing the other record to keep shows its preview at once.
  const previews = useQueries({
    queries: [
      { k: a, o: b },
      { k: b, o: a },
    ].map(({ k, o }) => ({
      queryKey: dataKeys.mergePreview(target.entity, k.id, o.id),
      queryFn: () => getMergePreview(target.entity, k.id, o.id),
    })),
  });
  const query = previews[keepSide === "a" ? 0 : 1];
  const preview = query?.data;
  // The choices start from the core's defaults each time the kept record changes.
  const [sides, setSides] = useState<{ keepSide: PairSide; values: Sides }>({ keepSide, values: {} });
  const current = sides.keepSide === keepSide ? sides.values : {};
  const fields = preview ? choiceFields(preview) : [];
  const rows = preview ? mergedRows(preview, current) : [];
  const ctx: Ctx = { t, lang, records: [a, b] };
  const label = (field: string) => m.fields[field] ?? field;

  const choose = (field: string, side: MergeSide) => setSides({ keepSide, values: { ...current, [field]: side } });

  // A refused merge, else a preview the core could not compute, in the same banner.
  const previewError = query?.isError ? toAppError(query.error) : null;
  const failure = error
    ? { title: m.mergeFailed, error, testId: "merge-error" }
    : previewError && { title: m.previewFailed, error: previewError, testId: "merge-preview-error" };

  const nameRow = rows.find((r) => r.field === (target.entity === "actor" ? "name" : "lastName"));
  const submit = () => {
    if (busy || !preview) return;
    onMerge({
      entity: target.entity,
      keep: keep.id,
      other: other.id,
      keptName: typeof nameRow?.value === "string" ? nameRow.value : recordName(keep),
      choices: mergeChoices(preview, current),
    });
  };

  // Enter on a radio button merges, as it would in a text field.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type === "radio") {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Dialog
      size="lg"
      title={m.mergeTitle}
      description={m.mergeLead}
      onRequestClose={onClose}
      testId="merge-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" data-testid="merge-cancel" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="merge-confirm"
            disabled={busy || !preview}
            aria-busy={busy || undefined}
          >
            {busy ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <GitMerge size={16} aria-hidden="true" />}
            {busy ? m.merging : m.mergeConfirm}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="merge"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {failure && (
          <div className="banner banner--error" role="alert" data-testid={failure.testId}>
            <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
            <div>
              <p>
                <strong>{failure.title}</strong>
              </p>
              <p>{errorText(failure.error, lang)}</p>
            </div>
          </div>
        )}
        <fieldset className="merge__keep">
          <legend className="merge__legend">{m.keepLegend}</legend>
          <div className="merge__keep-options">
            {(["a", "b"] as const).map((side) => {
              const r = side === "a" ? a : b;
              const counts =
                target.entity === "actor"
                  ? [
                      m.partnershipsCount(target.pair[side].partnerships, String(target.pair[side].partnerships)),
                      m.contactsCount(target.pair[side].contacts, String(target.pair[side].contacts)),
                    ].join(" · ")
                  : [(r as Contact).actorName ?? m.noOrganisation, (r as Contact).email].filter(Boolean).join(" · ");
              return (
                <label key={side} className={`merge-option${keepSide === side ? " is-on" : ""}`} data-testid={`merge-keep-${side}`}>
                  <input
                    type="radio"
                    name={`${formId}-keep`}
                    value={side}
                    checked={keepSide === side}
                    data-autofocus={keepSide === side ? "" : undefined}
                    onChange={() => setKeepSide(side)}
                  />
                  <span className="merge-option__text">
                    <strong>{recordName(r)}</strong>
                    <span className="small muted">{counts}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        {preview ? (
          <div className="merge__grid">
            <fieldset className="merge__fields">
              <legend className="merge__legend">{m.fieldsLegend}</legend>
              {fields.length === 0 ? (
                <p className="muted small" data-testid="merge-no-difference">
                  {m.noDifference}
                </p>
              ) : (
                <>
                  <p className="small muted">{m.fieldsHint}</p>
                  <table className="merge-table" data-testid="merge-fields">
                    <thead>
                      <tr>
                        <th scope="col">{m.columns.field}</th>
                        <th scope="col">{m.columns.kept}</th>
                        <th scope="col">{m.columns.other}</th>
                        <th scope="col">{m.columns.choice}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fields.map((f) => (
                        <tr key={f.field} data-testid="merge-field" data-field={f.field}>
                          <th scope="row">{label(f.field)}</th>
                          <td className="merge-table__value">{displayValue(f.field, f.keep, ctx)}</td>
                          <td className="merge-table__value">{displayValue(f.field, f.other, ctx)}</td>
                          <td>
                            <div className="merge-table__sides" role="radiogroup" aria-label={label(f.field)}>
                              {f.sides.map((side) => (
                                <label key={side} className="merge-side">
                                  <input
                                    type="radio"
                                    name={`${formId}-${f.field}`}
                                    value={side}
                                    data-testid={`merge-side-${f.field}-${side}`}
                                    checked={sideOf(f, current) === side}
                                    onChange={() => choose(f.field, side)}
                                  />
                                  {m.sides[side]}
                                </label>
                              ))}
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </fieldset>

            <section className="merge__preview" aria-labelledby={`${formId}-preview`} data-testid="merge-preview">
              <h3 className="merge__legend" id={`${formId}-preview`}>
                {m.preview}
              </h3>
              <dl className="merge-preview">
                {rows.map((row) => (
                  <div key={row.field} className="merge-preview__row" data-field={row.field} data-origin={row.origin}>
                    <dt>{label(row.field)}</dt>
                    <dd>
                      <span className="merge-preview__value">{displayValue(row.field, row.value, ctx)}</span>
                      {row.origin === "other" && <span className="badge badge--quiet">{m.fromOther}</span>}
                      {row.origin === "both" && <span className="badge badge--quiet">{m.fromBoth}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>
        ) : previewError ? null : (
          <p className="small muted icon-text" role="status" data-testid="merge-preview-loading">
            <LoaderCircle size={16} aria-hidden="true" className="spin" />
            {m.previewLoading}
          </p>
        )}
      </form>
    </Dialog>
  );
}
