// The tutorial: Home, a lesson, or the sandbox; below a minimum size it says how big the window
// must be instead of drawing a broken screen. Ctrl+C quits from anywhere (progress is saved as it
// goes, so nothing is lost).
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConsoleSession } from '../console/session.js';
import type { LoadedLesson } from '../lessons/load.js';
import type { Lesson } from '../lessons/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { Home, type HomeChoice } from './home.js';
import { LessonView } from './lesson-view.js';
import { printable } from './printable.js';
import { SandboxView } from './sandbox-view.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

type Screen =
  | { kind: 'home' }
  | { kind: 'lesson'; lesson: Lesson }
  | { kind: 'sandbox'; session: ConsoleSession };

export interface AppProps {
  lessons: readonly LoadedLesson[];
  store: ProgressStore;
  newSandbox: () => ConsoleSession;
  notices: readonly string[];
  /** Ctrl+C: the shell exits with 130, as a shell reports an interrupt. */
  onInterrupt: () => void;
}

/** The lesson after `lesson` in the course's order, if any. */
function nextLesson(lessons: readonly LoadedLesson[], lesson: Lesson): Lesson | undefined {
  const loaded = lessons.flatMap((entry) => (entry.ok ? [entry.lesson] : []));
  return loaded[loaded.findIndex((l) => l.id === lesson.id) + 1];
}

function useWindowSize() {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const resized = () => {
      setSize(read());
    };
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  });
  return size;
}

export function App({ lessons, store, newSandbox, notices, onInterrupt }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const sandbox = useRef<ConsoleSession | undefined>(undefined);
  const [message, setMessage] = useState(notices.join('\n'));
  const { columns, rows } = useWindowSize();
  // Read from the file each time Home opens (another instance may have saved), not on every key.
  const records = useMemo(() => store.read().lessons, [store, screen]);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt();
      exit();
    }
  });
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Text>
        iam-tutor needs a window of at least {MIN_COLUMNS}x{MIN_ROWS}; this one is {columns}x{rows}.
      </Text>
    );
  }
  const home = () => {
    setScreen({ kind: 'home' });
  };
  const choose = (choice: HomeChoice) => {
    setMessage('');
    if (choice.kind === 'quit') exit();
    else if (choice.kind === 'broken')
      setMessage(`This lesson file does not load: ${choice.reason}`);
    else if (choice.kind === 'sandbox') {
      // The same sandbox all session long: what was made in it is there on coming back.
      sandbox.current ??= newSandbox();
      setScreen({ kind: 'sandbox', session: sandbox.current });
    } else setScreen({ kind: 'lesson', lesson: choice.lesson });
  };
  return (
    <Box flexDirection="column" width={columns}>
      {screen.kind === 'home' ? (
        <Home lessons={lessons} records={records} onChoose={choose} />
      ) : null}
      {screen.kind === 'lesson' ? (
        <LessonView
          lesson={screen.lesson}
          next={nextLesson(lessons, screen.lesson)?.title}
          store={store}
          onLeave={home}
          rows={rows - 2}
        />
      ) : null}
      {screen.kind === 'sandbox' ? (
        <SandboxView session={screen.session} onLeave={home} rows={rows - 2} />
      ) : null}
      {message ? <Text color="yellow">{printable(message)}</Text> : null}
    </Box>
  );
}
