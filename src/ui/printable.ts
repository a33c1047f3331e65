// Text from lessons and from what the learner typed reaches the terminal without control
// sequences: an escape sequence in a lesson or a pasted line could move the cursor, retitle the
// window or hide text. Tabs become spaces; newlines stay.
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(/\t/g, '    ').replace(CONTROLS, '');
}
