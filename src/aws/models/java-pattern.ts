// The models' `pattern` traits are Java regular expressions (AWS validates with java.util.regex,
// matching the whole value: `[\w+=,.@-]+`, `[\u0009\u000A\u000D\u0020-\u00FF]+`,
// `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`). Most read the same in JavaScript with the `u` flag (needed for
// `\p{...}`); Java also lets any punctuation be escaped (`\:`, `\#`), which `u` refuses, so those
// escapes are written as the bare character. What JavaScript still cannot read (Java's class
// intersection `&&`, possessive quantifiers, `\p{javaLowerCase}`, `\Q...\E`) is skipped: such a
// pattern checks nothing rather than crashing the request or checking something else.

const compiled = new Map<string, RegExp | undefined>();

/** Every escape, taken in pairs so that `\\:` stays an escaped backslash and a colon. */
const ESCAPE = /\\(.)/gsu;
/** What JavaScript's `u` mode allows to be escaped (`-` only inside a class, as Java means it). */
const ESCAPABLE = /[\p{L}\p{N}^$\\.*+?()[\]{}|/-]/u;

function translate(pattern: string): RegExp | undefined {
  const javascript = pattern.replace(ESCAPE, (escape, char: string) =>
    ESCAPABLE.test(char) ? escape : char,
  );
  try {
    return new RegExp(`^(?:${javascript})$`, 'u');
  } catch {
    return undefined;
  }
}

/**
 * The model's pattern as a JavaScript regex that must match the whole value, compiled once; or
 * undefined when JavaScript cannot read it (the pattern is then not checked).
 */
export function wholeValuePattern(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) compiled.set(pattern, translate(pattern));
  return compiled.get(pattern);
}
