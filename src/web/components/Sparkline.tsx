/**
 * A tiny trend line (inline SVG, no chart library): the tile's figure over the quarters. Gaps (null)
 * break the line. The label says what it shows for screen readers.
 */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return null;
  const w = 120;
  const h = 28;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const x = (k: number) => (values.length === 1 ? 0 : (k / (values.length - 1)) * w);
  const y = (v: number) => h - 2 - ((v - min) / span) * (h - 4);
  const segments: string[] = [];
  let current = '';
  values.forEach((v, k) => {
    if (v === null || !Number.isFinite(v)) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(k).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
    </svg>
  );
}
