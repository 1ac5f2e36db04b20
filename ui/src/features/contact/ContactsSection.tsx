// The contacts of an actor: who they are, how to reach them, and the GDPR
// facts (legal basis, consents, when to review the data).
import { CalendarClock, Mail, Pencil, Phone, Trash2, UserPlus, Users } from "lucide-react";
import { useEffect, useState } from "react";

import { deleteContact, restoreContact } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { useDataChanged } from "../../app/data";
import { routeHash } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Contact } from "../../bindings/Contact";
import type { ContactCard } from "../../bindings/ContactCard";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { ContactForm } from "./ContactForm";
import { contactDisplayName, initials } from "./contactFormModel";

type Editing = { contact: Contact | null } | null;

export function ContactsSection({
  actorId,
  contacts,
  highlightId,
}: {
  actorId: string;
  contacts: ContactCard[];
  highlightId: string | null;
}) {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    if (!highlightId) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="contact-row"][data-id="${CSS.escape(highlightId)}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [highlightId, contacts]);

  const remove = async (c: Contact) => {
    try {
      await deleteContact(c.id);
    } catch (raw: unknown) {
      toasts.show({ tone: "error", message: errorText(toAppError(raw), lang) });
      return;
    }
    dataChanged();
    toasts.show({
      message: t.contact.deleted,
      onUndo: () => {
        restoreContact(c.id).then(dataChanged, (raw: unknown) =>
          toasts.show({ tone: "error", message: errorText(toAppError(raw), lang) }),
        );
      },
    });
  };

  return (
    <section className="card" aria-labelledby="contacts-title">
      <header className="card__header">
        <h2 id="contacts-title" className="card__title">
          <Users size={16} aria-hidden="true" />
          {t.contact.title}
          {contacts.length > 0 && <span className="count-pill">{contacts.length}</span>}
        </h2>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="contact-new"
          onClick={() => setEditing({ contact: null })}
        >
          <UserPlus size={16} aria-hidden="true" />
          {t.contact.new}
        </button>
      </header>
      {contacts.length === 0 ? (
        <div className="card__empty">
          <p>{t.contact.none}</p>
          <p className="muted">{t.contact.noneHint}</p>
        </div>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) => (
            <ContactRow
              key={c.id}
              contact={c}
              highlighted={c.id === highlightId}
              onEdit={() => setEditing({ contact: c })}
              onDelete={() => void remove(c)}
            />
          ))}
        </ul>
      )}
      {editing && (
        <ContactForm
          actorId={actorId}
          contact={editing.contact}
          onClose={() => setEditing(null)}
          onSaved={(_saved, created) => {
            setEditing(null);
            dataChanged();
            toasts.show({ message: created ? t.contact.created_toast : t.contact.saved_toast });
          }}
        />
      )}
    </section>
  );
}

function ContactRow({
  contact: c,
  highlighted,
  onEdit,
  onDelete,
}: {
  contact: ContactCard;
  highlighted: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, lang } = useI18n();
  const name = contactDisplayName(c) || t.contact.unnamed;
  // The core computes the date and whether it has passed
  // (domain::contact::ContactCard, as of the shell's local day).
  const review = c.reviewDueOn;
  const overdue = c.reviewOverdue;
  return (
    <li className={`contact-row${highlighted ? " is-highlighted" : ""}`} data-testid="contact-row" data-id={c.id}>
      <span className="avatar" aria-hidden="true">
        {initials(c)}
      </span>
      <div className="contact-row__main">
        <p className="contact-row__name">
          <strong>{name}</strong>
          {c.role && <span className="contact-row__role">{c.role}</span>}
        </p>
        <p className="contact-row__reach">
          {c.email && (
            <span className="icon-text">
              <Mail size={14} aria-hidden="true" />
              <span className="selectable">{c.email}</span>
            </span>
          )}
          {c.phone && (
            <span className="icon-text tabular">
              <Phone size={14} aria-hidden="true" />
              <span className="selectable">{c.phone}</span>
            </span>
          )}
        </p>
        <div className="contact-row__gdpr">
          <span className="badge badge--outline">{t.labels.legalBases[c.legalBasis]}</span>
          {c.source && <span className="badge badge--quiet">{t.labels.sources[c.source]}</span>}
          {c.consents.length === 0 ? (
            <span className="muted small">{t.contact.noConsent}</span>
          ) : (
            c.consents.map((k) => (
              <span key={k} className="badge badge--consent">
                {t.labels.consents[k]}
              </span>
            ))
          )}
        </div>
        <p className="contact-row__dates small">
          {c.informedOn && <span>{t.contact.informed(formatDate(c.informedOn, lang))}</span>}
          {c.lastInitiatedOn && <span>{t.contact.lastInitiated(formatDate(c.lastInitiatedOn, lang))}</span>}
          {review && (
            <span className={`icon-text${overdue ? " text-danger" : ""}`}>
              <CalendarClock size={14} aria-hidden="true" />
              {overdue ? t.contact.reviewOverdue(formatDate(review, lang)) : t.contact.reviewDue(formatDate(review, lang))}
            </span>
          )}
          <a
            className="link"
            href={routeHash({ name: "data", tab: "privacy", personId: c.id })}
            aria-label={t.data.privacy.linkLabel(name)}
            data-testid="contact-privacy"
          >
            {t.data.privacy.link}
          </a>
        </p>
      </div>
      <div className="contact-row__actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`${t.contact.edit} — ${name}`}
          data-tooltip={t.contact.edit}
          data-tooltip-pos="left"
          data-testid="contact-edit"
          onClick={onEdit}
        >
          <Pencil size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={`${t.contact.delete} — ${name}`}
          data-tooltip={t.contact.delete}
          data-tooltip-pos="left"
          data-testid="contact-delete"
          onClick={onDelete}
        >
          <Trash2 size={16} aria-hidden="true" />
        </button>
      </div>
    </li>
  );
}
