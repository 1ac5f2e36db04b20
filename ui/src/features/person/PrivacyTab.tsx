// « Données personnelles »: answer a person's request. Find them (contacts
// only, as you type), see everything Tisserand holds about them (record,
// merged records, partnerships, mentions in texts), export it as JSON, or
// erase them for good after a confirmation that names the consequences.
// The chosen person is in the route: #/donnees/personnes/<contactId>.
import { useQuery } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, Download, FileJson, Handshake, LoaderCircle, MessageSquareText, Search, ShieldCheck, Trash2, UserRound, Users } from "lucide-react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { errorText, toAppError } from "../../api/errors";
import { getPerson, savePersonExport, search } from "../../api/gateway";
import { useCombobox } from "../../components/useCombobox";
import { navigate, routeHash } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Contact } from "../../bindings/Contact";
import type { ErasureSummary } from "../../bindings/ErasureSummary";
import type { PersonMention } from "../../bindings/PersonMention";
import type { SearchHit } from "../../bindings/SearchHit";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { formatCount, formatDate } from "../../lib/format";
import { EraseDialog } from "./EraseDialog";
import { formatDateTime } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";

const SEARCH_LIMIT = 20;

export function PrivacyTab({ personId }: { personId: string | null }) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const [erased, setErased] = useState<ErasureSummary | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (erased) outcomeRef.current?.focus();
  }, [erased]);

  const select = (id: string) => {
    setErased(null);
    navigate({ name: "data", tab: "privacy", personId: id }, { replace: true });
  };

  return (
    <section className="privacy" aria-labelledby="privacy-title" data-testid="privacy">
      <div className="privacy__intro">
        <span className="privacy__icon" aria-hidden="true">
          <ShieldCheck size={22} />
        </span>
        <div>
          <h2 className="data-section__title" id="privacy-title">
            {p.title}
          </h2>
          <p>{p.lead}</p>
          <ul className="privacy__rights">
            {p.rights.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      </div>

      <PersonSearch onSelect={select} />

      {erased && (
        <div className="banner banner--success" role="status" data-testid="privacy-erased" ref={outcomeRef} tabIndex={-1}>
          <CircleCheck size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{p.erased(erased.records, formatCount(erased.records, lang))}</strong>
            </p>
            {erased.backup && <p className="small">{p.erasedBackup}</p>}
          </div>
        </div>
      )}

      {personId === null ? (
        !erased && <p className="muted privacy__empty">{p.empty}</p>
      ) : (
        <PersonView
          key={personId}
          id={personId}
          onErased={(summary) => {
            setErased(summary);
            navigate({ name: "data", tab: "privacy" }, { replace: true });
          }}
        />
      )}
    </section>
  );
}

/** A combobox over the search command, keeping the contacts. */
function PersonSearch({ onSelect }: { onSelect: (id: string) => void }) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const inputId = useId();
  const [text, setText] = useState("");
  const { listId, results: hits, loading, error, active, showList, inputProps, optionProps } = useCombobox<SearchHit>({
    text,
    chosen: false,
    search: async (q) => (await search(q, SEARCH_LIMIT)).filter((h) => h.entity === "contact"),
    keyOf: (hit) => hit.id,
    onPick: (hit) => {
      setText("");
      onSelect(hit.id);
    },
    onTextChange: setText,
    onClearChoice: () => {},
    onBlur: () => {},
  });
  const query = text.trim();

  return (
    <div className="person-search">
      <label className="field__label" htmlFor={inputId}>
        {p.searchLabel}
      </label>
      <div className="input-with-icon">
        <Search size={16} aria-hidden="true" className="input-with-icon__icon" />
        <input
          id={inputId}
          type="text"
          className="input person-search__input"
          data-testid="privacy-search"
          placeholder={p.searchPlaceholder}
          {...inputProps}
        />
        {loading && <LoaderCircle size={16} aria-hidden="true" className="input-with-icon__end spin" />}
      </div>
      {showList && (
        <div className="search-panel person-search__panel">
          <ul id={listId} role="listbox" aria-label={p.results} className="search-panel__list">
            {hits.map((hit, i) => (
              <li
                key={hit.id}
                {...optionProps(hit, i)}
                className={`search-hit${i === active ? " is-active" : ""}`}
                data-testid="privacy-result"
                data-id={hit.id}
              >
                <span className="search-hit__icon search-hit__icon--contact">
                  <UserRound size={16} aria-hidden="true" />
                </span>
                <span className="search-hit__text">
                  <span className="search-hit__title">{hit.title}</span>
                  <span className="search-hit__subtitle">{hit.subtitle}</span>
                </span>
              </li>
            ))}
          </ul>
          {!loading && error !== null && (
            <p className="search-panel__message text-danger" role="alert">
              {errorText(toAppError(error), lang)}
            </p>
          )}
          {!loading && error === null && hits.length === 0 && <p className="search-panel__message">{p.noResults(query)}</p>}
          {loading && hits.length === 0 && <p className="search-panel__message">{p.searching}</p>}
          <p className="search-panel__hint">{p.searchHint}</p>
        </div>
      )}
    </div>
  );
}

function displayName(c: Pick<Contact, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

function PersonView({ id, onErased }: { id: string; onErased: (summary: ErasureSummary) => void }) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const toasts = useToasts();
  const query = useQuery({ queryKey: dataKeys.person(id), queryFn: () => getPerson(id) });
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const loaded = query.isSuccess;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (query.isPending) return <p className="muted">{t.common.loading}</p>;
  if (query.isError) {
    return (
      <div className="banner banner--error" role="alert" data-testid="privacy-load-error">
        <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
        <div>
          <p>
            <strong>{p.loadError}</strong>
          </p>
          <p>{errorText(toAppError(query.error), lang)}</p>
        </div>
      </div>
    );
  }
  const person = query.data;
  const c = person.contact;
  const name = displayName(c) || t.contact.unnamed;

  const exportData = async () => {
    setExporting(true);
    try {
      const path = await savePersonExport(id);
      if (path !== null) toasts.show({ message: p.exported(path) });
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: `${p.exportFailed} ${errorText(toAppError(raw), lang)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <article className="person" aria-labelledby="person-name" data-testid="person">
      <header className="person__header">
        <span className="avatar avatar--lg" aria-hidden="true">
          <UserRound size={20} />
        </span>
        <div className="person__titles">
          <h3 className="person__name" id="person-name" ref={headingRef} tabIndex={-1} data-testid="person-name">
            {name}
          </h3>
          <p className="muted small">
            {[c.role, c.actorName].filter(Boolean).join(" · ")}
            {c.actorId && (
              <>
                {" · "}
                <a className="link" href={routeHash({ name: "actor", id: c.actorId, contactId: c.id })}>
                  {t.data.duplicates.openRecord}
                </a>
              </>
            )}
          </p>
        </div>
        <div className="person__actions">
          <button type="button" className="button button--secondary" data-testid="person-export" disabled={exporting} aria-busy={exporting || undefined} onClick={() => void exportData()}>
            {exporting ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <Download size={16} aria-hidden="true" />}
            {p.exportButton}
          </button>
          <button type="button" className="button button--danger" data-testid="person-erase" onClick={() => setErasing(true)}>
            <Trash2 size={16} aria-hidden="true" />
            {p.eraseButton}
          </button>
        </div>
      </header>

      <div className="person__grid">
        <section className="card person__card" aria-labelledby="person-record">
          <h4 className="card__title" id="person-record">
            <FileJson size={16} aria-hidden="true" />
            {p.record}
          </h4>
          <ContactFacts contact={c} />
        </section>

        <div className="person__side">
          <section className="card person__card" aria-labelledby="person-partnerships" data-testid="person-partnerships">
            <h4 className="card__title" id="person-partnerships">
              <Handshake size={16} aria-hidden="true" />
              {p.partnerships}
              <span className="count-pill">{person.partnerships.length}</span>
            </h4>
            {person.partnerships.length === 0 ? (
              <p className="muted small">{p.partnershipsNone}</p>
            ) : (
              <ul className="person__list">
                {person.partnerships.map((x) => (
                  <li key={x.id}>
                    <a className="link" href={routeHash({ name: "partnership", id: x.id })}>
                      {x.title}
                    </a>
                    <span className="small muted">
                      {" · "}
                      {stageLabel(x.stage, t.partnership.labels.stages)}
                      {x.role && ` · ${x.role}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {person.mergedRecords.length > 0 && (
            <section className="card person__card" aria-labelledby="person-merged" data-testid="person-merged">
              <h4 className="card__title" id="person-merged">
                <Users size={16} aria-hidden="true" />
                {p.merged}
                <span className="count-pill">{person.mergedRecords.length}</span>
              </h4>
              <p className="small muted">{p.mergedHint}</p>
              <ul className="person__list">
                {person.mergedRecords.map((r) => (
                  <li key={r.id}>
                    <strong>{displayName(r) || t.contact.unnamed}</strong>
                    <span className="small muted">
                      {" · "}
                      {[r.actorName, r.email, r.phone, formatDate(r.createdAt, lang)].filter(Boolean).join(" · ")}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>

      <section className="card person__card" aria-labelledby="person-mentions" data-testid="person-mentions">
        <h4 className="card__title" id="person-mentions">
          <MessageSquareText size={16} aria-hidden="true" />
          {p.mentions}
          <span className="count-pill">{person.mentions.length}</span>
        </h4>
        {person.mentions.length === 0 ? (
          <p className="muted small">{p.mentionsNone}</p>
        ) : (
          <ul className="mentions">
            {person.mentions.map((mention, i) => (
              <Mention key={`${mention.entity}-${mention.id}-${i}`} mention={mention} />
            ))}
          </ul>
        )}
      </section>

      <p className="small muted">{`${p.about} · ${formatDateTime(person.exportedAt, lang)}`}</p>

      {erasing && (
        <EraseDialog
          person={person}
          onClose={() => setErasing(false)}
          onErased={(summary) => {
            setErasing(false);
            onErased(summary);
          }}
        />
      )}
    </article>
  );
}

function stageLabel(stage: string, labels: Record<Stage, string>): string {
  return (labels as Partial<Record<string, string>>)[stage] ?? stage;
}

function ContactFacts({ contact: c }: { contact: Contact }) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const f = t.data.duplicates.fields;
  const none = <span className="muted">{p.none}</span>;
  const rows: [string, ReactNode][] = [
    [f.lastName ?? "", displayName(c) || none],
    [p.organisation, c.actorName ?? none],
    [f.role ?? "", c.role ?? none],
    [f.email ?? "", c.email ? <span className="selectable">{c.email}</span> : none],
    [f.phone ?? "", c.phone ? <span className="selectable tabular">{c.phone}</span> : none],
    [t.contact.legalBasis, t.labels.legalBases[c.legalBasis]],
    [t.contact.source, c.source ? t.labels.sources[c.source] : none],
    [t.contact.informedOn, c.informedOn ? formatDate(c.informedOn, lang) : none],
    [t.contact.consents, c.consents.length > 0 ? c.consents.map((k) => t.labels.consents[k]).join(", ") : t.contact.noConsent],
    [t.contact.lastInitiatedOn, c.lastInitiatedOn ? formatDate(c.lastInitiatedOn, lang) : none],
    [t.contact.notes, c.notes ? <span className="person__notes">{c.notes}</span> : none],
    [p.createdAt, formatDate(c.createdAt, lang)],
    [p.updatedAt, formatDate(c.updatedAt, lang)],
  ];
  return (
    <dl className="person-facts" data-testid="person-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="person-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Mention({ mention: m }: { mention: PersonMention }) {
  const { t, lang } = useI18n();
  const p = t.data.privacy;
  const href =
    m.entity === "partnership"
      ? routeHash({ name: "partnership", id: m.id })
      : m.entity === "actor"
        ? routeHash({ name: "actor", id: m.id, contactId: null })
        : null;
  return (
    <li className="mention" data-testid="person-mention">
      <p className="mention__where small">
        <span className="badge badge--quiet">{p.mentionEntity[m.entity] ?? m.entity}</span>
        {href ? (
          <a className="link" href={href}>
            {m.title}
          </a>
        ) : (
          <strong>{m.round != null && m.table != null ? p.meetingTitle(m.title, m.round, m.table) : m.title}</strong>
        )}
        <span className="muted">
          {" · "}
          {p.mentionField[m.field] ?? m.field}
          {m.at && ` · ${formatDate(m.at, lang)}`}
        </span>
      </p>
      <blockquote className="mention__text">
        {m.fact && m.at ? t.partnership.timelineText({ at: m.at, ...m.fact }) : m.text}
      </blockquote>
    </li>
  );
}
