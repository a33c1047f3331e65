// The console with its views, as a task and the sandbox show it: the console itself; Why (the
// AWS flowchart of a request: `explain`, or Ctrl+Y for the last denial); who can assume what
// (`trust` or Ctrl+T); the action menus (`menu`, or Tab on an empty line); the keys (`?` on an
// empty line); `edit FILE` in the learner's own editor. Lines typed or made by a menu go to `onLine` alike, so a menu's command is echoed
// as if typed. While a command asks a question, its question is the prompt and the line is the
// answer: no view opens from it, and Esc abandons the question.
import { Box, type Key } from 'ink';
import { useContext, useState } from 'react';
import { editFile } from '../console/edit-file.js';
import { promptOf } from '../console/machine.js';
import type { ConsoleSession } from '../console/session.js';
import { completeLine } from '../console/complete-line.js';
import { interruptQuestion } from '../console/shell.js';
import { trustMap } from '../aws/trust-map.js';
import { ActionMenu } from './action-menu.js';
import { ConsolePane } from './console-pane.js';
import { EditorContext } from './editor-context.js';
import { CONSOLE_KEYS, keysLines } from './keys-help.js';
import { Pager } from './pager.js';
import { trustLines } from './trust-lines.js';
import { WhyView } from './why-view.js';
import { authorizedEvents, lastDenied } from './why-lines.js';

type View = 'console' | 'why' | 'trust' | 'menu' | 'keys';

/** Words at the prompt that open a view instead of running in the shell. */
const VIEW_WORDS: Readonly<Record<string, View>> = { explain: 'why', trust: 'trust', menu: 'menu' };

/** At most this many lines of output are kept: scrollback stays fast in a long session. */
const SCROLLBACK = 2000;

export interface WorkbenchProps {
  session: ConsoleSession;
  welcome: string;
  /** Rows the console and its views may use. */
  height: number;
  /** Runs a line (typed, or a menu's command) and answers the lines to print after its echo. */
  onLine: (line: string) => readonly string[];
  /** Told when a view opens or closes, so the screen around can give it more room. */
  onView?: (open: boolean) => void;
}

export function Workbench({ session, welcome, height, onLine, onView }: WorkbenchProps) {
  const [output, setOutput] = useState<readonly string[]>([welcome]);
  const [view, setShown] = useState<View>('console');
  const setView = (next: View) => {
    setShown(next);
    onView?.(next !== 'console');
  };
  const openEditor = useContext(EditorContext);
  const question = session.question;
  const prompt = question?.prompt ?? promptOf(session.state);
  const edit = (args: string[]): string[] => {
    const [path, ...extra] = args;
    if (path === undefined || extra.length > 0)
      return ['edit: give one FILE, e.g. edit policy.json'];
    return editFile(session, path, openEditor ?? (() => undefined));
  };
  const run = (line: string) => {
    // Read at each line, not from this frame: the lines of a paste come before the next frame.
    const asking = session.question;
    if (asking !== undefined) {
      // An answer read unseen is not echoed either.
      const echo = asking.secret ? asking.prompt : `${asking.prompt}${line}`;
      const printed = onLine(line);
      setOutput((before) => [...before, echo, ...printed].slice(-SCROLLBACK));
      return;
    }
    const echo = `${promptOf(session.state)}${line}`;
    const word = VIEW_WORDS[line.trim()];
    if (word !== undefined) {
      setView(word);
      return;
    }
    if (line.trim() === 'clear') {
      setOutput([]);
      return;
    }
    const [first, ...args] = line.trim().split(/\s+/);
    const printed = first === 'edit' ? edit(args) : onLine(line);
    setOutput((before) => [...before, echo, ...printed].slice(-SCROLLBACK));
  };
  const abandon = () => {
    interruptQuestion(session);
    setOutput((before) => [...before, `${prompt}(abandoned)`].slice(-SCROLLBACK));
  };
  const onKey = (input: string, key: Key, typed: string): boolean => {
    // An answer may start with any character: Tab and ? are typed into it.
    const empty = typed === '' && question === undefined;
    const opens: View | undefined =
      key.ctrl && input === 'y'
        ? 'why'
        : key.ctrl && input === 't'
          ? 'trust'
          : empty && key.tab
            ? 'menu'
            : empty && input === '?'
              ? 'keys'
              : undefined;
    if (opens !== undefined) setView(opens);
    if (key.ctrl && input === 'l') setOutput([]);
    return opens !== undefined || (key.ctrl && input === 'l');
  };
  const close = () => {
    setView('console');
  };
  const events = authorizedEvents(session.world.events);
  return (
    <Box flexDirection="column">
      {view === 'console' ? (
        <ConsolePane
          prompt={prompt}
          lines={output}
          height={height - 1}
          onSubmit={run}
          onKey={onKey}
          complete={(line) => completeLine(session, line)}
          answering={() =>
            session.question === undefined
              ? undefined
              : session.question.secret
                ? 'unseen'
                : 'shown'
          }
          onAbandon={abandon}
        />
      ) : null}
      {view === 'why' ? (
        <WhyView events={events} start={lastDenied(events)} height={height} onClose={close} />
      ) : null}
      {view === 'trust' ? (
        <Pager
          lines={trustLines(trustMap(session.world))}
          height={height}
          footer="Who can assume what · ↑/↓ scroll · Esc back"
          onClose={close}
        />
      ) : null}
      {view === 'keys' ? (
        <Pager
          lines={keysLines(CONSOLE_KEYS)}
          height={height}
          footer="Keys · ↑/↓ scroll · Esc back"
          onClose={close}
        />
      ) : null}
      {view === 'menu' ? (
        <ActionMenu
          world={session.world}
          height={height}
          onClose={close}
          onRun={(command) => {
            close();
            run(command);
          }}
        />
      ) : null}
    </Box>
  );
}
