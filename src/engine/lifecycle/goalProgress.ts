/** A key result tied to a KPI: progress is measured from start towards target. */
export interface KeyResultInput {
  id: string;
  start: number;
  target: number;
  /** Current value (latest KPI measurement); null when nothing was measured yet. */
  current: number | null;
  /** Relative weight (default 1). */
  weight?: number;
}

/** An initiative or feature linked to the goal, with its own progress 0..1 (done = 1). */
export interface LinkedItemProgress {
  id: string;
  progress: number;
  weight?: number;
}

export interface GoalInput {
  id: string;
  keyResults: readonly KeyResultInput[];
  linkedItems: readonly LinkedItemProgress[];
  periodStart: Date | number;
  periodEnd: Date | number;
}

export interface GoalProgressOptions {
  now: Date | number;
  /** Allowed lag behind the expected progress before the goal is flagged (default 0.1). */
  tolerance?: number;
  /** Weight of the linked items' roll-up when the goal has both key results and items (default 0.5). */
  linkedItemsShare?: number;
}

export interface GoalProgress {
  goalId: string;
  /** 0..1. */
  progress: number;
  keyResults: { id: string; progress: number }[];
  keyResultsProgress: number | null;
  linkedItemsProgress: number | null;
  /** Elapsed fraction of the goal's period, 0..1. */
  expectedProgress: number;
  offTrack: boolean;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());

/**
 * Key-result progress (current − start)/(target − start), clamped to 0..1 (works for decreasing targets
 * too). Unmeasured → 0; when target = start the key result is met only if current equals the target.
 */
export function keyResultProgress(kr: KeyResultInput): number {
  if (kr.current === null) return 0;
  if (kr.target === kr.start) return kr.current === kr.target ? 1 : 0;
  return clamp01((kr.current - kr.start) / (kr.target - kr.start));
}

function weightedMean(items: readonly { value: number; weight: number }[]): number | null {
  const w = items.reduce((s, i) => s + i.weight, 0);
  return w > 0 ? items.reduce((s, i) => s + i.value * i.weight, 0) / w : null;
}

/**
 * Goal progress: the weighted mean of its key results, blended with the weighted mean progress of linked
 * initiatives and features (share `linkedItemsShare` when both exist). Flagged off track when progress is
 * below the elapsed fraction of the goal's period minus `tolerance`.
 */
export function goalProgress(goal: GoalInput, options: GoalProgressOptions): GoalProgress {
  const keyResults = goal.keyResults.map((kr) => ({ id: kr.id, progress: keyResultProgress(kr) }));
  const krMean = weightedMean(
    goal.keyResults.map((kr, k) => ({ value: keyResults[k].progress, weight: kr.weight ?? 1 })),
  );
  const itemMean = weightedMean(
    goal.linkedItems.map((i) => ({ value: clamp01(i.progress), weight: i.weight ?? 1 })),
  );
  const share = options.linkedItemsShare ?? 0.5;
  const progress =
    krMean !== null && itemMean !== null
      ? (1 - share) * krMean + share * itemMean
      : (krMean ?? itemMean ?? 0);
  const start = ms(goal.periodStart);
  const end = ms(goal.periodEnd);
  const expectedProgress = end > start ? clamp01((ms(options.now) - start) / (end - start)) : 1;
  return {
    goalId: goal.id,
    progress,
    keyResults,
    keyResultsProgress: krMean,
    linkedItemsProgress: itemMean,
    expectedProgress,
    offTrack: progress < expectedProgress - (options.tolerance ?? 0.1),
  };
}
