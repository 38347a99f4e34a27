import type { PgTable } from 'drizzle-orm/pg-core';
import type { DecisionSubject } from '../../domain/entities/decision.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { existingIds } from '../../store/entityRepository.ts';
import * as t from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { decisionEvents, featureEvents, feedbackEvents } from '../integrations/entityEvents.ts';

type Record_ = Record<string, unknown>;

/** Business rules that a schema alone cannot say, per entity. `merged` is the row as it will be stored. */
export interface EntityRules {
  validate?(merged: Record_, before: Record_ | undefined): void;
  /** Extra columns the service stamps on create (never taken from input). */
  stamp?(ctx: ServiceContext): Record_;
  /** Checks that need the database (references a schema cannot name statically). */
  verify?(tx: Db, ctx: ServiceContext, merged: Record_): Promise<void>;
  afterWrite?(tx: Db, ctx: ServiceContext, before: Record_ | undefined, after: Record_): Promise<void>;
}

/** Rows a decision may be about, by subject type. */
const SUBJECT_TABLES: Record<DecisionSubject, PgTable> = {
  product: t.products,
  segment: t.segments,
  initiative: t.initiatives,
  feature: t.features,
  release: t.releases,
  goal: t.goals,
  risk: t.risks,
  scenario: t.scenarios,
};

async function verifyDecisionReferences(tx: Db, ctx: ServiceContext, merged: Record_) {
  const refs: { path: string[]; type: DecisionSubject; id: string }[] = [];
  if (merged.subjectId != null) {
    refs.push({
      path: ['subjectId'],
      type: merged.subjectType as DecisionSubject,
      id: String(merged.subjectId),
    });
  }
  const links = (merged.links as { type: DecisionSubject; id: string }[]) ?? [];
  links.forEach((l, i) => {
    refs.push({ path: ['links', String(i)], type: l.type, id: l.id });
  });
  for (const ref of refs) {
    const found = await existingIds(tx, SUBJECT_TABLES[ref.type], ctx.orgId, [ref.id]);
    if (!found.has(ref.id)) {
      const message = `no ${ref.type} ${ref.id} in this organization`;
      throw new DomainError('unknown_reference', message, { issues: [{ path: ref.path, message }] });
    }
  }
}

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

export const ENTITY_RULES: Readonly<Record<string, EntityRules>> = {
  segments: {
    validate(merged) {
      if (merged.overrideRank != null && blank(merged.overrideRationale)) {
        throw new DomainError('invalid_input', 'a manual priority override needs a rationale', {
          issues: [{ path: ['overrideRationale'], message: 'required when overrideRank is set' }],
        });
      }
    },
    async afterWrite(tx, ctx, before, after) {
      if ((before?.overrideRank ?? null) === (after.overrideRank ?? null)) return;
      await recordDecision(tx, ctx, {
        kind: 'segment_override',
        title:
          after.overrideRank == null
            ? `Removed the manual priority of segment ${after.name}`
            : `Set segment ${after.name} to priority ${after.overrideRank}`,
        rationale: String(after.overrideRationale ?? before?.overrideRationale ?? 'override removed'),
        subjectType: 'segment',
        subjectId: String(after.id),
        data: { from: before?.overrideRank ?? null, to: after.overrideRank ?? null },
      });
    },
  },
  features: {
    validate(merged) {
      if (merged.status === 'parking_lot' && blank(merged.parkedReason)) {
        throw new DomainError('invalid_input', 'a feature moved to the parking lot needs the reason', {
          issues: [{ path: ['parkedReason'], message: 'required when status is parking_lot' }],
        });
      }
    },
    afterWrite: featureEvents,
  },
  feedback: { afterWrite: feedbackEvents },
  initiatives: {
    validate(merged) {
      const self = merged.id as string | undefined;
      const requires = (merged.requires as string[]) ?? [];
      const excludes = (merged.excludes as string[]) ?? [];
      if (self && (requires.includes(self) || excludes.includes(self))) {
        throw new DomainError('invalid_input', 'an initiative cannot require or exclude itself', {
          issues: [{ path: ['requires'], message: 'contains the initiative itself' }],
        });
      }
      const both = requires.filter((r) => excludes.includes(r));
      if (both.length > 0) {
        throw new DomainError('invalid_input', 'an initiative cannot both require and exclude the same one', {
          issues: [{ path: ['excludes'], message: `also required: ${both.join(', ')}` }],
        });
      }
    },
  },
  decisions: {
    validate(merged) {
      if ((merged.subjectId == null) !== (merged.subjectType == null)) {
        throw new DomainError('invalid_input', 'subjectType and subjectId go together', {
          issues: [{ path: ['subjectId'], message: 'give both or neither' }],
        });
      }
    },
    verify: verifyDecisionReferences,
    stamp: (ctx) => ({ actorType: ctx.actor.type, actorId: ctx.actor.id, actorName: ctx.actor.name }),
    afterWrite: decisionEvents,
  },
};
