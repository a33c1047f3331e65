// Matching a statement's Action / NotAction and Resource / NotResource elements against a request.
//
// The evaluator asks these on every request, so each element's patterns are compiled once into a
// matcher around one RegExp (an alternation of its patterns). The evaluator keeps the matchers
// with its compiled statements (statement.ts), so a policy no longer used takes them with it.
import type { ContextIndex } from './context.js';
import { memoize } from './memo.js';
import type { PolicyVersion } from './types.js';
import { policyGlob } from './variables.js';
import { globSource, type GlobSource } from './wildcard.js';

const ANY = '[\\s\\S]';

/** Joins glob sources into one anchored alternation, numbering their capture groups in turn. */
function alternation(
  globs: readonly string[],
  toSource: (glob: string, firstGroup: number) => GlobSource,
  flags: string,
): RegExp {
  let group = 1;
  const sources = globs.map((glob) => {
    const { source, groups } = toSource(glob, group);
    group += groups;
    return source;
  });
  return new RegExp(`^(?:${sources.join('|')})$`, flags);
}

/**
 * A matcher for an Action or NotAction element's patterns. Actions compare case-insensitively,
 * with `*` and `?` wildcards (reference_policies_elements_action: "action names are not
 * case-sensitive").
 */
export function actionMatcher(patterns: readonly string[]): (action: string) => boolean {
  const regExp = alternation(patterns, (glob, group) => globSource(glob, ANY, group), 'i');
  return (action) => regExp.test(action);
}

/**
 * An ARN glob as regex source: `*` and `?` match within each of the first five colon-separated
 * segments, and the resource segment takes the rest, colons included
 * (reference_policies_elements_resource, "Including wildcard characters in the resource ARN").
 * A glob with fewer segments leaves its last one to match all that remains.
 */
function arnGlobSource(glob: string, firstGroup: number): GlobSource {
  const segments = glob.split(':');
  const head = segments.slice(0, Math.min(5, segments.length - 1));
  const tail = segments.slice(head.length).join(':');
  let group = firstGroup;
  const sources = head.map((segment) => {
    const { source, groups } = globSource(segment, '[^:]', group);
    group += groups;
    return source;
  });
  const last = globSource(tail, ANY, group);
  sources.push(last.source);
  return { source: sources.join(':'), groups: group - firstGroup + last.groups };
}

const arnRegExp = memoize((glob) => alternation([glob], arnGlobSource, ''));

/** Whether an ARN matches an ARN glob, segment by segment; resource names are case-sensitive. */
export function arnGlobMatch(glob: string, arn: string): boolean {
  return glob === '*' || arnRegExp(glob).test(arn);
}

const NO_CONTEXT: ContextIndex = new Map();

/** Patterns whose meaning does not depend on the request: no variables, or variables as text. */
function isStatic(patterns: readonly string[], version: PolicyVersion): boolean {
  return version === '2008-10-17' || patterns.every((pattern) => !pattern.includes('${'));
}

/** Whether a resource matches; the context fills in the patterns' policy variables. */
export type ResourceMatcher = (resource: string, context: ContextIndex) => boolean;

/**
 * A matcher for a Resource or NotResource element's patterns: whether any of them matches, after
 * policy variables are substituted (2012-10-17 only; a pattern whose variable cannot be resolved
 * matches nothing: reference_policies_variables). Patterns without variables are compiled into
 * one RegExp; the others are filled in for each request.
 */
export function resourceMatcher(
  patterns: readonly string[],
  version: PolicyVersion,
): ResourceMatcher {
  if (isStatic(patterns, version)) {
    // Static patterns always resolve: substitution only escapes their literal text.
    const globs = patterns.map((pattern) => policyGlob(pattern, NO_CONTEXT, version) ?? '');
    // `"Resource": "*"` is common and matches everything: no need to run a RegExp for it.
    if (globs.includes('*')) return () => true;
    const regExp = alternation(globs, arnGlobSource, '');
    return (resource) => regExp.test(resource);
  }
  return (resource, context) => {
    for (const pattern of patterns) {
      const glob = policyGlob(pattern, context, version);
      if (glob !== undefined && arnGlobMatch(glob, resource)) return true;
    }
    return false;
  };
}
