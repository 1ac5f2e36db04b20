// The backups tab's list of reasons, checked complete against the core's
// `BackupReason` by the compiler.
import type { BackupReason } from "../../bindings/BackupReason";

export const BACKUP_REASONS = [
  "daily",
  "manual",
  "beforeImport",
  "beforeMerge",
  "beforeRestore",
  "beforeMigration",
  "beforeErasure",
] as const satisfies readonly BackupReason[];

type MissingReason = Exclude<BackupReason, (typeof BACKUP_REASONS)[number]>;
export const ALL_REASONS_LISTED: MissingReason extends never ? true : false = true;
