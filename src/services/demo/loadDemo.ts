import { DomainError } from '../../domain/errors.ts';
import { bulkLoad, type TableBatch } from '../../store/bulkLoad.ts';
import type { Store } from '../../store/database.ts';
import { ORG_TABLES } from '../../store/orgTables.ts';
import { memberships, organizations, users } from '../../store/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findOrganization } from '../organizations.ts';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from './demoCatalog.ts';
import { demoPeriods, generateDemo } from './demoPortfolio.ts';
import { Random } from './random.ts';

export interface LoadDemoOptions {
  seed?: number;
  scale?: number;
  now?: Date;
  slug?: string;
  onProgress?: (event: { phase: string; done: number; total: number }) => void;
}

export interface LoadedDemo {
  orgId: string;
  slug: string;
  rows: number;
  users: readonly { email: string; role: string }[];
}

/**
 * Creates the demo organization with its users and loads the generated portfolio with COPY, in one
 * transaction per bulk load. Same seed, scale and date → the same data, ids included.
 */
export async function loadDemo(store: Store, options: LoadDemoOptions = {}): Promise<LoadedDemo> {
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 1;
  const now = options.now ?? new Date();
  const slug = options.slug ?? DEMO_ORG.slug;
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    throw new DomainError('invalid_input', 'scale must be a whole number from 1 to 1000');
  }
  if (await findOrganization(store, slug)) {
    throw new DomainError(
      'conflict',
      `the store already has an organization "${slug}"; use an empty store or another --slug`,
    );
  }
  const rnd = new Random(seed ^ 0x5eed);
  const { planning } = demoPeriods(now);
  const orgId = rnd.uuid();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = now;
  const demoUsers = DEMO_USERS.map((u) => ({
    id: rnd.uuid(),
    email: slug === DEMO_ORG.slug ? u.email : u.email.replace('@', `+${slug}@`),
    name: u.name,
    passwordHash,
    createdAt,
    role: u.role,
  }));
  const productOwnerId = demoUsers.find((u) => u.role === 'product_manager')!.id;
  const rows = generateDemo({ orgId, seed, scale, now, productOwnerId });
  // The organization, its users and all its data load in one transaction: all or nothing.
  const batches: TableBatch[] = [
    {
      table: organizations,
      rows: [
        {
          id: orgId,
          slug,
          name: slug === DEMO_ORG.slug ? DEMO_ORG.name : `${DEMO_ORG.name} (${slug})`,
          settings: {
            planningStart: planning[0],
            planningPeriods: planning.length,
            discountRate: 0.02,
            currency: 'USD',
          },
          version: 1,
          createdAt,
        },
      ],
    },
    { table: users, rows: demoUsers.map(({ role: _r, ...u }) => u) },
    { table: memberships, rows: demoUsers.map((u) => ({ orgId, userId: u.id, role: u.role, createdAt })) },
    ...ORG_TABLES.map(({ key, table }) => ({ table, rows: rows[key] ?? [] })),
  ];
  const total = batches.reduce((n, b) => n + b.rows.length, 0);
  let done = 0;
  options.onProgress?.({ phase: 'load', done, total });
  await bulkLoad(store, batches, (_table, count) => {
    done += count;
    options.onProgress?.({ phase: 'load', done, total });
  });
  return { orgId, slug, rows: total, users: demoUsers.map((u) => ({ email: u.email, role: u.role })) };
}
