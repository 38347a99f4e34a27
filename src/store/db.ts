import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type every repository works with, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
