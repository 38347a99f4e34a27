import { useMemo, useState } from 'react';
import type { Initiative, Segment } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { useSession } from '../auth/SessionContext.ts';
import { type Column, ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtMoney, fmtPercent, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { InitiativeIntakeForm } from './initiative/InitiativeIntakeForm.tsx';

const STAGES = ['proposed', 'approved', 'active', 'on_hold', 'done', 'cancelled'];
const KINDS = ['new_product', 'enhancement', 'acquisition', 'platform', 'compliance'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Portfolio investments competing for budget, with the intake form for new proposals. */
export function InitiativesPage() {
  const session = useSession();
  const [stage, setStage] = useQueryParam('stage');
  const [kind, setKind] = useQueryParam('kind');
  const [q, setQ] = useQueryParam('q');
  const [intake, setIntake] = useState(false);
  const initiatives = useList<Initiative>('initiatives', {
    stage,
    kind,
    q,
    sort: 'startPeriod',
    order: 'asc',
  });
  const segments = useList<Segment>('segments', { sort: 'name', order: 'asc' });
  const segmentName = useMemo(
    () => new Map((segments.data ?? []).map((s) => [s.id, s.name])),
    [segments.data],
  );
  const columns: Column<Initiative>[] = [
    {
      header: 'Initiative',
      cell: (i) => (
        <>
          <strong>{i.name}</strong>
          {i.mandatory && (
            <>
              {' '}
              <Tag tone="warning">Mandatory</Tag>
            </>
          )}
          <div className="muted small">{i.description}</div>
        </>
      ),
    },
    { header: 'Kind', cell: (i) => humanize(i.kind) },
    { header: 'Stage', cell: (i) => <Tag tone={toneOf(i.stage)}>{humanize(i.stage)}</Tag> },
    { header: 'Segment', cell: (i) => (i.segmentId ? (segmentName.get(i.segmentId) ?? '…') : '—') },
    { header: 'Start', cell: (i) => i.startPeriod },
    { header: 'Cost', num: true, cell: (i) => fmtMoney(sum(i.costPerPeriod)) },
    { header: 'Benefit', num: true, cell: (i) => fmtMoney(sum(i.benefitPerPeriod)) },
    { header: 'Probability', num: true, cell: (i) => fmtPercent(i.probability) },
  ];
  return (
    <>
      <PageHeader
        title="Initiatives"
        subtitle="Proposals and funded work: cost and benefit per quarter, probability of success, strategic alignment."
        actions={
          session.can('portfolio.write') && (
            <button
              type="button"
              className="btn btn-primary"
              aria-expanded={intake}
              onClick={() => setIntake(!intake)}
            >
              New proposal
            </button>
          )
        }
      />
      {intake && <InitiativeIntakeForm onDone={() => setIntake(false)} />}
      <ListCard
        query={initiatives}
        label="initiatives"
        empty="No initiatives match"
        columns={columns}
        filters={
          <>
            <SelectFilter
              id="init-stage"
              label="Stage"
              value={stage}
              onChange={setStage}
              options={STAGES.map((s) => ({ value: s, label: humanize(s) }))}
            />
            <SelectFilter
              id="init-kind"
              label="Kind"
              value={kind}
              onChange={setKind}
              options={KINDS.map((s) => ({ value: s, label: humanize(s) }))}
            />
            <SearchBox id="init-q" label="Search" value={q} onChange={setQ} />
          </>
        }
      />
    </>
  );
}
