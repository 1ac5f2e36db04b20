// The projector's window: round number, a large countdown, the table plan
// of the round (during a changeover, the next round's: people are moving to
// it). The clock lives in the backend as « when this phase started », so a
// laptop that slept or a hidden window comes back on time; this screen asks
// for it twice a second and counts down smoothly in between. A sound and a
// flash mark the end of a round and the start of the next.
import { Maximize, Pause, Play, SkipForward, X } from "lucide-react";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

import { toAppError } from "../../api/errors";
import { closeWindow, runEventRoom, setFullscreen } from "../../api/gateway";
import type { RoomAction } from "../../bindings/RoomAction";
import type { RoomState } from "../../bindings/RoomState";
import type { RoomTable } from "../../bindings/RoomTable";
import { useI18n } from "../../i18n";
import { clockAt, countdown, roomLayout, roomPage, roomPageTables, signalFor } from "./model";

const POLL_MS = 500;

/** Beeps with the Web Audio API (no sound file, nothing fetched). */
function useBeeper() {
  const ctx = useRef<AudioContext | null>(null);
  const unlock = useCallback(() => {
    try {
      ctx.current ??= new AudioContext();
      void ctx.current.resume();
    } catch {
      // No audio device: the visual signal remains.
    }
  }, []);
  const beep = useCallback((times: number, hz: number) => {
    const c = ctx.current;
    if (!c) return;
    for (let i = 0; i < times; i++) {
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.frequency.value = hz;
      const at = c.currentTime + i * 0.45;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      osc.connect(gain).connect(c.destination);
      osc.start(at);
      osc.stop(at + 0.4);
    }
  }, []);
  return { unlock, beep };
}

type Area = { width: number; height: number; screen: number };

/** The space the plan has, in pixels, kept up to date as the window resizes. */
function useArea() {
  const ref = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<Area>({ width: 0, height: 0, screen: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setArea((a) =>
        a.width === r.width && a.height === r.height && a.screen === window.innerHeight ? a : { width: r.width, height: r.height, screen: window.innerHeight },
      );
    };
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, area };
}

/**
 * Every table of the shown round: in as many columns as fit at a text size
 * readable from the back of the room, on pages that turn by themselves
 * (`elapsedMs` since the phase started) with a visible indicator.
 */
function RoomTables({
  heading,
  tables,
  elapsedMs,
  turned,
}: {
  heading: string;
  tables: RoomTable[];
  elapsedMs: number;
  /** Pages turned by hand since the phase began. */
  turned: number;
}) {
  const { t } = useI18n();
  const { ref, area } = useArea();
  const measured = area.height > 0;
  const layout = roomLayout(tables.length, area.width, area.height, area.screen);
  const page = measured ? roomPage(elapsedMs, layout.pages, turned) : 0;
  const shown = measured ? roomPageTables(tables, layout, page) : [];
  const first = shown[0]?.table;
  const last = shown[shown.length - 1]?.table;
  return (
    <>
      <div className="room__plan-head">
        <p className="room__times tabular">{heading}</p>
        {measured && layout.pages > 1 && first !== undefined && last !== undefined && (
          <p className="room__page tabular" data-testid="room-page" data-page={page + 1} data-pages={layout.pages}>
            <span>{t.events.room.pageOf(page + 1, layout.pages, first, last)}</span>
            <span className="room__dots" aria-hidden="true">
              {Array.from({ length: layout.pages }, (_, i) => (
                <span key={i} className={i === page ? "is-current" : undefined} />
              ))}
            </span>
          </p>
        )}
      </div>
      <div className="room__area" ref={ref}>
        <ol
          className="room__tables"
          data-testid="room-tables"
          style={{ fontSize: `${layout.fontPx}px`, ["--cols" as string]: String(layout.columns), ["--rows" as string]: String(layout.rows) }}
        >
          {shown.map((tb) => (
            <li key={tb.table} className="room__table" data-testid="room-table">
              <span className="room__table-no tabular">{tb.table}</span>
              <span className="room__pair">
                <span className="room__seated">{tb.seated}</span>
                <span className={tb.visitor ? "room__visitor" : "room__visitor is-empty"}>{tb.visitor ?? t.events.room.noVisitor}</span>
              </span>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

export function RoomScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<RoomState | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [now, setNow] = useState(() => performance.now());
  const [wall, setWall] = useState(() => Date.now());
  const [problem, setProblem] = useState<"deleted" | "lost" | null>(null);
  const [flash, setFlash] = useState(false);
  const [full, setFull] = useState(true);
  const [turned, setTurned] = useState<{ phaseStart: number; pages: number }>({ phaseStart: 0, pages: 0 });
  const last = useRef<RoomState | null>(null);
  const { unlock, beep } = useBeeper();

  const apply = useCallback(
    (next: RoomState) => {
      const before = last.current;
      if (before && before.eventId === next.eventId) {
        const signal = signalFor(before.view.clock.phase, next.view.clock.phase);
        const newRound = next.view.clock.round !== before.view.clock.round && next.view.clock.phase === "round";
        if (signal === "roundEnd") beep(3, 880);
        else if (signal === "roundStart" || newRound) beep(1, 660);
        if (signal !== null || newRound) {
          setFlash(true);
          window.setTimeout(() => setFlash(false), 1500);
        }
      }
      last.current = next;
      setState(next);
      setReceivedAt(performance.now());
      setProblem(null);
    },
    [beep],
  );

  const ask = useCallback(
    async (action: RoomAction | null = null) => {
      try {
        apply(await runEventRoom(id, action));
      } catch (raw: unknown) {
        setProblem(toAppError(raw).kind === "notFound" ? "deleted" : "lost");
      }
    },
    [apply, id],
  );

  useEffect(() => {
    document.title = "Tisserand — salle";
    const first = window.setTimeout(() => void ask(), 0);
    const poll = window.setInterval(() => void ask(), POLL_MS);
    const tick = window.setInterval(() => {
      setNow(performance.now());
      setWall(Date.now());
    }, 100);
    const onVisible = () => {
      if (document.visibilityState === "visible") void ask();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(poll);
      window.clearInterval(tick);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [ask]);

  const act = useCallback(
    (action: RoomAction) => {
      unlock();
      void ask(action);
    },
    [ask, unlock],
  );

  const toggleFull = useCallback(() => {
    const next = !full;
    setFull(next);
    void setFullscreen(next).catch(() => setFull(!next));
  }, [full]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!state) return;
      if (e.key === " ") {
        e.preventDefault();
        const running = (state.view.clock.phase === "round" || state.view.clock.phase === "gap") && !state.view.paused;
        act(running ? "pause" : "start");
      } else if (e.key === "n" || e.key === "N" || e.key === "ArrowRight") {
        e.preventDefault();
        act("next");
      } else if (e.key === "f" || e.key === "F" || e.key === "F11") {
        e.preventDefault();
        toggleFull();
      } else if (e.key === "PageDown" || e.key === "PageUp") {
        // Turned pages count within the phase: a new round starts on page 1.
        e.preventDefault();
        const step = e.key === "PageDown" ? 1 : -1;
        const phaseStart = state.view.clock.startedAtMs;
        setTurned((prev) => ({ phaseStart, pages: (prev.phaseStart === phaseStart ? prev.pages : 0) + step }));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [act, state, toggleFull]);

  if (problem === "deleted") {
    return (
      <div className="room room--message" data-testid="room">
        <p className="room__message" data-testid="room-deleted">
          {t.events.room.deleted}
        </p>
        <button type="button" className="room__button" onClick={() => void closeWindow()}>
          <X size={20} aria-hidden="true" /> {t.events.room.close}
        </button>
      </div>
    );
  }
  if (!state) return <div className="room" data-testid="room" aria-busy="true" />;

  const v = state.view;
  const phase = v.clock.phase;
  const running = (phase === "round" || phase === "gap") && !v.paused;
  const remaining = running ? v.remainingMs - (now - receivedAt) : v.remainingMs;
  const progress = v.phaseMs > 0 ? 1 - Math.max(0, remaining) / v.phaseMs : 0;
  const label = v.paused
    ? t.events.room.paused
    : phase === "ready"
      ? t.events.room.ready
      : phase === "round"
        ? t.events.room.round
        : phase === "gap"
          ? v.isBreak
            ? t.events.room.break
            : t.events.room.gap
          : t.events.room.finished;
  const roundLine = phase === "gap" ? t.events.room.next(state.shownRound) : t.events.room.roundOf(v.clock.round, state.rounds);

  return (
    <div className={`room room--${phase}${v.paused ? " is-paused" : ""}${flash ? " is-flashing" : ""}`} data-testid="room" data-phase={phase}>
      <header className="room__top">
        <span className="room__event">{state.eventName}</span>
        {problem === "lost" && <span className="room__lost">{t.events.room.lost}</span>}
      </header>
      <section className="room__clock" aria-live="polite">
        <p className="room__round" data-testid="room-round">
          {roundLine}
        </p>
        <p className="room__phase" data-testid="room-phase">
          {label}
        </p>
        {phase !== "finished" && (
          <p className="room__countdown tabular" data-testid="room-countdown">
            {countdown(phase === "ready" ? state.roundMs : remaining)}
          </p>
        )}
        <div className="room__progress" aria-hidden="true">
          <span style={{ width: `${Math.min(100, progress * 100)}%` }} />
        </div>
      </section>
      {phase !== "finished" &&
        (state.unplanned ? (
          <p className="room__message">{t.events.room.unplanned}</p>
        ) : (
          <section className="room__plan" data-testid="room-plan">
            <RoomTables
              heading={`${t.events.round(state.shownRound)}${
                state.shownStart !== null && state.shownEnd !== null
                  ? ` · ${clockAt(state.shownStart, 0, lang)} – ${clockAt(state.shownEnd, 0, lang)}`
                  : ""
              }`}
              tables={state.tables}
              elapsedMs={wall - v.clock.startedAtMs}
              turned={turned.phaseStart === v.clock.startedAtMs ? turned.pages : 0}
            />
            {state.pauses.length > 0 && <p className="room__pauses">{t.events.room.pausesLine(state.pauses.join(", "))}</p>}
          </section>
        ))}
      <footer className="room__controls">
        {running ? (
          <button type="button" className="room__button" onClick={() => act("pause")} data-testid="room-pause">
            <Pause size={20} aria-hidden="true" /> {t.events.room.pause}
          </button>
        ) : (
          <button type="button" className="room__button room__button--main" onClick={() => act("start")} disabled={phase === "finished"} data-testid="room-start">
            <Play size={20} aria-hidden="true" /> {v.paused ? t.events.room.resume : t.events.room.start}
          </button>
        )}
        <button type="button" className="room__button" onClick={() => act("next")} disabled={phase === "finished"} data-testid="room-next">
          <SkipForward size={20} aria-hidden="true" /> {t.events.room.skip}
        </button>
        <button type="button" className="room__button" onClick={toggleFull}>
          <Maximize size={20} aria-hidden="true" /> {t.events.room.fullscreen}
        </button>
        <button type="button" className="room__button" onClick={() => void closeWindow()} data-testid="room-close">
          <X size={20} aria-hidden="true" /> {t.events.room.close}
        </button>
        <span className="room__keys">{t.events.room.keys}</span>
      </footer>
    </div>
  );
}
