// Server state: react-query caches what commands return (app info, facets,
// actor pages) and every change of the data invalidates it all at once,
// together with the directory's page cache (through `dataVersion`).
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

import { isAppError } from "../api/errors";

function makeClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Local IPC: no focus refetch, no network reconnects, no stale timer.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // One retry for a passing failure; a refusal the core would repeat
        // (not found, invalid input) shows at once.
        retry: (failures, error) => failures < 1 && !(isAppError(error) && (error.kind === "notFound" || error.kind === "invalid")),
      },
    },
  });
}

type DataVersion = { version: number; changed: () => void };

const DataVersionContext = createContext<DataVersion>({ version: 0, changed: () => undefined });

function DataVersionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    void queryClient.invalidateQueries();
  }, [queryClient]);
  const value = useMemo(() => ({ version, changed }), [version, changed]);
  return <DataVersionContext.Provider value={value}>{children}</DataVersionContext.Provider>;
}

export function DataProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeClient());
  return (
    <QueryClientProvider client={queryClient}>
      <DataVersionProvider>{children}</DataVersionProvider>
    </QueryClientProvider>
  );
}

/** Bumped after every create, update, delete or restore. */
export function useDataVersion(): number {
  return useContext(DataVersionContext).version;
}

/** Call after changing data: every list, facet and page reloads. */
export function useDataChanged(): () => void {
  return useContext(DataVersionContext).changed;
}

export const queryKeys = {
  getAppInfo: ["getAppInfo"] as const,
  facets: ["facets"] as const,
  actor: (id: string) => ["actor", id] as const,
};
