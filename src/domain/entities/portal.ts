import { z } from 'zod';
import { Id, Markdown, updateOf } from '../primitives.ts';
import { Email } from './announcementSubscriber.ts';

export const PORTAL_VISIBILITIES = ['public', 'signin'] as const;
/** What the portal shows about an idea. */
export const IDEA_STATUSES = ['under_review', 'planned', 'in_progress', 'shipped', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** The portal's URL name: /portal/{slug}. Unique across the store, since the URL names no organization. */
export const PortalSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens, 1–60');

/** A feedback portal for one product, or for the whole organization when productId is null. */
export const PortalCreate = z.strictObject({
  productId: Id.nullable().default(null),
  slug: PortalSlug,
  title: z.string().trim().min(1).max(200),
  intro: z.string().max(5000).default(''),
  visibility: z.enum(PORTAL_VISIBILITIES).default('public'),
  enabled: z.boolean().default(true),
});
export const PortalUpdate = updateOf(PortalCreate.omit({ productId: true }));

export const IdeaTitle = z.string().trim().min(3, 'at least 3 characters').max(200);
export const IdeaBody = z.string().trim().max(10_000);
export const PersonName = z.string().trim().max(100);

/** An idea as a customer submits it on the portal (email and name only on public portals). */
export const PortalIdeaSubmission = z.object({
  title: IdeaTitle,
  body: IdeaBody.default(''),
  email: Email.optional(),
  name: PersonName.default(''),
});
export const PortalVoteSubmission = z.object({ email: Email.optional(), name: PersonName.default('') });
export const PortalCommentSubmission = z.object({
  body: z.string().trim().min(1, 'write something').max(5000),
  email: Email.optional(),
  name: PersonName.default(''),
});

/** What product managers change on an idea. */
export const PortalIdeaUpdate = z.strictObject({
  title: IdeaTitle.optional(),
  body: IdeaBody.optional(),
  status: z.enum(IDEA_STATUSES).optional(),
});
/** An idea entered by the organization (e.g. from a sales call). */
export const PortalIdeaCreate = z.strictObject({
  title: IdeaTitle,
  body: Markdown.default(''),
  status: z.enum(IDEA_STATUSES).default('under_review'),
});
export const PortalIdeaMerge = z.strictObject({ intoId: Id });
export const PortalIdeaFeature = z.strictObject({ featureId: Id.nullable() });
/** A vote on behalf of a customer account (a proxy vote), optionally naming the person who asked. */
export const PortalProxyVote = z.strictObject({
  customerId: Id,
  email: Email.optional(),
});
export const PortalAccountInvite = z.strictObject({
  email: Email,
  name: PersonName.default(''),
  customerId: Id.nullable().default(null),
});
