import type { Changelog } from './publicChangelog.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font:16px/1.6 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0}
main{max-width:44rem;margin:0 auto;padding:2rem 1rem}header p{color:#57606a}
article{border-top:1px solid #d0d7de;padding:1.5rem 0}article h2{margin:0 0 .25rem}
time{color:#57606a;font-size:.9rem}a{color:#0550ae}nav a{margin-right:1rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#6cb6ff}article{border-color:#30363d}}`;

/**
 * The public changelog page: plain, readable HTML with no scripts (the site's CSP forbids inline ones
 * anyway). Notes are already sanitized HTML; everything else is escaped here.
 */
export function changelogPage(changelog: Changelog, base: string): string {
  const { product } = changelog;
  const title = escapeHtml(`${product.name} — changelog`);
  const entries = changelog.entries
    .map((e) => {
      const date = e.date ?? e.publishedAt.toISOString().slice(0, 10);
      return `<article id="release-${escapeHtml(e.releaseId)}">
<p><time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time></p>
${e.html}
</article>`;
    })
    .join('\n');
  const b = escapeHtml(base);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="${b}/rss.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="${b}/atom.xml">
<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${b}/feed.json">
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<p>${escapeHtml(product.description || `What's new in ${product.name}, from ${product.orgName}.`)}</p>
<nav aria-label="Subscribe"><a href="${b}/rss.xml">RSS</a><a href="${b}/atom.xml">Atom</a><a href="${b}/feed.json">JSON Feed</a><a href="${b}/releases.ics">Release calendar</a></nav>
</header>
${entries || '<p>No releases have been published yet.</p>'}
</main>
</body>
</html>
`;
}
