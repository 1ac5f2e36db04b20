// Opens the actor form from anywhere (the « Créer un acteur » button, Ctrl+N,
// « Modifier » on an actor page) and handles what happens after saving.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

import { useDataChanged } from "../../app/data";
import { navigate } from "../../app/router";
import { useToasts } from "../../app/toasts";
import type { Actor } from "../../bindings/Actor";
import type { Commune } from "../../bindings/Commune";
import { useI18n } from "../../i18n";
import { ActorForm } from "./ActorForm";

type Request = { mode: "create" } | { mode: "edit"; actor: Actor; commune: Commune | null };

type Host = {
  openCreate: () => void;
  openEdit: (actor: Actor, commune: Commune | null) => void;
  isOpen: boolean;
};

const HostContext = createContext<Host>({ openCreate: () => undefined, openEdit: () => undefined, isOpen: false });

export function useActorFormHost(): Host {
  return useContext(HostContext);
}

export function ActorFormHost({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const [request, setRequest] = useState<Request | null>(null);
  // A form already open stays as it is (Ctrl+N twice loses nothing).
  const openCreate = useCallback(() => {
    setRequest((current) => current ?? { mode: "create" });
  }, []);
  const openEdit = useCallback((actor: Actor, commune: Commune | null) => {
    setRequest((current) => current ?? { mode: "edit", actor, commune });
  }, []);
  const close = useCallback(() => setRequest(null), []);

  const onSaved = (actor: Actor) => {
    const created = request?.mode === "create";
    setRequest(null);
    dataChanged();
    toasts.show({ message: created ? t.actor.created_toast : t.actor.saved_toast });
    navigate({ name: "actor", id: actor.id, contactId: null });
  };

  const value = useMemo(() => ({ openCreate, openEdit, isOpen: request !== null }), [openCreate, openEdit, request]);

  return (
    <HostContext.Provider value={value}>
      {children}
      {request &&
        (request.mode === "create" ? (
          <ActorForm mode="create" onClose={close} onSaved={onSaved} />
        ) : (
          <ActorForm
            mode="edit"
            actor={request.actor}
            commune={request.commune}
            onClose={close}
            onSaved={onSaved}
          />
        ))}
    </HostContext.Provider>
  );
}
