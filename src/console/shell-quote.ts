// A word as the console's shell (and bash) reads it back: bare when it has nothing the shell would
// interpret, otherwise single-quoted with its own single quotes escaped.
const PLAIN = /^[\w@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
