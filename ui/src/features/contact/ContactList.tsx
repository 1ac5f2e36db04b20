// Annuaire › Contacts: every person of the directory with their organisation,
// searched as you type (the core's contact index) and filtered by the
// organisation's kind, commune and tag and by consent. Rows ticked — or every
// matching one — export as CSV or XLSX for a mail merge of invitations; the
// core leaves out, and counts, whoever may not be invited.
import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Ban, Check, CircleAlert, CircleCheck, Download, Mail, Phone, X } from "lucide-react";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { errorText, toAppError } from "../../api/errors";
import { getActorFacets, saveContactsExport, listContacts } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { queryKeys, useDataVersion } from "../../app/data";
import { navigate } from "../../app/router";
import type { ActorKind } from "../../bindings/ActorKind";
import type { Consent } from "../../bindings/Consent";
import type { ContactQuery } from "../../bindings/ContactQuery";
import type { ContactSelection } from "../../bindings/ContactSelection";
import type { ContactSummary } from "../../bindings/ContactSummary";
import type { MailingExport } from "../../bindings/MailingExport";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { handleListKey } from "../../lib/listNavigation";
import { ACTOR_KINDS, isActorKind, KindBadge } from "../actor/kinds";
import { PageCache, useSettledFetch } from "../actor/pageCache";
import { CONSENTS } from "./contactFormModel";
import { DirectoryTabs } from "./DirectoryTabs";
import { ListSearch } from "../../components/ListSearch";
import { FilterSelect } from "../../components/FilterSelect";

export const CONTACT_ROW_HEIGHT = 52;
const TEXT_DEBOUNCE_MS = 150;
const FETCH_SETTLE_MS = 40;

export type ContactFilters = {
  text: string;
  kind: ActorKind | null;
  communeInsee: string | null;
  tag: string | null;
  consent: Consent | null;
};

export const NO_CONTACT_FILTERS: ContactFilters = { text: "", kind: null, communeInsee: null, tag: null, consent: null };

/** The rows ticked, or every row the filters match. */
export type Selection = { all: true } | { all: false; ids: ReadonlySet<string> };

const NOTHING: Selection = { all: false, ids: new Set() };

export function toContactQuery(f: ContactFilters, offset: number, limit: number): ContactQuery {
  const text = f.text.trim();
  return { text: text === "" ? null : text, kind: f.kind, communeInsee: f.communeInsee, tag: f.tag, consent: f.consent, offset, limit };
}

/** What an export sends: the ticked ids, or (none ticked, or all) every contact matching the filters. */
export function toSelection(f: ContactFilters, selection: Selection): ContactSelection {
  const query = toContactQuery(f, 0, 0);
  if (selection.all || selection.ids.size === 0) return { query, ids: null };
  return { query, ids: [...selection.ids] };
}

function hasFilters(f: ContactFilters): boolean {
  return f.text.trim() !== "" || f.kind !== null || f.communeInsee !== null || f.tag !== null || f.consent !== null;
}

function isConsent(value: string): value is Consent {
  return (CONSENTS as readonly string[]).includes(value);
}

export function displayName(c: Pick<ContactSummary, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

/** Filters survive a visit to an actor page (Enter, then Esc or back). */
const remembered = { filters: NO_CONTACT_FILTERS, textDraft: "" };

/** Back to no filter (tests). */
export function forgetContactFilters(): void {
  remembered.filters = NO_CONTACT_FILTERS;
  remembered.textDraft = "";
}

export function ContactList() {
  const { t, lang } = useI18n();
  const m = t.contacts;
  const dataVersion = useDataVersion();
  const [filters, setFiltersState] = useState<ContactFilters>(remembered.filters);
  const [textDraft, setTextDraftState] = useState(remembered.textDraft);
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [cursor, setCursor] = useState(-1);
  const [format, setFormat] = useState<"csv" | "xlsx">("csv");
  const [exporting, setExporting] = useState(false);
  const [result, setResult] = useState<MailingExport | null>(null);
  const [exportError, setExportError] = useState<AppError | null>(null);
  const textTimer = useRef<number | undefined>(undefined);
  const scrollRef = useRef<HTMLDivElement>(null);

  const facets = useQuery({ queryKey: queryKeys.facets, queryFn: getActorFacets });

  const setFilters = (update: Partial<ContactFilters>) => {
    setFiltersState((f) => {
      const next = { ...f, ...update };
      remembered.filters = next;
      return next;
    });
  };
  const setTextDraft = (text: string) => {
    setTextDraftState(text);
    remembered.textDraft = text;
    window.clearTimeout(textTimer.current);
    textTimer.current = window.setTimeout(() => setFilters({ text }), TEXT_DEBOUNCE_MS);
  };
  useEffect(() => () => window.clearTimeout(textTimer.current), []);
  const clearFilters = () => {
    window.clearTimeout(textTimer.current);
    setTextDraftState("");
    remembered.textDraft = "";
    setFiltersState(NO_CONTACT_FILTERS);
    remembered.filters = NO_CONTACT_FILTERS;
  };

  const cache = useMemo(
    () => new PageCache<ContactSummary>((offset, limit) => listContacts(toContactQuery(filters, offset, limit)), { tag: dataVersion }),
    [filters, dataVersion],
  );
  useEffect(() => () => cache.dispose(), [cache]);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  const total = cache.total;

  // New filters: a new list, nothing ticked, back to the top.
  useLayoutEffect(() => {
    setSelection(NOTHING);
    setCursor(-1);
    setResult(null);
    setExportError(null);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filters]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CONTACT_ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? cache.pageSize - 1;
  useSettledFetch(cache, total, firstIndex, lastIndex, FETCH_SETTLE_MS);

  const open = (index: number) => {
    const row = cache.get(index);
    if (!row) return;
    if (row.actorId) navigate({ name: "actor", id: row.actorId, contactId: row.id });
    else navigate({ name: "data", tab: "privacy", personId: row.id });
  };
  const move = (index: number) => {
    if (total === null || total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const isTicked = (id: string) => selection.all || selection.ids.has(id);
  const toggle = (id: string) => {
    setResult(null);
    setSelection((s) => {
      if (s.all) return s;
      const ids = new Set(s.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { all: false, ids };
    });
  };
  const tickAll = (on: boolean) => {
    setResult(null);
    setSelection(on ? { all: true } : NOTHING);
  };

  const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? CONTACT_ROW_HEIGHT * 10) / CONTACT_ROW_HEIGHT) - 1);
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a") {
      event.preventDefault();
      tickAll(true);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === " ") {
      event.preventDefault();
      const row = cursor >= 0 ? cache.get(cursor) : undefined;
      if (row) toggle(row.id);
      return;
    }
    handleListKey(event, { selected: cursor, visibleRows, total, move, open });
  };

  const count = selection.all || selection.ids.size === 0 ? (total ?? 0) : selection.ids.size;
  const runExport = async () => {
    setExporting(true);
    setResult(null);
    setExportError(null);
    try {
      const done = await saveContactsExport(toSelection(filters, selection), format);
      if (done) setResult(done);
    } catch (raw: unknown) {
      setExportError(toAppError(raw));
    } finally {
      setExporting(false);
    }
  };

  const filtered = hasFilters(filters) || textDraft.trim() !== "";
  const activeId = cursor >= 0 ? cache.get(cursor)?.id : undefined;
  const loadError: AppError | null = cache.error;
  const kindOptions = (facets.data?.kinds ?? [])
    .filter((f) => isActorKind(f.value))
    .sort((a, b) => ACTOR_KINDS.indexOf(a.value as never) - ACTOR_KINDS.indexOf(b.value as never))
    .map((f) => ({ value: f.value, label: isActorKind(f.value) ? t.labels.kinds[f.value] : f.label }));

  return (
    <div className="page page--directory page--contacts">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{m.title}</h1>
          <p className="page-subtitle tabular" aria-live="polite" data-testid="contacts-count">
            {total === null ? t.common.loading : m.count(total, formatCount(total, lang))}
          </p>
        </div>
        <div className="contacts-export">
          <label className="filters__select">
            <span className="visually-hidden">{m.format}</span>
            <select className="select" data-testid="contacts-export-format" value={format} title={m.format} onChange={(e) => setFormat(e.target.value === "xlsx" ? "xlsx" : "csv")}>
              <option value="csv">CSV (Excel)</option>
              <option value="xlsx">XLSX</option>
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            data-testid="contacts-export"
            disabled={exporting || count === 0}
            title={m.exportHint}
            onClick={() => void runExport()}
          >
            <Download size={16} aria-hidden="true" />
            {exporting ? m.exporting : m.exportButton(count, formatCount(count, lang))}
          </button>
        </div>
      </header>

      <DirectoryTabs selected="contacts" />

      <div className="filters filters--contacts" role="search">
        <ListSearch
          label={m.filterTextLabel}
          placeholder={m.filterText}
          testId="contacts-filter-text"
          value={textDraft}
          onChange={setTextDraft}
          total={total}
          current={cursor}
          onMove={(i) => {
            scrollRef.current?.focus();
            move(i);
          }}
          onOpen={open}
        />
        {/* The organisations' facets without their counts: they count actors, not contacts. */}
        <FilterSelect testId="contacts-filter-kind" label={m.filterKind} allLabel={m.allKinds} value={filters.kind} options={kindOptions} onChange={(v) => setFilters({ kind: v !== null && isActorKind(v) ? v : null })} />
        <FilterSelect
          testId="contacts-filter-commune"
          label={m.filterCommune}
          allLabel={m.allCommunes}
          value={filters.communeInsee}
          options={facets.data?.communes ?? []}
          onChange={(v) => setFilters({ communeInsee: v })}
        />
        <FilterSelect testId="contacts-filter-tag" label={m.filterTag} allLabel={m.allTags} value={filters.tag} options={facets.data?.tags ?? []} onChange={(v) => setFilters({ tag: v })} />
        <FilterSelect
          testId="contacts-filter-consent"
          label={m.filterConsent}
          allLabel={m.allConsents}
          value={filters.consent}
          options={CONSENTS.map((c) => ({ value: c, label: t.labels.consents[c] }))}
          onChange={(v) => setFilters({ consent: v !== null && isConsent(v) ? v : null })}
        />
        {filtered && (
          <button type="button" className="button button--ghost filters__clear" onClick={clearFilters}>
            <X size={16} aria-hidden="true" />
            {m.clearFilters}
          </button>
        )}
      </div>

      {result && <ExportResult result={result} onClose={() => setResult(null)} />}
      {exportError && (
        <div className="banner banner--error contacts-banner" role="alert" data-testid="contacts-export-error">
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <p>
            {m.exportFailed} {errorText(exportError, lang)}
          </p>
        </div>
      )}

      <div className="list-card" role="tabpanel" id="directory-panel-contacts" aria-labelledby="directory-tab-contacts">
        <div className="list-row list-row--head contacts-row" aria-hidden={total === 0 ? true : undefined}>
          <span className="contacts-row__tick">
            <input
              type="checkbox"
              data-testid="contacts-select-all"
              aria-label={m.selectAll(formatCount(total ?? 0, lang))}
              checked={selection.all}
              disabled={!total}
              onChange={(e) => tickAll(e.target.checked)}
            />
          </span>
          <span>{m.columns.name}</span>
          <span>{m.columns.organisation}</span>
          <span>{m.columns.reach}</span>
          <span>{m.columns.commune}</span>
          <span>{m.columns.consents}</span>
          <span>{m.columns.invitation}</span>
        </div>
        {(selection.all || selection.ids.size > 0) && (
          <div className="contacts-selection small" role="status" data-testid="contacts-selection">
            <span>{selection.all ? m.allSelected(formatCount(total ?? 0, lang)) : m.selected(selection.ids.size, formatCount(selection.ids.size, lang))}</span>
            <button type="button" className="button button--ghost button--small" onClick={() => tickAll(false)}>
              {m.clearSelection}
            </button>
          </div>
        )}
        {loadError && (
          <div className="banner banner--error list-card__banner" role="alert">
            <p>
              {m.loadError} {errorText(loadError, lang)}
            </p>
            <button type="button" className="button button--secondary button--small" onClick={() => cache.retry()}>
              {t.common.retry}
            </button>
          </div>
        )}
        {total === 0 ? (
          <div className="list-empty" data-testid="contacts-empty">
            <p className="list-empty__title">{filtered ? m.noMatchTitle : m.emptyTitle}</p>
            <p className="list-empty__text">{filtered ? m.noMatchText : m.emptyText}</p>
            {filtered && (
              <button type="button" className="button button--secondary" onClick={clearFilters}>
                {m.clearFilters}
              </button>
            )}
          </div>
        ) : (
          <div
            ref={scrollRef}
            className="list-scroll"
            data-testid="contact-list"
            role="listbox"
            aria-multiselectable="true"
            aria-label={t.contacts.tabs.contacts}
            aria-activedescendant={activeId ? `contact-row-${activeId}` : undefined}
            tabIndex={0}
            onKeyDown={onListKeyDown}
            onFocus={() => {
              if (cursor < 0 && total) setCursor(Math.min(firstIndex, total - 1));
            }}
          >
            <div className="list-scroll__inner" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = cache.get(item.index);
                return (
                  <div key={item.key} className="list-scroll__slot" style={{ transform: `translateY(${item.start}px)`, height: CONTACT_ROW_HEIGHT }}>
                    {row ? (
                      <ContactRow
                        row={row}
                        current={item.index === cursor}
                        ticked={isTicked(row.id)}
                        lockTick={selection.all}
                        onToggle={() => toggle(row.id)}
                        onOpen={() => {
                          setCursor(item.index);
                          open(item.index);
                        }}
                      />
                    ) : (
                      <div className="list-row list-row--placeholder contacts-row" role="option" aria-selected={false} aria-busy="true">
                        <span />
                        <span className="skeleton" style={{ width: "60%" }} />
                        <span className="skeleton" style={{ width: "70%" }} />
                        <span className="skeleton" style={{ width: "55%" }} />
                        <span className="visually-hidden">{m.rowLoading}</span>
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        )}
        <footer className="list-card__foot">
          <span>{m.keyboardHint}</span>
        </footer>
      </div>
    </div>
  );
}

function ContactRow({
  row,
  current,
  ticked,
  lockTick,
  onToggle,
  onOpen,
}: {
  row: ContactSummary;
  current: boolean;
  ticked: boolean;
  lockTick: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const m = t.contacts;
  const name = displayName(row);
  const excluded = row.mailingExclusion;
  const consents = row.consents.filter((c) => c !== "objection");
  return (
    <div
      id={`contact-row-${row.id}`}
      className={`list-row contacts-row${current ? " is-selected" : ""}${ticked ? " is-ticked" : ""}`}
      data-testid="contact-row"
      data-id={row.id}
      role="option"
      aria-selected={ticked}
      onClick={onOpen}
    >
      <span className="contacts-row__tick" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" tabIndex={-1} aria-label={m.selectRow(name)} checked={ticked} disabled={lockTick} onChange={onToggle} />
      </span>
      <span className="contacts-row__stack" title={[name, row.role].filter(Boolean).join(" · ")}>
        <span className="list-row__name">{name}</span>
        {row.role && <span className="list-row__place-sub">{row.role}</span>}
      </span>
      <span className="contacts-row__stack" title={row.actorName ?? undefined}>
        {row.actorName ? (
          <>
            <span className="list-row__place-main">{row.actorName}</span>
            {row.actorKind && (
              <span className="list-row__place-sub">
                <KindBadge kind={row.actorKind} size="sm" />
              </span>
            )}
          </>
        ) : (
          <span className="muted">{m.noOrganisation}</span>
        )}
      </span>
      <span className="contacts-row__stack">
        {row.email ? (
          <span className="contacts-row__line" title={row.email}>
            <Mail size={13} aria-hidden="true" className="muted" /> {row.email}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
        {row.phone && (
          <span className="contacts-row__line list-row__place-sub">
            <Phone size={13} aria-hidden="true" /> {row.phone}
          </span>
        )}
      </span>
      <span className="list-row__cell">{row.commune?.name ?? <span className="muted">—</span>}</span>
      <span className="contacts-row__consents" title={consents.map((c) => t.labels.consents[c]).join(", ")}>
        {consents.length === 0 ? (
          <span className="muted">{m.noConsent}</span>
        ) : (
          consents.map((c) => (
            <span key={c} className="chip chip--sm">
              {m.consentShort[c]}
            </span>
          ))
        )}
      </span>
      <span className="contacts-row__invitation">
        {excluded ? (
          <span className="contacts-row__excluded" data-testid="contact-excluded" data-reason={excluded} title={m.exclusionHelp[excluded]}>
            <Ban size={13} aria-hidden="true" />
            {m.exclusions[excluded]}
          </span>
        ) : (
          <span className="contacts-row__invitable">
            <Check size={13} aria-hidden="true" />
            {m.invitable}
          </span>
        )}
      </span>
    </div>
  );
}

function ExportResult({ result, onClose }: { result: MailingExport; onClose: () => void }) {
  const { t, lang } = useI18n();
  const m = t.contacts;
  const leftOut = result.leftOut.reduce((n, l) => n + l.count, 0);
  const file = result.path.split(/[\\/]/).pop() ?? result.path;
  return (
    <div className="banner banner--success contacts-banner" role="status" data-testid="contacts-export-result">
      <CircleCheck size={18} aria-hidden="true" className="banner__icon" />
      <div>
        <p title={result.path}>{m.exported(result.rows, formatCount(result.rows, lang), file)}</p>
        {leftOut === 0 ? (
          <p className="small">{m.noneLeftOut}</p>
        ) : (
          <>
            <p className="small">{m.leftOut(leftOut, formatCount(leftOut, lang))}</p>
            <ul className="small contacts-banner__list">
              {result.leftOut.map((l) => (
                <li key={l.reason} data-testid="contacts-left-out" data-reason={l.reason}>
                  {m.exclusions[l.reason]} ({formatCount(l.count, lang)}) — {m.exclusionHelp[l.reason]}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="button button--ghost button--small" aria-label={t.common.close} onClick={onClose}>
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}

