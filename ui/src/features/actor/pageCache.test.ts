import { describe, expect, it, vi } from "vitest";

import { PageCache, type Page } from "./pageCache";

type Row = { i: number };

/** A fake backend of `total` rows whose answers the test releases by hand. */
function backend(total: number) {
  const pending: { offset: number; limit: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetcher = vi.fn(
    (offset: number, limit: number) =>
      new Promise<Page<Row>>((resolve, reject) => {
        pending.push({
          offset,
          limit,
          resolve: () => {
            const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => ({ i: offset + k }));
            resolve({ total, offset, rows });
          },
          reject,
        });
      }),
  );
  const flush = async () => {
    while (pending.length) pending.shift()?.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetcher, pending, flush };
}

describe("PageCache", () => {
  it("fetches the first page to learn the total", async () => {
    const b = backend(100_000);
    const cache = new PageCache<Row>(b.fetcher);
    expect(cache.total).toBeNull();
    cache.ensure(0, 20);
    expect(b.fetcher).toHaveBeenCalledWith(0, 100);
    await b.flush();
    expect(cache.total).toBe(100_000);
    expect(cache.get(0)).toEqual({ i: 0 });
    expect(cache.get(99)).toEqual({ i: 99 });
    expect(cache.get(100)).toBeUndefined();
  });

  it("fetches only the missing pages of a range, once each", async () => {
    const b = backend(100_000);
    const cache = new PageCache<Row>(b.fetcher);
    cache.ensure(0, 10);
    await b.flush();
    b.fetcher.mockClear();
    cache.ensure(50_050, 50_180);
    cache.ensure(50_060, 50_150); // same pages, still in flight
    expect(b.fetcher.mock.calls).toEqual([
      [50_000, 100],
      [50_100, 100],
    ]);
    expect(cache.isLoading(50_120)).toBe(true);
    await b.flush();
    expect(cache.get(50_123)).toEqual({ i: 50_123 });
    cache.ensure(50_000, 50_199);
    expect(b.fetcher).toHaveBeenCalledTimes(2);
  });

  it("never asks beyond the total", async () => {
    const b = backend(250);
    const cache = new PageCache<Row>(b.fetcher);
    cache.ensure(0, 0);
    await b.flush();
    b.fetcher.mockClear();
    cache.ensure(150, 900);
    expect(b.fetcher.mock.calls).toEqual([
      [100, 100],
      [200, 100],
    ]);
  });

  it("notifies subscribers and bumps its version when rows arrive", async () => {
    const b = backend(300);
    const cache = new PageCache<Row>(b.fetcher);
    const listener = vi.fn();
    const unsubscribe = cache.subscribe(listener);
    const v0 = cache.getVersion();
    cache.ensure(0, 10);
    await b.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(cache.getVersion()).toBeGreaterThan(v0);
    unsubscribe();
    cache.ensure(200, 210);
    await b.flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("keeps a bounded number of pages, evicting the least recently used", async () => {
    const b = backend(100_000);
    const cache = new PageCache<Row>(b.fetcher, { maxPages: 3 });
    for (const p of [0, 1, 2]) {
      cache.ensure(p * 100, p * 100 + 10);
      await b.flush();
    }
    cache.ensure(0, 5); // touch page 0: now page 1 is the oldest
    cache.ensure(900, 910);
    await b.flush();
    cache.ensure(900, 910); // evicts on the next visit
    expect(cache.pageCount).toBe(3);
    expect(cache.get(0)).toBeDefined();
    expect(cache.get(150)).toBeUndefined();
    expect(cache.get(905)).toBeDefined();
  });

  it("records a failure as an AppError, does not retry in a loop, retries on demand", async () => {
    const b = backend(1000);
    const cache = new PageCache<Row>(b.fetcher);
    cache.ensure(0, 10);
    b.pending.shift()?.reject({ kind: "storage", message: "La base est verrouillée.", messageEn: "Locked.", fields: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error?.message).toBe("La base est verrouillée.");
    cache.ensure(0, 10);
    expect(b.fetcher).toHaveBeenCalledTimes(1);
    cache.retry();
    expect(cache.error).toBeNull();
    cache.ensure(0, 10);
    expect(b.fetcher).toHaveBeenCalledTimes(2);
  });

  it("drops answers that arrive after it was disposed", async () => {
    const b = backend(1000);
    const cache = new PageCache<Row>(b.fetcher);
    const listener = vi.fn();
    cache.subscribe(listener);
    cache.ensure(0, 10);
    cache.dispose();
    await b.flush();
    expect(listener).not.toHaveBeenCalled();
    expect(cache.get(0)).toBeUndefined();
  });
});
