// « Doublons »: the scan runs when the tab opens (and on demand); each
// probable pair shows both records side by side with why they matched,
// « Fusionner… » (the merge dialog, then a toast with « Annuler la fusion »)
// and « Ce ne sont pas des doublons ». The recent merges below, undoable.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, CircleAlert, GitMerge, LoaderCircle, Mail, Phone, RefreshCw, SearchCheck, UserRound, Users, X } from "lucide-react";
import { useRef, useState, type ReactNode, type RefObject } from "react";

import { errorText, toAppError } from "../../api/errors";
import { dismissDuplicate, mergeDuplicates, scanDuplicates } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { useDataChanged } from "../../app/data";
import { routeHash } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { ActorSide } from "../../bindings/ActorSide";
import type { Contact } from "../../bindings/Contact";
import type { Duplicates } from "../../bindings/Duplicates";
import { useI18n } from "../../i18n";
import { formatCount, formatSiren, websiteLabel } from "../../lib/format";
import { KindBadge } from "../actor/kinds";
import { MergeDialog, recordName, type MergePair, type MergeRequest } from "./MergeDialog";
import { MergeHistory, useUndoMerge } from "./MergeHistory";
import { ProgressPanel } from "../../components/ProgressPanel";
import { dataKeys } from "../data/queryKeys";

const pairKey = (a: string, b: string) => `${a}|${b}`;

/** The scan without one pair (dismissed or merged), its total one less. */
function withoutPair(d: Duplicates, entity: "actor" | "contact", a: string, b: string): Duplicates {
  if (entity === "actor") {
    const actors = d.actors.filter((p) => pairKey(p.a.actor.id, p.b.actor.id) !== pairKey(a, b));
    return { ...d, actors, actorPairs: Math.max(0, d.actorPairs - (d.actors.length - actors.length)) };
  }
  const contacts = d.contacts.filter((p) => pairKey(p.a.id, p.b.id) !== pairKey(a, b));
  return { ...d, contacts, contactPairs: Math.max(0, d.contactPairs - (d.contacts.length - contacts.length)) };
}

export function DuplicatesTab() {
  const { t, lang } = useI18n();
  const m = t.data.duplicates;
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const queryClient = useQueryClient();
  const undo = useUndoMerge();
  const query = useQuery({ queryKey: dataKeys.duplicates, queryFn: scanDuplicates });
  const [target, setTarget] = useState<MergePair | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeError, setMergeError] = useState<AppError | null>(null);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const actorsTitle = useRef<HTMLHeadingElement>(null);
  const contactsTitle = useRef<HTMLHeadingElement>(null);

  const open = (pair: MergePair) => {
    setMergeError(null);
    setTarget(pair);
  };

  const removeFromScan = (entity: "actor" | "contact", a: string, b: string) => {
    queryClient.setQueryData<Duplicates>(dataKeys.duplicates, (d) => (d ? withoutPair(d, entity, a, b) : d));
  };

  const merge = async (request: MergeRequest) => {
    setMerging(true);
    setMergeError(null);
    try {
      const outcome = await mergeDuplicates(request.entity, request.keep, request.other, request.choices);
      const pair = target;
      setTarget(null);
      if (pair) {
        const [a, b] = pair.entity === "actor" ? [pair.pair.a.actor.id, pair.pair.b.actor.id] : [pair.pair.a.id, pair.pair.b.id];
        removeFromScan(pair.entity, a, b);
      }
      (request.entity === "actor" ? actorsTitle : contactsTitle).current?.focus();
      dataChanged();
      toasts.show({
        message: m.merged(request.keptName),
        undoLabel: m.undoMerge,
        onUndo: () => void undo(outcome.mergeId),
      });
    } catch (raw: unknown) {
      setMergeError(toAppError(raw));
    } finally {
      setMerging(false);
    }
  };

  const dismiss = async (entity: "actor" | "contact", a: string, b: string, titleRef: RefObject<HTMLHeadingElement | null>) => {
    setDismissing(pairKey(a, b));
    try {
      await dismissDuplicate(entity, a, b);
      removeFromScan(entity, a, b);
      titleRef.current?.focus();
      dataChanged();
      toasts.show({ message: m.dismissed });
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: `${m.dismissFailed} ${errorText(toAppError(raw), lang)}` });
    } finally {
      setDismissing(null);
    }
  };

  const scanning = query.isFetching;
  let body: ReactNode;
  if (query.isPending) {
    body = (
      <ProgressPanel title={m.scanning} detail={m.scanningHint} percent={null} label={m.scanning} testId="duplicates-scanning" />
    );
  } else if (query.isError) {
    body = null;
  } else {
    const d = query.data;
    const truncated = d.actorPairs > d.actors.length || d.contactPairs > d.contacts.length;
    body = (
      <>
        <p className="duplicates__counts" role="status" data-testid="duplicates-counts">
          {d.actorPairs === 0 && d.contactPairs === 0 ? (
            m.none
          ) : (
            <>
              <strong>{m.counts(d.actorPairs, formatCount(d.actorPairs, lang), d.contactPairs, formatCount(d.contactPairs, lang))}</strong>
              {truncated && <> {m.truncated(formatCount(d.maxListed, lang))}</>}
            </>
          )}
        </p>
        <PairSection title={m.organisations} icon={<Building2 size={18} aria-hidden="true" />} count={d.actorPairs} titleRef={actorsTitle} testId="duplicates-actors">
          {d.actors.map((p) => {
            const key = pairKey(p.a.actor.id, p.b.actor.id);
            return (
              <PairCard
                key={key}
                label={m.pairLabel(p.a.actor.name, p.b.actor.name)}
                why={p.why}
                busy={dismissing === key || merging}
                onMerge={() => open({ entity: "actor", pair: p })}
                onDismiss={() => void dismiss("actor", p.a.actor.id, p.b.actor.id, actorsTitle)}
                testId="duplicate-actor"
              >
                <ActorPanel side={p.a} />
                <ActorPanel side={p.b} />
              </PairCard>
            );
          })}
        </PairSection>
        <PairSection title={m.contacts} icon={<Users size={18} aria-hidden="true" />} count={d.contactPairs} titleRef={contactsTitle} testId="duplicates-contacts">
          {d.contacts.map((p) => {
            const key = pairKey(p.a.id, p.b.id);
            return (
              <PairCard
                key={key}
                label={m.pairLabel(recordName(p.a), recordName(p.b))}
                why={p.why}
                busy={dismissing === key || merging}
                onMerge={() => open({ entity: "contact", pair: p })}
                onDismiss={() => void dismiss("contact", p.a.id, p.b.id, contactsTitle)}
                testId="duplicate-contact"
              >
                <ContactPanel contact={p.a} />
                <ContactPanel contact={p.b} />
              </PairCard>
            );
          })}
        </PairSection>
      </>
    );
  }

  return (
    <section className="duplicates" aria-labelledby="duplicates-title" data-testid="duplicates">
      <div className="backups__intro">
        <div>
          <h2 className="data-section__title" id="duplicates-title">
            {m.title}
          </h2>
          <p className="muted backups__rule">{m.lead}</p>
        </div>
        <div className="backups__buttons">
          <button
            type="button"
            className="button button--secondary"
            data-testid="duplicates-scan"
            disabled={scanning}
            aria-busy={scanning || undefined}
            onClick={() => void query.refetch()}
          >
            {scanning ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <RefreshCw size={16} aria-hidden="true" />}
            {scanning ? m.scanning : query.data ? m.rescan : m.scan}
          </button>
        </div>
      </div>

      {query.isError && (
        <div className="banner banner--error" role="alert" data-testid="duplicates-error">
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{m.scanFailed}</strong>
            </p>
            <p>{errorText(toAppError(query.error), lang)}</p>
          </div>
        </div>
      )}

      {body}

      <MergeHistory />

      {target && (
        <MergeDialog
          target={target}
          busy={merging}
          error={mergeError}
          onMerge={(request) => void merge(request)}
          onClose={() => {
            if (!merging) setTarget(null);
          }}
        />
      )}
    </section>
  );
}

function PairSection({
  title,
  icon,
  count,
  titleRef,
  testId,
  children,
}: {
  title: string;
  icon: ReactNode;
  count: number;
  titleRef: RefObject<HTMLHeadingElement | null>;
  testId: string;
  children: ReactNode[];
}) {
  const { t, lang } = useI18n();
  return (
    <section className="data-section duplicates__section" aria-label={title} data-testid={testId}>
      <h3 className="duplicates__section-title" ref={titleRef} tabIndex={-1}>
        {icon}
        {title}
        <span className="count-pill">{formatCount(count, lang)}</span>
      </h3>
      {children.length === 0 ? <p className="muted">{t.data.duplicates.sectionEmpty}</p> : <ul className="pairs">{children}</ul>}
    </section>
  );
}

function PairCard({
  label,
  why,
  busy,
  onMerge,
  onDismiss,
  testId,
  children,
}: {
  label: string;
  why: string[];
  busy: boolean;
  onMerge: () => void;
  onDismiss: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const m = t.data.duplicates;
  return (
    <li className="pair" data-testid={testId} aria-label={label}>
      <div className="pair__why">
        <SearchCheck size={16} aria-hidden="true" className="pair__why-icon" />
        {why.map((w) => (
          <span key={w} className="chip chip--sm pair__reason" data-testid="duplicate-reason">
            {w}
          </span>
        ))}
      </div>
      <div className="pair__sides">{children}</div>
      <div className="pair__actions">
        <button type="button" className="button button--ghost button--small" data-testid="duplicate-dismiss" disabled={busy} aria-label={`${m.dismiss} — ${label}`} onClick={onDismiss}>
          <X size={14} aria-hidden="true" />
          {m.dismiss}
        </button>
        <button type="button" className="button button--primary button--small" data-testid="duplicate-merge" disabled={busy} aria-label={`${m.merge} ${label}`} onClick={onMerge}>
          <GitMerge size={14} aria-hidden="true" />
          {m.merge}
        </button>
      </div>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="pair-side__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ActorPanel({ side }: { side: ActorSide }) {
  const { t, lang } = useI18n();
  const m = t.data.duplicates;
  const a = side.actor;
  return (
    <div className="pair-side" data-testid="pair-side">
      <p className="pair-side__name">
        <a className="link" href={routeHash({ name: "actor", id: a.id, contactId: null })}>
          {a.name}
        </a>
      </p>
      <p className="pair-side__meta">
        <KindBadge kind={a.kind} size="sm" />
        <span className="small muted tabular">
          {m.partnershipsCount(side.partnerships, formatCount(side.partnerships, lang))} · {m.contactsCount(side.contacts, formatCount(side.contacts, lang))}
        </span>
      </p>
      <dl className="pair-side__facts">
        {a.siren && <Fact label={m.fields.siren ?? "SIREN"}>{formatSiren(a.siren)}</Fact>}
        {a.rna && <Fact label={m.fields.rna ?? "RNA"}>{a.rna}</Fact>}
        {a.commune && <Fact label={m.fields.communeInsee ?? ""}>{a.commune.name}</Fact>}
        {a.website && <Fact label={m.fields.website ?? ""}>{websiteLabel(a.website)}</Fact>}
        {a.tags.length > 0 && (
          <Fact label={m.fields.tags ?? ""}>
            <span className="chip-list">
              {a.tags.map((tag) => (
                <span key={tag} className="chip chip--sm">
                  {tag}
                </span>
              ))}
            </span>
          </Fact>
        )}
      </dl>
    </div>
  );
}

function ContactPanel({ contact: c }: { contact: Contact }) {
  const { t } = useI18n();
  const m = t.data.duplicates;
  const name = recordName(c) || t.contact.unnamed;
  return (
    <div className="pair-side" data-testid="pair-side">
      <p className="pair-side__name">
        <UserRound size={16} aria-hidden="true" />
        {c.actorId ? (
          <a className="link" href={routeHash({ name: "actor", id: c.actorId, contactId: c.id })}>
            {name}
          </a>
        ) : (
          <span>{name}</span>
        )}
      </p>
      <p className="pair-side__meta small muted">{[c.role, c.actorName ?? m.noOrganisation].filter(Boolean).join(" · ")}</p>
      <dl className="pair-side__facts">
        {c.email && (
          <Fact label={m.fields.email ?? ""}>
            <span className="icon-text">
              <Mail size={14} aria-hidden="true" />
              <span className="selectable">{c.email}</span>
            </span>
          </Fact>
        )}
        {c.phone && (
          <Fact label={m.fields.phone ?? ""}>
            <span className="icon-text tabular">
              <Phone size={14} aria-hidden="true" />
              {c.phone}
            </span>
          </Fact>
        )}
      </dl>
    </div>
  );
}
