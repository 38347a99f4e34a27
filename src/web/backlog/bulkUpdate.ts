import { patchRow } from '../api/patch.ts';
import type { Feature } from '../api/types.ts';

export interface BulkResult {
  updated: Feature[];
  failed: { feature: Feature; message: string }[];
}

/** PATCHes many features (each with If-Match), four at a time; reports which were refused and why. */
export async function bulkUpdate(features: Feature[], patch: Partial<Feature>): Promise<BulkResult> {
  const result: BulkResult = { updated: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < features.length) {
      const f = features[next++];
      try {
        result.updated.push(await patchRow<Feature>('features', f, patch));
      } catch (err) {
        result.failed.push({ feature: f, message: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return result;
}
