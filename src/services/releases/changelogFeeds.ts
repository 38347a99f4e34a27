import { Feed } from 'feed';
import type { Changelog } from './publicChangelog.ts';

/** Where a product's public changelog lives, given the site's origin (e.g. https://sextant.example.com). */
export function changelogUrl(origin: string, changelog: Changelog): string {
  return `${origin}/changelog/${changelog.product.orgSlug}/${changelog.product.slug}`;
}

/**
 * The changelog as one `feed` object, rendered as RSS 2.0, Atom 1.0 or JSON Feed by the caller. Entries
 * carry the sanitized HTML of the note; ids are stable (the release id), so readers do not show an entry twice.
 */
export function changelogFeed(origin: string, changelog: Changelog): Feed {
  const base = changelogUrl(origin, changelog);
  const { product } = changelog;
  const updated = new Date(Math.max(0, ...changelog.entries.map((e) => e.updatedAt.getTime())));
  const feed = new Feed({
    title: `${product.name} — changelog`,
    description: product.description || `What's new in ${product.name}`,
    id: base,
    link: base,
    language: 'en',
    updated,
    generator: 'Sextant',
    copyright: product.orgName,
    author: { name: product.orgName },
    feedLinks: { rss: `${base}/rss.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` },
  });
  for (const e of changelog.entries) {
    feed.addItem({
      title: `${product.name} ${e.name}`,
      id: `urn:uuid:${e.releaseId}`,
      guid: `urn:uuid:${e.releaseId}`,
      link: `${base}#release-${e.releaseId}`,
      date: e.updatedAt,
      published: e.publishedAt,
      content: e.html,
      description: `${product.name} ${e.name}${e.date ? `, released ${e.date}` : ''}`,
      author: [{ name: product.orgName }],
    });
  }
  return feed;
}
