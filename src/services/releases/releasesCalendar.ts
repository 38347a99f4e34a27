/** Escapes TEXT values (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds content lines longer than 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const day = (iso: string) => iso.replace(/-/g, '');
const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return day(d.toISOString().slice(0, 10));
};

export interface CalendarRelease {
  id: string;
  name: string;
  plannedDate: string | null;
  actualDate: string | null;
  status: string;
  updatedAt: Date;
}

/**
 * An iCalendar (RFC 5545) feed of a product's release dates: one all-day event per release on its planned
 * date (or its actual date once released), with a stable UID so calendar apps update events in place.
 */
export function releasesCalendar(product: { id: string; name: string }, releases: CalendarRelease[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sextant//Release calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${product.name} releases`)}`,
  ];
  for (const r of releases) {
    const date = r.status === 'released' && r.actualDate ? r.actualDate : r.plannedDate;
    if (!date) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:release-${r.id}@sextant`,
      `DTSTAMP:${stamp(r.updatedAt)}`,
      `DTSTART;VALUE=DATE:${day(date)}`,
      `DTEND;VALUE=DATE:${nextDay(date)}`,
      `SUMMARY:${text(`${product.name} ${r.name}${r.status === 'released' ? '' : ' (planned)'}`)}`,
      `STATUS:${r.status === 'released' ? 'CONFIRMED' : 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
