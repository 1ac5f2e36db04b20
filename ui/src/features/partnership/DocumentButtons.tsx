// « Fiche PDF » and « Convention PDF » of one partnership. The shell asks
// where to save, writes the PDF and opens it in the system viewer; the window
// only shows that it is working and where the file went. Cancelling the
// save dialog does nothing.
import { ClipboardList, FileSignature, FileText, LoaderCircle } from "lucide-react";
import { useId, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { saveDocument } from "../../api/gateway";
import { useToasts } from "../../app/toasts";
import type { DocumentKind } from "../../bindings/DocumentKind";
import { useI18n } from "../../i18n";

type Texts = ReturnType<typeof useI18n>["t"]["partnership"];

/** Each document's button: its test id, icon, label and tooltip. */
const BUTTONS: Record<DocumentKind, { testId: string; Icon: typeof FileText; label: (p: Texts) => string; tip: (p: Texts) => string }> = {
  brief: { testId: "pdf-brief", Icon: FileText, label: (p) => p.documents.brief, tip: (p) => p.documents.briefTip },
  agreement: { testId: "pdf-agreement", Icon: FileSignature, label: (p) => p.documents.agreement, tip: (p) => p.documents.agreementTip },
  questionnaire: {
    testId: "pdf-questionnaire",
    Icon: ClipboardList,
    label: (p) => p.evaluation.questionnaire,
    tip: (p) => p.evaluation.questionnaireTip,
  },
};

/** The PDF buttons of partnership `id`: the brief and the agreement unless `kinds` names others. */
export function DocumentButtons({ id, kinds = ["brief", "agreement"] }: { id: string; kinds?: readonly DocumentKind[] }) {
  const { t, lang } = useI18n();
  const d = t.partnership.documents;
  const toasts = useToasts();
  const labelId = useId();
  const [busy, setBusy] = useState<DocumentKind | null>(null);

  const make = async (kind: DocumentKind) => {
    if (busy !== null) return;
    setBusy(kind);
    try {
      const path = await saveDocument(id, kind);
      // null: the person closed the save dialog; nothing to say.
      if (path !== null) toasts.show({ message: d.saved[kind](path), tone: "success", durationMs: 7000 });
    } catch (raw: unknown) {
      toasts.show({ message: `${d.failed[kind]} ${errorText(toAppError(raw), lang)}`, tone: "error" });
    }
    setBusy(null);
  };

  return (
    <div className="doc-group" role="group" aria-labelledby={labelId}>
      <span className="doc-group__label small muted" id={labelId}>
        {d.group}
      </span>
      {kinds.map((kind, i) => {
        const { testId, Icon, label, tip } = BUTTONS[kind];
        const working = busy === kind;
        return (
          <button
            key={kind}
            type="button"
            className="button button--secondary"
            data-testid={testId}
            data-tooltip={tip(t.partnership)}
            data-tooltip-pos={i < kinds.length - 1 ? "bottom" : "bottom-end"}
            disabled={busy !== null}
            aria-busy={working || undefined}
            onClick={() => void make(kind)}
          >
            {working ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <Icon size={16} aria-hidden="true" />}
            {label(t.partnership)}
            {working && <span className="visually-hidden"> — {d.making}</span>}
          </button>
        );
      })}
    </div>
  );
}
