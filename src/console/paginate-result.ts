// What the AWS CLI prints for a paginated operation: it follows the service's tokens and prints
// the joined result (botocore PageIterator.build_full_result): the result lists, then `NextToken`
// when --max-items cut them short, then the paginator's non-aggregate keys; the service's own
// tokens and IsTruncated are not shown. The simulated world answers in one page, so this joins
// nothing; it applies --starting-token and --max-items the way botocore does, with botocore's
// token (base64 of `{"Marker": null, "boto_truncate_amount": 2}`).
import type { OperationModel } from '../aws/models/model.js';
import type { Paging } from './parse-command.js';

export type PaginatedResult =
  | { ok: true; result: Record<string, unknown>; nextToken?: string }
  | { ok: false; message: string };

function encodeToken(inputTokens: readonly string[], truncateAmount: number): string {
  const parts = inputTokens.map((token) => `${JSON.stringify(token)}: null`);
  parts.push(`"boto_truncate_amount": ${truncateAmount}`);
  return Buffer.from(`{${parts.join(', ')}}`).toString('base64');
}

function decodeToken(token: string): number | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return undefined;
    const amount = (decoded as Record<string, unknown>).boto_truncate_amount;
    return typeof amount === 'number' && Number.isInteger(amount) && amount >= 0 ? amount : 0;
  } catch {
    return undefined;
  }
}

/** The result as the CLI prints it for `operation`, unless --no-paginate (then as the service sent it). */
export function paginatedResult(
  operation: OperationModel,
  response: Record<string, unknown>,
  paging: Paging,
  noPaginate: boolean,
): PaginatedResult {
  const paginator = operation.paginator;
  if (paginator === undefined || noPaginate) return { ok: true, result: response };
  const resultKeys = paginator.resultKey ?? [];
  let skip = 0;
  if (paging.startingToken !== undefined) {
    const decoded = decodeToken(paging.startingToken);
    if (decoded === undefined)
      return { ok: false, message: `Unable to decode starting token: ${paging.startingToken}` };
    skip = decoded;
  }
  const result: Record<string, unknown> = {};
  let nextToken: string | undefined;
  resultKeys.forEach((key, index) => {
    // A list the service left out stays out (build_full_result skips a result key a page lacks):
    // `list-objects-v2` prints no CommonPrefixes without a delimiter.
    if (!Array.isArray(response[key])) return;
    const list = response[key] as unknown[];
    // botocore truncates on the first (primary) result key.
    const start = index === 0 ? skip : 0;
    const end =
      index === 0 && paging.maxItems !== undefined ? start + paging.maxItems : list.length;
    if (index === 0 && end < list.length) nextToken = encodeToken(paginator.inputToken, end);
    result[key] = list.slice(start, end);
  });
  if (nextToken !== undefined) result.NextToken = nextToken;
  for (const key of paginator.nonAggregateKeys ?? []) {
    if (Object.hasOwn(response, key)) result[key] = response[key];
  }
  return nextToken === undefined ? { ok: true, result } : { ok: true, result, nextToken };
}
