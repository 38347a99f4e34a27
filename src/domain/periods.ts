/** Quarter arithmetic for planning periods written as 2027Q1. */
export function periodIndex(period: string): number {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(5));
  return year * 4 + (quarter - 1);
}

export function periodAt(index: number): string {
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** `count` consecutive quarters starting at `start`. */
export function periodRange(start: string, count: number): string[] {
  const first = periodIndex(start);
  return Array.from({ length: count }, (_, i) => periodAt(first + i));
}

/** The quarter a date falls in. */
export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}
