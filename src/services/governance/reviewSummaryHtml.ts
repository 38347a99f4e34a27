import type { ServiceContext } from '../context.ts';
import { getReview } from './portfolioReviews.ts';
import type { AgendaItem } from './reviewAgenda.ts';

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const pct = (x: number) => `${Math.round(x * 100)} %`;

function itemHtml(i: AgendaItem): string {
  switch (i.kind) {
    case 'gate':
      return `<li><strong>Gate</strong> — ${esc(i.name)} waits at “${esc(i.gateName)}”</li>`;
    case 'goal_off_track':
      return `<li><strong>Goal off track</strong> — ${esc(i.name)}: ${pct(i.progress)} done, ${pct(i.expectedProgress)} expected</li>`;
    case 'over_allocated':
      return `<li><strong>Over-allocated</strong> — ${esc(i.teamName)} in ${esc(i.period)}: ${i.people
        .map((p) => `${esc(p.name)} ${p.allocated} of ${p.fte} FTE`)
        .join(', ')}</li>`;
    case 'scenario':
      return `<li><strong>Scenario</strong> — ${esc(i.name)} awaits commit</li>`;
    case 'lifecycle':
      return `<li><strong>Lifecycle</strong> — ${esc(i.name)}: recommended ${esc(i.recommendation)}, recorded ${esc(i.current ?? 'nothing')}</li>`;
  }
}

/**
 * The review as one printable page (agenda, minutes, decisions): plain HTML with print CSS, no scripts, so
 * "Print → Save as PDF" gives the summary to circulate. Every value is escaped.
 */
export async function reviewSummaryHtml(ctx: ServiceContext, id: string): Promise<string> {
  const r = await getReview(ctx, id);
  const agenda = r.agenda as AgendaItem[];
  const decisions = r.decisions as Record<string, unknown>[];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)} — ${esc(r.heldOn)}</title>
<style>
body{font:11pt/1.45 system-ui,sans-serif;max-width:46rem;margin:2rem auto;color:#111}
h1{font-size:18pt;margin-bottom:0}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.5rem}
.meta{color:#555}pre{white-space:pre-wrap;font:inherit}li{margin:.2rem 0}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}
@page{size:A4;margin:18mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}li,tr{break-inside:avoid}}
</style></head><body>
<h1>${esc(r.title)}</h1><p class="meta">Held on ${esc(r.heldOn)} · ${agenda.length} agenda item(s) · ${decisions.length} decision(s)</p>
<h2>Agenda — what needs a decision</h2>
${agenda.length ? `<ol>${agenda.map(itemHtml).join('\n')}</ol>` : '<p>Nothing needs a decision.</p>'}
<h2>Minutes</h2>
${r.minutes ? `<pre>${esc(r.minutes)}</pre>` : '<p>No minutes recorded.</p>'}
<h2>Decisions</h2>
${
  decisions.length
    ? `<table><thead><tr><th>Decision</th><th>Rationale</th><th>By</th></tr></thead><tbody>${decisions
        .map(
          (d) => `<tr><td>${esc(d.title)}</td><td>${esc(d.rationale)}</td><td>${esc(d.actorName)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No decisions linked.</p>'
}
</body></html>`;
}
