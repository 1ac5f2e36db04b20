// What the event screens share: their query keys, running a change (refresh
// on success, the reason in a toast on failure) and saving the printed pack.
import { useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { saveEventPack } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";

export const eventKeys = {
  list: ["events"] as const,
  year: (year: number) => ["events", "year", year] as const,
  one: (id: string) => ["event", id] as const,
  /** The event form's starting values (a new event's when `id` is null). */
  input: (id: string | null, version: number) => ["event-input", id, version] as const,
  report: (id: string) => ["event", id, "report"] as const,
  followUps: ["events", "follow-ups"] as const,
};

/** Runs a change, refreshes everything on success, says why on failure. */
export function useEventAction() {
  const { lang } = useI18n();
  const changed = useDataChanged();
  const toasts = useToasts();
  return async (action: () => Promise<unknown>, success?: string): Promise<boolean> => {
    try {
      await action();
      changed();
      if (success) toasts.show({ message: success, tone: "success" });
      return true;
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
      return false;
    }
  };
}

/** Saves the pack (or one planning) and says where; errors in a toast. */
export function usePackSave() {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const save = async (id: string, participantId: string | null = null) => {
    setBusy(true);
    try {
      const path = await saveEventPack(id, participantId);
      if (path !== null) {
        toasts.show({ message: participantId ? t.events.planningSaved(path) : t.events.packSaved(path), tone: "success" });
      }
    } catch (raw: unknown) {
      toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}

