import { useState } from "react";

import { loadDemo } from "../../api/gateway";
import { toAppError } from "../../api/errors";
import type { AppError } from "../../api/types";
import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";

/** Loads the demonstration territory, then shows the directory. */
export function useDemoLoader(onLoaded?: () => void) {
  const { t, lang } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const load = async () => {
    if (loading) return;
    setLoading(true);
    setError(null);
    try {
      const summary = await loadDemo();
      dataChanged();
      onLoaded?.();
      toasts.show({
        message: t.welcome.demoLoaded(
          formatCount(summary.actors, lang),
          formatCount(summary.contacts, lang),
          formatCount(summary.partnerships, lang),
        ),
      });
      navigate({ name: "directory" });
    } catch (raw: unknown) {
      setError(toAppError(raw));
    } finally {
      setLoading(false);
    }
  };

  return { load, loading, error };
}
