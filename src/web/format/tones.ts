import type { Tone } from '../components/Tag.tsx';

const TONES: Record<string, Tone> = {
  // lifecycle
  ideation: 'info',
  development: 'info',
  launch: 'accent',
  growth: 'success',
  maturity: 'neutral',
  decline: 'warning',
  retired: 'danger',
  // decisions
  invest: 'success',
  maintain: 'neutral',
  retire: 'danger',
  // features
  idea: 'neutral',
  parking_lot: 'warning',
  planned: 'info',
  in_progress: 'accent',
  shipped: 'success',
  rejected: 'danger',
  // feedback
  new: 'accent',
  triaged: 'success',
  archived: 'neutral',
  // releases / initiatives / risks
  released: 'success',
  cancelled: 'danger',
  proposed: 'neutral',
  approved: 'success',
  active: 'accent',
  on_hold: 'warning',
  done: 'success',
  open: 'danger',
  mitigating: 'warning',
  closed: 'neutral',
};

/** The tag colour for a status, stage or decision value. */
export const toneOf = (value: string | null | undefined): Tone =>
  value ? (TONES[value] ?? 'neutral') : 'neutral';
