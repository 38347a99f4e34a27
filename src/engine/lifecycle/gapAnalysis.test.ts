import { describe, expect, it } from 'vitest';
import { gapAnalysis } from './gapAnalysis.ts';

const segments = [
  { id: 'ent', name: 'Enterprise', priority: 5 },
  { id: 'smb', name: 'SMB', priority: 2 },
];
const requirements = [
  { id: 'r1', segmentId: 'ent', text: 'Single sign-on', importance: 5 },
  { id: 'r2', segmentId: 'ent', text: 'Audit log export', importance: 3 },
  { id: 'r3', segmentId: 'smb', text: 'Self-serve billing', importance: 4 },
  { id: 'r4', segmentId: 'smb', text: 'Mobile app', importance: 5 },
  { id: 'r5', segmentId: 'ent', text: 'Data residency', importance: 2 },
  { id: 'r6', segmentId: 'ent', text: 'Offline mode', importance: 1 },
  { id: 'rX', segmentId: 'unknown', text: 'Ignored', importance: 5 },
];
const coverage = [
  { requirementId: 'r1', competitorId: 'C1', level: 'better' as const },
  { requirementId: 'r2', productId: 'P1', level: 'partial' as const },
  { requirementId: 'r3', featureId: 'F9', level: 'full' as const }, // a planned feature covers it
  { requirementId: 'r4', productId: 'P2', level: 'none' as const },
  { requirementId: 'r4', competitorId: 'C2', level: 'full' as const },
  { requirementId: 'r6', competitorId: 'C1', level: 'better' as const },
];

describe('gapAnalysis', () => {
  const gaps = gapAnalysis(segments, requirements, coverage);

  it('lists requirements not fully covered by our products or planned features, ranked by priority × importance', () => {
    // r1 5·5 = 25, r4 2·5 = 10, r5 5·2 = 10, r2 5·3·½ = 7.5, r6 5·1 = 5; r3 covered, rX unknown segment.
    expect(gaps.map((g) => [g.requirementId, g.score])).toEqual([
      ['r1', 25],
      ['r4', 10],
      ['r5', 10],
      ['r2', 7.5],
      ['r6', 5],
    ]);
  });

  it('proposes buy / partner / build by the documented rule', () => {
    const by = Object.fromEntries(gaps.map((g) => [g.requirementId, g]));
    expect(by.r1.proposal).toMatchObject({ kind: 'acquisition', approach: 'buy' }); // competitor better, importance 5
    expect(by.r6.proposal).toMatchObject({ kind: 'new_product', approach: 'partner' }); // better, importance 1
    expect(by.r4.proposal).toMatchObject({ kind: 'new_product', approach: 'partner' }); // competitor full
    expect(by.r5.proposal).toMatchObject({ kind: 'new_product', approach: 'build' }); // nobody covers it
    expect(by.r2.proposal).toMatchObject({ kind: 'enhancement', approach: 'build' });
    expect(by.r2.partialProductId).toBe('P1');
    expect(by.r2.proposal.rationale).toContain('P1');
    expect(by.r1.proposal.name).toBe('Acquire: Single sign-on');
    expect(by.r4.competitorLevel).toBe('full');
    expect(by.r5.competitorLevel).toBeNull();
  });
});
