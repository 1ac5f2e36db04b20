// A modal dialog on the native <dialog> element: the browser traps focus,
// makes the rest of the window inert and turns Esc into a close request.
import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";

import { useI18n } from "../i18n";

type DialogProps = {
  title: ReactNode;
  /** Esc, the close button: the owner decides (e.g. asks about unsaved changes). */
  onRequestClose: () => void;
  children?: ReactNode;
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Description under the title. */
  description?: ReactNode;
  role?: "dialog" | "alertdialog";
  testId?: string;
  icon?: ReactNode;
  /** Content that grows as the person answers: the dialog takes its full height at once. */
  tall?: boolean;
};

function focusInitial(dialog: HTMLDialogElement): void {
  const target =
    dialog.querySelector<HTMLElement>("[data-autofocus]") ??
    dialog.querySelector<HTMLElement>(".dialog__body input, .dialog__body select, .dialog__body textarea");
  target?.focus();
}

/** A dialog never shrinks while it is open: content that goes away (a
 * search emptied, an answer changed) would otherwise move the footer's
 * buttons up under the pointer. Returns the observer to disconnect. */
function keepSizeSteady(dialog: HTMLDialogElement): ResizeObserver | null {
  if (typeof ResizeObserver === "undefined") return null;
  let tallest = 0;
  const observer = new ResizeObserver(() => {
    const height = dialog.getBoundingClientRect().height;
    if (height > tallest) {
      tallest = height;
      // Never past the window's height, should the window shrink.
      dialog.style.minHeight = `min(${height}px, 100vh - 2 * var(--dialog-top))`;
    }
  });
  observer.observe(dialog);
  return observer;
}

export function Dialog({
  title,
  onRequestClose,
  children,
  footer,
  size = "md",
  description,
  role = "dialog",
  testId,
  icon,
  tall = false,
}: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onRequestClose);
  useEffect(() => {
    onCloseRef.current = onRequestClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    focusInitial(dialog);
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    const steady = keepSizeSteady(dialog);
    return () => {
      steady?.disconnect();
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open && typeof dialog.close === "function") dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}${tall ? " dialog--tall" : ""}`}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onKeyDown={(event) => {
        // Some engines do not raise "cancel" for Esc in every state; make sure.
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          onCloseRef.current();
        }
      }}
    >
      <header className="dialog__header">
        {icon && <span className="dialog__icon">{icon}</span>}
        <div className="dialog__titles">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label={t.common.close} onClick={onRequestClose}>
          <X size={18} aria-hidden="true" />
        </button>
      </header>
      {children != null && <div className="dialog__body">{children}</div>}
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  );
}
