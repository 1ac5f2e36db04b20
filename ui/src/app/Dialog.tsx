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
};

function focusInitial(dialog: HTMLDialogElement): void {
  const target =
    dialog.querySelector<HTMLElement>("[data-autofocus]") ??
    dialog.querySelector<HTMLElement>(".dialog__body input, .dialog__body select, .dialog__body textarea");
  target?.focus();
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
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open && typeof dialog.close === "function") dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
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
