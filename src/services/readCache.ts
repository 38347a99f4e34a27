import { eq, sql } from 'drizzle-orm';
import type { Store } from '../store/database.ts';
import { organizations } from '../store/schema.ts';
import type { ServiceContext } from './context.ts';

/** What a cached read produced: only complete 200 answers are kept. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Entry {
  version: string;
  value: unknown;
  bytes: number;
}

interface Cache {
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<unknown>>;
  bytes: number;
}

/** A computed value to keep, with the bytes it holds in memory (roughly: its serialized size). */
export interface Sized<T> {
  value: T;
  bytes: number;
}

// Room for a ×100 portfolio roadmap (~20 MB of rows, problem and ideas) beside pages and rankings.
const MAX_BYTES = 128 * 1024 * 1024;
const caches = new WeakMap<Store, Cache>();

function cacheOf(store: Store): Cache {
  let c = caches.get(store);
  if (!c) {
    c = { entries: new Map(), inflight: new Map(), bytes: 0 };
    caches.set(store, c);
  }
  return c;
}

/** The version lookup every cached read makes, built once per database handle. */
function buildVersionLookup(db: Store['db']) {
  return db
    .select({ v: organizations.dataVersion })
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder('orgId')))
    .prepare('sextant_data_version');
}
const versionLookups = new WeakMap<Store['db'], ReturnType<typeof buildVersionLookup>>();

/**
 * The organization's data version: bumped by every write transaction (services/transaction.ts). A
 * prepared statement: a cache hit costs little else, so building and planning this query would be most
 * of it.
 */
async function dataVersion(ctx: ServiceContext): Promise<string> {
  let lookup = versionLookups.get(ctx.store.db);
  if (!lookup) {
    lookup = buildVersionLookup(ctx.store.db);
    versionLookups.set(ctx.store.db, lookup);
  }
  const rows = await lookup.execute({ orgId: ctx.orgId });
  return String(rows[0]?.v ?? 'none');
}

/**
 * Serves a read that is a pure function of the organization's data (dashboard, ranked backlog,
 * roadmap) from memory while that data has not changed. The day is part of the key because "now"
 * shapes some answers. See cachedValue for versions and single flight.
 */
export function cachedRead(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<CachedAnswer>,
): Promise<CachedAnswer> {
  return cachedValue(ctx, `answer|${key}`, async () => {
    const answer = await compute();
    // Only complete 200 answers are kept; anything else is answered once and computed again next time.
    return { value: answer, bytes: answer.status === 200 ? answer.body.length : -1 };
  });
}

/**
 * Keeps a computed structure (a roadmap, a ranking) per organization while its data has not changed,
 * so several answers cut from it (pages, views) share one computation. The version is read before
 * computing, so a value is never older than the version it is stored under; a write in between only
 * makes the next request compute again. Concurrent misses for one key share a single computation, so
 * fifty callers on a cold cache cost one computation, not fifty. A negative `bytes` means "do not keep".
 */
export async function cachedValue<T>(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<Sized<T>>,
): Promise<T> {
  const cache = cacheOf(ctx.store);
  const version = await dataVersion(ctx);
  const full = `${ctx.orgId}|${ctx.now().toISOString().slice(0, 10)}|${key}`;
  const hit = cache.entries.get(full);
  if (hit && hit.version === version) {
    // Re-insert: Map order is the least-recently-used order for eviction.
    cache.entries.delete(full);
    cache.entries.set(full, hit);
    return hit.value as T;
  }
  const flightKey = `${full}|${version}`;
  const running = cache.inflight.get(flightKey);
  if (running) return running as Promise<T>;
  const flight = compute().then((sized) => {
    if (sized.bytes >= 0) store(cache, full, { value: sized.value, bytes: sized.bytes, version });
    return sized.value;
  });
  cache.inflight.set(flightKey, flight);
  try {
    return await flight;
  } finally {
    cache.inflight.delete(flightKey);
  }
}

function store(cache: Cache, key: string, entry: Entry) {
  const old = cache.entries.get(key);
  if (old) {
    cache.bytes -= old.bytes;
    cache.entries.delete(key);
  }
  if (entry.bytes > MAX_BYTES / 4) return; // one huge value must not flush everything else
  cache.entries.set(key, entry);
  cache.bytes += entry.bytes;
  for (const [k, e] of cache.entries) {
    if (cache.bytes <= MAX_BYTES) break;
    cache.entries.delete(k);
    cache.bytes -= e.bytes;
  }
}
