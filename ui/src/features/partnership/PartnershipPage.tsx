// One partnership: its stage, its modes on Le RAMEAU's scale, its parties,
// what each brings and gets back (with the mécénat balance), the next
// actions, objectives and indicators, a note box and the dated timeline.
// Every section is editable here: dialogs save the whole partnership with
// the version loaded (a stale one is refused, never overwritten), deleting
// a row offers « Annuler ».
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ArrowRight, Check, CircleAlert, ListChecks, Pencil, TriangleAlert } from "lucide-react";
import { useState } from "react";

import { getPartnership, movePartnership, notePartnership, updatePartnership } from "../../api/gateway";
import { useActionDone } from "./useActionDone";
import { errorText, toAppError } from "../../api/errors";
import { useDataChanged } from "../../app/data";
import { routeHash } from "../../app/router";
import { useToasts } from "../../app/toasts";
import { BackButton } from "../../components/BackButton";
import type { Modes } from "../../bindings/Modes";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { AbandonDialog } from "./AbandonDialog";
import { AgreementCard, AgreementDialog } from "./AgreementDialog";
import { partnershipKeys } from "./Board";
import { ClassifyDialog } from "./ClassifyDialog";
import { DocumentButtons } from "./DocumentButtons";
import { ConflictBanner } from "./EditDialog";
import { withoutRow, withRowInserted, type RowList } from "./editModel";
import { GeneralDialog, useCommuneNames } from "./GeneralDialog";
import { EssaimerButton } from "./EssaimerDialog";
import { EvaluationCard } from "./EvaluationCard";
import { ImpactCard } from "./ImpactCard";
import { EssaimagesCard, SpawnedFrom } from "./Lineage";
import { StorySection } from "../story/StorySection";
import { RowButtons, SectionHead, type RowEditing } from "./rowParts";
import { ActionDialog, ContributionDialog, CounterpartDialog, IndicatorDialog, MeasureDialog, ObjectiveDialog } from "./RowDialogs";
import { formatCents, formatPercent, MODE_LETTERS, modeStyle, MODES, STAGES } from "./model";
import { MODE_ICONS, StageIcon } from "./visuals";

// A stable callback ref: called once when the title mounts, not on every render.
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/** What the page is editing: the general fields, a row of a list (null index: a new row), an indicator's measure. */
export type Editing =
  | { what: "general" }
  | { what: "agreement" }
  | { what: RowList; index: number | null }
  | { what: "measure"; index: number };

export function PartnershipPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const query = useQuery({ queryKey: partnershipKeys.one(id), queryFn: () => getPartnership(id) });
  const [classifying, setClassifying] = useState(false);
  const [abandoning, setAbandoning] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [removing, setRemoving] = useState(false);
  const toasts = useToasts();
  const dataChanged = useDataChanged();

  const backButton = <BackButton fallback={{ name: "partnerships" }} testId="partnership-back" />;

  if (query.isPending) {
    return (
      <div className="page page--partnership" data-testid="partnership-page" aria-busy="true">
        {backButton}
        <div className="card">
          <span className="skeleton" style={{ width: "50%", height: 30 }} />
        </div>
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page page--partnership" data-testid="partnership-page">
        {backButton}
        <div className="banner banner--error" role="alert">
          <CircleAlert size={20} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{t.partnership.pageLoadError}</strong>
            </p>
            <p>{errorText(toAppError(query.error), lang)}</p>
          </div>
        </div>
      </div>
    );
  }

  const detail = query.data;
  const p = detail.partnership;
  const move = async (stage: Stage, reason: string | null) => {
    try {
      await movePartnership(p.id, stage, reason);
      toasts.show({ message: t.partnership.moved(p.title, t.partnership.labels.stages[stage]), tone: "success" });
    } catch (raw: unknown) {
      toasts.show({ message: `${t.partnership.moveFailed} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
    dataChanged();
  };
  const days = detail.daysInStage;

  /** The latest version, for a dialog whose save was refused as stale. */
  const reload = async (): Promise<Partnership | undefined> => {
    const fresh = await query.refetch();
    return fresh.data?.partnership;
  };
  const reloadPage = async () => {
    setReloading(true);
    await query.refetch();
    setReloading(false);
    setConflict(false);
  };
  const saved = (message: string = t.partnership.edit.saved) => () => {
    setEditing(null);
    setConflict(false);
    toasts.show({ message, tone: "success" });
    dataChanged();
  };
  const failed = (raw: unknown) => {
    const error = toAppError(raw);
    if (error.kind === "conflict") setConflict(true);
    else toasts.show({ message: errorText(error, lang), tone: "error" });
  };
  /** Deletes row `index` of `list` now; « Annuler » puts it back into the latest version. */
  const remove = async (list: RowList, index: number, label: string) => {
    const item: unknown = p[list][index];
    if (item === undefined || removing) return;
    setRemoving(true);
    try {
      await updatePartnership(p.id, p.version, withoutRow(p, list, index));
    } catch (raw: unknown) {
      setRemoving(false);
      failed(raw);
      return;
    }
    setRemoving(false);
    dataChanged();
    toasts.show({
      message: t.partnership.edit.removed(label),
      onUndo: () => {
        getPartnership(p.id)
          .then((fresh) => updatePartnership(fresh.partnership.id, fresh.partnership.version, withRowInserted(fresh.partnership, list, index, item as never)))
          .then(
            () => {
              dataChanged();
              toasts.show({ message: t.partnership.edit.restored });
            },
            failed,
          );
      },
    });
  };
  const rows: RowEditing = {
    edit: (what, index) => setEditing({ what, index }),
    remove: (what, index, label) => void remove(what, index, label),
    measure: (index) => setEditing({ what: "measure", index }),
    busy: removing,
  };
  const close = () => setEditing(null);
  const rowDialog = (what: RowList, index: number | null) => {
    const props = { detail, index, reload, onSaved: saved(), onClose: close };
    switch (what) {
      case "contributions":
        return <ContributionDialog {...props} />;
      case "counterparts":
        return <CounterpartDialog {...props} />;
      case "nextActions":
        return <ActionDialog {...props} />;
      case "objectives":
        return <ObjectiveDialog {...props} />;
      case "indicators":
        return <IndicatorDialog {...props} />;
    }
  };

  return (
    <div className="page page--partnership" data-testid="partnership-page">
      {backButton}
      {conflict && <ConflictBanner onReload={() => void reloadPage()} reloading={reloading} />}
      <header className="card partnership-header">
        <div className="partnership-header__top">
          <p className="stage-chip" data-testid="partnership-stage" data-stage={p.stage}>
            <StageIcon stage={p.stage} size={16} />
            <span>{t.partnership.labels.stages[p.stage]}</span>
            <span className="muted"> · {t.partnership.daysInStageLong(days)}</span>
          </p>
          <label className="stage-select">
            <span className="stage-select__label small muted">{t.partnership.moveTo}</span>
            <select
              className="select"
              data-testid="partnership-move"
              title={t.partnership.moveTo}
              value={p.stage}
              onChange={(e) => {
                const stage = e.target.value as Stage;
                if (stage === "abandonne") setAbandoning(true);
                else void move(stage, null);
              }}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t.partnership.labels.stages[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="partnership-header__main">
          <h1 className="actor-title" data-testid="partnership-title" tabIndex={-1} ref={focusOnMount}>
            {p.title}
          </h1>
          {p.stage === "abandonne" && p.abandonReason && (
            <p className="partnership-header__abandoned">{t.partnership.abandonedBecause(p.abandonReason)}</p>
          )}
          <GeneralFacts partnership={p} />
          <SpawnedFrom detail={detail} />
        </div>
        <div className="partnership-header__toolbar">
          <div className="partnership-header__actions">
            <button type="button" className="button button--secondary" data-testid="partnership-edit" onClick={() => setEditing({ what: "general" })}>
              <Pencil size={16} aria-hidden="true" />
              {t.partnership.edit.edit}
            </button>
            <button type="button" className="button button--secondary" data-testid="classify-open" onClick={() => setClassifying(true)}>
              <ListChecks size={16} aria-hidden="true" />
              {t.partnership.classify}
            </button>
            <EssaimerButton detail={detail} />
          </div>
          <DocumentButtons id={p.id} />
        </div>
      </header>

      <RameauCard modes={p.modes} />

      <div className="actor-body">
        <div className="actor-body__main">
          <Money detail={detail} rows={rows} />
          <ImpactCard detail={detail} rows={rows} />
          <EvaluationCard detail={detail} />
          <StorySection partnershipId={p.id} indicators={p.indicators} />
          <Timeline detail={detail} />
        </div>
        <aside className="actor-body__aside">
          <Actions detail={detail} rows={rows} />
          <NoteBox id={p.id} />
          <section className="card" aria-labelledby="parties-title">
            <div className="card__header">
              <h2 id="parties-title" className="card__title">
                {t.partnership.parties}
              </h2>
              <button
                type="button"
                className="button button--ghost button--small"
                data-testid="parties-edit"
                aria-label={t.partnership.edit.editParties}
                onClick={() => setEditing({ what: "general" })}
              >
                <Pencil size={14} aria-hidden="true" />
                {t.partnership.edit.edit}
              </button>
            </div>
            <ul className="party-list">
              {detail.parties.map((party) => (
                <li key={party.actorId} className="party-list__item">
                  <a href={routeHash({ name: "actor", id: party.actorId, contactId: null })} data-testid="party-link">
                    {party.actorName}
                  </a>
                  <span className="badge badge--outline">{t.partnership.labels.roles[party.role]}</span>
                </li>
              ))}
            </ul>
          </section>
          <AgreementCard detail={detail} onEdit={() => setEditing({ what: "agreement" })} />
          <EssaimagesCard detail={detail} />
        </aside>
      </div>
      {abandoning && (
        <AbandonDialog
          title={p.title}
          onCancel={() => setAbandoning(false)}
          onConfirm={(reason) => {
            setAbandoning(false);
            void move("abandonne", reason);
          }}
        />
      )}
      {editing?.what === "general" && <GeneralDialog detail={detail} reload={reload} onSaved={saved()} onClose={close} />}
      {editing?.what === "agreement" && (
        <AgreementDialog detail={detail} reload={reload} onSaved={saved(t.partnership.documents.agreementSaved)} onClose={close} />
      )}
      {editing !== null && editing.what !== "general" && editing.what !== "agreement" && editing.what !== "measure" && rowDialog(editing.what, editing.index)}
      {editing?.what === "measure" && (
        <MeasureDialog partnership={p} index={editing.index} onSaved={saved(t.partnership.edit.measured)} onClose={close} />
      )}
      {classifying && (
        <ClassifyDialog
          partnership={p}
          onClose={() => setClassifying(false)}
          onReload={() => query.refetch()}
          onSaved={() => {
            setClassifying(false);
            void query.refetch();
          }}
        />
      )}
    </div>
  );
}

function modeState(modes: Modes, m: RameauMode): "primary" | "secondary" | "none" {
  if (modes.primary === m) return "primary";
  if (modes.secondary.includes(m)) return "secondary";
  return "none";
}

/** Le RAMEAU's scale: the four modes in their fixed order, this partnership's marked. */
export function RameauCard({ modes }: { modes: Modes }) {
  const { t } = useI18n();
  return (
    <section className="card rameau" aria-labelledby="rameau-title" data-testid="rameau-card">
      <h2 id="rameau-title" className="card__title">
        {t.partnership.rameauTitle}
      </h2>
      {modes.primary === null && <p className="small muted">{t.partnership.unclassifiedLong}</p>}
      <ol className="rameau__scale">
        {MODES.map((m) => {
          const state = modeState(modes, m);
          const Icon = MODE_ICONS[m];
          return (
            <li
              key={m}
              className={`rameau__mode is-${state}`}
              style={modeStyle(m)}
              data-testid="rameau-mode"
              data-mode={m}
              data-state={state}
            >
              <div className="rameau__head">
                <span className="rameau__icon">
                  <Icon size={18} aria-hidden="true" />
                </span>
                <span className="rameau__letter" aria-hidden="true">
                  {MODE_LETTERS[m]}
                </span>
                <span className="rameau__name">{t.partnership.labels.modes[m]}</span>
              </div>
              <p className="rameau__what">{t.partnership.labels.modeWhat[m]}</p>
              <span className="rameau__state">
                {state === "primary" ? t.partnership.primary : state === "secondary" ? t.partnership.secondary : t.partnership.notInvolved}
              </span>
            </li>
          );
        })}
      </ol>
      {/* M and P, at both ends, are the usual entry doors; C and I, in the middle, touch strategy. */}
      <div className="rameau__axis" data-testid="rameau-axis">
        <span>{t.partnership.entryDoor}</span>
        <span className="rameau__arrow" aria-hidden="true">
          <ArrowRight size={16} />
        </span>
        <span className="rameau__strategic">{t.partnership.strategic}</span>
        <span className="rameau__arrow rameau__arrow--back" aria-hidden="true">
          <ArrowLeft size={16} />
        </span>
        <span>{t.partnership.entryDoor}</span>
      </div>
      <p className="small muted rameau__hint">{t.partnership.scaleHint}</p>
      {modes.mecenatKinds.length > 0 && (
        <p className="small">{t.partnership.mecenatKinds(modes.mecenatKinds.map((k) => t.partnership.labels.mecenatKinds[k]).join(", "))}</p>
      )}
    </section>
  );
}

/** Summary, territory, facilitator, origin and tags, under the title. */
function GeneralFacts({ partnership: p }: { partnership: Partnership }) {
  const { t } = useI18n();
  const names = useCommuneNames(p.territory);
  const facts = [
    p.territory.length > 0 ? p.territory.map((c) => names.get(c) ?? c).join(", ") : null,
    p.facilitator ? t.common.labelled(t.partnership.facilitator, p.facilitator) : null,
    p.origin ? t.common.labelled(t.partnership.edit.origin, p.origin) : null,
  ].filter((x): x is string => x !== null);
  return (
    <div className="partnership-facts" data-testid="partnership-facts">
      {p.summary && <p className="partnership-facts__summary">{p.summary}</p>}
      {facts.length > 0 && <p className="small muted">{facts.join(" · ")}</p>}
      {p.tags.length > 0 && (
        <ul className="partnership-facts__tags" aria-label={t.partnership.edit.tags}>
          {p.tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Money({ detail, rows }: { detail: PartnershipDetail; rows: RowEditing }) {
  const { t, lang } = useI18n();
  const e = t.partnership.edit;
  const p = detail.partnership;
  const nameOf = (actorId: string) => detail.parties.find((x) => x.actorId === actorId)?.actorName ?? actorId;
  const hours = (minutes: number) => t.partnership.hours(String(Math.round((minutes / 60) * 10) / 10).replace(".", lang === "fr" ? "," : "."));
  const balance = detail.totals.mecenat;
  return (
    <section className="card" aria-labelledby="money-title" data-testid="partnership-money">
      <SectionHead
        id="money-title"
        title={t.partnership.contributions}
        addLabel={e.addContribution}
        testId="contribution-add"
        onAdd={() => rows.edit("contributions", null)}
      />
      {p.contributions.length === 0 ? (
        <p className="muted">{t.partnership.noContributions}</p>
      ) : (
        <table className="money-table">
          <tbody>
            {p.contributions.map((c, i) => {
              const label = c.description ?? t.partnership.labels.contributionKinds[c.kind];
              return (
                <tr key={i} data-testid="contribution-row">
                  <td>
                    {label}{" "}
                    <span className="muted small">
                      {c.description ? `${t.partnership.labels.contributionKinds[c.kind]} · ` : ""}
                      {t.partnership.givenBy(nameOf(c.actorId))}
                    </span>
                  </td>
                  <td className="money-table__num tabular">{c.minutes > 0 ? hours(c.minutes) : ""}</td>
                  <td className="money-table__num tabular">{formatCents(c.valueCents, lang)}</td>
                  <td className="money-table__tools">
                    <RowButtons
                      label={label}
                      testId="contribution"
                      disabled={rows.busy}
                      onEdit={() => rows.edit("contributions", i)}
                      onRemove={() => rows.remove("contributions", i, label)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.partnership.total}</th>
              <td className="money-table__num tabular">{detail.totals.minutes > 0 ? hours(detail.totals.minutes) : ""}</td>
              <td className="money-table__num tabular" data-testid="total-contributions">
                {formatCents(detail.totals.valueCents, lang)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <SectionHead
        level={3}
        title={t.partnership.counterparts}
        addLabel={e.addCounterpart}
        testId="counterpart-add"
        onAdd={() => rows.edit("counterparts", null)}
      />
      {p.counterparts.length === 0 ? (
        <p className="muted">{t.partnership.noCounterparts}</p>
      ) : (
        <table className="money-table">
          <tbody>
            {p.counterparts.map((c, i) => (
              <tr key={i} data-testid="counterpart-row">
                <td>
                  {c.description} <span className="muted small">{t.partnership.givenBy(nameOf(c.givenBy))}</span>
                </td>
                <td className="money-table__num tabular">{formatCents(c.valueCents, lang)}</td>
                <td className="money-table__tools">
                  <RowButtons
                    label={c.description}
                    testId="counterpart"
                    disabled={rows.busy}
                    onEdit={() => rows.edit("counterparts", i)}
                    onRemove={() => rows.remove("counterparts", i, c.description)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.partnership.total}</th>
              <td className="money-table__num tabular">{formatCents(detail.totals.counterpartCents, lang)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {balance && (
        <div className={`balance${balance.overLimit ? " is-over" : ""}`} data-testid="mecenat-balance">
          <h3 className="card__subtitle">{t.partnership.balance}</h3>
          <table className="money-table">
            <tbody>
              <tr>
                <th scope="row">{t.partnership.gift}</th>
                <td className="money-table__num tabular">{formatCents(balance.giftCents, lang)}</td>
              </tr>
              <tr>
                <th scope="row">{t.partnership.counterpartTotal}</th>
                <td className="money-table__num tabular">{formatCents(balance.counterpartCents, lang)}</td>
              </tr>
              {balance.ratioBasisPoints !== null && (
                <tr className={balance.overLimit ? "is-overdue" : undefined}>
                  <th scope="row">{t.partnership.ratio}</th>
                  <td className="money-table__num tabular" data-testid="mecenat-ratio">
                    {formatPercent(balance.ratioBasisPoints, lang)}
                  </td>
                </tr>
              )}
              <tr>
                <th scope="row">{t.partnership.taxEstimate}</th>
                <td className="money-table__num tabular">{formatCents(balance.estimatedTaxReductionCents, lang)}</td>
              </tr>
            </tbody>
          </table>
          {balance.overLimit && balance.warning && (
            <p className="balance__warning" role="note" data-testid="mecenat-warning">
              <TriangleAlert size={16} aria-hidden="true" />
              <span>{lang === "en" ? (balance.warningEn ?? balance.warning) : balance.warning}</span>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Actions({ detail, rows }: { detail: PartnershipDetail; rows: RowEditing }) {
  const { t, lang } = useI18n();
  const markDone = useActionDone();
  const [busy, setBusy] = useState<number | null>(null);
  const p = detail.partnership;
  const done = async (index: number) => {
    setBusy(index);
    await markDone(p.id, index);
    setBusy(null);
  };
  return (
    <section className="card" aria-labelledby="actions-title" data-testid="partnership-actions">
      <SectionHead
        id="actions-title"
        title={t.partnership.actions}
        addLabel={t.partnership.edit.add}
        testId="action-add"
        onAdd={() => rows.edit("nextActions", null)}
      />
      {p.nextActions.length === 0 ? (
        <p className="muted">{t.partnership.noActions}</p>
      ) : (
        <ul className="action-list">
          {p.nextActions.map((a, i) => {
            const overdue = detail.overdueActions.includes(i);
            return (
              <li key={i} className={`action-list__item${a.done ? " is-done" : ""}`} data-testid="action-row">
                <div className="action-list__main">
                  <span className="action-list__text">{a.text}</span>
                  <span className={`small ${overdue ? "is-overdue" : "muted"}`}>
                    {[a.dueOn ? formatDate(a.dueOn, lang) : null, a.owner ? t.partnership.owner(a.owner) : null].filter(Boolean).join(" · ")}
                    {overdue && <strong> · {t.partnership.overdue}</strong>}
                  </span>
                </div>
                <RowButtons
                  label={a.text}
                  testId="action"
                  disabled={rows.busy}
                  onEdit={() => rows.edit("nextActions", i)}
                  onRemove={() => rows.remove("nextActions", i, a.text)}
                />
                {a.done ? (
                  <span className="badge badge--quiet">
                    <Check size={12} aria-hidden="true" /> {t.partnership.actionDone}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    data-testid="action-done"
                    aria-label={t.partnership.doneLabel(a.text)}
                    disabled={busy !== null}
                    onClick={() => void done(i)}
                  >
                    <Check size={14} aria-hidden="true" />
                    {t.partnership.done}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function NoteBox({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [text, setText] = useState("");
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (text.trim() === "" || saving) return;
    setSaving(true);
    try {
      await notePartnership(id, text.trim());
      setText("");
      toasts.show({ message: t.partnership.noteToast, tone: "success" });
      dataChanged();
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
    setSaving(false);
  };
  return (
    <section className="card" aria-labelledby="note-title">
      <h2 id="note-title" className="card__title">
        <label htmlFor="partnership-note">{t.partnership.note}</label>
      </h2>
      <form
        className="note-box"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea
          id="partnership-note"
          className="textarea"
          rows={3}
          data-testid="field-note"
          placeholder={t.partnership.notePlaceholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        <button type="submit" className="button button--secondary button--small" data-testid="note-submit" disabled={saving || text.trim() === ""}>
          {t.partnership.noteSave}
        </button>
      </form>
    </section>
  );
}

function Timeline({ detail }: { detail: PartnershipDetail }) {
  const { t, lang } = useI18n();
  const entries = [...detail.partnership.timeline].reverse();
  return (
    <section className="card" aria-labelledby="timeline-title" data-testid="partnership-timeline">
      <h2 id="timeline-title" className="card__title">
        {t.partnership.timeline}
      </h2>
      <ol className="timeline">
        {entries.map((e, i) => (
          <li key={`${e.at}-${i}`} className={`timeline__entry timeline__entry--${e.kind}`}>
            <time className="timeline__date small muted tabular" dateTime={e.at}>
              {formatDate(e.at, lang)}
            </time>
            <span className="timeline__text">{t.partnership.timelineText(e)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
