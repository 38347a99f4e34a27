// How PostgreSQL writes a timestamptz in a UTC session (DateStyle ISO): at most milliseconds here, as
// every timestamp column is timestamp(3); trailing zeros of the fraction are left out.
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?\+00$/;

/**
 * A timestamptz as the server wrote it → the ISO string the API shows (what `new Date(text)
 * .toISOString()` gives), by rearranging the text; anything else (another session time zone, far
 * years) goes through Date.
 */
export function isoFromTimestamptz(text: string): string {
  const m = UTC_TEXT.exec(text);
  if (!m) return new Date(text).toISOString();
  const ms = m[3] === undefined ? '000' : m[3].padEnd(3, '0');
  return `${m[1]}T${m[2]}.${ms}Z`;
}
