// Who comes: the seated side and the moving side, each participant's table,
// presence (« présent », « absent » — a re-plan then absorbs it) and wishes.
// Actors come from the directory, or are registered at the door.
import { Heart, Sparkles, Trash2, UserPlus } from "lucide-react";
import { useState } from "react";

import { addEventParticipant, changeEventParticipant, removeEventParticipant } from "../../api/gateway";
import { useConfirm } from "../../app/confirm";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventSide } from "../../bindings/EventSide";
import type { Participant } from "../../bindings/Participant";
import type { ParticipantChange } from "../../bindings/ParticipantChange";
import type { Presence } from "../../bindings/Presence";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { ActorCombobox, type ActorChoice } from "../partnership/ActorCombobox";
import { useEventAction } from "./actions";
import { sidesOf, wishCount } from "./model";
import { QuickAddDialog } from "./QuickAddDialog";
import { WishesDialog } from "./WishesDialog";
import { WishSuggestionsDialog } from "./WishSuggestionsDialog";

const PRESENCES: Presence[] = ["expected", "present", "absent"];
const NO_CHANGE: ParticipantChange = { presence: null, table: null, clearTable: false, side: null };

function ParticipantRow({ detail, p, seated, onWishes }: { detail: EventDetail; p: Participant; seated: boolean; onWishes: () => void }) {
  const { t } = useI18n();
  const run = useEventAction();
  const confirm = useConfirm();
  const id = detail.event.id;
  const [table, setTable] = useState(p.table === null ? "" : String(p.table));
  const change = (c: Partial<ParticipantChange>) => void run(() => changeEventParticipant(id, p.id, { ...NO_CHANGE, ...c }));
  const saveTable = () => {
    const trimmed = table.trim();
    if (trimmed === (p.table === null ? "" : String(p.table))) return;
    if (trimmed === "") change({ clearTable: true });
    else {
      const n = Number(trimmed);
      if (Number.isInteger(n) && n > 0) change({ table: n });
      else setTable(p.table === null ? "" : String(p.table));
    }
  };
  const remove = async () => {
    const ok = await confirm({ title: t.events.removeConfirm(p.actorName), text: t.events.removeConfirmText, confirmLabel: t.events.remove(""), danger: true });
    if (ok) await run(() => removeEventParticipant(id, p.id));
  };
  const wishes = wishCount(detail, p.id);
  return (
    <li className={`participant${p.presence === "absent" ? " is-absent" : ""}`} data-testid={`participant-${p.actorName}`}>
      <div className="participant__who">
        <a href={`#/acteurs/${encodeURIComponent(p.actorId)}`} className="participant__name">
          {p.actorName}
        </a>
        <span className="muted small">
          {[p.sector, p.commune, p.contactName, p.quickAdded ? t.events.quickAdded : null].filter(Boolean).join(" · ")}
        </span>
      </div>
      {seated && (
        <label className="participant__table">
          <span className="small muted">{t.events.table}</span>
          <input
            type="text"
            inputMode="numeric"
            className="input input--narrow tabular"
            aria-label={t.events.tableLabel(p.actorName)}
            placeholder={t.events.tableAuto}
            value={table}
            onChange={(e) => setTable(e.target.value)}
            onBlur={saveTable}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                saveTable();
              }
            }}
          />
        </label>
      )}
      <div className="segmented" role="radiogroup" aria-label={t.events.presenceLabel(p.actorName)}>
        {PRESENCES.map((presence) => (
          <button
            key={presence}
            type="button"
            role="radio"
            aria-checked={p.presence === presence}
            className={`segmented__option segmented__option--${presence}${p.presence === presence ? " is-on" : ""}`}
            data-testid={`presence-${presence}`}
            onClick={() => change({ presence })}
          >
            {t.events.presences[presence]}
          </button>
        ))}
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onWishes} data-testid="wishes-open">
        <Heart size={14} aria-hidden="true" />
        {t.events.wishesButton(wishes)}
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={t.events.remove(p.actorName)}
        data-tooltip={t.events.remove(p.actorName)}
        onClick={() => void remove()}
      >
        <Trash2 size={16} aria-hidden="true" />
      </button>
    </li>
  );
}

export function ParticipantsTab({ detail }: { detail: EventDetail }) {
  const { t, lang } = useI18n();
  const run = useEventAction();
  const e = detail.event;
  const { seated, visitors } = sidesOf(detail);
  const [text, setText] = useState("");
  const [choice, setChoice] = useState<ActorChoice | null>(null);
  const [side, setSide] = useState<EventSide | "auto">("auto");
  const [quick, setQuick] = useState(false);
  const [wishesOf, setWishesOf] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const otherSide: EventSide = e.seatedSide === "associations" ? "entreprises" : "associations";

  const add = async () => {
    if (!choice) return;
    const ok = await run(() => addEventParticipant(e.id, choice.id, side === "auto" ? null : side), t.events.added(choice.name));
    if (ok) {
      setChoice(null);
      setText("");
    }
  };

  const column = (title: string, people: Participant[], isSeated: boolean, testId: string) => (
    <section className="participants__side card" data-testid={testId}>
      <header className="card__header">
        <h2 className="card__title">
          {title} <span className="count-pill">{formatCount(people.length, lang)}</span>
        </h2>
      </header>
      {people.length === 0 ? (
        <p className="card__empty">{t.events.noParticipants}</p>
      ) : (
        <ul className="participants__list">
          {people.map((p) => (
            <ParticipantRow key={`${p.id}-${p.table ?? ""}`} detail={detail} p={p} seated={isSeated} onWishes={() => setWishesOf(p.id)} />
          ))}
        </ul>
      )}
    </section>
  );

  const wishFor = detail.participants.find((p) => p.id === wishesOf) ?? null;

  return (
    <div className="participants">
      <form
        className="participants__add"
        onSubmit={(ev) => {
          ev.preventDefault();
          void add();
        }}
      >
        <div className="participants__add-actor">
          <ActorCombobox
            testId="participant-actor"
            field="actor"
            label={t.events.addFromDirectory}
            invalid={false}
            describedBy={undefined}
            text={text}
            onTextChange={setText}
            value={choice}
            onChange={setChoice}
            onBlur={() => undefined}
          />
        </div>
        <label className="participants__add-side">
          <span className="visually-hidden">{t.events.addSide}</span>
          <select className="select" value={side} onChange={(ev) => setSide(ev.target.value as EventSide | "auto")} data-testid="participant-side">
            <option value="auto">{t.events.sideAuto}</option>
            <option value="associations">{t.events.sides.associations}</option>
            <option value="entreprises">{t.events.sides.entreprises}</option>
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={!choice} data-testid="participant-add">
          {t.events.add}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setQuick(true)} data-testid="participant-quick">
          <UserPlus size={16} aria-hidden="true" />
          {t.events.quickAdd}
        </button>
      </form>
      <div className="participants__tools">
        <p className="muted small" data-testid="participants-capacity">
          {t.events.capacity(
            detail.possibleMeetings === null ? null : formatCount(detail.possibleMeetings, lang),
            formatCount(detail.visitorsPresent, lang),
          )}
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setSuggesting(true)}
          title={t.events.suggestWishesHint}
          data-testid="wish-suggestions-open"
        >
          <Sparkles size={14} aria-hidden="true" />
          {t.events.suggestWishes}
        </button>
      </div>
      <div className="participants__columns">
        {column(t.events.seatedTitle(t.events.sides[e.seatedSide]), seated, true, "participants-seated")}
        {column(t.events.visitorsTitle(t.events.sides[otherSide]), visitors, false, "participants-visitors")}
      </div>
      {quick && <QuickAddDialog eventId={e.id} onClose={() => setQuick(false)} />}
      {wishFor && <WishesDialog detail={detail} who={wishFor} onClose={() => setWishesOf(null)} />}
      {suggesting && <WishSuggestionsDialog detail={detail} onClose={() => setSuggesting(false)} />}
    </div>
  );
}
