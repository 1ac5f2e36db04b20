// The query keys of the « Données » tabs' lists, shared by the tabs that
// reload each other's lists (an import undone, a merge, a restore).
export const dataKeys = {
  imports: ["data", "imports"] as const,
  backups: ["data", "backups"] as const,
  duplicates: ["data", "duplicates"] as const,
  merges: ["data", "merges"] as const,
  mergePreview: (entity: string, keep: string, other: string) => ["data", "mergePreview", entity, keep, other] as const,
  mergeName: (entity: string, id: string) => ["data", "mergeName", entity, id] as const,
  person: (id: string) => ["data", "person", id] as const,
};
