import { type ComponentType, lazy } from 'react';
import type { Action } from '../domain/policy.ts';

export interface RouteDef {
  pattern: string;
  page: ComponentType<{ params: Record<string, string> }>;
  /** Shown in the navigation when set. */
  nav?: { label: string; group: 'Portfolio' | 'Product' | 'Admin' };
  /** Who may open the page (hidden from the navigation otherwise). */
  action: Action;
}

const page = <K extends string>(
  load: () => Promise<Record<K, ComponentType<{ params: Record<string, string> }>>>,
  name: K,
) => lazy(() => load().then((m) => ({ default: m[name] })));

/** Every page of the app. Pages are split into their own chunks (React.lazy). */
export const ROUTES: RouteDef[] = [
  {
    pattern: '/',
    page: page(() => import('./pages/OverviewPage.tsx'), 'OverviewPage'),
    nav: { label: 'Overview', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/products',
    page: page(() => import('./pages/ProductsPage.tsx'), 'ProductsPage'),
    nav: { label: 'Products', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/products/:id',
    page: page(() => import('./pages/ProductDetailPage.tsx'), 'ProductDetailPage'),
    action: 'read',
  },
  {
    pattern: '/segments',
    page: page(() => import('./pages/SegmentsPage.tsx'), 'SegmentsPage'),
    nav: { label: 'Segments', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/segments/:id',
    page: page(() => import('./pages/SegmentDetailPage.tsx'), 'SegmentDetailPage'),
    action: 'read',
  },
  {
    pattern: '/pecking-order',
    page: page(() => import('./pages/PeckingOrderPage.tsx'), 'PeckingOrderPage'),
    nav: { label: 'Pecking order', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/initiatives',
    page: page(() => import('./pages/InitiativesPage.tsx'), 'InitiativesPage'),
    nav: { label: 'Initiatives', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/optimizer',
    page: page(() => import('./pages/OptimizerPage.tsx'), 'OptimizerPage'),
    nav: { label: 'Optimizer', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/risks',
    page: page(() => import('./pages/RisksPage.tsx'), 'RisksPage'),
    nav: { label: 'Risks', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/decisions',
    page: page(() => import('./pages/DecisionsPage.tsx'), 'DecisionsPage'),
    nav: { label: 'Decision log', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/governance',
    page: page(() => import('./pages/GovernancePage.tsx'), 'GovernancePage'),
    nav: { label: 'Governance', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/notifications',
    page: page(() => import('./pages/NotificationsPage.tsx'), 'NotificationsPage'),
    action: 'read',
  },
  {
    pattern: '/finance',
    page: page(() => import('./pages/FinancePage.tsx'), 'FinancePage'),
    nav: { label: 'Finance', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/capacity',
    page: page(() => import('./pages/CapacityPage.tsx'), 'CapacityPage'),
    nav: { label: 'Capacity', group: 'Portfolio' },
    action: 'read',
  },
  {
    pattern: '/roadmap',
    page: page(() => import('./pages/RoadmapPage.tsx'), 'RoadmapPage'),
    nav: { label: 'Roadmap', group: 'Product' },
    action: 'read',
  },
  {
    pattern: '/releases',
    page: page(() => import('./pages/ReleasesPage.tsx'), 'ReleasesPage'),
    nav: { label: 'Releases', group: 'Product' },
    action: 'read',
  },
  {
    pattern: '/backlog',
    page: page(() => import('./pages/BacklogPage.tsx'), 'BacklogPage'),
    nav: { label: 'Backlog', group: 'Product' },
    action: 'read',
  },
  {
    pattern: '/feedback',
    page: page(() => import('./pages/FeedbackPage.tsx'), 'FeedbackPage'),
    nav: { label: 'Feedback inbox', group: 'Product' },
    action: 'read',
  },
  {
    pattern: '/audit',
    page: page(() => import('./pages/AuditPage.tsx'), 'AuditPage'),
    nav: { label: 'Audit trail', group: 'Admin' },
    action: 'audit.read',
  },
  {
    pattern: '/settings',
    page: page(() => import('./pages/SettingsPage.tsx'), 'SettingsPage'),
    nav: { label: 'Settings', group: 'Admin' },
    action: 'read',
  },
];
