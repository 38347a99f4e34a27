import type { Role } from './types.ts';

/** Shapes of the governance endpoints (stage gates and portfolio reviews) the Governance page reads. */
export interface InitiativeGate {
  initiativeId: string;
  currentGate: { key: string; name: string; requiredFields: string[]; approverRoles: Role[] } | null;
  status: 'waiting' | 'passed' | 'rejected';
  missing: { field: string; label: string }[];
  gates: { key: string; name: string }[];
  history: { gate: string; outcome: string; comment: string; actorName: string; at: string }[];
}

export type AgendaItem =
  | { kind: 'gate'; name: string; gateName: string; initiativeId: string }
  | { kind: 'goal_off_track'; name: string; goalId: string; progress: number; expectedProgress: number }
  | {
      kind: 'over_allocated';
      teamName: string;
      period: string;
      people: { name: string; fte: number; allocated: number }[];
    }
  | { kind: 'lifecycle'; productId: string; name: string; recommendation: string; current: string | null }
  | { kind: 'scenario'; scenarioId: string; name: string };

export interface Review {
  id: string;
  title: string;
  heldOn: string | null;
  agenda: AgendaItem[];
  minutes: string | null;
  decisionIds: string[];
  version: number;
  createdAt: string;
}
