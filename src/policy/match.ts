// Matching a statement's Action / NotAction and Resource / NotResource elements against a request.
import type { ContextIndex } from './context.js';
import type { PolicyVersion } from './types.js';
import { globMatch } from './wildcard.js';
import { policyGlob } from './variables.js';

/**
 * Actions compare case-insensitively, with `*` and `?` wildcards
 * (reference_policies_elements_action: "action names are not case-sensitive").
 */
export function anyActionMatches(patterns: readonly string[], action: string): boolean {
  for (const pattern of patterns) {
    if (pattern === '*' || globMatch(pattern, action, true)) return true;
  }
  return false;
}

/**
 * ARN patterns match segment by segment: `*` and `?` work within each of the first five
 * colon-separated segments, and the resource segment takes the rest, colons included
 * (reference_policies_elements_resource, "Including wildcard characters in the resource ARN").
 * Resource names are case-sensitive.
 */
export function arnGlobMatch(glob: string, arn: string): boolean {
  if (glob === '*') return true;
  let globStart = 0;
  let arnStart = 0;
  for (let segment = 0; segment < 5; segment++) {
    const globEnd = glob.indexOf(':', globStart);
    const arnEnd = arn.indexOf(':', arnStart);
    if (globEnd < 0 || arnEnd < 0) {
      // Fewer than six segments on one side: the rest must match as a whole.
      return globMatch(glob.slice(globStart), arn.slice(arnStart), false);
    }
    if (!globMatch(glob.slice(globStart, globEnd), arn.slice(arnStart, arnEnd), false))
      return false;
    globStart = globEnd + 1;
    arnStart = arnEnd + 1;
  }
  return globMatch(glob.slice(globStart), arn.slice(arnStart), false);
}

/**
 * Whether any Resource pattern matches, after policy variables are substituted (2012-10-17 only;
 * a pattern whose variable cannot be resolved matches nothing: reference_policies_variables).
 */
export function anyResourceMatches(
  patterns: readonly string[],
  resource: string,
  context: ContextIndex,
  version: PolicyVersion,
): boolean {
  for (const pattern of patterns) {
    if (pattern === '*') return true;
    const glob = policyGlob(pattern, context, version);
    if (glob !== undefined && arnGlobMatch(glob, resource)) return true;
  }
  return false;
}
