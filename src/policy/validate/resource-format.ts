// Resource and NotResource values: IAM's ARN format messages and the resource half of its
// "legacy parsing". Ported from moto's _validate_resource_format, _validate_resource_like_for_formats
// and _legacy_parse_resource_like (getmoto/moto, moto/iam/policy_validation.py, Apache License 2.0;
// the S3 access point case as in its later revision, seen in LocalStack's port of it).
// IAM's quirks, kept on purpose:
// - The ARN's first field is not checked; the partition must be `aws` or `*` (the simulated cloud
//   is the `aws` partition), and the error shows the resource rebuilt from `arn:` and its parts.
// - A format error does not stop the scan: the one reported is the last found, scanning Resource
//   in every statement, then NotResource; inside a list, from the greatest value down.
// - Legacy parsing of a statement's values runs only while no format error has been found, and
//   fails at once (before Sids and actions are checked).
// Two deliberate departures from moto:
// - `arn:aws:iam::123456789012:*` is accepted, as IAM's own message says ("must either be "*" or
//   start with ..."); moto has no "*" case.
// - moto's legacy check of a list value reads the third character (`resource[2]`) where the
//   single-string branch reads the third colon-separated field; both branches use the field here.
import type { JsonNode } from './json-document.js';
import { LEGACY_PARSING_ERROR } from './legacy.js';
import { childPath, findItem, itemPath, listItems, problemAt, type Problem } from './problem.js';
import type { StatementRef } from './syntax.js';

const IAM_PATH_STARTS = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];
const IAM_PATH_ERROR = `IAM resource path must either be "*" or start with ${IAM_PATH_STARTS.join(', ')}.`;

/**
 * Services whose resources have no region, IAM's message when one is given anyway, and the
 * resource types that do carry a region (S3 access points, `arn:aws:s3:us-west-2:...:accesspoint/x`).
 */
const REGIONLESS: ReadonlyMap<
  string,
  { message: (resource: string) => string; regional: string[] }
> = new Map([
  [
    'iam',
    {
      message: (resource) => `IAM resource ${resource} cannot contain region information.`,
      regional: [],
    },
  ],
  [
    's3',
    {
      message: (resource) => `Resource ${resource} can not contain region information.`,
      regional: ['accesspoint/'],
    },
  ],
]);

function partitionError(partitionName: string, rest: string): string {
  const parts = rest.split(':');
  const [first = '', second = '*', third = '*'] = parts;
  const service = first !== '' || parts.length > 1 ? first : '*';
  const resource = parts.length > 3 ? parts.slice(3).join(':') : '*';
  return `Partition "${partitionName}" is not valid for resource "arn:${partitionName}:${service}:${second}:${third}:${resource}".`;
}

/** The index just past the next colon from `from` on; -1 when there is none (or `from` is -1). */
function afterColon(text: string, from: number): number {
  const at = from < 0 ? -1 : text.indexOf(':', from);
  return at < 0 ? -1 : at + 1;
}

/** The text from `start` up to the next colon or the end. */
function fieldAt(text: string, start: number): string {
  const end = text.indexOf(':', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

/**
 * IAM's message for a malformed Resource value, or undefined when the format is right. The fields
 * are found by index, not split off: every Resource value of a policy comes through here.
 */
function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const partitionStart = afterColon(resource, 0);
  if (partitionStart < 0) return `Resource ${resource} must be in ARN format or "*".`;
  const partitionName = fieldAt(resource, partitionStart);
  const serviceStart = afterColon(resource, partitionStart);
  if (partitionName !== 'aws' && partitionName !== '*') {
    return partitionError(partitionName, serviceStart < 0 ? '' : resource.slice(serviceStart));
  }
  if (serviceStart < 0)
    return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const service = fieldAt(resource, serviceStart);
  const regionStart = afterColon(resource, serviceStart);
  // As IAM reads it, a resource that ends before its region field has a region too.
  const regionGiven = regionStart < 0 || resource.charCodeAt(regionStart) !== 0x3a;
  const pathStart = afterColon(resource, afterColon(resource, regionStart));
  const path = pathStart < 0 ? '' : resource.slice(pathStart);
  const regionless = REGIONLESS.get(service);
  const regional = regionless?.regional.some((start) => path.startsWith(start)) ?? false;
  if (regionless && regionGiven && !regional) return regionless.message(resource);
  if (
    service === 'iam' &&
    path !== '*' &&
    !IAM_PATH_STARTS.some((start) => path.startsWith(start))
  ) {
    return IAM_PATH_ERROR;
  }
  return undefined;
}

/** Whether the legacy parser reads the value: `::` needs all five colons, and a service. */
function passesLegacyParsing(resource: string): boolean {
  if (resource === '*') return true;
  let colons = 0;
  let serviceStart = -1;
  for (let i = 0; i < resource.length; i++) {
    if (resource.charCodeAt(i) !== 0x3a) continue;
    colons++;
    if (colons === 2) serviceStart = i + 1;
  }
  const hasService =
    serviceStart > 0 && serviceStart < resource.length && resource[serviceStart] !== ':';
  return (colons >= 5 || !resource.includes('::')) && hasService;
}

interface ResourceScan {
  /** A legacy parsing failure, which IAM reports before the other resource checks. */
  legacy?: Problem;
  /** The format error IAM reports once Sids are unique and every statement has actions. */
  format?: Problem;
}

/**
 * The format error an element's values leave, if any. IAM scans a list from the greatest value
 * down and keeps the last error it finds: that of the least erroneous value (of equal ones, the
 * last written).
 */
function elementFormatError(element: JsonNode, elementPath: () => string): Problem | undefined {
  const items = listItems(element);
  let found: { message: string; text: string; index: number } | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const text = item?.type === 'string' ? item.value : '';
    const message = resourceFormatError(text);
    if (message !== undefined && (found === undefined || text <= found.text)) {
      found = { message, text, index };
    }
  }
  const node = found && items[found.index];
  return found && problemAt(found.message, itemPath(elementPath(), element, found.index), node);
}

function unreadableByLegacyParser(item: JsonNode): boolean {
  return item.type === 'string' && !passesLegacyParsing(item.value);
}

const RESOURCE_ELEMENTS = ['Resource', 'NotResource'];

export function scanResources(statements: readonly StatementRef[]): ResourceScan {
  let format: Problem | undefined;
  for (const key of RESOURCE_ELEMENTS) {
    for (const { node, path } of statements) {
      const element = node.members.get(key)?.value;
      if (element === undefined) continue;
      const elementPath = () => childPath(path, key);
      format = elementFormatError(element, elementPath) ?? format;
      if (format !== undefined) continue;
      const unreadable = findItem(element, elementPath, unreadableByLegacyParser);
      if (unreadable)
        return { legacy: problemAt(LEGACY_PARSING_ERROR, unreadable.path, unreadable.node) };
    }
  }
  return format === undefined ? {} : { format };
}
