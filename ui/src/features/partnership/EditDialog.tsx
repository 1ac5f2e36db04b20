// The frame every partnership editor shares: a dialog holding a form that
// saves the whole partnership with the version it was opened on
// (`update_partnership`). The backend validates as you type; its field
// errors land next to their control; a stale version is never overwritten:
// the dialog says so and offers to reload the latest version, keeping what
// was typed.
import { CircleAlert, Info, LoaderCircle, RefreshCw } from "lucide-react";
import { useState, type ReactNode, type RefObject } from "react";

import { toAppError } from "../../api/errors";
import { parsePartnershipRow, updatePartnership, validatePartnership } from "../../api/gateway";
import type { AppError } from "../../api/types";
import type { FieldError } from "../../bindings/FieldError";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipInput } from "../../bindings/PartnershipInput";
import type { RowValues } from "../../bindings/RowValues";
import type { TypedRow } from "../../bindings/TypedRow";
import { FormBanner } from "../../components/FormBanner";
import { FormDialog } from "../../components/FormDialog";
import { useI18n } from "../../i18n";
import { useServerForm } from "../../lib/useServerForm";
import { NOTHING_READ, readOrRefuse } from "./typedRow";

/** « Modified elsewhere » with the button that reloads the latest version. */
export function ConflictBanner({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useI18n();
  return (
    <div className="banner banner--error conflict-banner" role="alert" data-testid="conflict">
      <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
      <div className="conflict-banner__body">
        <p>
          <strong>{t.partnership.edit.conflictTitle}</strong>
        </p>
        <p>{t.partnership.edit.conflictText}</p>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="conflict-reload"
          disabled={reloading}
          aria-busy={reloading || undefined}
          onClick={onReload}
        >
          {reloading ? <LoaderCircle size={14} aria-hidden="true" className="spin" /> : <RefreshCw size={14} aria-hidden="true" />}
          {reloading ? t.partnership.edit.reloading : t.partnership.edit.conflictReload}
        </button>
      </div>
    </div>
  );
}

/** Fetches the latest partnership (the page's query); resolves to it, or undefined if it could not be read. */
export type Reload = () => Promise<Partnership | undefined>;

/**
 * The banners of a form saved on the version it was opened on: on a stale
 * version, « modified elsewhere » with its reload button; once reloaded (the
 * latest version handed to `onReloaded`, the focus on `focus` in the form),
 * « reloaded »; else the form's own banner.
 */
export function useConflictBanners({
  banner,
  stray,
  formRef,
  reload,
  onReloaded,
  focus,
}: {
  banner: AppError | null;
  stray: FieldError[];
  formRef: RefObject<HTMLFormElement | null>;
  reload: Reload;
  onReloaded: (fresh: Partnership) => void;
  /** A selector of the control focused after the reload. */
  focus: string;
}): ReactNode {
  const { t } = useI18n();
  const [reloading, setReloading] = useState(false);
  const [reloadedFor, setReloadedFor] = useState<AppError | null>(null);
  const conflict = banner !== null && banner.kind === "conflict" && banner !== reloadedFor;
  const reloaded = banner !== null && banner.kind === "conflict" && banner === reloadedFor;

  const reloadLatest = async () => {
    setReloading(true);
    const fresh = await reload().catch(() => undefined);
    setReloading(false);
    if (fresh) {
      onReloaded(fresh);
      setReloadedFor(banner);
      window.requestAnimationFrame(() => {
        formRef.current?.querySelector<HTMLElement>(focus)?.focus();
      });
    }
  };

  return conflict ? (
    <ConflictBanner onReload={() => void reloadLatest()} reloading={reloading} />
  ) : reloaded ? (
    <div className="banner banner--info" role="status" data-testid="conflict-reloaded">
      <Info size={18} aria-hidden="true" className="banner__icon" />
      <p>{t.partnership.edit.reloaded}</p>
    </div>
  ) : (
    <FormBanner error={banner} stray={stray} />
  );
}

type Options<S> = {
  /** The dialog's form element (the caller passes it to EditShell too). */
  formRef: RefObject<HTMLFormElement | null>;
  /** The partnership as the page showed it when the dialog opened. */
  initial: Partnership;
  reload: Reload;
  state: S;
  /** The typed fields the core reads (amounts, hours, numbers, dates), when the dialog has any. */
  typed?: (state: S) => TypedRow;
  /** The whole input to save: `base` with the typed values (as the core read them) applied. */
  build: (state: S, base: Partnership, values: RowValues) => PartnershipInput;
  /** Server field names → the dialog's control names (a row dialog strips `contributions.2.`). */
  mapErrors?: (errors: FieldError[], base: Partnership) => FieldError[];
  order: readonly string[];
  dirty: boolean;
  localErrors?: FieldError[];
  onSaved: (p: Partnership) => void;
  onClose: () => void;
};

const same = (errors: FieldError[]) => errors;

export function usePartnershipForm<S>(options: Options<S>) {
  const { formRef, initial, reload, state, typed, build, mapErrors = same, order, dirty, localErrors, onSaved, onClose } = options;
  const [base, setBase] = useState(initial);
  // The form's input is the typing itself: the core reads it on every check and on submit.
  const read = (s: S) => (typed ? parsePartnershipRow(typed(s)) : Promise.resolve(NOTHING_READ));
  const form = useServerForm<S, Partnership>({
    formRef,
    input: state,
    validate: async (s) => {
      const { values, errors } = await read(s);
      const found = await validatePartnership(build(s, base, values));
      return [...errors, ...mapErrors(found, base)];
    },
    save: async (s) => {
      const { values } = await readOrRefuse(read(s));
      return updatePartnership(base.id, base.version, build(s, base, values)).catch((raw: unknown) => {
        const error = toAppError(raw);
        // Rejecting with a plain object is the contract: useServerForm reads `AppError`.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw { ...error, fields: mapErrors(error.fields, base) };
      });
    },
    onSaved,
    onClose,
    order,
    dirty,
    ...(localErrors ? { localErrors } : {}),
  });

  const banners = useConflictBanners({
    banner: form.banner,
    stray: form.stray,
    formRef,
    reload,
    onReloaded: setBase,
    // The reload button goes away: the typing goes on in the first field.
    focus: "input, select, textarea",
  });

  return { ...form, base, banners, submitInput: () => void form.submit(state) };
}

/** What the shell needs of a form: the partnership forms and the measure form both give it. */
export type ShellForm = {
  saving: boolean;
  requestClose: () => Promise<void>;
  submitInput: () => void;
  banners: ReactNode;
};

type ShellProps = {
  title: ReactNode;
  testId: string;
  size?: "sm" | "md" | "lg";
  formRef: RefObject<HTMLFormElement | null>;
  form: ShellForm;
  submitLabel?: string;
  children: ReactNode;
};

/** The dialog, its form (Enter and Ctrl+Enter save, Esc cancels), the banners and the footer. */
export function EditShell({ title, testId, size = "md", formRef, form, submitLabel, children }: ShellProps) {
  const { t } = useI18n();
  return (
    <FormDialog
      size={size}
      title={<span className="dialog__title-text">{title}</span>}
      onRequestClose={() => void form.requestClose()}
      testId={testId}
      formRef={formRef}
      saving={form.saving}
      onSubmit={form.submitInput}
      submitLabel={submitLabel ?? t.partnership.edit.save}
      enterSubmits
    >
      {form.banners}
      {children}
    </FormDialog>
  );
}
