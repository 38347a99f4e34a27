import { escapeHtml } from '../releases/changelogPage.ts';

/** The site's public address for links in mail (SEXTANT_PUBLIC_URL), or null when not configured. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.SEXTANT_PUBLIC_URL?.trim();
  return url ? url.replace(/\/$/, '') : null;
}

/**
 * A plain HTML email around already-sanitized body HTML; the title and footer are escaped here. No
 * scripts, images or remote styles: mail clients block them and they leak who opened the mail.
 */
export function mailHtml(title: string, bodyHtml: string, footer: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:40rem">
${bodyHtml}
<hr><p style="color:#57606a;font-size:.85rem">${escapeHtml(footer)}</p>
</body></html>
`;
}
