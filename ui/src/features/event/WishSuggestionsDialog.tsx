// « Souhaits suggérés »: for each participant, the people of the other side
// the core's « champ des possibles » ranks best for it, with the reason and
// the plausible mode; all ticked at first, accepted in one action as wishes
// of the level the core sends.
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import { acceptEventWishSuggestions, listEventWishSuggestions } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import { Dialog } from "../../app/Dialog";
import type { EventDetail } from "../../bindings/EventDetail";
import type { EventWishSuggestions } from "../../bindings/EventWishSuggestions";
import type { WishPair } from "../../bindings/WishPair";
import { useI18n } from "../../i18n";
import { KindBadge } from "../actor/kinds";
import { ModeBadge } from "../partnership/visuals";
import { eventKeys, useEventAction } from "./actions";

const keyOf = (from: string, to: string) => `${from}>${to}`;

/** The ticked pairs, in the order shown. */
export function tickedPairs(s: EventWishSuggestions, unticked: ReadonlySet<string>): WishPair[] {
  return s.participants.flatMap((p) =>
    p.suggestions.filter((x) => !unticked.has(keyOf(p.participantId, x.to))).map((x) => ({ from: p.participantId, to: x.to })),
  );
}

export function WishSuggestionsDialog({ detail, onClose }: { detail: EventDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const run = useEventAction();
  const idBase = useId();
  const id = detail.event.id;
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const query = useQuery({
    queryKey: [...eventKeys.one(id), "wish-suggestions", detail.event.version],
    queryFn: () => listEventWishSuggestions(id),
    // The core's refusal (every round started) does not change on a retry.
    retry: false,
  });
  const data = query.data;
  const listRef = useRef<HTMLDivElement>(null);
  const hasSuggestions = data !== undefined && data.participants.length > 0;
  // Once they arrive, the keyboard starts on the first suggestion.
  useEffect(() => {
    if (hasSuggestions) listRef.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, [hasSuggestions]);
  const pairs = data ? tickedPairs(data, unticked) : [];

  const toggle = (key: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const accept = async () => {
    if (pairs.length === 0 || busy) return;
    setBusy(true);
    const n = pairs.length;
    const message = detail.event.plannedAt === null ? t.events.suggestAccepted(n) : t.events.suggestAcceptedReplan(n);
    const ok = await run(() => acceptEventWishSuggestions(id, pairs), message);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Dialog
      testId="wish-suggestions-dialog"
      size="lg"
      title={t.events.suggestTitle}
      description={data && t.events.suggestText(t.events.wishes[data.level])}
      onRequestClose={onClose}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} data-testid="wish-suggestions-close">
            {t.events.close}
          </button>
          {hasSuggestions && (
            <button
              type="button"
              className="button button--primary"
              disabled={pairs.length === 0 || busy}
              aria-busy={busy || undefined}
              onClick={() => void accept()}
              data-testid="wish-suggestions-accept"
            >
              {busy && <LoaderCircle size={16} aria-hidden="true" className="spin" />}
              {t.events.suggestAccept(pairs.length)}
            </button>
          )}
        </>
      }
    >
      {query.isPending ? (
        <p className="muted icon-text" aria-busy="true">
          <LoaderCircle size={16} aria-hidden="true" className="spin" />
          {t.events.suggestLoading}
        </p>
      ) : query.isError ? (
        <div className="banner banner--error" role="alert" data-testid="wish-suggestions-error">
          <p>
            {t.events.suggestLoadError} {errorText(toAppError(query.error), lang)}
          </p>
        </div>
      ) : !data || data.participants.length === 0 ? (
        <p className="muted" data-testid="wish-suggestions-empty">
          {t.events.suggestNone}
        </p>
      ) : (
        <div className="wish-suggestions" ref={listRef}>
          {data.participants.map((p) => (
            <fieldset key={p.participantId} className="wish-suggestions__group" data-testid="wish-suggestions-group">
              <legend className="wish-suggestions__who">{t.events.suggestFor(p.actorName)}</legend>
              <ul className="wish-suggestions__list">
                {p.suggestions.map((x, i) => {
                  const key = keyOf(p.participantId, x.to);
                  const reasonId = `${idBase}-${p.participantId}-${i}`;
                  const reason = (lang === "en" && x.reasonsEn.length > 0 ? x.reasonsEn : x.reasons)[0];
                  const mode = x.modes[0];
                  return (
                    <li key={x.to}>
                      <label className="check-card">
                        <input
                          type="checkbox"
                          checked={!unticked.has(key)}
                          onChange={() => toggle(key)}
                          aria-label={t.events.suggestPairLabel(p.actorName, x.actorName)}
                          aria-describedby={reason ? reasonId : undefined}
                          data-testid="wish-suggestion"
                        />
                        <span className="check-card__body">
                          <span className="wish-suggestion__head">
                            <span className="wish-suggestion__name">{x.actorName}</span>
                            <KindBadge kind={x.actorKind} size="sm" />
                            {mode && <ModeBadge mode={mode} />}
                          </span>
                          {reason && (
                            <span className="small muted" id={reasonId}>
                              {reason}
                            </span>
                          )}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ))}
        </div>
      )}
    </Dialog>
  );
}
