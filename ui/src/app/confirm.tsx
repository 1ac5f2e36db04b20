// « Are you sure? » as a promise: `await confirm({...})` is true on OK.
import { TriangleAlert } from "lucide-react";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

import { useI18n } from "../i18n";
import { Dialog } from "./Dialog";

export type ConfirmOptions = {
  title: string;
  text?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Lines under the text: what the action carries with it. */
  details?: string[];
  /** Nothing to confirm, only to read: one button, which resolves false. */
  acknowledgeOnly?: boolean;
};

type Pending = ConfirmOptions & { resolve: (ok: boolean) => void };

const ConfirmContext = createContext<(options: ConfirmOptions) => Promise<boolean>>(() => Promise.resolve(false));

export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  return useContext(ConfirmContext);
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        pendingRef.current?.resolve(false);
        const next = { ...options, resolve };
        pendingRef.current = next;
        setPending(next);
      }),
    [],
  );

  const settle = useCallback((ok: boolean) => {
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    current?.resolve(ok);
  }, []);

  const value = useMemo(() => confirm, [confirm]);

  return (
    <ConfirmContext.Provider value={value}>
      {children}
      {pending && <ConfirmDialog options={pending} onSettle={settle} />}
    </ConfirmContext.Provider>
  );
}

function ConfirmDialog({ options, onSettle }: { options: ConfirmOptions; onSettle: (ok: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      size="sm"
      role="alertdialog"
      title={options.title}
      description={options.text}
      onRequestClose={() => onSettle(false)}
      icon={options.danger ? <TriangleAlert size={20} aria-hidden="true" /> : undefined}
      footer={
        <>
          <button
            type="button"
            className="button button--secondary"
            data-testid="confirm-cancel"
            data-autofocus={options.danger || options.acknowledgeOnly ? "" : undefined}
            onClick={() => onSettle(false)}
          >
            {options.cancelLabel ?? t.confirm.cancel}
          </button>
          {!options.acknowledgeOnly && (
          <button
            type="button"
            className={`button ${options.danger ? "button--danger" : "button--primary"}`}
            data-testid="confirm-ok"
            data-autofocus={options.danger ? undefined : ""}
            onClick={() => onSettle(true)}
          >
            {options.confirmLabel ?? t.confirm.ok}
          </button>
          )}
        </>
      }
    >
      {options.details && options.details.length > 0 ? (
        <ul className="confirm__details" data-testid="confirm-details">
          {options.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
