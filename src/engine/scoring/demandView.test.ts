import { describe, expect, it } from 'vitest';
import { demandView, whyKey } from './demandView.ts';

const customers = [
  { id: 'c1', segmentId: 'A', annualRevenue: 100 },
  { id: 'c2', segmentId: 'B', annualRevenue: 50 },
];
const feedback = [
  { id: 'fb1', customerId: 'c1', why: 'Audit asks for it.', source: 'sales' },
  { id: 'fb2', customerId: 'c1', why: 'audit  asks for it', source: 'support' },
  { id: 'fb3', customerId: 'c2', why: 'Saves an hour a day', source: 'portal' },
  { id: 'fb4', customerId: null, segmentId: 'B', why: '', source: 'survey' },
];
const links = [
  { feedbackId: 'fb1', featureId: 'F1', importance: 3, createdAt: 1 },
  { feedbackId: 'fb2', featureId: 'F1', importance: 1, createdAt: 2 },
  { feedbackId: 'fb3', featureId: 'F1', importance: 2, createdAt: 1 },
  { feedbackId: 'fb4', featureId: 'F1', importance: 2, createdAt: 1 },
  { feedbackId: 'fb3', featureId: 'F2', importance: 3, createdAt: 1 },
];

describe('demandView (hand-counted)', () => {
  const v = demandView(links, feedback, customers);

  it('per feature: c1 counted once at its latest importance (1), c2 at 2, the anonymous link at 2', () => {
    expect(v.byFeature.map((f) => f.featureId)).toEqual(['F1', 'F2']);
    expect(v.byFeature[0]).toMatchObject({
      links: 4,
      customers: 2,
      anonymous: 1,
      importance: 5,
      revenue: 150,
      bySegment: { A: 1, B: 2 },
      bySource: { sales: 1, support: 1, portal: 1, survey: 1 },
    });
  });

  it('groups the same reason worded differently and keeps the first wording', () => {
    expect(v.byFeature[0].whys).toEqual([
      { why: 'Audit asks for it.', count: 2, customerIds: ['c1'], segmentIds: ['A'] },
      { why: 'Saves an hour a day', count: 1, customerIds: ['c2'], segmentIds: ['B'] },
    ]);
    expect(whyKey('  Audit   ASKS for it!! ')).toBe('audit asks for it');
  });

  it('per segment and per customer', () => {
    expect(v.bySegment.map((s) => [s.segmentId, s.features, s.customers, s.importance])).toEqual([
      ['B', 2, 1, 7],
      ['A', 1, 1, 1],
    ]);
    expect(v.byCustomer).toEqual([
      { customerId: 'c2', segmentId: 'B', features: 2, importance: 5 },
      { customerId: 'c1', segmentId: 'A', features: 1, importance: 1 },
    ]);
  });

  it('refuses a link to an unknown feedback item', () => {
    expect(() =>
      demandView([{ feedbackId: 'x', featureId: 'F', importance: 1, createdAt: 1 }], [], []),
    ).toThrow(/unknown feedback item "x"/);
  });
});
