import { useMemo, useState } from 'react';
import type { Initiative, Segment } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
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
      <Card>
        <div className="filters">
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
        </div>
        <QueryState query={initiatives} label="initiatives" empty="No initiatives match">
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Initiative</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Segment</th>
                  <th scope="col">Start</th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col" className="num">
                    Benefit
                  </th>
                  <th scope="col" className="num">
                    Probability
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <strong>{i.name}</strong>
                      {i.mandatory && (
                        <>
                          {' '}
                          <Tag tone="warning">Mandatory</Tag>
                        </>
                      )}
                      <div className="muted small">{i.description}</div>
                    </td>
                    <td>{humanize(i.kind)}</td>
                    <td>
                      <Tag tone={toneOf(i.stage)}>{humanize(i.stage)}</Tag>
                    </td>
                    <td>{i.segmentId ? (segmentName.get(i.segmentId) ?? '…') : '—'}</td>
                    <td>{i.startPeriod}</td>
                    <td className="num">{fmtMoney(sum(i.costPerPeriod))}</td>
                    <td className="num">{fmtMoney(sum(i.benefitPerPeriod))}</td>
                    <td className="num">{fmtPercent(i.probability)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
    </>
  );
}
