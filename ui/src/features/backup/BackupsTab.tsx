// « Sauvegardes »: the backups Tisserand keeps, « Sauvegarder maintenant »,
// and restoring one (or a file) after a plain-words confirmation. A restore
// first backs up the current state; the page then says which backup holds
// it, and every screen reloads its data.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArchiveRestore, CircleAlert, CircleCheck, FolderOpen, HardDriveDownload, LoaderCircle } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { errorText, toAppError } from "../../api/errors";
import { createBackup, pickFile, listBackups, onBackupProgress, restoreBackup, type BackupProgress } from "../../api/gateway";
import type { AppError } from "../../api/types";
import { useConfirm } from "../../app/confirm";
import { useDataChanged } from "../../app/data";
import { useToasts } from "../../app/toasts";
import type { BackupEntry } from "../../bindings/BackupEntry";
import { useI18n } from "../../i18n";
import { ListState } from "../../components/ListState";
import { ProgressPanel } from "../../components/ProgressPanel";
import { baseName, formatBytes, formatDateTime } from "../../lib/format";
import { dataKeys } from "../data/queryKeys";

type Job = { kind: "create" | "restore"; progress: BackupProgress | null };
type Restored = { from: string; previous: BackupEntry | null };
type Failure = { kind: "create" | "restore"; error: AppError };

export function BackupsTab() {
  const { t, lang } = useI18n();
  const b = t.data.backups;
  const confirm = useConfirm();
  const toasts = useToasts();
  const dataChanged = useDataChanged();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: dataKeys.backups, queryFn: listBackups });
  const [job, setJob] = useState<Job | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [picking, setPicking] = useState(false);
  // The outcome shows above the list: bring it into sight (a row far down
  // may have started it) and give it the focus.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    outcomeRef.current?.focus();
  }, [failure, restored]);
  const running = job !== null;
  useEffect(() => {
    if (running) progressRef.current?.scrollIntoView({ block: "nearest" });
  }, [running]);

  const withProgress = async <T,>(kind: Job["kind"], work: () => Promise<T>): Promise<T> => {
    setJob({ kind, progress: null });
    setFailure(null);
    setRestored(null);
    let stop: (() => void) | undefined;
    try {
      stop = await onBackupProgress((progress) => setJob({ kind, progress }));
      return await work();
    } finally {
      stop?.();
      setJob(null);
    }
  };

  const create = async () => {
    try {
      const entry = await withProgress("create", createBackup);
      void queryClient.invalidateQueries({ queryKey: dataKeys.backups });
      toasts.show({ message: b.created(formatDateTime(entry.takenAt, lang)) });
    } catch (raw: unknown) {
      setFailure({ kind: "create", error: toAppError(raw) });
    }
  };

  const restore = async (path: string, from: string, title: string, text: string) => {
    const ok = await confirm({ title, text, confirmLabel: b.confirmOk, danger: true });
    if (!ok) return;
    try {
      const previous = await withProgress("restore", () => restoreBackup(path));
      // Everything changed: every list, page and count reloads.
      dataChanged();
      setRestored({ from, previous });
      toasts.show({ message: b.restored });
    } catch (raw: unknown) {
      setFailure({ kind: "restore", error: toAppError(raw) });
    }
  };

  const restoreEntry = (entry: BackupEntry) => {
    const date = formatDateTime(entry.takenAt, lang);
    void restore(entry.path, b.fromDate(date), b.confirmTitle, b.confirmText(date));
  };

  const restoreFile = async () => {
    setPicking(true);
    let path: string | null;
    try {
      path = await pickFile("restore");
    } catch (raw: unknown) {
      setFailure({ kind: "restore", error: toAppError(raw) });
      return;
    } finally {
      setPicking(false);
    }
    if (path === null) return;
    const file = baseName(path);
    void restore(path, b.fromFile(file), b.confirmFileTitle, b.confirmFileText(file));
  };

  const busy = job !== null;
  const percent = job?.progress && job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : null;

  const list = (
    <ListState query={query} loadError={b.loadError} empty={b.empty}>
      {(items) => {
        return (
          <table className="data-table backups-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">{b.columns.date}</th>
                <th scope="col">{b.columns.reason}</th>
                <th scope="col" className="backups-table__size">
                  {b.columns.size}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{b.columns.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => {
                const date = formatDateTime(entry.takenAt, lang);
                return (
                  <tr key={entry.path} data-testid="backup-row" data-reason={entry.reason}>
                    <td className="tabular nowrap" title={entry.fileName}>
                      {date}
                    </td>
                    <td>{t.data.reasons[entry.reason]}</td>
                    <td className="tabular nowrap backups-table__size">{formatBytes(entry.sizeBytes, lang)}</td>
                    <td className="backups-table__actions">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        data-testid="backup-restore"
                        aria-label={b.restoreLabel(date)}
                        disabled={busy}
                        onClick={() => restoreEntry(entry)}
                      >
                        <ArchiveRestore size={14} aria-hidden="true" />
                        {b.restore}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      }}
    </ListState>
  );

  return (
    <section className="backups" aria-labelledby="backups-title" data-testid="backups">
      <div className="backups__intro">
        <div>
          <h2 className="data-section__title" id="backups-title">
            {b.title}
          </h2>
          <p className="muted backups__rule">{b.rule}</p>
        </div>
        <div className="backups__buttons">
          <button
            type="button"
            className="button button--secondary"
            data-testid="backup-restore-file"
            disabled={busy || picking}
            onClick={() => void restoreFile()}
          >
            {picking ? <LoaderCircle size={16} aria-hidden="true" className="spin" /> : <FolderOpen size={16} aria-hidden="true" />}
            {b.restoreFromFile}
          </button>
          <button type="button" className="button button--primary" data-testid="backup-create" disabled={busy} onClick={() => void create()}>
            <HardDriveDownload size={16} aria-hidden="true" />
            {b.create}
          </button>
        </div>
      </div>

      <div ref={progressRef} hidden={!job}>
        {job && (
          <ProgressPanel
            title={job.kind === "create" ? b.creating : b.restoring}
            detail={percent === null ? (job.kind === "restore" ? b.restoringHint : "") : `${percent}\u00a0%`}
            percent={percent}
            label={b.progressLabel}
            testId="backup-progress"
          />
        )}
      </div>

      {failure && (
        <div className="banner banner--error" role="alert" data-testid="backup-error" ref={outcomeRef} tabIndex={-1}>
          <CircleAlert size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{failure.kind === "restore" ? b.restoreFailed : b.createFailed}</strong>
            </p>
            <p>{errorText(failure.error, lang)}</p>
          </div>
        </div>
      )}

      {restored && (
        <div className="banner banner--success" role="status" data-testid="backup-restored" ref={outcomeRef} tabIndex={-1}>
          <CircleCheck size={18} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{b.restored}</strong> {b.restoredFrom(restored.from)}
            </p>
            {restored.previous && <p>{b.previousKept(formatDateTime(restored.previous.takenAt, lang))}</p>}
          </div>
        </div>
      )}

      {list}
    </section>
  );
}
