// Marking a partnership's next action done, from its page or from Accueil:
// a toast says so and offers « Annuler », which makes it to do again.
import { useCallback } from "react";

import { errorText, toAppError } from "../../api/errors";
import { completePartnershipAction, reopenPartnershipAction } from "../../api/gateway";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";

/** `done(partnershipId, index)`: resolves to whether it was marked. */
export function useActionDone(): (partnershipId: string, index: number) => Promise<boolean> {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const changed = useDataChanged();
  return useCallback(
    async (partnershipId: string, index: number) => {
      const failed = (raw: unknown) => toasts.show({ message: errorText(toAppError(raw), lang), tone: "error" });
      try {
        await completePartnershipAction(partnershipId, index);
      } catch (raw: unknown) {
        failed(raw);
        return false;
      }
      changed();
      toasts.show({
        message: t.partnership.doneToast,
        tone: "success",
        onUndo: () =>
          void reopenPartnershipAction(partnershipId, index).then(() => {
            changed();
            toasts.show({ message: t.home.actions.undone });
          }, failed),
      });
      return true;
    },
    [changed, lang, t, toasts],
  );
}
