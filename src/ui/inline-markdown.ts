// Lesson text's inline markdown: `code`, **strong** and *emphasis* (or _emphasis_), as segments
// to style. A code span is taken literally (no emphasis inside), as in CommonMark; an unmatched
// marker stays text, so `s3:*` or a lone asterisk reads as written.
export type Segment = { text: string; style: 'plain' | 'code' | 'strong' | 'emphasis' };

const INLINE =
  /`([^`\n]+)`|\*\*([^*\n]+)\*\*|(?<![\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])|(?<!\w)_([^_\s](?:[^_\n]*[^_\s])?)_(?!\w)/g;

export function inlineSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index;
    if (start > at) segments.push({ text: text.slice(at, start), style: 'plain' });
    const [, code, strong, star, underscore] = match;
    if (code !== undefined) segments.push({ text: code, style: 'code' });
    else if (strong !== undefined) segments.push({ text: strong, style: 'strong' });
    else segments.push({ text: star ?? underscore ?? '', style: 'emphasis' });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), style: 'plain' });
  return segments;
}
