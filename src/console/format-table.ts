// `--output table`, ported from awscli/formatter.py (TableFormatter) and awscli/table.py
// (MultiTable, Section), without colours: a titled section per structure or list, scalar keys as
// sorted column headers, nested values in indented sections, columns scaled to the widest
// section, and every section turned vertical when the table is wider than the terminal.
import { pythonStr } from './python-repr.js';

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): boolean {
  return !Array.isArray(value) && !isRecord(value);
}

/** Python's truthiness of a JSON value (an empty list or structure prints nothing). */
function truthy(value: Json): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** East Asian wide and fullwidth characters take two columns (table.py get_text_length). */
function textLength(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    length += wide ? 2 : 1;
  }
  return length;
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function centerText(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const left = leftEdge + ' '.repeat(Math.max(charStart, 0)) + text;
  const soFar = textLength(leftEdge) + charStart + textLen;
  const rightSpaces = length - textLength(rightEdge) - soFar;
  return left + ' '.repeat(Math.max(rightSpaces, 0)) + rightEdge;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const padding = length - (textLen + 2 + leftEdge.length + rightEdge.length) >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLen;
  return (
    leftEdge +
    ' '.repeat(padding) +
    text +
    ' '.repeat(Math.max(length - soFar - rightEdge.length, 0)) +
    rightEdge
  );
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private columns: number | undefined;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.columns ??= headers.length;
    this.headers = headers;
  }

  addRow(row: Json[]): void {
    this.columns ??= row.length;
    const cells = row.map(pythonStr);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  private updateMaxWidths(cells: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = cells.map(textLength);
    else
      cells.forEach(
        (cell, i) => (this.maxWidths[i] = Math.max(textLength(cell), this.maxWidths[i] ?? 0)),
      );
  }

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((width) => width + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const total = unscaled.reduce((sum, width) => sum + width, 0);
    const scaled = unscaled.map((width) => roundHalfEven((maxWidth / total) * width));
    let offBy = scaled.reduce((sum, width) => sum + width, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        scaled[i] = (scaled[i] ?? 0) + (offBy > 0 ? -1 : 1);
        offBy += offBy > 0 ? -1 : 1;
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const columns = this.columnWidths().reduce((sum, width) => sum + width + padding, 0);
    const total = columns + 2 + 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | undefined;

  constructor(private readonly terminalWidth: number) {}

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addRowHeader(headers: string[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: Json[]): void {
    this.section().addRow(row);
  }

  private section(): Section {
    if (this.current === undefined) this.newSection('');
    return this.current ?? new Section();
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((section) => section.totalWidth(4, section.indentLevel)));
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      this.sections = this.sections.map((section) => {
        const [row] = section.rows;
        if (section.rows.length !== 1 || section.headers.length === 0 || row === undefined)
          return section;
        const vertical = new Section();
        vertical.title = section.title;
        vertical.indentLevel = section.indentLevel;
        section.headers.forEach((header, i) => {
          vertical.addRow([header, row[i] ?? '']);
        });
        return vertical;
      });
      maxWidth = this.maxWidth();
    }
    let out = `${'-'.repeat(maxWidth)}\n`;
    for (const section of this.sections) out += this.renderSection(section, maxWidth);
    return out;
  }

  private renderSection(section: Section, tableWidth: number): string {
    const indent = '|'.repeat(section.indentLevel);
    const line = (text: string): string => `${indent}${text}${indent}\n`;
    const maxWidth = tableWidth - section.indentLevel * 2;
    let out = '';
    if (section.title !== '') {
      out += line(centerText(section.title, maxWidth, '|', '|'));
      if (section.headers.length === 0 && section.rows.length === 0)
        out += line(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    const widths = section.columnWidths(4, maxWidth);
    const lineBreak = (): string =>
      line(
        widths
          .map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`))
          .join(''),
      );
    if (section.headers.length > 0) {
      out += lineBreak();
      out += line(
        section.headers
          .map((header, i) => centerText(header, widths[i] ?? 0, i === 0 ? '|' : '', '|'))
          .join(''),
      );
    }
    if (section.rows.length > 0 && widths.length > 0) {
      out += lineBreak();
      for (const row of section.rows) {
        out += line(
          widths
            .map((width, i) => alignLeft(row[i] ?? '', width, i === 0 ? '|' : '', '|'))
            .join(''),
        );
      }
      out += lineBreak();
    }
    return out;
  }
}

class TableBuilder {
  constructor(readonly table: MultiTable) {}

  build(title: string | undefined, current: Json, indentLevel = 0): boolean {
    if (!truthy(current)) return false;
    if (title !== undefined) this.table.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (isRecord(current[0])) this.fromList(current, indentLevel, title);
      else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
          else this.build(undefined, item);
        }
      }
    }
    if (isRecord(current)) this.fromDict(current, indentLevel);
    return true;
  }

  private static groupKeys(current: Record<string, Json>): [string[], string[]] {
    const headers = Object.keys(current)
      .filter((key) => isScalar(current[key]))
      .sort(byName);
    const more = Object.keys(current)
      .filter((key) => !isScalar(current[key]))
      .sort(byName);
    return [headers, more];
  }

  private fromDict(current: Record<string, Json>, indentLevel: number): void {
    const [headers, more] = TableBuilder.groupKeys(current);
    const [only] = headers;
    if (headers.length === 1 && only !== undefined) this.table.addRow([only, current[only]]);
    else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((key) => current[key]));
    }
    for (const key of more) this.build(key, current[key], indentLevel + 1);
  }

  private fromList(current: Json[], indentLevel: number, title: string | undefined): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of current) {
      if (!isRecord(item)) continue;
      const [headers, more] = TableBuilder.groupKeys(item);
      headers.forEach((key) => headerSet.add(key));
      more.forEach((key) => moreSet.add(key));
    }
    const headers = [...headerSet].sort(byName);
    const more = [...moreSet].sort(byName);
    this.table.addRowHeader(headers);
    current.forEach((element, index) => {
      const item = isRecord(element) ? element : {};
      if (index > 0 && more.length > 0) {
        this.table.newSection(title ?? '', indentLevel);
        this.table.addRowHeader(headers);
      }
      this.table.addRow(headers.map((key) => (Object.hasOwn(item, key) ? item[key] : '')));
      for (const key of more)
        if (Object.hasOwn(item, key)) this.build(key, item[key], indentLevel + 1);
    });
  }
}

/** The table the AWS CLI prints for `value` (titled with the operation name), or '' when empty. */
export function formatTable(title: string, value: Json, terminalWidth = 80): string {
  const table = new MultiTable(terminalWidth);
  return new TableBuilder(table).build(title, value) ? table.render() : '';
}
