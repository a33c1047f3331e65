// The tutorial: Home, a lesson, or the sandbox; below a minimum size it says how big the window
// must be instead of drawing a broken screen. Ctrl+C quits from anywhere (progress is saved as it
// goes, so nothing is lost).
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConsoleSession } from '../console/session.js';
import type { LoadedLesson } from '../lessons/load.js';
import type { Course } from '../lessons/pack.js';
import type { Lesson } from '../lessons/schema.js';
import type { ProgressStore } from '../progress/store.js';
import type { HomeChoice } from './home-list.js';
import { Home } from './home.js';
import { LessonView } from './lesson-view.js';
import { printable } from './printable.js';
import { SandboxView } from './sandbox-view.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

type Screen =
  | { kind: 'home' }
  | { kind: 'lesson'; lesson: Lesson; progress: string }
  | { kind: 'sandbox'; session: ConsoleSession };

export interface AppProps {
  course: Course;
  /** The store of each section's progress, by its name (`progress` of the course's sections). */
  stores: ReadonlyMap<string, ProgressStore>;
  newSandbox: () => ConsoleSession;
  notices: readonly string[];
  /** Ctrl+C: the shell exits with 130, as a shell reports an interrupt. */
  onInterrupt: () => void;
}

/** The lesson after `lesson` in its section's order, if any. */
function nextLesson(lessons: readonly LoadedLesson[], lesson: Lesson): Lesson | undefined {
  const loaded = lessons.flatMap((entry) => (entry.ok ? [entry.lesson] : []));
  return loaded[loaded.findIndex((l) => l.id === lesson.id) + 1];
}

// A 0-column terminal (a pipe) must not wrap one character per line.
const windowSize = (stdout: NodeJS.WriteStream) => ({
  columns: stdout.columns || 80,
  rows: stdout.rows || 24,
});

/** Once a resize has settled, how long before the screen is drawn again from a clean slate. */
const REDRAW_AFTER_RESIZE_MS = 100;
const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/**
 * The window's size, followed. A terminal re-wraps what is on screen when its width changes, so
 * Ink's count of the lines to erase is wrong after a resize and old lines stay behind: once the
 * resizing settles, the screen is cleared and the frame drawn whole (Ink's `write` erases, writes,
 * then draws the last frame again).
 */
function useWindowSize() {
  const { stdout, write } = useStdout();
  const [size, setSize] = useState(() => windowSize(stdout));
  useEffect(() => {
    let redraw: ReturnType<typeof setTimeout> | undefined;
    const resized = () => {
      setSize(windowSize(stdout));
      clearTimeout(redraw);
      redraw = setTimeout(() => {
        write(CLEAR_SCREEN);
      }, REDRAW_AFTER_RESIZE_MS);
    };
    stdout.on('resize', resized);
    return () => {
      clearTimeout(redraw);
      stdout.off('resize', resized);
    };
  }, [stdout, write]);
  return size;
}

export function App({ course, stores, newSandbox, notices, onInterrupt }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const sandbox = useRef<ConsoleSession | undefined>(undefined);
  const [message, setMessage] = useState(notices.join('\n'));
  const { columns, rows } = useWindowSize();
  // Read from the files each time Home opens (another instance may have saved), not on every key.
  const sections = useMemo(
    () =>
      course.sections.map((section) => ({
        ...section,
        records: stores.get(section.progress)?.read().lessons ?? {},
      })),
    [course, stores, screen],
  );
  const lessonScreen = screen.kind === 'lesson' ? screen : undefined;
  const store = lessonScreen && stores.get(lessonScreen.progress);
  const section = course.sections.find((s) => s.progress === lessonScreen?.progress);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt();
      exit();
    }
  });
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const home = () => {
    setScreen({ kind: 'home' });
  };
  const choose = (choice: HomeChoice) => {
    setMessage('');
    if (choice.kind === 'quit') exit();
    else if (choice.kind === 'heading') return;
    else if (choice.kind === 'broken')
      setMessage(`This lesson file does not load: ${choice.reason}`);
    else if (choice.kind === 'sandbox') {
      // The same sandbox all session long: what was made in it is there on coming back.
      sandbox.current ??= newSandbox();
      setScreen({ kind: 'sandbox', session: sandbox.current });
    } else setScreen({ kind: 'lesson', lesson: choice.lesson, progress: choice.progress });
  };
  return (
    <>
      {tooSmall ? (
        <Text>
          iam-tutor needs a window of at least {MIN_COLUMNS}x{MIN_ROWS}; this one is {columns}x
          {rows}.
        </Text>
      ) : null}
      {/* Hidden, not unmounted, in a window too small: the screen keeps its state (the console's
          output, the answers, the cursor) for when the window is big enough again. */}
      <Box flexDirection="column" width={columns} display={tooSmall ? 'none' : 'flex'}>
        {screen.kind === 'home' ? (
          <Home
            title={course.title}
            description={course.description}
            sections={sections}
            onChoose={choose}
          />
        ) : null}
        {lessonScreen && store && section ? (
          <LessonView
            lesson={lessonScreen.lesson}
            next={nextLesson(section.lessons, lessonScreen.lesson)?.title}
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
    </>
  );
}
