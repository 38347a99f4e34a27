import type { SegmentInput } from './segmentRanking.ts';

/**
 * Three segments whose scores are worked out by hand in segmentRanking.test.ts and geMcKinsey.test.ts
 * (shared so both derivations start from the same data).
 */
export const HAND_SEGMENTS: SegmentInput[] = [
  {
    id: 's1',
    name: 'Enterprise',
    marketSize: 999,
    growthForecast: [0.1, 0.1],
    swot: [
      { kind: 'strength', text: 'brand', score: 4 },
      { kind: 'weakness', text: 'price', score: 2 },
    ],
    ourShare: 0.3,
    goalFit: { g1: 1, g2: 0 },
  },
  {
    id: 's2',
    name: 'Mid-market',
    marketSize: 99,
    growthForecast: [0.05],
    swot: [],
    ourShare: 0.1,
    goalFit: { g1: 0.5, g2: 0.5 },
  },
  {
    id: 's3',
    name: 'Consumers',
    marketSize: 9,
    growthForecast: [0],
    swot: [{ kind: 'threat', text: 'free apps', score: 3 }],
    ourShare: 0,
    goalFit: { g2: 1 },
  },
];

export const HAND_GOAL_WEIGHTS = { g1: 0.75, g2: 0.25 };
