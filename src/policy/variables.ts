// Policy variables (reference_policies_variables): `${key}` is replaced by the request's value of a
// context key, `${key, 'default'}` falls back to the default when the key has no value, and `${*}`
// `${?}` `${$}` stand for the literal characters. Variables exist only in Version 2012-10-17: "If you
// don't include the Version element and set it to an appropriate version date, variables like
// ${aws:username} are treated as literal strings in the policy."
//
// A variable whose key is missing, or multivalued ("you cannot use a multivalued context key as a
// policy variable": reference_policies_condition-single-vs-multi-valued-context-keys), and that has
// no default cannot be resolved. The text then matches nothing: "If AWS cannot resolve a variable,
// this might cause the entire statement to be invalid" and "any attempt to match it fails"
// (reference_policies_variables, "Principal key values"). Callers get `undefined`. A default is
// used whenever the key cannot give a single value, missing or multivalued alike.
import { indexKey, type ContextIndex } from './context.js';
import { memoize } from './memo.js';
import type { PolicyVersion } from './types.js';
import { escapeGlob } from './wildcard.js';

/**
 * What a `${...}` stands for: a context key (named as the context index has it) with an optional
 * default, or a literal character.
 */
type Variable = { indexKey: string; fallback?: string } | { literal: string };

/** A policy string read once: literal runs and variables, in order. */
type Template = readonly (string | Variable)[];

const SPECIALS: ReadonlyMap<string, string> = new Map([
  ['*', '*'],
  ['?', '?'],
  ['$', '$'],
]);

/** `${key}` or `${key, 'default'}`: the default is read up to its closing quote. */
const VARIABLE = /^\$\{([^},]*?)\s*(?:,\s*'([^']*)'\s*)?\}/;

/**
 * Reads the variable at the start of `text` and the length it takes. Text that only looks like a
 * variable (no closing brace, an empty key, a default without quotes) is not one: it stays literal.
 */
function readVariable(text: string): { variable: Variable; length: number } | undefined {
  const match = VARIABLE.exec(text);
  if (match === null) return undefined;
  const [whole, rawKey = '', fallback] = match;
  const key = rawKey.trim();
  const special = fallback === undefined ? SPECIALS.get(key) : undefined;
  if (special !== undefined) return { variable: { literal: special }, length: whole.length };
  if (key === '') return undefined;
  const variable =
    fallback === undefined ? { indexKey: indexKey(key) } : { indexKey: indexKey(key), fallback };
  return { variable, length: whole.length };
}

/** A policy string's variables, undefined when it has none. */
function parseTemplate(text: string): Template | undefined {
  const template: (string | Variable)[] = [];
  let literalFrom = 0;
  let at = text.indexOf('${');
  while (at >= 0) {
    const read = readVariable(text.slice(at));
    if (read === undefined) {
      at = text.indexOf('${', at + 2);
      continue;
    }
    if (at > literalFrom) template.push(text.slice(literalFrom, at));
    template.push(read.variable);
    literalFrom = at + read.length;
    at = text.indexOf('${', literalFrom);
  }
  if (literalFrom === 0) return undefined;
  if (literalFrom < text.length) template.push(text.slice(literalFrom));
  return template;
}

/** A policy's own text as a glob: its `*` and `?` stay wildcards, a backslash is literal. */
function policyTextAsGlob(text: string): string {
  return text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
}

/** A template with its literal runs as glob text: the policy's `*` and `?` stay wildcards. */
function asGlobTemplate(template: Template): Template {
  return template.map((part) => (typeof part === 'string' ? policyTextAsGlob(part) : part));
}

/**
 * A policy string read once, as the evaluator sees the same strings on every request: its
 * variables (2012-10-17) in a template for plain text and one for globs, and the glob it is when
 * variables do not apply.
 */
const readPolicyText = memoize((text: string) => {
  const template = parseTemplate(text);
  return {
    template,
    globTemplate: template && asGlobTemplate(template),
    literalGlob: policyTextAsGlob(text),
  };
});

/**
 * Fills in a template: literal runs as they are, resolved variables through `inserted`. Returns
 * undefined when a variable cannot be resolved.
 */
function fill(
  template: Template,
  context: ContextIndex,
  inserted: (value: string) => string,
): string | undefined {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
    } else if ('literal' in part) {
      out += inserted(part.literal);
    } else {
      const value = context.get(part.indexKey);
      const resolved = typeof value === 'string' ? value : part.fallback;
      if (resolved === undefined) return undefined;
      out += inserted(resolved);
    }
  }
  return out;
}

function identity(text: string): string {
  return text;
}

/**
 * Turns a policy string (a Resource, or a value of a *Like or Arn* condition) into a glob for
 * `globMatch`: the policy's `*` and `?` are wildcards, while the values that variables bring in,
 * `${*}` and `${?}` included, match only themselves. Undefined when a variable cannot be resolved.
 */
export function policyGlob(
  text: string,
  context: ContextIndex,
  version: PolicyVersion,
): string | undefined {
  const { globTemplate, literalGlob } = readPolicyText(text);
  if (globTemplate === undefined || version !== '2012-10-17') return literalGlob;
  return fill(globTemplate, context, escapeGlob);
}

/**
 * Whether policyGlob (`asGlob`) or substituteVariables gives `text` back unchanged whatever the
 * request, so that a caller may skip them: no variable to fill in under 2012-10-17, and as a glob,
 * no backslash to escape.
 */
export function isVerbatim(text: string, asGlob: boolean, version: PolicyVersion): boolean {
  if (asGlob && text.includes('\\')) return false;
  return version !== '2012-10-17' || !text.includes('${');
}

/**
 * The same for exact comparisons (StringEquals, Bool, ...): the resolved plain text, `${*}` giving
 * `*`. Undefined when a variable cannot be resolved.
 */
export function substituteVariables(
  text: string,
  context: ContextIndex,
  version: PolicyVersion,
): string | undefined {
  if (version !== '2012-10-17') return text;
  const { template } = readPolicyText(text);
  return template === undefined ? text : fill(template, context, identity);
}
