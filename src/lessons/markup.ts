// Text put into XML or HTML (the JUnit report of `grade`, the HTML progress report), safe as
// element content and as a quoted attribute value alike.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Control characters XML 1.0 cannot hold at all (tab, newline and return it can), which HTML
// reports as parse errors too.
// eslint-disable-next-line no-control-regex
const NOT_MARKUP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** The text with what markup cannot hold dropped, and its special characters escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_MARKUP, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
