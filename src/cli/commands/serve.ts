import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Command } from 'commander';
import type { Hono } from 'hono';
import { createApp } from '../../api/app.ts';
import { rateLimitFromEnv } from '../../api/rateLimit.ts';
import { DEMO_PASSWORD } from '../../services/demo/demoCatalog.ts';
import { loadDemo } from '../../services/demo/loadDemo.ts';
import { startWebhookDispatcher } from '../../services/integrations/webhookDispatcher.ts';
import {
  DEFAULT_JOB_CONCURRENCY,
  DEFAULT_JOB_POLL_MS,
  DEFAULT_LEASE_SECONDS,
  startJobWorker,
} from '../../services/jobs/jobWorker.ts';
import { startMailDispatcher } from '../../services/mail/mailDispatcher.ts';
import {
  describeStore,
  isStoreEmpty,
  openConfiguredStore,
  resolveStoreLocation,
} from '../../services/storeAccess.ts';
import { closeWorkerPool } from '../../services/workerPool.ts';
import { CliError } from '../cliError.ts';
import { progressBar } from '../progress.ts';
import { asCliError, withStoreOptions } from '../storeOptions.ts';

const WEB_ROOT = new URL('../../../dist/web/', import.meta.url).pathname;

function mountWeb(app: Hono) {
  if (!existsSync(WEB_ROOT)) {
    app.get('/', (c) =>
      c.html(
        '<!doctype html><title>Sextant</title><p>The web app is not built in this checkout: run <code>npm run build:web</code> ' +
          '(<code>npm start</code> does it for you). The API is running: <a href="/api/docs">API docs</a>.</p>',
      ),
    );
    return;
  }
  app.use('/*', serveStatic({ root: WEB_ROOT }));
  // Client-side routes: every other GET that is not the API gets the app shell.
  app.get('*', serveStatic({ path: `${WEB_ROOT}index.html` }));
}

export function registerServeCommand(program: Command): void {
  withStoreOptions(
    program
      .command('serve')
      .description('start Sextant (API + web app); loads the demo portfolio into an empty store')
      .option('-p, --port <port>', 'port (env PORT)', process.env.PORT ?? '4000')
      .option('--host <host>', 'interface to listen on', process.env.HOST ?? '0.0.0.0')
      .option('--no-demo', 'do not load the demo portfolio into an empty store')
      .option(
        '--job-concurrency <n>',
        'background jobs this process runs at once; 0 = none (env SEXTANT_JOB_CONCURRENCY)',
        process.env.SEXTANT_JOB_CONCURRENCY ?? String(DEFAULT_JOB_CONCURRENCY),
      )
      .option(
        '--job-lease-seconds <s>',
        "how long a dead process's job stays claimed before another takes it (env SEXTANT_JOB_LEASE_SECONDS)",
        process.env.SEXTANT_JOB_LEASE_SECONDS ?? String(DEFAULT_LEASE_SECONDS),
      ),
  ).action(
    async (opts: {
      port: string;
      host: string;
      demo: boolean;
      dataDir?: string;
      databaseUrl?: string;
      jobConcurrency: string;
      jobLeaseSeconds: string;
    }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port ${opts.port} is not a port`, 2);
      const concurrency = Number(opts.jobConcurrency);
      if (!Number.isInteger(concurrency) || concurrency < 0 || concurrency > 64)
        throw new CliError(`--job-concurrency ${opts.jobConcurrency} must be a whole number from 0 to 64`, 2);
      const leaseSeconds = Number(opts.jobLeaseSeconds);
      if (!Number.isFinite(leaseSeconds) || leaseSeconds < 1 || leaseSeconds > 3600)
        throw new CliError(`--job-lease-seconds ${opts.jobLeaseSeconds} must be from 1 to 3600`, 2);
      const pollMs = Number(process.env.SEXTANT_JOB_POLL_MS ?? DEFAULT_JOB_POLL_MS);
      const url = `http://localhost:${port}`;
      let rateLimit: ReturnType<typeof rateLimitFromEnv>;
      try {
        rateLimit = rateLimitFromEnv(process.env.SEXTANT_RATE_LIMIT);
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      const location = resolveStoreLocation(opts);
      let store: Awaited<ReturnType<typeof openConfiguredStore>>;
      try {
        store = await openConfiguredStore({ ...location, command: 'sextant serve', url });
      } catch (err) {
        throw asCliError(err);
      }
      let demoLoaded = false;
      if (opts.demo && (await isStoreEmpty(store))) {
        const bar = progressBar('Loading the demo portfolio');
        await loadDemo(store, { onProgress: (e) => bar.update(e.done, e.total) });
        bar.stop();
        demoLoaded = true;
      }
      const app = createApp({ store, mount: mountWeb, rateLimit });
      const webhooks = startWebhookDispatcher(store);
      const jobs = startJobWorker(store, {
        concurrency,
        leaseSeconds,
        pollMs: Number.isFinite(pollMs) && pollMs > 0 ? pollMs : DEFAULT_JOB_POLL_MS,
      });
      const mail = startMailDispatcher(store);
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const lines = [
          `Sextant is running on http://localhost:${info.port}  (store: ${describeStore(location)})`,
          `API docs: http://localhost:${info.port}/api/docs`,
        ];
        if (demoLoaded || process.env.SEXTANT_PRINT_DEMO_LOGINS !== '0') {
          lines.push(
            '',
            `Demo logins — for trying Sextant only, never for real data (password: ${DEMO_PASSWORD}):`,
            '  admin@demo.test        admin',
            '  portfolio@demo.test    portfolio manager',
            '  product@demo.test      product manager (owns Lumen Analytics, Lumen Embedded, Prism AI)',
            '  contributor@demo.test  contributor',
            '  viewer@demo.test       viewer',
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
      const shutdown = async () => {
        server.close();
        // Jobs first: interrupted work goes back to the queue while the store is still open.
        await jobs.stop();
        await webhooks.stop();
        await mail.stop();
        await closeWorkerPool();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
  );
}
