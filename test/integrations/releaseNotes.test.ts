import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { type Client, clientFor, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Json = Record<string, unknown>;
const INJECTION = [
  '## Security fixes',
  '',
  'Now <script>alert("pwned")</script> safer.',
  '',
  '<img src="x" onerror="alert(1)"> [click me](javascript:alert(2)) <iframe src="https://evil.test"></iframe>',
  '',
  '<a href="https://example.com" onclick="steal()">docs</a> & <b>bold</b>',
].join('\n');

describe.each(BACKENDS)('release notes and the public changelog on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let pm: Client;
  let anon: Client;
  let product: Json;
  let release: Json;
  let segment: Json;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    pm = await world.as('product');
    anon = clientFor(world.app, null);
    const me = (await (await pm.request('GET', '/api/v1/auth/me')).json()) as { user: { id: string } };
    const products = (
      (await (await pm.request('GET', '/api/v1/products?limit=50')).json()) as { items: Json[] }
    ).items;
    product = products.find((p) => p.ownerId === me.user.id)!;
    expect(product).toBeDefined();
    segment = ((await (await pm.request('GET', '/api/v1/segments?limit=1')).json()) as { items: Json[] })
      .items[0]!;
    const r = await pm.request('POST', '/api/v1/releases', {
      productId: product.id,
      name: 'v9.1',
      plannedDate: '2026-12-15',
    });
    expect(r.status).toBe(201);
    release = (await r.json()) as Json;
    for (const [title, spec, status] of [
      [
        'Faster exports',
        'Exports run in the background.\nTwice as fast.\n\n## Details\nMore text.',
        'shipped',
      ],
      ['Audit trail search', '# Heading\n\nSearch the audit trail by actor.', 'shipped'],
      ['Unfinished thing', 'Not yet.', 'in_progress'],
    ] as const) {
      const f = await pm.request('POST', '/api/v1/features', {
        productId: product.id,
        releaseId: release.id,
        title,
        spec,
        status,
      });
      expect(f.status).toBe(201);
    }
  });
  afterAll(async () => store.close());

  it('composes a draft from the shipped features: titles and the first paragraph of each spec', async () => {
    const res = await pm.request('POST', `/api/v1/releases/${release.id}/notes`, {});
    expect(res.status).toBe(201);
    const note = (await res.json()) as Json;
    const md = String(note.markdown);
    expect(md).toContain('- **Faster exports** — Exports run in the background. Twice as fast.');
    expect(md).toContain('- **Audit trail search** — Search the audit trail by actor.');
    expect(md).not.toContain('Unfinished thing');
    expect(md).not.toContain('More text');
    expect(note.publishedAt).toBeNull();
    // A second draft of the same note is refused unless recomposition is asked for.
    expect((await pm.request('POST', `/api/v1/releases/${release.id}/notes`, {})).status).toBe(409);
  });

  it("composes a segment variant that leads with the segment's value proposition", async () => {
    const res = await pm.request('POST', `/api/v1/releases/${release.id}/notes`, { segmentId: segment.id });
    expect(res.status).toBe(201);
    const md = String(((await res.json()) as Json).markdown);
    const lead = md.split('\n').find((l) => l.startsWith('**For '))!;
    expect(lead).toContain(String(segment.name));
    expect(lead).toContain(String(segment.valueProposition).slice(0, 40));
    expect(md.indexOf('**For ')).toBeLessThan(md.indexOf('Faster exports'));
  });

  it('edits the markdown with optimistic concurrency, then publishes with a date', async () => {
    const notes = (
      (await (await pm.request('GET', `/api/v1/releases/${release.id}/notes`)).json()) as {
        items: Json[];
      }
    ).items;
    const base = notes.find((n) => n.segmentId === null)!;
    const stale = await pm.request(
      'PATCH',
      `/api/v1/release-notes/${base.id}`,
      { markdown: 'x' },
      {
        'if-match': '"99"',
      },
    );
    expect(stale.status).toBe(412);
    const edited = await pm.request(
      'PATCH',
      `/api/v1/release-notes/${base.id}`,
      { markdown: `# v9.1\n\n${INJECTION}` },
      { 'if-match': `"${base.version}"` },
    );
    expect(edited.status).toBe(200);
    // Not public before publication.
    const before = await (await anon.request('GET', `/changelog/${product.id}`)).text();
    expect(before).not.toContain('Security fixes');
    const pub = await pm.request('POST', `/api/v1/releases/${release.id}/publish`, { date: '2026-11-20' });
    expect(pub.status).toBe(200);
    const rel = (await (await pm.request('GET', `/api/v1/releases/${release.id}`)).json()) as Json;
    expect(rel.status).toBe('released');
    expect(rel.actualDate).toBe('2026-11-20');
    const after = (
      (await (await pm.request('GET', `/api/v1/releases/${release.id}/notes`)).json()) as {
        items: Json[];
      }
    ).items;
    expect(after.every((n) => typeof n.publishedAt === 'string')).toBe(true);
    expect((await pm.request('POST', `/api/v1/releases/${release.id}/publish`, {})).status).toBe(409);
  });

  it('renders markdown with script injection inert on the public page (no login)', async () => {
    const res = await anon.request('GET', `/changelog/${product.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<h2>Security fixes</h2>');
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('href="https://example.com"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain('alert("pwned")');
    // The same page by organization and product slug.
    const bySlug = await anon.request('GET', `/changelog/demo/${product.slug}`);
    expect(bySlug.status).toBe(200);
    expect(await bySlug.text()).toContain('<h2>Security fixes</h2>');
  });

  it('serves RSS 2.0 and Atom that a real feed parser reads, with their required fields', async () => {
    const parser = new Parser();
    const rssRes = await anon.request('GET', `/changelog/${product.id}/rss.xml`);
    expect(rssRes.headers.get('content-type')).toContain('application/rss+xml');
    const rssXml = await rssRes.text();
    expect(rssXml).toMatch(/<rss[^>]+version="2.0"/);
    const rss = await parser.parseString(rssXml);
    // RSS 2.0 channel requires title, link and description; an item requires a title or a description.
    expect(rss.title).toBe(`${product.name} — changelog`);
    expect(rss.link).toMatch(/^http:\/\/localhost\/changelog\/demo\//);
    expect(rss.description).toBeTruthy();
    const item = rss.items.find((i) => i.title === `${product.name} v9.1`)!;
    expect(item).toBeDefined();
    expect(item.guid).toBe(`urn:uuid:${release.id}`);
    const encoded = String((item as Record<string, unknown>)['content:encoded']);
    expect(encoded).toContain('Security fixes');
    expect(encoded).not.toMatch(/<script|onerror|javascript:/i);

    const atomRes = await anon.request('GET', `/changelog/demo/${product.slug}/atom.xml`);
    expect(atomRes.headers.get('content-type')).toContain('application/atom+xml');
    const atomXml = await atomRes.text();
    expect(atomXml).toContain('xmlns="http://www.w3.org/2005/Atom"');
    const atom = await parser.parseString(atomXml);
    // Atom requires feed id, title, updated; every entry id, title, updated.
    expect(atom.title).toBe(`${product.name} — changelog`);
    expect(atomXml).toMatch(/<feed[^>]*>[\s\S]*<id>[^<]+<\/id>[\s\S]*<updated>[^<]+<\/updated>/);
    const entry = atom.items.find((i) => i.title === `${product.name} v9.1`)!;
    expect(entry.id).toBe(`urn:uuid:${release.id}`);
    expect(Number.isNaN(Date.parse(String(entry.pubDate ?? entry.isoDate)))).toBe(false);
    expect(entry.content).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('serves a JSON Feed with the fields the spec requires', async () => {
    const res = await anon.request('GET', `/changelog/${product.id}/feed.json`);
    expect(res.headers.get('content-type')).toContain('application/feed+json');
    const feed = (await res.json()) as Json & { items: Json[] };
    expect(String(feed.version)).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(feed.title).toBe(`${product.name} — changelog`);
    expect(Array.isArray(feed.items)).toBe(true);
    const item = feed.items.find((i) => i.title === `${product.name} v9.1`)!;
    expect(item.id).toBe(`urn:uuid:${release.id}`);
    expect(typeof item.content_html).toBe('string');
    expect(String(item.content_html)).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('serves an iCalendar of the planned release dates', async () => {
    await pm.request('POST', '/api/v1/releases', {
      productId: product.id,
      name: 'v10, "big"',
      plannedDate: '2027-02-01',
    });
    const res = await anon.request('GET', `/changelog/${product.id}/releases.ics`);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('VERSION:2.0\r\n');
    expect(ics).toMatch(/PRODID:[^\r]+\r\n/);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r]+\r\n/);
      expect(e).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      expect(e).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\n/);
    }
    expect(ics).toContain('DTSTART;VALUE=DATE:20270201');
    expect(ics).toContain('v10\\, "big" (planned)');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261120'); // the published release, on its actual date
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('lets the product owner switch the public changelog off (then nothing is served)', async () => {
    const res = await pm.request('PATCH', `/api/v1/products/${product.id}`, { changelogPublic: false });
    expect(res.status).toBe(200);
    for (const suffix of ['', '/rss.xml', '/atom.xml', '/feed.json', '/releases.ics']) {
      expect((await anon.request('GET', `/changelog/${product.id}${suffix}`)).status).toBe(404);
      expect((await anon.request('GET', `/changelog/demo/${product.slug}${suffix}`)).status).toBe(404);
    }
    await pm.request('PATCH', `/api/v1/products/${product.id}`, { changelogPublic: true });
    expect((await anon.request('GET', `/changelog/${product.id}`)).status).toBe(200);
  });

  it('answers 404 for unknown products and slugs of another organization', async () => {
    expect((await anon.request('GET', '/changelog/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await anon.request('GET', `/changelog/nope/${product.slug}`)).status).toBe(404);
    expect((await anon.request('GET', '/changelog/not-a-uuid')).status).toBe(404);
  });
});
