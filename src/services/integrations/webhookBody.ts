import type { EventEnvelope } from './emitEvent.ts';

const TITLES: Record<string, (d: Record<string, unknown>) => string> = {
  'feature.shipped': (d) => `Feature shipped: ${d.title ?? d.id}`,
  'release.published': (d) => `Release published: ${d.name ?? d.id}${d.url ? ` — ${d.url}` : ''}`,
  'decision.recorded': (d) => `Decision recorded: ${d.title ?? d.id}`,
  'scenario.committed': (d) => `Scenario committed: ${d.name ?? d.title ?? d.id}`,
  'feedback.created': (d) => `New feedback: ${String(d.text ?? '').slice(0, 200)}`,
  'portal.idea_shipped': (d) => `Portal idea shipped: ${d.title ?? d.id} (${d.voters ?? 0} voters)`,
  ping: () => 'Sextant webhook test',
};

/**
 * The HTTP body of one delivery: the event envelope with its per-subscription sequence number, or a
 * Slack-compatible message (`{"text": …}`, accepted by Slack incoming webhooks and most chat tools).
 */
export function webhookBody(format: string, event: EventEnvelope, seq: number): string {
  if (format === 'slack') {
    const title = TITLES[event.type]?.(event.data) ?? event.type;
    // Slack reads &, < and > as markup; escaped, user text cannot forge links or mentions.
    const text = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return JSON.stringify({ text });
  }
  return JSON.stringify({ ...event, seq });
}
