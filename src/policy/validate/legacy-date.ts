// Which values of a Date condition survive IAM's "legacy parsing". Ported from moto's
// _legacy_parse_date_condition_value and _validate_iso_8601_datetime (getmoto/moto,
// moto/iam/policy_validation.py, Apache License 2.0): a value with a `t` or a `-` must read as an
// ISO 8601 date-time within Java's date range, anything else as a non-negative 64-bit epoch.
// Numbers are read the way moto's Python int() reads them, so the same values pass.

const DIGITS = /^\d{1,15}$/;
const INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** Python's int(text), or undefined where int() would raise; exact past 2^53 too. */
function pythonInt(text: string): number | bigint | undefined {
  if (DIGITS.test(text)) return Number(text);
  if (!INT.test(text)) return undefined;
  const digits = text.trim().replaceAll('_', '');
  return digits.length < 16 ? Number(digits) : BigInt(digits);
}

function intWithin(text: string | undefined, min: bigint, max: bigint): boolean {
  const value = text === undefined ? undefined : pythonInt(text);
  return value !== undefined && value >= min && value <= max;
}

/** Python's str.partition: the text before the first separator, the separator, the rest. */
export function partition(text: string, separator: string): [string, string, string] {
  const at = text.indexOf(separator);
  return at < 0
    ? [text, '', '']
    : [text.slice(0, at), separator, text.slice(at + separator.length)];
}

function secondsAndZoneValid(seconds: string): boolean {
  let withFraction = seconds;
  if (seconds.includes('z')) {
    const [before, , after] = partition(seconds, 'z');
    if (after !== '') return false;
    withFraction = before;
  } else if (seconds.includes('+')) {
    const [before, , zone] = partition(seconds, '+');
    const [hours, colon, minutes] = partition(zone, ':');
    if (hours.length !== 2 || !intWithin(hours, 0n, 23n)) return false;
    if (colon === ':' && (minutes.length !== 2 || !intWithin(minutes, 0n, 59n))) return false;
    withFraction = before;
  }
  const [whole, dot, fraction] = partition(withFraction, '.');
  return intWithin(whole, 0n, 59n) && (dot === '' || intWithin(fraction, 0n, 999_999_999n));
}

function isoDateTimeValid(lowerCased: string): boolean {
  const [date, , time] = partition(lowerCased, 't');
  const negativeYear = date.startsWith('-');
  const dateParts = (negativeYear ? date.slice(1) : date).split('-');
  const [year = '', month, day] = dateParts;
  if (!intWithin(negativeYear ? `-${year}` : year, -292_275_054n, 292_278_993n)) return false;
  if (month !== undefined && !intWithin(month, 1n, 12n)) return false;
  if (day !== undefined && !intWithin(day, 1n, 31n)) return false;
  if (dateParts.length >= 4) return false;

  const [hours = '', minutes, seconds] = time.split(':');
  if (hours !== '' && !intWithin(hours, 0n, 23n)) return false;
  if (minutes !== undefined && !intWithin(minutes, 0n, 59n)) return false;
  return seconds === undefined || secondsAndZoneValid(seconds);
}

/** Whether IAM's legacy parser accepts the value of a Date... condition. */
export function isLegacyDateValue(value: string): boolean {
  const lowerCased = value.toLowerCase();
  if (lowerCased.includes('t') || value.includes('-')) return isoDateTimeValid(lowerCased);
  return intWithin(value, 0n, 9_223_372_036_854_775_807n);
}
