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

interface Entry extends CachedAnswer {
  version: string;
}

interface Cache {
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<CachedAnswer>>;
  bytes: number;
}

const MAX_BYTES = 64 * 1024 * 1024;
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
 * roadmap) from memory while that data has not changed. The version is read before computing, so an
 * answer is never older than the version it is stored under; a write in between only makes the next
 * request compute again. Concurrent misses for one key share a single computation, so fifty callers on
 * a cold cache cost one ranking, not fifty. The day is part of the key because "now" shapes some answers.
 */
export async function cachedRead(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<CachedAnswer>,
): Promise<CachedAnswer> {
  const cache = cacheOf(ctx.store);
  const version = await dataVersion(ctx);
  const full = `${ctx.orgId}|${ctx.now().toISOString().slice(0, 10)}|${key}`;
  const hit = cache.entries.get(full);
  if (hit && hit.version === version) {
    // Re-insert: Map order is the least-recently-used order for eviction.
    cache.entries.delete(full);
    cache.entries.set(full, hit);
    return hit;
  }
  const flightKey = `${full}|${version}`;
  const running = cache.inflight.get(flightKey);
  if (running) return running;
  const flight = compute().then((answer) => {
    if (answer.status === 200) store(cache, full, { ...answer, version });
    return answer;
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
    cache.bytes -= old.body.length;
    cache.entries.delete(key);
  }
  if (entry.body.length > MAX_BYTES / 4) return; // one huge answer must not flush everything else
  cache.entries.set(key, entry);
  cache.bytes += entry.body.length;
  for (const [k, e] of cache.entries) {
    if (cache.bytes <= MAX_BYTES) break;
    cache.entries.delete(k);
    cache.bytes -= e.body.length;
  }
}
