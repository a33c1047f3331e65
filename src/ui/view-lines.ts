// The overlays of the console (Why, who can assume what) are lines of text with a tone each, so
// that a pager shows and scrolls them and tests read them without a terminal.
export type Tone = 'title' | 'allow' | 'deny' | 'warn' | 'dim';

export interface ViewLine {
  text: string;
  tone?: Tone;
}

/**
 * Lines cut to fit `width` columns at spaces, a continuation indented two more than its line, so
 * a pager counts rows exactly; a word longer than the width is cut.
 */
export function fitLines(lines: readonly ViewLine[], width: number): ViewLine[] {
  const fitted: ViewLine[] = [];
  const columns = Math.max(20, width);
  for (const line of lines) {
    const indent = ' '.repeat(Math.min(columns / 2, (/^ */.exec(line.text)?.[0].length ?? 0) + 2));
    let rest = line.text;
    let prefix = '';
    while (prefix.length + rest.length > columns) {
      const room = columns - prefix.length;
      const space = rest.lastIndexOf(' ', room);
      const cut = space > 0 ? space : room;
      fitted.push({ ...line, text: prefix + rest.slice(0, cut).trimEnd() });
      rest = rest.slice(cut).trimStart();
      prefix = indent;
    }
    fitted.push({ ...line, text: prefix + rest });
  }
  return fitted;
}
