/**
 * Canonical text of ISO 8601 date and time literals, as PostgreSQL prints them with
 * `DateStyle = ISO`: `'2024-01-01T10:00:00.000Z'` on a `timestamp with time zone`
 * column and the database's `'2024-01-01 10:00:00+00'` are the same value. Other
 * spellings (`'now'`, `'Jan 1 2024'`, BC dates) are left alone.
 *
 * NOTE: the database prints a `timestamp with time zone` constant in the reader's
 * session time zone, with its offset (`'2024-01-01 05:00:00-05'`): converting to UTC
 * makes any reader's output comparable. A literal written without an offset was read
 * in the time zone of the session that created the default, which nobody recorded;
 * it is taken to be UTC (drizzle-kit always writes `Z`, so this only concerns
 * hand-written SQL).
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

const validDate = (text: string): boolean => {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export const canonicalDate = (text: string): string | undefined => {
  const trimmed = text.trim();
  return validDate(trimmed) ? trimmed : undefined;
};

/** `HH:MM:SS[.fraction]` with trailing fraction zeros dropped (PostgreSQL keeps microseconds). */
export const canonicalTime = (text: string): string | undefined => {
  const match = TIME.exec(text.trim());
  if (match === null) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '0')];
  const fraction = (match[4] ?? '').replace(/0+$/, '');
  if (hours > 24 || minutes > 59 || seconds > 60 || fraction.length > 6) return undefined;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction === '' ? '' : `.${fraction}`}`;
};

export const canonicalTimestamp = (text: string, withTimeZone: boolean): string | undefined => {
  const match = TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [, date = '', timeText = '00:00:00', zone] = match;
  const time = canonicalTime(timeText);
  if (!validDate(date) || time === undefined) return undefined;
  // NOTE: a timestamp without time zone ignores any offset in its input (PostgreSQL docs, 8.5.1.3).
  if (!withTimeZone) return `${date} ${time}`;
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [clock, fraction] = time.split('.') as [string, string | undefined];
  const [hours, minutes, seconds] = clock.split(':').map(Number) as [number, number, number];
  const iso = new Date(Date.UTC(year, month - 1, day, hours, minutes - offsetMinutes, seconds)).toISOString();
  if (!/^\d{4}-/.test(iso)) return undefined; // outside years 0000-9999
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === undefined ? '' : `.${fraction}`}+00`;
};

const zoneOffsetMinutes = (zone: string | undefined): number | undefined => {
  if (zone === undefined || zone.toLowerCase() === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  return match[1] === '-' ? -minutes : minutes;
};
