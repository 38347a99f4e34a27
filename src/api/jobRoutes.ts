import type { Context } from 'hono';
import type { ServiceContext } from '../services/context.ts';
import { JOB_KINDS } from '../services/jobs/jobKinds.ts';
import {
  cancelJob,
  getJob,
  JOB_STATUSES,
  JobSubmission,
  jobCancelAuthorization,
  jobSubmissionAuthorization,
  listJobs,
  submitJob,
} from '../services/jobs/jobService.ts';
import { pathId } from './entityRoutes.ts';
import type { RouteSpec, Target } from './routeSpec.ts';

const jobId = (c: Context) => pathId(c, 'job');

/** Reading a job needs only membership; not found outside the caller's organization. */
async function jobTarget(ctx: ServiceContext, c: Context): Promise<Target> {
  await getJob(ctx, jobId(c));
  return { productIds: [] };
}

/**
 * Background jobs (issue 10): long work submitted once and followed by polling, run by whichever
 * Sextant process claims it. Submitting needs what the kind's synchronous route needs (the route's own
 * action is only the floor); reading is open to every member of the organization.
 */
export const JOB_ROUTES: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/jobs',
    action: 'read',
    tag: 'jobs',
    summary: `Queue a job (${JOB_KINDS.join(', ')}) with the body of its synchronous endpoint as input: 202 with the job; poll GET /jobs/{id} for progress and the result`,
    body: JobSubmission,
    target: async (ctx, _c, body) => jobSubmissionAuthorization(ctx, body),
    handler: async (c, ctx, body) => c.json(await submitJob(ctx, body), 202),
  },
  {
    method: 'GET',
    path: '/api/v1/jobs',
    action: 'read',
    tag: 'jobs',
    summary: "The organization's jobs, newest first",
    query: [
      { name: 'kind', description: JOB_KINDS.join(' | ') },
      { name: 'status', description: JOB_STATUSES.join(' | ') },
      { name: 'limit', description: 'page size, 1–500 (default 50)' },
      { name: 'cursor', description: 'nextCursor of the previous page' },
    ],
    handler: async (c, ctx) => c.json(await listJobs(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/:id',
    action: 'read',
    tag: 'jobs',
    summary: 'A job: status, progress {done, total, message}, result or error, attempts, timestamps',
    takesId: true,
    target: jobTarget,
    handler: async (c, ctx) => c.json(await getJob(ctx, jobId(c))),
  },
  {
    method: 'POST',
    path: '/api/v1/jobs/:id/cancel',
    action: 'read',
    tag: 'jobs',
    summary: 'Cancel a queued or running job (needs what submitting it needs; 409 once it has finished)',
    takesId: true,
    target: async (ctx, c) => jobCancelAuthorization(ctx, jobId(c)),
    handler: async (c, ctx) => c.json(await cancelJob(ctx, jobId(c))),
  },
];
