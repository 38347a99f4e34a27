import type { Command } from 'commander';
import { ROLES } from '../../domain/entities/enums.ts';
import { createToken } from '../../services/auth/tokens.ts';
import { addUser, findUserIdByEmail, listUsers, resetPassword } from '../../services/auth/users.ts';
import { findOrganization } from '../../services/organizations.ts';
import { CliError } from '../cliError.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

/** Checks a --role value up front, so a typo gets one clear line listing the roles. */
function checkRole(role: string): void {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new CliError(`unknown role "${role}"; use one of ${ROLES.join(', ')}`, 2);
  }
}

async function readPassword(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.SEXTANT_PASSWORD) return process.env.SEXTANT_PASSWORD;
  throw new CliError('give the password with --password or the SEXTANT_PASSWORD environment variable', 2);
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  withStoreOptions(
    user
      .command('add')
      .description('create a user (or update their role) in an organization')
      .requiredOption('--email <email>', 'email address')
      .requiredOption('--role <role>', 'admin | portfolio_manager | product_manager | contributor | viewer')
      .option('--name <name>', 'display name')
      .option('--password <password>', 'initial password (or env SEXTANT_PASSWORD)')
      .option('--org <slug>', 'organization', 'demo'),
  ).action(
    async (opts: {
      email: string;
      role: string;
      name?: string;
      password?: string;
      org: string;
      dataDir?: string;
      databaseUrl?: string;
    }) => {
      checkRole(opts.role);
      const password = await readPassword(opts.password);
      await withStore(opts, 'sextant user add', async (store) => {
        const org = await findOrganization(store, opts.org);
        if (!org) throw new CliError(`no organization "${opts.org}"`, 2);
        const r = await addUser(store, org.id, {
          email: opts.email,
          role: opts.role,
          name: opts.name,
          password,
        });
        process.stdout.write(`${r.created ? 'created' : 'updated'} ${r.email} as ${r.role} in ${org.slug}\n`);
      });
    },
  );
  withStoreOptions(
    user
      .command('reset-password')
      .description('set a new password (ends the user’s sessions)')
      .requiredOption('--email <email>', 'email address')
      .option('--password <password>', 'new password (or env SEXTANT_PASSWORD)'),
  ).action(async (opts: { email: string; password?: string; dataDir?: string; databaseUrl?: string }) => {
    const password = await readPassword(opts.password);
    await withStore(opts, 'sextant user reset-password', async (store) => {
      await resetPassword(store, opts.email, password);
      process.stdout.write(`password reset for ${opts.email}\n`);
    });
  });
  withStoreOptions(
    user
      .command('list')
      .description('list users and their roles')
      .option('--org <slug>', 'only this organization')
      .option('--json', 'JSON output'),
  ).action(async (opts: { org?: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant user list', async (store) => {
      const org = opts.org ? await findOrganization(store, opts.org) : undefined;
      if (opts.org && !org) throw new CliError(`no organization "${opts.org}"`, 2);
      const rows = await listUsers(store, org?.id);
      if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
      else
        for (const r of rows)
          process.stdout.write(`${r.organization.padEnd(16)} ${r.email.padEnd(32)} ${r.role}\n`);
    });
  });

  const token = program.command('token').description('manage API tokens');
  withStoreOptions(
    token
      .command('create')
      .description('create an API token for a user; the token is printed once')
      .requiredOption('--user <email>', 'the token acts as this user')
      .requiredOption('--scope <scope>', 'read | read-write')
      .option('--name <name>', 'label', 'cli')
      .option('--days <n>', 'days until it expires', '90')
      .option('--org <slug>', 'organization', 'demo'),
  ).action(
    async (opts: {
      user: string;
      scope: string;
      name: string;
      days: string;
      org: string;
      dataDir?: string;
      databaseUrl?: string;
    }) => {
      if (opts.scope !== 'read' && opts.scope !== 'read-write') {
        throw new CliError(`unknown scope "${opts.scope}"; use read or read-write`, 2);
      }
      await withStore(opts, 'sextant token create', async (store) => {
        const org = await findOrganization(store, opts.org);
        if (!org) throw new CliError(`no organization "${opts.org}"`, 2);
        const userId = await findUserIdByEmail(store, opts.user);
        if (!userId) throw new CliError(`no user ${opts.user}`, 2);
        const t = await createToken(store, org.id, userId, {
          name: opts.name,
          scope: opts.scope,
          expiresInDays: Number(opts.days),
        });
        process.stdout.write(`${t.token}\n`);
        process.stderr.write(
          `token ${t.id} (${t.scope}) expires ${t.expiresAt}; it is shown only this once\n`,
        );
      });
    },
  );
}
