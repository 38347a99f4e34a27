const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const axis = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const money = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTime = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const fmtCompact = (n: number) => compact.format(n);
export const fmtAxis = (n: number) => axis.format(n);
export const fmtMoney = (n: number) => money.format(n);
export const fmtNumber = (n: number) => decimal.format(n);
export const fmtPercent = (n: number) => percent.format(n);
export const fmtDate = (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—');
export const fmtDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');

/** "parking_lot" → "Parking lot". */
export function humanize(s: string | null | undefined): string {
  if (!s) return '—';
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
