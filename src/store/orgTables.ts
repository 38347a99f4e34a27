import type { PgTable } from 'drizzle-orm/pg-core';
import * as t from './schema.ts';

/**
 * The organization's tables in dependency order (a table comes after every table it references):
 * the order of bulk loads, exports and imports.
 */
export const ORG_TABLES: readonly { key: string; table: PgTable }[] = [
  { key: 'goals', table: t.goals },
  { key: 'segments', table: t.segments },
  { key: 'segmentRequirements', table: t.segmentRequirements },
  { key: 'productLines', table: t.productLines },
  { key: 'products', table: t.products },
  { key: 'productFinancials', table: t.productFinancials },
  { key: 'components', table: t.components },
  { key: 'releases', table: t.releases },
  { key: 'announcementSubscribers', table: t.announcementSubscribers },
  { key: 'customFields', table: t.customFields },
  { key: 'features', table: t.features },
  { key: 'customers', table: t.customers },
  { key: 'feedback', table: t.feedback },
  { key: 'feedbackLinks', table: t.feedbackLinks },
  { key: 'competitors', table: t.competitors },
  { key: 'initiatives', table: t.initiatives },
  { key: 'teams', table: t.teams },
  { key: 'roles', table: t.roles },
  { key: 'people', table: t.people },
  { key: 'allocations', table: t.allocations },
  { key: 'scenarios', table: t.scenarios },
  { key: 'risks', table: t.risks },
  { key: 'kpis', table: t.kpis },
  { key: 'kpiMeasurements', table: t.kpiMeasurements },
  { key: 'keyResults', table: t.keyResults },
  { key: 'requirementCoverage', table: t.requirementCoverage },
  { key: 'comments', table: t.comments },
  { key: 'watchers', table: t.watchers },
  { key: 'notifications', table: t.notifications },
  { key: 'notificationPreferences', table: t.notificationPreferences },
  { key: 'gateConfigs', table: t.gateConfigs },
  { key: 'initiativeGates', table: t.initiativeGates },
  { key: 'reviews', table: t.reviews },
  { key: 'productPositioning', table: t.productPositioning },
  { key: 'releaseNotes', table: t.releaseNotes },
  { key: 'webhookSubscriptions', table: t.webhookSubscriptions },
  { key: 'webhookDeliveries', table: t.webhookDeliveries },
  { key: 'mailOutbox', table: t.mailOutbox },
  { key: 'decisions', table: t.decisions },
  { key: 'auditLog', table: t.auditLog },
];
