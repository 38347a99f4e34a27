import type { FeatureRankingInput } from './rankFeatures.ts';

/** The small portfolio worked out by hand in rankFeatures.test.ts (see the derivation there). */
export const HAND_PORTFOLIO: FeatureRankingInput = {
  segments: [
    { segmentId: 'A', name: 'Alpha', rank: 1, weight: 0.5 },
    { segmentId: 'B', name: 'Beta', rank: 2, weight: 0.3 },
    { segmentId: 'C', name: 'Gamma', rank: 3, weight: 0.2 },
  ],
  features: [
    {
      id: 'F1',
      productId: 'P1',
      title: 'SSO for Alpha',
      scope: 'segment_specific',
      targetSegmentIds: ['A'],
      impactBySegment: {
        A: { revenue: 3, retention: 3, adoption: 3 },
        B: { revenue: 3, retention: 3, adoption: 3 },
      },
    },
    {
      id: 'F2',
      productId: 'P1',
      title: 'Faster search',
      scope: 'base',
      targetSegmentIds: [],
      impactBySegment: {
        A: { revenue: 1, retention: 1, adoption: 1 },
        B: { revenue: 2, retention: 2, adoption: 2 },
        C: { revenue: 3, retention: 0, adoption: 0 },
      },
    },
    {
      id: 'F3',
      productId: 'P2',
      title: 'Gamma export',
      scope: 'segment_specific',
      targetSegmentIds: ['C'],
      impactBySegment: { C: { revenue: 3, retention: 3, adoption: 3 } },
    },
    {
      id: 'F4',
      productId: 'P2',
      title: 'Beta dashboard',
      scope: 'segment_specific',
      targetSegmentIds: ['B'],
      impactBySegment: {},
      pulledBack: { rationale: 'Promised to Beta’s largest customer' },
    },
  ],
  customers: [
    { id: 'c1', segmentId: 'A', annualRevenue: 1000 },
    { id: 'c2', segmentId: 'B', annualRevenue: 500 },
    { id: 'c3', segmentId: null, annualRevenue: 0 },
  ],
  links: [
    { featureId: 'F1', customerId: 'c1', importance: 3, createdAt: '2026-01-01T00:00:00Z' },
    { featureId: 'F1', customerId: 'c1', importance: 0, createdAt: '2026-02-01T00:00:00Z' },
    { featureId: 'F1', customerId: 'c2', importance: 3, createdAt: 1 },
    { featureId: 'F2', customerId: 'c1', importance: 2, createdAt: 5 },
    { featureId: 'F2', customerId: null, importance: 3, createdAt: 1 },
    { featureId: 'F3', customerId: 'c3', importance: 3, createdAt: 1 },
    { featureId: 'F9', customerId: 'c3', importance: 3, createdAt: 1 },
  ],
};
