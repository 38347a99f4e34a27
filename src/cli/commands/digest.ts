import type { Command } from 'commander';
import { sendDailyDigest } from '../../services/collaboration/dailyDigest.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

/** `sextant digest`: emails every member their unread notifications of the last day (needs SEXTANT_SMTP_URL). */
export function registerDigestCommand(program: Command): void {
  withStoreOptions(
    program
      .command('digest')
      .description('email the daily digest of unread notifications (SEXTANT_SMTP_URL)'),
  ).action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant digest', async (store) => {
      if (!process.env.SEXTANT_SMTP_URL)
        process.stderr.write('SEXTANT_SMTP_URL is not set: nothing is sent\n');
      const res = await sendDailyDigest(store, new Date());
      process.stdout.write(`digest: ${res.emails} email(s) sent\n`);
    });
  });
}
