import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Tags a comment may use once rendered: text formatting, lists, links, code, tables — no images or scripts. */
const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
  'del',
  'input',
] as const;

/**
 * Renders comment markdown to HTML that is safe to show as is: raw HTML in the markdown is escaped or
 * stripped, links get rel="noopener noreferrer nofollow", and only http(s)/mailto URLs survive.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      code: ['class'],
      input: ['type', 'checked', 'disabled'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    },
  }).trim();
}
