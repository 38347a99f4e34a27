import type { IdeaStatus } from '../../domain/entities/portal.ts';
import { renderMarkdown } from '../collaboration/renderMarkdown.ts';
import { escapeHtml } from '../releases/changelogPage.ts';
import type { PortalVisit } from './portalAccess.ts';
import type { PublicIdea } from './portalPublic.ts';

export const STATUS_LABELS: Record<IdeaStatus, string> = {
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
};

const label = (status: string) => STATUS_LABELS[status as IdeaStatus] ?? status;

const STYLE = `body{font:16px/1.6 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:2rem 1rem}header p{color:#57606a}a{color:#0550ae}
article{border-top:1px solid #d0d7de;padding:1rem 0;display:flex;gap:1rem}
.votes{min-width:4rem;text-align:center;font-weight:600}.status{font-size:.8rem;border:1px solid #57606a;border-radius:1rem;padding:0 .5rem;margin-left:.5rem}
form{display:grid;gap:.5rem;margin:1rem 0;max-width:32rem}label{display:grid;gap:.2rem}
input,textarea,button{font:inherit;padding:.4rem}.error{color:#a40e26;border:1px solid #a40e26;padding:.5rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#6cb6ff}article{border-color:#30363d}}`;

export interface PageParts {
  visit: PortalVisit | null;
  /** Shown when no visit could be opened (sign-in-only portal, error pages). */
  title: string;
  base: string;
  csrf: string;
  body: string;
}

/** The page frame: plain HTML, no script (the site's CSP forbids inline scripts anyway); all text escaped. */
export function portalPage(p: PageParts): string {
  const account = p.visit?.account;
  const who = account
    ? `<form method="post" action="${p.base}/logout"><input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">Signed in as ${escapeHtml(account.email)} <button type="submit">Sign out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${who}
${p.body}
</main>
</body>
</html>
`;
}

const identityFields = (visit: PortalVisit) =>
  visit.account
    ? ''
    : `<label>Your email (never shown; we tell you when it ships) <input type="email" name="email" required maxlength="254" autocomplete="email"></label>
<label>Your name (shown) <input name="name" maxlength="100" autocomplete="name"></label>`;

const csrfField = (csrf: string) => `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;

/** The portal's front page: the ideas, most voted first, and the form to submit one. */
export function ideasPage(
  visit: PortalVisit,
  ideas: PublicIdea[],
  base: string,
  csrf: string,
  error?: string,
) {
  const { portal } = visit;
  const list = ideas
    .map(
      (i) => `<article id="idea-${escapeHtml(i.id)}">
<div class="votes"><span class="count">${i.votes}</span><br>vote${i.votes === 1 ? '' : 's'}</div>
<div><h2><a href="${base}/ideas/${escapeHtml(i.id)}">${escapeHtml(i.title)}</a><span class="status" data-status="${escapeHtml(i.status)}">${escapeHtml(label(i.status))}</span></h2>
<p>${escapeHtml(i.body.slice(0, 280))}${i.body.length > 280 ? '…' : ''}</p></div>
</article>`,
    )
    .join('\n');
  return portalPage({
    visit,
    title: portal.title,
    base,
    csrf,
    body: `<header><h1>${escapeHtml(portal.title)}</h1>
<p>${escapeHtml(portal.intro || `Share your ideas with ${portal.orgName} and vote for the ones you need.`)}</p></header>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<section aria-labelledby="submit"><h2 id="submit">Suggest an idea</h2>
<form method="post" action="${base}/ideas">${csrfField(csrf)}
<label>Title <input name="title" required minlength="3" maxlength="200"></label>
<label>Why do you need it? <textarea name="body" rows="4" maxlength="10000"></textarea></label>
${identityFields(visit)}
<button type="submit">Submit</button></form></section>
<section aria-labelledby="ideas"><h2 id="ideas">Ideas</h2>
${list || '<p>No ideas yet: be the first.</p>'}</section>`,
  });
}

/** One idea: its text (sanitized markdown), status, votes, comments, and the vote and comment forms. */
export function ideaPage(
  visit: PortalVisit,
  idea: PublicIdea,
  comments: { authorName: string; body: string; createdAt: Date }[],
  base: string,
  csrf: string,
) {
  const url = `${base}/ideas/${escapeHtml(idea.id)}`;
  const list = comments
    .map(
      (
        c,
      ) => `<article><div><p><strong>${escapeHtml(c.authorName || 'Someone')}</strong> <time datetime="${c.createdAt.toISOString()}">${c.createdAt.toISOString().slice(0, 10)}</time></p>
${renderMarkdown(c.body)}</div></article>`,
    )
    .join('\n');
  return portalPage({
    visit,
    title: `${idea.title} — ${visit.portal.title}`,
    base,
    csrf,
    body: `<p><a href="${base}">← All ideas</a></p>
<h1>${escapeHtml(idea.title)}<span class="status" data-status="${escapeHtml(idea.status)}">${escapeHtml(label(idea.status))}</span></h1>
<p class="votes"><span class="count">${idea.votes}</span> vote${idea.votes === 1 ? '' : 's'}</p>
<div class="body">${renderMarkdown(idea.body)}</div>
<form method="post" action="${url}/vote">${csrfField(csrf)}${identityFields(visit)}<button type="submit">Vote for this idea</button></form>
<section aria-labelledby="comments"><h2 id="comments">Comments</h2>
${list || '<p>No comments yet.</p>'}
<form method="post" action="${url}/comments">${csrfField(csrf)}
<label>Comment <textarea name="body" rows="3" required maxlength="5000"></textarea></label>
${identityFields(visit)}
<button type="submit">Comment</button></form></section>`,
  });
}

export function loginPage(title: string, base: string, csrf: string, error?: string) {
  return portalPage({
    visit: null,
    title: `Sign in — ${title}`,
    base,
    csrf,
    body: `<h1>${escapeHtml(title)}</h1><p>This portal is for invited customers. Sign in to share ideas and vote.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${base}/login">${csrfField(csrf)}
<label>Email <input type="email" name="email" required autocomplete="username"></label>
<label>Password <input type="password" name="password" required autocomplete="current-password"></label>
<button type="submit">Sign in</button></form>`,
  });
}

export function invitePage(
  title: string,
  base: string,
  token: string,
  email: string,
  csrf: string,
  error?: string,
) {
  return portalPage({
    visit: null,
    title: `Set your password — ${title}`,
    base,
    csrf,
    body: `<h1>${escapeHtml(title)}</h1><p>Choose a password for ${escapeHtml(email)} (at least 10 characters).</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${base}/invite/${escapeHtml(token)}">${csrfField(csrf)}
<label>Password <input type="password" name="password" required minlength="10" autocomplete="new-password"></label>
<button type="submit">Set password and sign in</button></form>`,
  });
}

export function errorPage(status: number, message: string, base: string | null) {
  return portalPage({
    visit: null,
    title: `Error ${status}`,
    base: base ?? '',
    csrf: '',
    body: `<h1>${status === 404 ? 'Not found' : 'Something is not right'}</h1><p class="error" role="alert">${escapeHtml(message)}</p>${base ? `<p><a href="${base}">Back to the portal</a></p>` : ''}`,
  });
}
