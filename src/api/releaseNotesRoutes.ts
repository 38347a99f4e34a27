import type { Context } from 'hono';
import type { ServiceContext } from '../services/context.ts';
import { changelogFeed, changelogUrl } from '../services/releases/changelogFeeds.ts';
import { changelogPage } from '../services/releases/changelogPage.ts';
import { type ProductRef, plannedReleases, publicChangelog } from '../services/releases/publicChangelog.ts';
import {
  deleteReleaseNote,
  draftReleaseNote,
  getReleaseNote,
  listReleaseNotes,
  PublishRequest,
  publishRelease,
  ReleaseNoteDraftRequest,
  ReleaseNoteUpdate,
  releaseNoteProduct,
  releaseProduct,
  updateReleaseNote,
} from '../services/releases/releaseNotes.ts';
import { releasesCalendar } from '../services/releases/releasesCalendar.ts';
import { ifMatchVersion, pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const releaseTarget = async (ctx: ServiceContext, c: Context) => ({
  productIds: [await releaseProduct(ctx, pathId(c, 'release'))],
});
const noteTarget = async (ctx: ServiceContext, c: Context) => ({
  productIds: [await releaseNoteProduct(ctx, pathId(c, 'release note'))],
});

/** The site's public origin for links in feeds: SEXTANT_PUBLIC_URL behind a proxy, else the request's. */
const origin = (c: Context) =>
  (process.env.SEXTANT_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, '');

type Channel = 'page' | 'rss' | 'atom' | 'json' | 'ics';

async function serveChannel(c: Context, ctx: ServiceContext, ref: ProductRef, channel: Channel) {
  const headers = { 'cache-control': 'public, max-age=300' };
  if (channel === 'ics') {
    const { product, releases } = await plannedReleases(ctx.store, ref);
    return c.body(releasesCalendar(product, releases), 200, {
      ...headers,
      'content-type': 'text/calendar; charset=utf-8',
    });
  }
  const segment = c.req.query('segment');
  const changelog = await publicChangelog(ctx.store, ref, { segmentId: segment });
  const base = changelogUrl(origin(c), changelog);
  if (channel === 'page') return c.html(changelogPage(changelog, base), 200, headers);
  const feed = changelogFeed(origin(c), changelog);
  if (channel === 'rss')
    return c.body(feed.rss2(), 200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8' });
  if (channel === 'atom')
    return c.body(feed.atom1(), 200, { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' });
  return c.body(feed.json1(), 200, { ...headers, 'content-type': 'application/feed+json; charset=utf-8' });
}

const CHANNELS: { suffix: string; channel: Channel; what: string }[] = [
  { suffix: '/rss.xml', channel: 'rss', what: 'RSS 2.0 feed of' },
  { suffix: '/atom.xml', channel: 'atom', what: 'Atom feed of' },
  { suffix: '/feed.json', channel: 'json', what: 'JSON Feed of' },
  { suffix: '/releases.ics', channel: 'ics', what: 'iCalendar of the planned release dates of' },
];

const byId = (c: Context): ProductRef => ({ productId: c.req.param('id') ?? '' });
const bySlug = (c: Context): ProductRef => ({
  orgSlug: c.req.param('orgSlug') ?? '',
  productSlug: c.req.param('productSlug') ?? '',
});

const segmentQuery = [{ name: 'segment', description: "a segment id: show that segment's variants" }];

/** Public changelog channels; the feed routes come first so `/changelog/{id}/rss.xml` is never read as a slug pair. */
const PUBLIC_ROUTES: RouteSpec[] = [
  ...CHANNELS.flatMap(({ suffix, channel, what }): RouteSpec[] => [
    {
      method: 'GET',
      path: `/changelog/:id${suffix}`,
      action: 'public',
      tag: 'changelog',
      summary: `${what} a product's public changelog (by product id)`,
      handler: (c, ctx) => serveChannel(c, ctx, byId(c), channel),
    },
    {
      method: 'GET',
      path: `/changelog/:orgSlug/:productSlug${suffix}`,
      action: 'public',
      tag: 'changelog',
      summary: `${what} a product's public changelog (by organization and product slug)`,
      handler: (c, ctx) => serveChannel(c, ctx, bySlug(c), channel),
    },
  ]),
  {
    method: 'GET',
    path: '/changelog/:id',
    action: 'public',
    tag: 'changelog',
    summary: "A product's public changelog page (by product id); 404 when its owner switched it off",
    query: segmentQuery,
    handler: (c, ctx) => serveChannel(c, ctx, byId(c), 'page'),
  },
  {
    method: 'GET',
    path: '/changelog/:orgSlug/:productSlug',
    action: 'public',
    tag: 'changelog',
    summary: "A product's public changelog page (by organization and product slug)",
    query: segmentQuery,
    handler: (c, ctx) => serveChannel(c, ctx, bySlug(c), 'page'),
  },
];

/** Release notes (draft, edit, publish) and the public changelog with its feeds (issue 9). */
export const RELEASE_NOTES_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/releases/:id/notes',
    action: 'read',
    tag: 'release-notes',
    summary: 'The notes of a release: the base note and its segment variants',
    takesId: true,
    target: releaseTarget,
    handler: async (c, ctx) => c.json(await listReleaseNotes(ctx, pathId(c, 'release'))),
  },
  {
    method: 'POST',
    path: '/api/v1/releases/:id/notes',
    action: 'product.write',
    tag: 'release-notes',
    summary:
      "Compose a release note draft from the release's shipped features (segmentId: a variant leading with that segment's value proposition)",
    body: ReleaseNoteDraftRequest,
    takesId: true,
    target: releaseTarget,
    handler: async (c, ctx, body) =>
      withEtag(c, await draftReleaseNote(ctx, pathId(c, 'release'), body), 201),
  },
  {
    method: 'POST',
    path: '/api/v1/releases/:id/publish',
    action: 'product.write',
    tag: 'release-notes',
    summary: 'Publish a release: its notes go public, the release is marked released, events go out',
    body: PublishRequest,
    takesId: true,
    target: releaseTarget,
    handler: async (c, ctx, body) => c.json(await publishRelease(ctx, pathId(c, 'release'), body)),
  },
  {
    method: 'GET',
    path: '/api/v1/release-notes/:id',
    action: 'read',
    tag: 'release-notes',
    summary: 'Get a release note',
    takesId: true,
    target: noteTarget,
    handler: async (c, ctx) => withEtag(c, await getReleaseNote(ctx, pathId(c, 'release note'))),
  },
  {
    method: 'PATCH',
    path: '/api/v1/release-notes/:id',
    action: 'product.write',
    tag: 'release-notes',
    summary: "Edit a release note's markdown (send If-Match with its ETag)",
    body: ReleaseNoteUpdate,
    takesId: true,
    target: noteTarget,
    handler: async (c, ctx, body) =>
      withEtag(c, await updateReleaseNote(ctx, pathId(c, 'release note'), body, ifMatchVersion(c))),
  },
  {
    method: 'DELETE',
    path: '/api/v1/release-notes/:id',
    action: 'product.write',
    tag: 'release-notes',
    summary: 'Delete a release note',
    takesId: true,
    target: noteTarget,
    handler: async (c, ctx) => {
      await deleteReleaseNote(ctx, pathId(c, 'release note'), ifMatchVersion(c));
      return c.body(null, 204);
    },
  },
  ...PUBLIC_ROUTES,
];
