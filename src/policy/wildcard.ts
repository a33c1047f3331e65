// The glob language of IAM policies: `*` matches any run of characters (also none), `?` exactly
// one character (reference_policies_elements_resource, reference_policies_elements_condition_operators
// "StringLike"). `\` escapes the next character, so text taken from a request can be spliced into a
// pattern without its own `*` and `?` turning into wildcards (see variables.ts). Nothing else is
// special: regex metacharacters such as `.` `+` `(` are plain text. A "character" is one UTF-16
// code unit.
//
// Each glob is compiled once into a RegExp (bounded cache: the evaluator matches the same few
// patterns on every request). The straightforward translation `^a.*b.*c$` backtracks without
// bound: `*a*a*a*a*a*a*b` against a long run of `a`s would take longer than a learner waits. So the
// text between two stars is matched atomically at its earliest place, `(?=([\s\S]*?b))\1` (a
// lookahead is never re-entered; the backreference consumes what it found). That is still exact:
// the parts between stars have a fixed length, and taking one at its earliest place leaves the
// most room for the rest, which a star follows. Matching is then polynomial in the worst case and
// linear for the usual patterns.
import { memoize } from './memo.js';

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const ANY = '[\\s\\S]';

function escapeRegExp(text: string): string {
  return text.replace(REGEX_SYNTAX, '\\$&');
}

/** The regex source for each run of text between stars, a glob with n stars giving n + 1. */
function partsBetweenStars(glob: string, any: string): string[] {
  const parts: string[] = [];
  let part = '';
  // Literal text is escaped a run at a time: a RegExp replace per character is slow, and every
  // pattern of every new policy comes through here.
  let literal = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === '*') {
      parts.push(part + escapeRegExp(literal));
      part = '';
      literal = '';
    } else if (char === '?') {
      part += escapeRegExp(literal) + any;
      literal = '';
    } else {
      // A trailing lone backslash has nothing to escape and stands for itself.
      literal += char === '\\' && i + 1 < glob.length ? glob.charAt(++i) : char;
    }
  }
  parts.push(part + escapeRegExp(literal));
  return parts;
}

/** A glob as regex source (no anchors, no flags) and the capture groups it uses. */
export interface GlobSource {
  source: string;
  groups: number;
}

/**
 * The regex source of a glob whose wildcards match characters of the class `any`, numbering its
 * capture groups from `firstGroup` so that several sources can be joined in one RegExp.
 */
export function globSource(glob: string, any: string, firstGroup: number): GlobSource {
  const [first = '', ...rest] = partsBetweenStars(glob, any);
  const last = rest.pop();
  if (last === undefined) return { source: first, groups: 0 };
  const middle = rest.map((part, i) => `(?=(${any}*?${part}))\\${firstGroup + i}`).join('');
  return { source: `${first}${middle}${any}*${last}`, groups: rest.length };
}

function compile(glob: string, flags: string): RegExp {
  return new RegExp(`^${globSource(glob, ANY, 1).source}$`, flags);
}

const caseSensitive = memoize((glob: string) => compile(glob, ''));
const ignoringCase = memoize((glob: string) => compile(glob, 'i'));

/**
 * A glob as a RegExp that matches whole values. `ignoreCase` compares letters without regard to
 * case, as a case-insensitive RegExp does (action names are case-insensitive:
 * reference_policies_elements_action).
 */
export function globRegExp(glob: string, ignoreCase: boolean): RegExp {
  return (ignoreCase ? ignoringCase : caseSensitive)(glob);
}

/** Whether `value` matches `glob` as a whole (see globRegExp). */
export function globMatch(glob: string, value: string, ignoreCase: boolean): boolean {
  return globRegExp(glob, ignoreCase).test(value);
}

const GLOB_SPECIAL = /[\\*?]/;
const GLOB_SPECIALS = /[\\*?]/g;

/** A glob that matches exactly `text` and nothing else. */
export function escapeGlob(text: string): string {
  // Request values rarely hold a special character; testing first spares the copy.
  return GLOB_SPECIAL.test(text) ? text.replace(GLOB_SPECIALS, '\\$&') : text;
}
