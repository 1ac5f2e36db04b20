// The states every list of the « Données » tabs goes through: loading, a
// load error with « Réessayer », empty, or the list itself.
import type { UseQueryResult } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { errorText, toAppError } from "../api/errors";
import { useI18n } from "../i18n";

type Props<T> = {
  query: UseQueryResult<T[]>;
  /** Says the list could not be read (the backend's reason follows). */
  loadError: string;
  /** Says there is nothing yet. */
  empty: string;
  children: (items: T[]) => ReactNode;
};

export function ListState<T>({ query, loadError, empty, children }: Props<T>) {
  const { t, lang } = useI18n();
  if (query.isPending) return <p className="muted">{t.common.loading}</p>;
  if (query.isError) {
    return (
      <div className="banner banner--error" role="alert">
        <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
        <div>
          <p>{loadError}</p>
          <p>{errorText(toAppError(query.error), lang)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            {t.common.retry}
          </button>
        </div>
      </div>
    );
  }
  if (query.data.length === 0) return <p className="muted">{empty}</p>;
  return <>{children(query.data)}</>;
}
