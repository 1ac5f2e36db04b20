// Notifications at the bottom of the window. An undo toast stays ~8 s
// (longer while hovered or focused) and offers « Annuler ».
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { useI18n } from "../i18n";

export type ToastTone = "success" | "info" | "error";

export type ToastOptions = {
  message: string;
  tone?: ToastTone;
  /** An undo action: shows « Annuler » and keeps the toast ~8 s. */
  onUndo?: () => void;
  /** The undo button's text when « Annuler » is not precise enough (« Annuler l'import »). */
  undoLabel?: string;
  durationMs?: number;
};

type Toast = ToastOptions & { id: number; tone: ToastTone; durationMs: number };

type ToastApi = { show: (options: ToastOptions) => number; dismiss: (id: number) => void };

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined });

export const UNDO_TOAST_MS = 8000;
const DEFAULT_TOAST_MS = 4500;
const ERROR_TOAST_MS = 8000;
const MAX_TOASTS = 4;

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback((options: ToastOptions) => {
    const id = nextId.current++;
    const tone = options.tone ?? "success";
    const durationMs =
      options.durationMs ?? (options.onUndo ? UNDO_TOAST_MS : tone === "error" ? ERROR_TOAST_MS : DEFAULT_TOAST_MS);
    setToasts((list) => [...list, { ...options, id, tone, durationMs }].slice(-MAX_TOASTS));
    return id;
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <section className="toast-region" aria-label={t.toast.region} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.durationMs);

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = window.setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current = Math.max(1500, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, onDismiss]);

  const Icon = toast.tone === "error" ? CircleAlert : toast.tone === "info" ? Info : CircleCheck;
  const { onUndo } = toast;
  return (
    <div
      className={`toast toast--${toast.tone}`}
      data-testid="toast"
      role={toast.tone === "error" ? "alert" : "status"}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon className="toast__icon" size={18} aria-hidden="true" />
      <p className="toast__message">{toast.message}</p>
      {onUndo && (
        <button
          type="button"
          className="toast__undo"
          data-testid="toast-undo"
          onClick={() => {
            onDismiss(toast.id);
            onUndo();
          }}
        >
          {toast.undoLabel ?? t.toast.undo}
        </button>
      )}
      <button
        type="button"
        className="icon-button icon-button--on-dark"
        aria-label={t.toast.dismiss}
        onClick={() => onDismiss(toast.id)}
      >
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
