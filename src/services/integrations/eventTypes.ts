/** The events Sextant sends to webhooks. `ping` is sent only to the one subscription being tested. */
export const EVENT_TYPES = [
  'feature.shipped',
  'release.published',
  'decision.recorded',
  'scenario.committed',
  'feedback.created',
  'portal.idea_shipped',
  'ping',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
