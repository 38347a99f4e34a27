import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'iframe'), 'h1', 'h2', 'img'];

/**
 * Markdown → HTML safe to show to anyone: rendered with marked, then cleaned with sanitize-html (no
 * scripts, event handlers, styles, iframes or javascript: URLs), because notes are written by users and
 * shown on a public page and in feeds.
 */
export function renderChangelogMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
  });
}
