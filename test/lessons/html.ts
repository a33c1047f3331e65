// A strict parser of the HTML iam-tutor writes, for tests: a tree of elements, attributes and
// text, with character references decoded. Stricter than a browser on purpose: a tag left open or
// closed out of order, an unquoted attribute, or a `<` or `&` in text that is not markup or a
// known reference is an error, so that a report that parses here is well formed, and text that
// reads right here was escaped right.

export interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input']);
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['style', 'script']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  if (text.includes('<')) throw new Error(`unescaped < in text near offset ${at}`);
  return text.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    const numeric = /^#(\d+)$|^#x([0-9a-f]+)$/i.exec(name);
    if (numeric)
      return String.fromCodePoint(
        Number.parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] ? 10 : 16),
      );
    const named = NAMED[name];
    if (named === undefined || !whole.endsWith(';')) {
      throw new Error(`unknown or unterminated character reference ${whole} near offset ${at}`);
    }
    return named;
  });
}

const TAG = /^<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*(\/?)>/i;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)")?/gi;

export function parseHtml(html: string): { doctype: string; root: HtmlElement } {
  const doctype = /^<!DOCTYPE ([^>]+)>\s*/i.exec(html);
  if (!doctype) throw new Error('no doctype');
  const top: HtmlElement = { tag: '#document', attributes: {}, children: [] };
  const open: HtmlElement[] = [top];
  let at = doctype[0].length;
  while (at < html.length) {
    const current = open[open.length - 1] ?? top;
    const rest = html.slice(at);
    if (RAW_TEXT.has(current.tag)) {
      const end = rest.indexOf(`</${current.tag}>`);
      if (end < 0) throw new Error(`<${current.tag}> not closed`);
      current.children.push(rest.slice(0, end));
      at += end;
    }
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at);
      if (end < 0) throw new Error('comment not closed');
      at = end + 3;
    } else if (html.startsWith('</', at)) {
      const end = /^<\/([a-z][a-z0-9]*)\s*>/i.exec(html.slice(at));
      const closing = open.pop();
      if (!end || closing?.tag !== end[1]?.toLowerCase()) {
        throw new Error(
          `${end?.[0] ?? 'a bad end tag'} closes <${closing?.tag ?? ''}> at offset ${at}`,
        );
      }
      at += end[0].length;
    } else if (html.startsWith('<', at)) {
      const tag = TAG.exec(html.slice(at));
      if (!tag) throw new Error(`a bad tag at offset ${at}: ${html.slice(at, at + 40)}`);
      const name = (tag[1] ?? '').toLowerCase();
      const element: HtmlElement = { tag: name, attributes: {}, children: [] };
      for (const [, key = '', value = ''] of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
        element.attributes[key.toLowerCase()] = decode(value, at);
      }
      (open[open.length - 1] ?? top).children.push(element);
      if (!VOID.has(name) && tag[3] !== '/') open.push(element);
      at += tag[0].length;
    } else {
      const end = html.indexOf('<', at);
      const text = html.slice(at, end < 0 ? html.length : end);
      (open[open.length - 1] ?? top).children.push(decode(text, at));
      at += text.length;
    }
  }
  if (open.length > 1) throw new Error(`<${open[open.length - 1]?.tag ?? ''}> not closed`);
  const root = top.children.find((node): node is HtmlElement => typeof node !== 'string');
  if (!root || top.children.some((node) => typeof node !== 'string' && node !== root)) {
    throw new Error('not one root element');
  }
  return { doctype: doctype[1] ?? '', root };
}

/** Every element below (and with) `element`, in document order. */
export function elements(element: HtmlElement): HtmlElement[] {
  return [
    element,
    ...element.children.flatMap((child) => (typeof child === 'string' ? [] : elements(child))),
  ];
}

export const byTag = (element: HtmlElement, tag: string) =>
  elements(element).filter((e) => e.tag === tag);

/** The element's text, as a reader sees it (whitespace as it is). */
export function textOf(node: HtmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
