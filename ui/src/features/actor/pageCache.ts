// Rows of a long list fetched by pages on demand, for the virtualised
// directory: the list asks for the rows it shows, the cache fetches the
// missing pages once each, keeps the recent ones and tells its subscribers.
import { useEffect } from "react";

import { toAppError } from "../../api/errors";
import type { AppError } from "../../api/types";

export type Page<Row> = { total: number; offset: number; rows: Row[] };
export type PageFetcher<Row> = (offset: number, limit: number) => Promise<Page<Row>>;

export const PAGE_SIZE = 100;

export class PageCache<Row> {
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly fetcher: PageFetcher<Row>;
  private readonly pages = new Map<number, Row[]>();
  private readonly inFlight = new Set<number>();
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  /** Rows matching the query; null until the first page arrives. */
  total: number | null = null;
  /** The last failure, cleared by `retry()`. */
  error: AppError | null = null;
  /** Changes whenever rows, total or error change (for useSyncExternalStore). */
  version = 0;

  /** What this cache was made for (e.g. the data version), for debugging. */
  readonly tag: number;

  constructor(fetcher: PageFetcher<Row>, options: { pageSize?: number; maxPages?: number; tag?: number } = {}) {
    this.fetcher = fetcher;
    this.tag = options.tag ?? 0;
    this.pageSize = options.pageSize ?? PAGE_SIZE;
    this.maxPages = Math.max(2, options.maxPages ?? 60);
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  get(index: number): Row | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Whether the page holding `index` is being fetched. */
  isLoading(index: number): boolean {
    return this.inFlight.has(Math.floor(index / this.pageSize));
  }

  /** Number of pages held in memory. */
  get pageCount(): number {
    return this.pages.size;
  }

  /** Fetches every missing page covering rows `start` to `end` (inclusive). */
  ensure(start: number, end: number): void {
    if (this.disposed) return;
    const last = this.total === null ? end : Math.min(end, this.total - 1);
    if (last < 0 && this.total !== null) return;
    const first = Math.max(0, Math.floor(start / this.pageSize));
    const lastPage = Math.max(first, Math.floor(Math.max(0, last) / this.pageSize));
    for (let p = first; p <= lastPage; p++) {
      const page = this.pages.get(p);
      if (page) {
        // Touch: the most recently used pages are evicted last.
        this.pages.delete(p);
        this.pages.set(p, page);
      } else if (!this.inFlight.has(p) && !this.failed.has(p)) {
        this.load(p);
      }
    }
    this.evict(first, lastPage);
  }

  /** Forgets failures so the next `ensure` tries again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Stops fetching and notifying: answers still on their way are dropped. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private load(page: number): void {
    this.inFlight.add(page);
    this.fetcher(page * this.pageSize, this.pageSize).then(
      (result) => {
        this.inFlight.delete(page);
        if (this.disposed) return;
        this.pages.set(page, result.rows);
        this.total = result.total;
        this.changed();
      },
      (raw: unknown) => {
        this.inFlight.delete(page);
        if (this.disposed) return;
        this.failed.add(page);
        this.error = toAppError(raw);
        this.changed();
      },
    );
  }

  private evict(keepFrom: number, keepTo: number): void {
    if (this.pages.size <= this.maxPages) return;
    for (const p of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (p >= keepFrom && p <= keepTo) continue;
      this.pages.delete(p);
    }
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/**
 * Fetches the pages of the rows in view (`first`..`last`) once the view holds
 * still for `settleMs` (at once while the total is unknown): dragging the
 * scrollbar across 100 000 rows asks for the pages where it stops, not for
 * every page it passes.
 */
export function useSettledFetch<Row>(cache: PageCache<Row>, total: number | null, first: number, last: number, settleMs: number): void {
  useEffect(() => {
    if (total === null) {
      cache.ensure(first, last);
      return;
    }
    const timer = window.setTimeout(() => cache.ensure(first, last), settleMs);
    return () => window.clearTimeout(timer);
  }, [cache, total, first, last, settleMs]);
}
