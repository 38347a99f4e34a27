import { checkSelection } from './checkSelection.ts';
import { type Choice, type CompiledProblem, choiceValue } from './compileProblem.ts';

/**
 * Enumerates every choice (each item: out, or one of its columns) and returns the best feasible one.
 * Exponential: only for tiny problems — the reference the tests hold the solvers to.
 */
export function bruteForce(cp: CompiledProblem): { choice: Choice | null; value: number } {
  const n = cp.itemIds.length;
  const choice = new Int32Array(n).fill(-1);
  let best: Choice | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  const visit = (i: number): void => {
    if (i === n) {
      if (checkSelection(cp, choice).length > 0) return;
      const v = choiceValue(cp, choice);
      if (v > bestValue) {
        bestValue = v;
        best = Int32Array.from(choice);
      }
      return;
    }
    choice[i] = -1;
    visit(i + 1);
    for (const c of cp.itemColumns[i]) {
      choice[i] = c;
      visit(i + 1);
    }
    choice[i] = -1;
  };
  visit(0);
  return { choice: best, value: bestValue };
}
