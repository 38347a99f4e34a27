import { AUTH_ROUTES } from './authRoutes.ts';
import { CAPACITY_ROUTES } from './capacityRoutes.ts';
import { COLLABORATION_ROUTES } from './collaborationRoutes.ts';
import { DASHBOARD_ROUTES } from './dashboardRoutes.ts';
import { ENTITY_ROUTES } from './entityRoutes.ts';
import { FINANCE_ROUTES } from './financeRoutes.ts';
import { GOVERNANCE_ROUTES } from './governanceRoutes.ts';
import { INTEGRATION_ROUTES } from './integrationRoutes.ts';
import { JOB_ROUTES } from './jobRoutes.ts';
import { OPTIMIZER_ROUTES } from './optimizerRoutes.ts';
import { PORTAL_ROUTES } from './portalRoutes.ts';
import { PORTFOLIO_ROUTES } from './portfolioRoutes.ts';
import { RANKING_ROUTES } from './rankingRoutes.ts';
import { RELEASE_NOTES_ROUTES } from './releaseNotesRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';
import { SSO_ROUTES } from './ssoRoutes.ts';

/** Every API route. The app, the OpenAPI document and the authorization tests are all built from this list. */
export const ROUTES: readonly RouteSpec[] = [
  ...AUTH_ROUTES,
  ...SSO_ROUTES,
  ...PORTFOLIO_ROUTES,
  // Before the entity routes: /risks/exposure, /kpis/attainment, /goals/progress must win over /:id.
  ...FINANCE_ROUTES,
  ...DASHBOARD_ROUTES,
  ...CAPACITY_ROUTES,
  ...COLLABORATION_ROUTES,
  ...GOVERNANCE_ROUTES,
  // Before the entity routes: /segments/ranking and /features/scores must win over /:id.
  ...RANKING_ROUTES,
  ...RELEASE_NOTES_ROUTES,
  ...INTEGRATION_ROUTES,
  // Before the entity routes: /portals/:id/ideas is not a generic route.
  ...PORTAL_ROUTES,
  ...OPTIMIZER_ROUTES,
  ...JOB_ROUTES,
  ...ENTITY_ROUTES,
];
