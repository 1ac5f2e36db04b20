// The « new partnership » dialog's suggested partners: once the first party's
// actor is chosen, its best possibilities from the core's « champ des
// possibles », each with its plausible mode and its strongest reason. A
// click (or Enter) picks one: the dialog fills the rest from the core's
// proposal.
import { useQuery } from "@tanstack/react-query";
import { Compass, LoaderCircle } from "lucide-react";
import type { KeyboardEvent } from "react";

import { listPossibles } from "../../api/gateway";
import type { Possibility } from "../../bindings/Possibility";
import { useI18n } from "../../i18n";
import { KindBadge } from "../actor/kinds";
import type { ActorChoice } from "./ActorCombobox";
import { ModeBadge } from "./visuals";

/** How many partners the dialog suggests. */
export const SUGGESTED_PARTNERS = 5;

export function PartnerSuggestions({ actor, onPick }: { actor: ActorChoice; onPick: (p: Possibility) => void }) {
  const { t, lang } = useI18n();
  // The actor page's key shape: a change to the directory refreshes both.
  const query = useQuery({
    queryKey: ["possibilities", actor.id, SUGGESTED_PARTNERS],
    queryFn: () => listPossibles(actor.id, SUGGESTED_PARTNERS),
  });
  const items = query.data ?? [];
  const status = query.isPending
    ? { text: t.partnership.suggestedLoading, testId: "partner-suggestions-loading" }
    : query.isError
      ? { text: t.partnership.suggestedError, testId: "partner-suggestions-error" }
      : items.length === 0
        ? { text: t.partnership.suggestedNone, testId: "partner-suggestions-empty" }
        : null;
  return (
    <section className="partner-suggestions" aria-labelledby="partner-suggestions-title" data-testid="partner-suggestions">
      <h3 id="partner-suggestions-title" className="partner-suggestions__title">
        <Compass size={14} aria-hidden="true" />
        {t.partnership.suggestedTitle(actor.name)}
      </h3>
      {items.length > 0 && <p className="small muted partner-suggestions__hint">{t.partnership.suggestedHint}</p>}
      {status !== null ? (
        <p className="small muted partner-suggestions__status" aria-busy={query.isPending || undefined} data-testid={status.testId}>
          {query.isPending && <LoaderCircle size={14} aria-hidden="true" className="spin" />}
          {status.text}
        </p>
      ) : (
        <ul className="partner-suggestions__list" onKeyDown={arrowNavigation}>
          {items.map((p) => {
            const reason = (lang === "en" && p.reasonsEn.length > 0 ? p.reasonsEn : p.reasons)[0];
            const mode = p.proposal.modes.primary;
            return (
              <li key={p.actorId}>
                <button
                  type="button"
                  className="partner-suggestion"
                  data-testid="partner-suggestion"
                  onClick={() => onPick(p)}
                >
                  <span className="partner-suggestion__head">
                    <span className="partner-suggestion__name">{p.actorName}</span>
                    <KindBadge kind={p.actorKind} size="sm" />
                    {mode && <ModeBadge mode={mode} />}
                  </span>
                  {reason && <span className="small muted partner-suggestion__reason">{reason}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Up and down arrows go from one suggestion to the next. */
function arrowNavigation(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button"));
  const next = buttons[buttons.indexOf(event.target as HTMLButtonElement) + (event.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}
