// One participant's wishes toward each person on the other side: « à
// rencontrer absolument », « aimerait », « non merci ». Saved as chosen;
// the other side's wish toward them is shown beside.
import { Dialog } from "../../app/Dialog";
import { setEventWish } from "../../api/gateway";
import type { EventDetail } from "../../bindings/EventDetail";
import type { Participant } from "../../bindings/Participant";
import type { WishLevel } from "../../bindings/WishLevel";
import { useI18n } from "../../i18n";
import { useEventAction } from "./actions";

const LEVELS: WishLevel[] = ["must", "would", "no"];

export function WishesDialog({ detail, who, onClose }: { detail: EventDetail; who: Participant; onClose: () => void }) {
  const { t } = useI18n();
  const run = useEventAction();
  const others = detail.participants.filter((p) => p.side !== who.side);
  const mine = new Map(detail.wishes.filter((w) => w.from === who.id).map((w) => [w.to, w.level]));
  const theirs = new Map(detail.wishes.filter((w) => w.to === who.id).map((w) => [w.from, w.level]));
  return (
    <Dialog
      title={t.events.wishesTitle(who.actorName)}
      description={t.events.wishesText}
      onRequestClose={onClose}
      size="md"
      testId="wishes-dialog"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} data-testid="wishes-close">
          {t.events.close}
        </button>
      }
    >
      {others.length === 0 ? (
        <p className="muted">{t.events.noParticipants}</p>
      ) : (
        <table className="data-table wishes-table">
          <thead>
            <tr>
              <th scope="col">{t.events.tabs.participants}</th>
              <th scope="col">{t.events.wishesButton(0)}</th>
              <th scope="col">{t.events.theirWish}</th>
            </tr>
          </thead>
          <tbody>
            {others.map((o, i) => {
              const level = mine.get(o.id) ?? null;
              const their = theirs.get(o.id);
              return (
                <tr key={o.id}>
                  <td>{o.actorName}</td>
                  <td>
                    <select
                      className={`select select--wish${level ? ` is-${level}` : ""}`}
                      aria-label={`${who.actorName} → ${o.actorName}`}
                      data-testid={`wish-${i}`}
                      data-autofocus={i === 0 ? "" : undefined}
                      value={level ?? ""}
                      onChange={(e) => void run(() => setEventWish(detail.event.id, who.id, o.id, e.target.value === "" ? null : (e.target.value as WishLevel)))}
                    >
                      <option value="">{t.events.wishNone}</option>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {t.events.wishes[l]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted small">{their ? t.events.wishes[their] : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
