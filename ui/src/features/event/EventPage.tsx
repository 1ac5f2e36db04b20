// One event: its facts and actions (edit, room window, printed pack,
// delete with undo) and four tabs — participants, planning, capture of the
// « à revoir » ticks, report. ← → move between tabs.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ChartColumn, ClipboardCheck, Pencil, Printer, Projector, Trash2, Users, Grid3x3, type LucideIcon } from "lucide-react";
import { useEffect, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { deleteEvent, getEvent, onEventChanged, openEventRoom, restoreEvent } from "../../api/gateway";
import { useConfirm } from "../../app/confirm";
import { useDataChanged } from "../../app/data";
import { navigate, type EventTab } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { EventDetail } from "../../bindings/EventDetail";
import { Tabs } from "../../components/Tabs";
import { useI18n, type Messages } from "../../i18n";
import { formatDate } from "../../lib/format";
import { CaptureTab } from "./CaptureTab";
import { EventDialog } from "./EventDialog";
import { eventKeys, usePackSave } from "./actions";
import { clockAt, endTime } from "./model";
import { ParticipantsTab } from "./ParticipantsTab";
import { PlanTab } from "./PlanTab";
import { ReportTab } from "./ReportTab";

type TabEntry = { tab: EventTab; icon: LucideIcon; label: (t: Messages) => string };

const TABS: TabEntry[] = [
  { tab: "participants", icon: Users, label: (t) => t.events.tabs.participants },
  { tab: "plan", icon: Grid3x3, label: (t) => t.events.tabs.plan },
  { tab: "capture", icon: ClipboardCheck, label: (t) => t.events.tabs.capture },
  { tab: "report", icon: ChartColumn, label: (t) => t.events.tabs.report },
];

function Panel({ tab, detail }: { tab: EventTab; detail: EventDetail }) {
  switch (tab) {
    case "participants":
      return <ParticipantsTab detail={detail} />;
    case "plan":
      return <PlanTab detail={detail} />;
    case "capture":
      return <CaptureTab detail={detail} />;
    case "report":
      return <ReportTab id={detail.event.id} />;
  }
}

export function EventPage({ id, tab }: { id: string; tab: EventTab }) {
  const { t, lang } = useI18n();
  const changed = useDataChanged();
  const toasts = useToasts();
  const confirm = useConfirm();
  const pack = usePackSave();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: eventKeys.one(id), queryFn: () => getEvent(id) });
  // The room window started a round or moved the clock: reload.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void onEventChanged((changedId) => {
      if (changedId === id) changed();
    }).then((unlisten) => {
      if (gone) unlisten();
      else stop = unlisten;
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [id, changed]);

  if (query.isPending) return <div className="page"><div className="skeleton" style={{ height: 160 }} aria-busy="true" /></div>;
  if (query.isError) {
    const error = toAppError(query.error);
    return (
      <div className="page" data-testid="event-page">
        <div className="banner banner--error" role="alert">
          <p>{error.kind === "notFound" ? t.events.notFound : errorText(error, lang)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => navigate({ name: "events" })}>
            {t.events.back}
          </button>
        </div>
      </div>
    );
  }
  const detail = query.data;
  const e = detail.event;

  const remove = async () => {
    const ok = await confirm({ title: t.events.deleteConfirmTitle(e.name), text: t.events.deleteConfirmText, confirmLabel: t.events.delete, danger: true });
    if (!ok) return;
    try {
      await deleteEvent(id);
      changed();
      navigate({ name: "events" });
      toasts.show({
        message: t.events.deleted(e.name),
        onUndo: () => {
          void restoreEvent(id).then(() => {
            changed();
            navigate({ name: "event", id, tab });
          });
        },
      });
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
  };

  const room = async () => {
    try {
      await openEventRoom(id, t.events.room.windowTitle);
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    }
  };

  return (
    <div className="page page--event" data-testid="event-page">
      <a href="#/evenements" className="back-link">
        <ArrowLeft size={14} aria-hidden="true" />
        {t.events.back}
      </a>
      <header className="page-header event-header">
        <div className="event-header__titles">
          <h1 className="page-title" data-testid="event-title">
            {e.name}
          </h1>
          <p className="muted">
            {t.events.facts(formatDate(e.date, lang), clockAt(e.startTime, 0, lang), endTime(e.startTime, detail.slots, lang))}
            {e.venue && ` · ${e.venue}`}
          </p>
          <p className="muted small">
            {t.events.roundsFact(e.rounds, e.roundMinutes, e.changeoverMinutes)} · {t.events.tablesFact(e.tables)}
          </p>
        </div>
        <div className="event-header__actions">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)} data-testid="event-edit">
            <Pencil size={16} aria-hidden="true" />
            {t.events.edit}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void pack.save(id)}
            disabled={pack.busy || detail.meetings.length === 0}
            aria-busy={pack.busy || undefined}
            data-tooltip={t.events.printPackHint}
            data-testid="event-pack"
          >
            <Printer size={16} aria-hidden="true" />
            {t.events.printPack}
          </button>
          <button type="button" className="button button--primary" onClick={() => void room()} data-tooltip={t.events.openRoomHint} data-tooltip-pos="bottom-end" data-testid="event-room">
            <Projector size={16} aria-hidden="true" />
            {t.events.openRoom}
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t.events.delete}
            data-tooltip={t.events.delete}
            data-tooltip-pos="bottom-end"
            onClick={() => void remove()}
            data-testid="event-delete"
          >
            <Trash2 size={18} aria-hidden="true" />
          </button>
        </div>
      </header>
      <Tabs
        items={TABS.map((x) => ({
          tab: x.tab,
          icon: x.icon,
          label: x.label(t),
          extra: x.tab === "participants" ? <span className="count-pill">{detail.participants.length}</span> : undefined,
        }))}
        selected={tab}
        onSelect={(next) => navigate({ name: "event", id, tab: next }, { replace: true })}
        idPrefix="event"
        label={t.events.tabsLabel}
      />
      <div className="tabs__panel" role="tabpanel" id={`event-panel-${tab}`} aria-labelledby={`event-tab-${tab}`}>
        <Panel tab={tab} detail={detail} />
      </div>
      {editing && (
        <EventDialog
          event={e}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      )}
    </div>
  );
}
