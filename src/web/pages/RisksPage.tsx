import { useMemo } from 'react';
import type { Initiative, Product, Risk } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { Chart } from '../components/Chart.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtMoney, fmtPercent, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { impactBand, probabilityBand, riskHeatOption } from './risk/riskHeatOption.ts';

/** Risks across products and initiatives: a probability × impact heat map and the list by exposure. */
export function RisksPage() {
  const [status, setStatus] = useQueryParam('status');
  const risks = useList<Risk>('risks', { status });
  const products = useList<Product>('products');
  const initiatives = useList<Initiative>('initiatives');
  const owner = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of products.data ?? []) m.set(p.id, p.name);
    for (const i of initiatives.data ?? []) m.set(i.id, i.name);
    return m;
  }, [products.data, initiatives.data]);
  const option = useMemo(() => riskHeatOption(risks.data ?? []), [risks.data]);
  const sorted = useMemo(
    () => [...(risks.data ?? [])].sort((a, b) => b.probability * b.impact - a.probability * a.impact),
    [risks.data],
  );
  const exposure = sorted
    .filter((r) => r.status !== 'closed')
    .reduce((s, r) => s + r.probability * r.impact, 0);
  return (
    <>
      <PageHeader
        title="Risks"
        subtitle={`Exposure = probability × impact. Open exposure in view: ${fmtMoney(exposure)}.`}
      />
      <Card>
        <div className="filters">
          <SelectFilter
            id="risk-status"
            label="Status"
            value={status}
            onChange={setStatus}
            options={['open', 'mitigating', 'closed'].map((s) => ({ value: s, label: humanize(s) }))}
          />
        </div>
        <QueryState query={risks} label="risks" empty="No risks match">
          {() => (
            <div className="grid-2">
              <div>
                <h2 className="small">Heat map (number of risks)</h2>
                <Chart
                  option={option}
                  height={320}
                  label="Heat map of risks by probability band and impact band"
                >
                  {sorted
                    .map(
                      (r) =>
                        `${r.title}: probability ${probabilityBand(r.probability)}, impact ${impactBand(r.impact)}`,
                    )
                    .join('; ')}
                </Chart>
              </div>
              <div>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Risk</th>
                      <th scope="col">On</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        P
                      </th>
                      <th scope="col" className="num">
                        Exposure
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((r) => (
                      <tr key={r.id}>
                        <td>{r.title}</td>
                        <td className="small">{owner.get(r.productId ?? r.initiativeId ?? '') ?? '…'}</td>
                        <td>
                          <Tag tone={toneOf(r.status)}>{humanize(r.status)}</Tag>
                        </td>
                        <td className="num">{fmtPercent(r.probability)}</td>
                        <td className="num">{fmtMoney(r.probability * r.impact)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </QueryState>
      </Card>
    </>
  );
}
