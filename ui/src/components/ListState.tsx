// The states every list of the « Données » tabs goes through: loading, a
// load error with « Réessayer », empty, or the list itself.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { ErrorBanner } from "./ErrorBanner";

type Props<T> = {
  query: UseQueryResult<T[]>;
  /** Says the list could not be read (the backend's reason follows). */
  loadError: string;
  /** Says there is nothing yet. */
  empty: string;
  children: (items: T[]) => ReactNode;
};

export function ListState<T>({ query, loadError, empty, children }: Props<T>) {
  const { t } = useI18n();
  if (query.isPending) return <p className="muted">{t.common.loading}</p>;
  if (query.isError) return <ErrorBanner title={loadError} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <p className="muted">{empty}</p>;
  return <>{children(query.data)}</>;
}
