// The keys of a screen, shown when the learner presses `?` (and hidden by pressing it again; in
// the console, `?` on an empty line, closed with Esc).
import { Box } from 'ink';
import { ToneLine } from './pager.js';
import type { ViewLine } from './view-lines.js';

type Keys = readonly (readonly [string, string])[];

export const HOME_KEYS: Keys = [
  ['↑ ↓ or j k', 'move'],
  ['Enter', 'choose'],
  ['?', 'show or hide these keys'],
  ['Ctrl+C', 'quit (progress is saved as you go)'],
];

export const LESSON_KEYS: Keys = [
  ['Enter or →', 'next step (a read step); answer (a quiz or a prediction)'],
  ['n', 'next step, once the step allows it'],
  ['Esc or ←', 'previous step'],
  ['↑ ↓ or j k', 'move between answers; Space ticks one when several are right'],
  ['w', 'after a prediction: why, as the AWS evaluation flowchart'],
  ['q', 'back to Home'],
  ['?', 'show or hide these keys'],
  ['Ctrl+C', 'quit (progress is saved as you go)'],
];

export const CONSOLE_KEYS: Keys = [
  ['Enter', 'run the line'],
  ['↑ ↓', 'earlier lines (history)'],
  ['Tab', 'complete a command, flag, name or ARN'],
  ['Tab (empty line)', 'action menus: create a user, a role, a policy, ... (or type menu)'],
  ['Ctrl+Y', 'why: the last denied request as the AWS flowchart (or type explain)'],
  ['Ctrl+T', 'who can assume what: roles and their trust (or type trust)'],
  ['edit FILE', 'edit a file (a policy.json) in $VISUAL or $EDITOR; checked on save'],
  ['PageUp PageDown', 'scroll back through the output'],
  ['Ctrl+L', 'clear the output (or type clear)'],
  ['Esc (at a question)', 'abandon what aws configure or an MFA prompt asks'],
  ['Ctrl+A Ctrl+E', 'start or end of the line; Ctrl+U Ctrl+K delete before or after'],
  ['hint check solution', 'in a task: the next hint, the checklist, a solution'],
  ['goal restart', 'in a task: the whole goal; its world as it was at the start'],
  ['next back home', 'in a task: next step, previous step, Home'],
  ['? (empty line)', 'these keys'],
  ['Ctrl+C', 'quit (progress is saved as you go)'],
];

export function keysLines(keys: Keys): ViewLine[] {
  const width = Math.max(...keys.map(([key]) => key.length));
  return [
    { text: 'Keys', tone: 'title' },
    ...keys.map(([key, what]) => ({ text: `  ${key.padEnd(width)}  ${what}` })),
  ];
}

export function KeysHelp({ keys }: { keys: Keys }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {keysLines(keys).map((line) => (
        <ToneLine key={line.text} line={line} />
      ))}
    </Box>
  );
}
