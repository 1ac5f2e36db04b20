// What an import did, or what it would do (dry run): three big numbers, then
// the errors first (the rows to fix), the organisations already in the
// directory (with a link to each), and the rows imported with something left out.
// Once the import is undone (from the toast or the history), the report says
// so: the history's record is the truth.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, BookUser, CircleAlert, CircleCheck, Copy, DatabaseBackup, Info, Undo2, Upload } from "lucide-react";
import type { ReactNode, RefObject } from "react";

import { listImports } from "../../api/gateway";
import { navigate, routeHash } from "../../app/router";
import type { ImportReport } from "../../bindings/ImportReport";
import type { RowDuplicate } from "../../bindings/RowDuplicate";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";
import { dispatch } from "./importSession";
import { baseName } from "../../lib/format";
import { problemLine, type ImportFile } from "./model";
import { PickButton } from "./PickButton";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  file: ImportFile;
  report: ImportReport;
  picking: boolean;
  /** « Importer maintenant » after a dry run. */
  onRun: () => void;
};

export function ImportReportView({ headingRef, file, report, picking, onRun }: Props) {
  const { t, lang } = useI18n();
  const m = t.data.import;
  const n = (value: number) => formatCount(value, lang);
  const dry = report.dryRun;
  const moreErrors = report.errorCount - report.errors.length;
  const moreDuplicates = report.duplicateCount - report.duplicates.length;
  const clean = report.errorCount === 0 && report.duplicateCount === 0 && report.warnings.length === 0;
  const imports = useQuery({ queryKey: dataKeys.imports, queryFn: listImports, enabled: !dry && report.importId !== null });
  const undone = !dry && imports.data?.some((r) => r.id === report.importId && r.undoneAt !== null) === true;

  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report" data-dry-run={dry}>
      <header className="import-report__header">
        <h2 className="import-report__title" id="import-report-title" ref={headingRef} tabIndex={-1}>
          {dry ? m.reportDryTitle : undone ? m.reportUndoneTitle : m.reportTitle}
        </h2>
        <p className="muted">
          {m.reportLead(n(report.rows), file.preview.fileName)} {dry && m.reportDryLead}
        </p>
      </header>

      {undone && (
        <p className="banner banner--info import-report__undone" role="status" data-testid="import-undone">
          <Undo2 size={16} aria-hidden="true" />
          <span>{m.reportUndone(report.imported, n(report.imported), report.contacts, n(report.contacts))}</span>
        </p>
      )}

      <div className="import-stats">
        <Stat
          value={n(report.imported)}
          label={(dry ? m.actorsToCreate : undone ? m.actorsRemoved : m.actorsCreated)(report.imported)}
          testId="import-stat-actors"
        />
        <Stat
          value={n(report.contacts)}
          label={(dry ? m.contactsToCreate : undone ? m.contactsRemoved : m.contactsCreated)(report.contacts)}
          testId="import-stat-contacts"
        />
        <Stat
          value={n(report.skipped)}
          label={(dry ? m.rowsToSkip : m.rowsSkipped)(report.skipped)}
          tone={report.skipped > 0 ? "warn" : undefined}
          testId="import-stat-skipped"
        />
      </div>

      {!dry && !undone && report.backup && (
        <p className="import-report__backup small" data-testid="import-backup">
          <DatabaseBackup size={16} aria-hidden="true" />
          <span>{m.backupTaken(baseName(report.backup))}</span>
        </p>
      )}

      {clean && (
        <p className="import-report__clean icon-text">
          <CircleCheck size={16} aria-hidden="true" />
          {m.noProblem}
        </p>
      )}

      {report.errorCount > 0 && (
        <ProblemGroup
          tone="error"
          icon={<CircleAlert size={16} aria-hidden="true" />}
          title={m.errors(report.errorCount, n(report.errorCount))}
          hint={m.errorsHint}
          more={moreErrors > 0 ? m.more(n(moreErrors)) : null}
          testId="import-errors"
          open
        >
          {report.errors.map((p, i) => (
            <li key={`${p.row}-${p.column ?? ""}-${i}`} data-testid="import-error">
              {problemLine(p, lang)}
            </li>
          ))}
        </ProblemGroup>
      )}

      {report.duplicateCount > 0 && (
        <ProblemGroup
          tone="neutral"
          icon={<Copy size={16} aria-hidden="true" />}
          title={m.duplicates(report.duplicateCount, n(report.duplicateCount))}
          hint={m.duplicatesHint(dry)}
          more={moreDuplicates > 0 ? m.more(n(moreDuplicates)) : null}
          testId="import-duplicates"
          open={report.errorCount === 0}
        >
          {report.duplicates.map((d, i) => (
            <DuplicateItem key={`${d.row}-${i}`} d={d} />
          ))}
        </ProblemGroup>
      )}

      {report.warnings.length > 0 && (
        <ProblemGroup
          tone="neutral"
          icon={<Info size={16} aria-hidden="true" />}
          title={m.warnings(report.warnings.length, n(report.warnings.length))}
          more={null}
          testId="import-warnings"
          open={report.errorCount === 0 && report.duplicateCount === 0}
        >
          {report.warnings.map((p, i) => (
            <li key={`${p.row}-${i}`} data-testid="import-warning">
              {problemLine(p, lang)}
            </li>
          ))}
        </ProblemGroup>
      )}

      <div className="import-report__actions">
        {dry ? (
          <>
            <button type="button" className="button button--secondary" data-testid="import-edit" onClick={() => dispatch({ type: "edit" })}>
              <ArrowLeft size={16} aria-hidden="true" />
              {m.editColumns}
            </button>
            <button type="button" className="button button--primary" data-testid="import-run-now" onClick={onRun}>
              <Upload size={16} aria-hidden="true" />
              {m.runNow}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--secondary" data-testid="import-open-directory" onClick={() => navigate({ name: "directory" })}>
              <BookUser size={16} aria-hidden="true" />
              {m.openDirectory}
            </button>
            <PickButton primary picking={picking} label={m.another} size="normal" />
          </>
        )}
      </div>
    </section>
  );
}

function Stat({ value, label, tone, testId }: { value: string; label: string; tone?: "warn"; testId: string }) {
  return (
    <div className={`import-stat${tone ? ` import-stat--${tone}` : ""}`} data-testid={testId}>
      <span className="import-stat__value tabular">{value}</span>
      <span className="import-stat__label">{label}</span>
    </div>
  );
}

function ProblemGroup({
  tone,
  icon,
  title,
  hint,
  more,
  testId,
  open,
  children,
}: {
  tone: "error" | "neutral";
  icon: ReactNode;
  title: string;
  hint?: string;
  more: string | null;
  testId: string;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details className={`problems problems--${tone}`} data-testid={testId} open={open}>
      <summary className="problems__summary">
        {icon}
        <span>{title}</span>
      </summary>
      {hint && <p className="small muted problems__hint">{hint}</p>}
      <ul className="problems__list selectable">{children}</ul>
      {more && <p className="small muted problems__more">{more}</p>}
    </details>
  );
}

function DuplicateItem({ d }: { d: RowDuplicate }) {
  const { t } = useI18n();
  const m = t.data.import;
  return (
    <li data-testid="import-duplicate">
      {m.duplicateLine(d.row, d.name)}
      {d.existingId ? (
        <a href={routeHash({ name: "actor", id: d.existingId, contactId: null })} className="link">
          {d.existingName}
        </a>
      ) : (
        d.existingName
      )}
      {d.reason && m.duplicateReason(d.reason)}
      {d.contactAdded && <span className="muted"> · {m.contactAdded}</span>}
    </li>
  );
}
