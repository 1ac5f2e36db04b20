// One actor: who it is, where, what it needs and offers, whom it could work
// with (« Champ des possibles »), its contacts.
import { useQuery } from "@tanstack/react-query";
import { Globe, HandHelping, MapPin, NotebookPen, PackageOpen, Pencil, Tag, Target, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";

import { getActorTies, deleteActor, getActor, restoreActor } from "../../api/gateway";
import { errorText, isAppError, toAppError } from "../../api/errors";
import { useConfirm } from "../../app/confirm";
import { BackButton } from "../../components/BackButton";
import { queryKeys, useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Actor } from "../../bindings/Actor";
import type { ActorTies } from "../../bindings/ActorTies";
import type { Resource } from "../../bindings/Resource";
import { useI18n, type Messages } from "../../i18n";
import { formatCount, formatDate, formatSiren, formatSiret, websiteLabel } from "../../lib/format";
import { ContactsSection } from "../contact/ContactsSection";
import { useActorFormHost } from "./actorFormHost";
import { KindBadge } from "./kinds";
import { Possibilities } from "./Possibilities";
import { RESOURCE_CATEGORIES } from "./ResourceRows";

export function ActorPage({ id, contactId }: { id: string; contactId: string | null }) {
  const { t, lang } = useI18n();
  const confirm = useConfirm();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const { openEdit } = useActorFormHost();
  const query = useQuery({ queryKey: queryKeys.actor(id), queryFn: () => getActor(id) });


  const remove = async (actor: Actor) => {
    let ties: ActorTies;
    try {
      ties = await getActorTies(actor.id);
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: errorText(toAppError(raw), lang) });
      return;
    }
    if (ties.partnerships.length > 0) {
      await confirm({
        title: t.actor.deleteBlockedTitle(actor.name),
        text: t.actor.deleteBlockedText(ties.partnerships.length),
        details: ties.partnerships,
        cancelLabel: t.actor.deleteBlockedOk,
        acknowledgeOnly: true,
      });
      return;
    }
    const details = [
      ...(ties.contacts > 0 ? [t.actor.deleteContacts(ties.contacts, formatCount(ties.contacts, lang))] : []),
      ...(ties.events.length > 0 ? [t.actor.deleteEvents(ties.events.length, ties.events.join(", "))] : []),
    ];
    const ok = await confirm({
      title: t.actor.deleteTitle(actor.name),
      text: t.actor.deleteText,
      details,
      confirmLabel: t.actor.deleteConfirm,
      danger: true,
    });
    if (!ok) return;
    try {
      await deleteActor(actor.id);
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: errorText(toAppError(raw), lang) });
      return;
    }
    navigate({ name: "directory" });
    dataChanged();
    toasts.show({
      message: t.actor.deleted,
      onUndo: () => {
        restoreActor(actor.id).then(
          () => {
            dataChanged();
            toasts.show({ message: t.actor.restored });
          },
          (raw: unknown) => toasts.show({ tone: "error", message: errorText(toAppError(raw), lang) }),
        );
      },
    });
  };

  const backButton = <BackButton fallback={{ name: "directory" }} testId="actor-back" />;

  if (query.isPending) {
    return (
      <div className="page page--actor" data-testid="actor-page" aria-busy="true">
        {backButton}
        <div className="card actor-header">
          <span className="skeleton" style={{ width: 120, height: 22 }} />
          <span className="skeleton" style={{ width: "50%", height: 30, marginTop: 12 }} />
          <span className="skeleton" style={{ width: "30%", marginTop: 12 }} />
        </div>
      </div>
    );
  }

  if (query.isError) {
    const error = isAppError(query.error) ? query.error : toAppError(query.error);
    return (
      <div className="page page--actor" data-testid="actor-page">
        {backButton}
        <div className="banner banner--error" role="alert">
          <p>
            {error.kind === "notFound" ? errorText(error, lang) : `${t.actor.loadError} ${errorText(error, lang)}`}
          </p>
          {error.kind !== "notFound" && (
            <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
              {t.common.retry}
            </button>
          )}
        </div>
      </div>
    );
  }

  const { actor, commune, contacts } = query.data;
  const place = commune
    ? `${commune.name}${commune.postalCodes[0] ? ` (${commune.postalCodes[0]})` : ""} · ${commune.departement.name}`
    : (actor.commune?.name ?? null);

  return (
    <div className="page page--actor" data-testid="actor-page">
      {backButton}
      <header className="card actor-header">
        <div className="actor-header__main">
          <KindBadge kind={actor.kind} />
          <h1 className="actor-title" data-testid="actor-title" tabIndex={-1} ref={focusOnMount}>
            {actor.name}
          </h1>
          <p className="actor-header__meta">
            {place && (
              <span className="icon-text">
                <MapPin size={14} aria-hidden="true" />
                {place}
              </span>
            )}
            {actor.sector && <span>{actor.sector}</span>}
          </p>
        </div>
        <div className="actor-header__actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="actor-edit"
            onClick={() => openEdit(actor, commune)}
          >
            <Pencil size={16} aria-hidden="true" />
            {t.actor.edit}
          </button>
          <button
            type="button"
            className="button button--secondary button--danger-text"
            data-testid="actor-delete"
            onClick={() => void remove(actor)}
          >
            <Trash2 size={16} aria-hidden="true" />
            {t.actor.delete}
          </button>
        </div>
      </header>

      <div className="actor-body">
        <div className="actor-body__main">
          <section className="card" aria-labelledby="resources-title">
            <h2 id="resources-title" className="visually-hidden">
              {t.form.sectionResources}
            </h2>
            <div className="resources">
              <ResourceColumn
                title={t.actor.needs}
                icon={<HandHelping size={16} aria-hidden="true" />}
                items={actor.needs}
                empty={t.actor.noNeeds}
                testId="actor-needs"
              />
              <ResourceColumn
                title={t.actor.offers}
                icon={<PackageOpen size={16} aria-hidden="true" />}
                items={actor.offers}
                empty={t.actor.noOffers}
                testId="actor-offers"
              />
            </div>
          </section>

          <Possibilities actor={actor} onComplete={() => openEdit(actor, commune)} />

          <TextCard
            title={t.actor.stakes}
            icon={<Target size={16} aria-hidden="true" />}
            text={actor.stakes}
            empty={t.actor.noStakes}
            testId="actor-stakes"
          />
          <ContactsSection actorId={actor.id} contacts={contacts} highlightId={contactId} />
          <TextCard
            title={t.actor.notes}
            icon={<NotebookPen size={16} aria-hidden="true" />}
            text={actor.notes}
            empty={t.actor.noNotes}
            testId="actor-notes"
          />
        </div>

        <aside className="actor-body__aside">
          <section className="card" aria-labelledby="identity-title">
            <h2 id="identity-title" className="card__title">
              {t.actor.identity}
            </h2>
            <dl className="facts">
              <Fact label={t.actor.siren} value={actor.siren && <span className="tabular nowrap selectable">{formatSiren(actor.siren)}</span>} testId="actor-siren" />
              <Fact label={t.actor.siret} value={actor.siret && <span className="tabular nowrap selectable">{formatSiret(actor.siret)}</span>} />
              {(actor.rna !== null || actor.legalRegime !== "droit_local") && (
                <Fact label={t.actor.rna} value={actor.rna && <span className="tabular selectable">{actor.rna}</span>} />
              )}
              {actor.kind === "association" && (
                <Fact
                label={t.actor.regime}
                value={
                  actor.legalRegime &&
                  (actor.legalRegimeChosen
                    ? t.actor.regimes[actor.legalRegime]
                    : t.actor.regimeFromSeat(t.actor.regimes[actor.legalRegime]))
                }
                testId="actor-regime"
                />
              )}
              {actor.legalRegime === "droit_local" && (
                <Fact
                  label={t.actor.register}
                  value={registerEntry(actor, t) && <span className="selectable">{registerEntry(actor, t)}</span>}
                  testId="actor-register"
                />
              )}
              <Fact label={t.actor.sector} value={actor.sector} />
              <Fact label={t.actor.size} value={actor.sizeBand && t.labels.sizeBands[actor.sizeBand]} />
              <Fact
                label={t.actor.website}
                value={
                  actor.website && (
                    <span className="icon-text selectable" title={actor.website}>
                      <Globe size={14} aria-hidden="true" />
                      <span className="clamp-3">{websiteLabel(actor.website)}</span>
                    </span>
                  )
                }
              />
              <Fact
                label={t.actor.namedPartner}
                value={actor.namedPartnerSince === null ? t.actor.namedPartnerNo : t.actor.namedPartnerSince(formatDate(actor.namedPartnerSince, lang))}
                testId="actor-named-partner"
              />
            </dl>
          </section>

          <section className="card" aria-labelledby="territory-title">
            <h2 id="territory-title" className="card__title">
              {t.actor.territory}
            </h2>
            <dl className="facts">
              <Fact label={t.actor.address} value={actor.address} />
              <Fact
                label={t.actor.commune}
                value={
                  commune
                    ? `${commune.name}${commune.postalCodes.length ? ` (${commune.postalCodes.join(", ")})` : ""}`
                    : actor.commune?.name
                }
              />
              {commune?.epci && <Fact label={t.actor.epci} value={commune.epci.name} />}
              {commune && <Fact label={t.actor.departement} value={`${commune.departement.name} (${commune.departement.code})`} />}
              {commune && <Fact label={t.actor.region} value={commune.region.name} />}
            </dl>
          </section>

          <section className="card" aria-labelledby="tags-title">
            <h2 id="tags-title" className="card__title">
              <Tag size={16} aria-hidden="true" />
              {t.actor.tags}
            </h2>
            {actor.tags.length === 0 ? (
              <p className="muted">{t.actor.noTags}</p>
            ) : (
              <ul className="chip-list">
                {actor.tags.map((tag) => (
                  <li key={tag} className="chip">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <p className="actor-dates small muted">
            {t.actor.created(formatDate(actor.createdAt, lang))}
            {actor.updatedAt !== actor.createdAt && <>, {t.actor.updated(formatDate(actor.updatedAt, lang))}</>}
          </p>
        </aside>
      </div>
    </div>
  );
}

/** Screen readers and the keyboard start on the new page's title. */
function focusOnMount(el: HTMLElement | null): void {
  if (el && (document.activeElement === null || document.activeElement === document.body)) {
    el.focus({ preventScroll: true });
  }
}

/** « Tribunal judiciaire de Colmar, volume 42, folio 17 », or null when nothing is known. */
export function registerEntry(actor: Actor, t: Messages): string | null {
  const parts = [
    actor.registerVolume === null ? null : t.actor.registerVolume(actor.registerVolume),
    actor.registerFolio === null ? null : t.actor.registerFolio(actor.registerFolio),
    actor.registerNumber === null ? null : t.actor.registerNumber(actor.registerNumber),
  ].filter((p) => p !== null);
  if (actor.registerCourt === null && parts.length === 0) return null;
  return t.actor.registerEntry(actor.registerCourt === null ? null : t.labels.courts[actor.registerCourt], parts);
}

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  const { t } = useI18n();
  const missing = value === null || value === undefined || value === "";
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd data-testid={testId} className={missing ? "muted" : undefined}>
        {missing ? t.common.notProvided : value}
      </dd>
    </div>
  );
}

/** Long texts above this size start folded, with « Tout afficher ». */
const FOLD_CHARS = 1200;
const FOLD_LINES = 14;

function TextCard({
  title,
  icon,
  text,
  empty,
  testId,
}: {
  title: string;
  icon: ReactNode;
  text: string | null;
  empty: string;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const long = text !== null && (text.length > FOLD_CHARS || text.split("\n").length > FOLD_LINES);
  return (
    <section className="card">
      <h2 className="card__title">
        {icon}
        {title}
      </h2>
      {text ? (
        <>
          <p className={`long-text${long && !expanded ? " is-clamped" : ""}`} data-testid={testId}>
            {text}
          </p>
          {long && (
            <button
              type="button"
              className="button button--ghost button--small long-text__toggle"
              aria-expanded={expanded}
              onClick={() => setExpanded((v) => !v)}
            >
              {expanded ? t.actor.showLess : t.actor.showAll(formatCount(text.length, lang))}
            </button>
          )}
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

/** Groups resources by category, in the categories' order. */
export function groupResources(items: readonly Resource[]): [Resource["category"], string[]][] {
  return RESOURCE_CATEGORIES.map((c): [Resource["category"], string[]] => [
    c,
    items.filter((r) => r.category === c).map((r) => r.text),
  ]).filter(([, texts]) => texts.length > 0);
}

function ResourceColumn({
  title,
  icon,
  items,
  empty,
  testId,
}: {
  title: string;
  icon: ReactNode;
  items: Resource[];
  empty: string;
  testId: string;
}) {
  const { t } = useI18n();
  const groups = groupResources(items);
  return (
    <div className="resources__column" data-testid={testId}>
      <h3 className="card__title">
        {icon}
        {title}
        {items.length > 0 && <span className="count-pill">{items.length}</span>}
      </h3>
      {groups.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <dl className="resource-groups">
          {groups.map(([category, texts]) => (
            <div key={category} className="resource-groups__group">
              <dt className="resource-groups__category">
                {t.labels.categories[category]}
              </dt>
              {texts.map((text, i) => (
                <dd key={i} className="resource-groups__item">
                  {text}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
