// Date condition operators (reference_policies_elements_condition_operators, "Date condition
// operators"): "You must specify date/time values with one of the W3C implementations of the ISO
// 8601 date formats or in epoch (UNIX) time." Both sides are read as instants (milliseconds since
// 1970 UTC) and compared; a value that is neither form matches nothing.
import type { OperatorFamily } from './family.js';
import { memoize } from '../memo.js';

/** Epoch (UNIX) time: whole seconds, as `aws:EpochTime` has them. */
const EPOCH_SECONDS = /^-?\d+$/;

/**
 * The W3C profile of ISO 8601 (www.w3.org/TR/NOTE-datetime) from YYYY-MM on: YYYY-MM,
 * YYYY-MM-DD, then a time of hh:mm, hh:mm:ss or hh:mm:ss.s with a zone (`Z` or `+hh:mm`). A time
 * without a zone is taken as UTC. A bare `YYYY` is all digits, so it reads as epoch seconds.
 */
const W3C_DATE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return zone.startsWith('-') ? -minutes : minutes;
}

function parseW3cDate(text: string): number | undefined {
  const parts = W3C_DATE.exec(text);
  if (parts === null) return undefined;
  // Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 fraction, 8 zone.
  const field = (group: number, absent: number): number => {
    const digits = parts[group];
    return digits === undefined ? absent : Number(digits);
  };
  const [year, month, day] = [field(1, 0), field(2, 1), field(3, 1)];
  const [hours, minutes, seconds] = [field(4, 0), field(5, 0), field(6, 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 into the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A month or day out of range rolls over into another date: reject it instead.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hours, minutes, seconds);
  const fraction = parts[7];
  const fractionMs = fraction === undefined ? 0 : Number(fraction) * 1000;
  return date.getTime() + fractionMs - zoneOffsetMinutes(parts[8]) * 60_000;
}

/** The instant a date value names, in milliseconds since 1970 UTC; undefined if it names none. */
const parseDate = memoize((text: string): number | undefined =>
  EPOCH_SECONDS.test(text) ? Number(text) * 1000 : parseW3cDate(text),
);

/** A date operator from its comparison of the two instants. */
function date(
  compare: (request: number, policy: number) => boolean,
): OperatorFamily<number, number | undefined> {
  return {
    policyValues: 'literal',
    readRequest: parseDate,
    readPolicy: parseDate,
    matches: (policy, request) => policy !== undefined && compare(request, policy),
  };
}

export const dateEquals = date((request, policy) => request === policy);
export const dateLessThan = date((request, policy) => request < policy);
export const dateLessThanEquals = date((request, policy) => request <= policy);
export const dateGreaterThan = date((request, policy) => request > policy);
export const dateGreaterThanEquals = date((request, policy) => request >= policy);
