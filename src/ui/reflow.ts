// Lesson text as markdown reads it: lines of one paragraph join into one line (a single newline
// is a space), so that the terminal wraps them to its own width; blank lines, list items, table
// rows and indented code keep their lines.
const KEEPS_ITS_LINE = /^(?:\s*[-*+] |\s*\d+[.)] |\s*\||\s{4}|\t|```)/;

export function reflow(text: string): string {
  const lines = text.trimEnd().split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    const previous = out[out.length - 1];
    const joins =
      !inFence &&
      previous !== undefined &&
      previous.trim() !== '' &&
      line.trim() !== '' &&
      !KEEPS_ITS_LINE.test(line) &&
      !KEEPS_ITS_LINE.test(previous);
    if (line.trimStart().startsWith('```')) inFence = !inFence;
    if (joins) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}

/** Rows `text` takes in `columns` columns when each line wraps (an estimate: words may push). */
export function wrappedRows(text: string, columns: number): number {
  const width = Math.max(1, columns);
  return text
    .split('\n')
    .reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / width)), 0);
}

/**
 * As many whole lines of `text` as fit in `rows` rows, then `more` (saying where the rest is)
 * when it does not all fit.
 */
export function fitRows(text: string, columns: number, rows: number, more: string): string[] {
  const lines = text.split('\n');
  if (wrappedRows(text, columns) <= rows) return lines;
  const kept: string[] = [];
  let used = 1;
  for (const line of lines) {
    const needs = wrappedRows(line, columns);
    if (used + needs > rows) break;
    kept.push(line);
    used += needs;
  }
  return [...kept, more];
}
