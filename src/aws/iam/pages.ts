// The List operations' paging: at most MaxItems items (100 by default) from Marker on, with
// IsTruncated and, when there is more, the Marker to ask for the rest (API_ListUsers, "MaxItems").
// Markers are opaque to callers; here one is the position of the next item.
import { validationError } from '../errors.js';
import { integer, text } from '../input.js';
import type { Params } from '../operation.js';

const DEFAULT_MAX_ITEMS = 100;

/** `{[key]: items, IsTruncated, Marker?}` for one page of the items, each shown by `shape`. */
export function listed<T>(
  key: string,
  items: readonly T[],
  params: Params,
  shape: (item: T) => unknown,
): Record<string, unknown> {
  const marker = text(params, 'Marker');
  const start = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw validationError('Invalid Marker.');
  }
  const end = start + (integer(params, 'MaxItems') ?? DEFAULT_MAX_ITEMS);
  const truncated = end < items.length;
  return {
    [key]: items.slice(start, end).map(shape),
    IsTruncated: truncated,
    ...(truncated ? { Marker: String(end) } : {}),
  };
}
