// An association's legal regime and, for an association of Alsace-Moselle
// (droit local), its entry in a court's register of associations. The core
// says which regime the seat implies, which courts keep registers for it and
// which court to suggest; the form only shows it.
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";

import { getAssociationRegisterHint } from "../../api/gateway";
import type { AssociationRegime } from "../../bindings/AssociationRegime";
import type { RegisterCourt } from "../../bindings/RegisterCourt";
import type { RegisterHint } from "../../bindings/RegisterHint";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n";
import type { ActorFormState } from "./actorFormModel";

const REGIMES: readonly AssociationRegime[] = ["droit_local", "loi_1901"];

/**
 * The state with the court the core suggests for the seat `insee` filled in,
 * when the form is still on that seat, is an association of droit local and
 * has no court yet; otherwise the same state.
 */
export function withSuggestedCourt(s: ActorFormState, insee: string | null, hint: RegisterHint): ActorFormState {
  const regime = s.legalRegime !== "" ? s.legalRegime : hint.regime;
  const court = hint.suggestedCourt;
  if (court === null || s.kind !== "association" || regime !== "droit_local") return s;
  if (s.registerCourt !== "" || (s.commune?.insee ?? null) !== insee) return s;
  return { ...s, registerCourt: court };
}

/**
 * The core's hint for an association seated in `insee` (null while unknown
 * or for other kinds). With `autoFill` (a new actor, or a seat just
 * changed), the suggested court is filled in once when the hint arrives, so
 * that a court the person clears stays cleared.
 */
export function useRegisterHint(
  active: boolean,
  insee: string | null,
  autoFill: boolean,
  setState: Dispatch<SetStateAction<ActorFormState>>,
): RegisterHint | null {
  const [hint, setHint] = useState<{ key: string; value: RegisterHint } | null>(null);
  const key = insee ?? "";
  useEffect(() => {
    if (!active) return;
    let live = true;
    getAssociationRegisterHint(insee).then(
      (value) => {
        if (!live) return;
        setHint({ key, value });
        if (autoFill) setState((s) => withSuggestedCourt(s, insee, value));
      },
      () => {
        if (live) setHint(null);
      },
    );
    return () => {
      live = false;
    };
  }, [active, insee, key, autoFill, setState]);
  return active && hint?.key === key ? hint.value : null;
}

/** The regime that applies: the one chosen, else the seat's. */
export function effectiveRegime(state: ActorFormState, hint: RegisterHint | null): AssociationRegime | null {
  return state.legalRegime !== "" ? state.legalRegime : (hint?.regime ?? null);
}

type Props = {
  state: ActorFormState;
  hint: RegisterHint | null;
  set: <K extends keyof ActorFormState>(key: K, value: ActorFormState[K]) => void;
  errorsFor: (name: string) => string[] | undefined;
};

/** Something of the register entry is filled in. */
function hasEntry(s: ActorFormState): boolean {
  return s.registerCourt !== "" || [s.registerVolume, s.registerFolio, s.registerNumber].some((v) => v.trim() !== "");
}

export function RegisterFields({ state, hint, set, errorsFor }: Props) {
  const { t } = useI18n();
  const regime = effectiveRegime(state, hint);
  // Shown for droit local, and whenever something is filled in (the core
  // then says what is wrong with it rather than the form dropping it).
  const showEntry = regime === "droit_local" || hasEntry(state);
  const suggested = hint?.suggestedCourt ?? null;
  const guessed = hint?.regime ? t.form.regimeGuessed(t.form.regimeShort[hint.regime]) : t.form.regimeGuessedUnknown;
  // The courts of the seat's département, and the one already recorded even if it is elsewhere.
  const courts: RegisterCourt[] = [...(hint?.courts ?? [])];
  if (state.registerCourt !== "" && !courts.includes(state.registerCourt)) courts.unshift(state.registerCourt);
  return (
    <>
      <Field name="legalRegime" label={t.form.legalRegime} errors={errorsFor("legalRegime")} className="span-4">
        {(p) => (
          <select
            {...p}
            className="select"
            value={state.legalRegime}
            onChange={(e) => set("legalRegime", e.target.value === "" ? "" : (e.target.value as AssociationRegime))}
          >
            <option value="">{guessed}</option>
            {REGIMES.map((r) => (
              <option key={r} value={r}>
                {t.form.regimes[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showEntry && (
        <>
          <Field
            name="registerCourt"
            label={t.form.registerCourt}
            hint={
              suggested !== null && (state.registerCourt === "" || state.registerCourt === suggested)
                ? t.form.registerCourtSuggested(t.labels.courts[suggested])
                : undefined
            }
            errors={errorsFor("registerCourt")}
            className="span-4"
          >
            {(p) => (
              <select
                {...p}
                className={`select${state.registerCourt === "" ? " is-placeholder" : ""}`}
                value={state.registerCourt}
                onChange={(e) => set("registerCourt", e.target.value === "" ? "" : (e.target.value as RegisterCourt))}
              >
                <option value="">{t.form.registerCourtPlaceholder}</option>
                {courts.map((c) => (
                  <option key={c} value={c}>
                    {t.labels.courts[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="registerVolume" label={t.form.registerVolume} errors={errorsFor("registerVolume")} className="span-2">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input tabular"
                value={state.registerVolume}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set("registerVolume", e.target.value)}
              />
            )}
          </Field>
          <Field name="registerFolio" label={t.form.registerFolio} errors={errorsFor("registerFolio")} className="span-2">
            {(p) => (
              <input
                {...p}
                type="text"
                className="input tabular"
                value={state.registerFolio}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set("registerFolio", e.target.value)}
              />
            )}
          </Field>
          <Field
            name="registerNumber"
            label={t.form.registerNumber}
            hint={t.form.registerNumberHint}
            errors={errorsFor("registerNumber")}
            className="span-4"
          >
            {(p) => (
              <input
                {...p}
                type="text"
                className="input tabular"
                value={state.registerNumber}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set("registerNumber", e.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </>
  );
}
