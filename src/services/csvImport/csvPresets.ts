import {
  FEATURE_STATUSES,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  KANO,
  MOSCOW,
} from '../../domain/entities/enums.ts';

/** The kinds of CSV Sextant imports, and what each becomes. */
export const CSV_KINDS = ['jira', 'productboard-features', 'productboard-notes', 'feedback'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export type Target = 'features' | 'feedback';

/** Turns a cell into a field value, or throws a reason (shown with the row and column). */
export type Convert = (cell: string) => unknown;

const number: Convert = (cell) => {
  const n = Number(cell.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`"${cell}" is not a number`);
  return n;
};
const oneOf =
  (values: readonly string[], aliases: Record<string, string> = {}): Convert =>
  (cell) => {
    const key = cell.trim().toLowerCase();
    const hit = aliases[key] ?? values.find((v) => v.toLowerCase() === key);
    if (!hit) throw new Error(`unknown value "${cell}"; expected one of ${[...values].join(', ')}`);
    return hit;
  };
const textCell: Convert = (cell) => cell;

// Jira and Productboard workflow names, mapped onto Sextant's feature statuses.
const STATUS_ALIASES: Record<string, string> = {
  'to do': 'idea',
  open: 'idea',
  backlog: 'idea',
  new: 'idea',
  candidate: 'idea',
  'under consideration': 'idea',
  'selected for development': 'planned',
  planned: 'planned',
  'in progress': 'in_progress',
  'in review': 'in_progress',
  'in development': 'in_progress',
  done: 'shipped',
  closed: 'shipped',
  resolved: 'shipped',
  released: 'shipped',
  "won't do": 'rejected',
  'wont do': 'rejected',
  rejected: 'rejected',
  'parking lot': 'parking_lot',
};
const PRIORITY_ALIASES: Record<string, string> = {
  highest: 'must',
  blocker: 'must',
  critical: 'must',
  high: 'must',
  medium: 'should',
  low: 'could',
  lowest: 'wont',
  trivial: 'wont',
};

/** Every field a column may map to, per target, with its conversion. */
export const FIELDS: Record<Target, Record<string, Convert>> = {
  features: {
    title: textCell,
    spec: textCell,
    status: oneOf(FEATURE_STATUSES, STATUS_ALIASES),
    scope: oneOf(['base', 'segment_specific']),
    effort: number,
    reach: number,
    impact: number,
    confidence: number,
    businessValue: number,
    timeCriticality: number,
    riskReduction: number,
    moscow: oneOf(MOSCOW, PRIORITY_ALIASES),
    kano: oneOf(KANO),
    parkedReason: textCell,
  },
  feedback: {
    text: textCell,
    why: textCell,
    source: oneOf(FEEDBACK_SOURCES),
    status: oneOf(FEEDBACK_STATUSES),
    /** Matched by name (case-insensitive) against the organization's customers. */
    customer: textCell,
    customerId: textCell,
    /** Matched by name (case-insensitive) against the organization's segments. */
    segment: textCell,
    segmentId: textCell,
  },
};

export interface Preset {
  target: Target;
  /** Lower-cased column header → field. Columns named exactly like a field map to it too. */
  columns: Record<string, string>;
  /** Values every row gets unless a column says otherwise. */
  defaults: Record<string, unknown>;
}

/** The column mapping of each kind of export, as the tools name their columns. */
export const PRESETS: Record<CsvKind, Preset> = {
  jira: {
    target: 'features',
    columns: {
      summary: 'title',
      description: 'spec',
      status: 'status',
      priority: 'moscow',
      'story points': 'effort',
      'custom field (story points)': 'effort',
      'custom field (story point estimate)': 'effort',
    },
    defaults: {},
  },
  'productboard-features': {
    target: 'features',
    columns: {
      'feature name': 'title',
      name: 'title',
      description: 'spec',
      status: 'status',
      effort: 'effort',
      'user impact score': 'impact',
    },
    defaults: {},
  },
  'productboard-notes': {
    target: 'feedback',
    columns: {
      'note text': 'text',
      content: 'text',
      text: 'text',
      'company name': 'customer',
      company: 'customer',
      customer: 'customer',
      'note title': 'why',
    },
    defaults: { source: 'import' },
  },
  feedback: {
    target: 'feedback',
    columns: {
      feedback: 'text',
      text: 'text',
      comment: 'text',
      why: 'why',
      reason: 'why',
      customer: 'customer',
      company: 'customer',
      account: 'customer',
      segment: 'segment',
      source: 'source',
      status: 'status',
    },
    defaults: { source: 'import' },
  },
};
