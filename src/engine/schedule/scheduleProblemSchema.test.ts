import { describe, expect, it } from 'vitest';
import { scheduleProblemSchema } from '../../domain/scheduleProblem.ts';

const messages = (raw: unknown) => {
  const r = scheduleProblemSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('scheduleProblemSchema (the plain-file format)', () => {
  it('accepts the documented example and fills defaults', () => {
    const p = scheduleProblemSchema.parse({
      resources: [{ id: 'backend', capacity: 4 }],
      items: [
        { id: 'F0', duration: 1 },
        {
          id: 'F1',
          duration: 3,
          demand: { backend: 2 },
          after: ['F0'],
          priority: 10,
          earliest: 0,
          deadline: 12,
        },
      ],
    });
    expect(p.items[0]).toEqual({ id: 'F0', duration: 1, demand: {}, after: [], priority: 0, earliest: 0 });
  });

  it('rejects unknown resources and items, duplicates, cycles and negative durations with clear messages', () => {
    expect(messages({ resources: [], items: [{ id: 'F1', duration: 1, demand: { db: 1 } }] })).toEqual([
      'item "F1" demands unknown resource "db"',
    ]);
    expect(messages({ resources: [], items: [{ id: 'F1', duration: 1, after: ['F9'] }] })).toEqual([
      'item "F1" comes after unknown item "F9"',
    ]);
    expect(
      messages({
        resources: [],
        items: [
          { id: 'A', duration: 1, after: ['C'] },
          { id: 'B', duration: 1, after: ['A'] },
          { id: 'C', duration: 1, after: ['B'] },
        ],
      }),
    ).toEqual(['cyclic "after": A → B → C → A']);
    expect(messages({ resources: [], items: [{ id: 'A', duration: -1 }] })).toEqual(['duration must be ≥ 0']);
    expect(messages({ resources: [], items: [{ id: 'A', duration: 1.5 }] })).toEqual([
      'duration must be a whole number of periods',
    ]);
    expect(
      messages({
        resources: [
          { id: 'r', capacity: 1 },
          { id: 'r', capacity: [-1] },
        ],
        items: [],
      }),
    ).toContain('duplicate resource id "r"');
  });
});
