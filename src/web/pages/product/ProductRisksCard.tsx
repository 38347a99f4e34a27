import type { Risk } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtMoney, fmtPercent, humanize } from '../../format/format.ts';
import { toneOf } from '../../format/tones.ts';

/** The product's risks with their exposure (probability × impact). */
export function ProductRisksCard({ productId }: { productId: string }) {
  const risks = useList<Risk>('risks', { productId });
  return (
    <Card title="Risks">
      <QueryState query={risks} label="risks" empty="No risks recorded for this product">
        {(rows) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Probability
                </th>
                <th scope="col" className="num">
                  Exposure
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.title}
                    {r.mitigation && <div className="muted small">{r.mitigation}</div>}
                  </td>
                  <td>
                    <Tag tone={toneOf(r.status)}>{humanize(r.status)}</Tag>
                  </td>
                  <td className="num">{fmtPercent(r.probability)}</td>
                  <td className="num">{fmtMoney(r.probability * r.impact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </Card>
  );
}
