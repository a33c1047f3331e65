// Starts the tutorial on the terminal and resolves with the exit status once it ends.
import { render } from 'ink';
import type { ConsoleSession } from '../console/session.js';
import type { Learner } from '../lessons/learner.js';
import type { Course } from '../lessons/pack.js';
import type { ProgressStore } from '../progress/store.js';
import { App } from './app.js';
import { EditorContext } from './editor-context.js';
import { LearnerContext } from './learner-context.js';
import { terminalEditor } from './terminal-editor.js';

export interface TutorialOptions {
  course: Course;
  /** The store of each section's progress, by its name. */
  stores: ReadonlyMap<string, ProgressStore>;
  newSandbox: () => ConsoleSession;
  /** Whose worlds the steps start in (the lessons are already in this learner's accounts). */
  learner: Learner;
  /** Linear text for screen readers and logs (Ink's screen-reader mode). */
  plain: boolean;
}

export async function runTutorial({
  course,
  stores,
  newSandbox,
  learner,
  plain,
}: TutorialOptions): Promise<number> {
  const ended = { interrupted: false };
  const app = render(
    <EditorContext.Provider value={terminalEditor(process.stdin, process.stdout, process.env)}>
      <LearnerContext.Provider value={learner}>
        <App
          course={course}
          stores={stores}
          newSandbox={newSandbox}
          notices={[...stores.values()].flatMap((store) => store.notices)}
          onInterrupt={() => {
            ended.interrupted = true;
          }}
        />
      </LearnerContext.Provider>
    </EditorContext.Provider>,
    { exitOnCtrlC: false, isScreenReaderEnabled: plain },
  );
  await app.waitUntilExit();
  // A frame as tall as the window ends without a line break: the shell's prompt goes below it.
  process.stdout.write('\n');
  return ended.interrupted ? 130 : 0;
}
