// Home with a lesson pack: the pack's title and description instead of the course's, its lessons
// in its order, and with builtIn: true the built-in course under its heading, each section with
// its own progress.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keyboard, settled } from './keys.js';
import { readCourse } from '../../src/commands/course.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { startLesson } from '../../src/lessons/runner.js';
import { recordActivity } from '../../src/progress/progress.js';
import { ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/ui/app.js';
import { fixtureLesson } from '../lessons/helpers.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
const UP = '\u001b[A';

function home(dir: string) {
  const read = readCourse(dir);
  if (!read.ok) throw new Error(read.message);
  const data = mkdtempSync(join(tmpdir(), 'iam-tutor-ui-'));
  const stores = new Map(
    read.course.sections.map((section) => [
      section.progress,
      new ProgressStore({ dataDir: data, name: section.progress, now: () => new Date() }),
    ]),
  );
  return { course: read.course, stores };
}

function show({ course, stores }: ReturnType<typeof home>) {
  const rendered = render(
    <App
      course={course}
      stores={stores}
      notices={[]}
      newSandbox={() => createSandbox('ui', Date.UTC(2026, 0, 12, 9))}
      onInterrupt={() => undefined}
    />,
  );
  return { ...rendered, keys: keyboard(rendered) };
}

describe('Home with a lesson pack', () => {
  it('shows the pack’s title and description, and its lessons in its order', async () => {
    const rendered = show(home('test/lessons/fixtures/pack'));
    await settled(rendered);
    const frame = rendered.lastFrame() ?? '';
    const lines = frame.split('\n');
    expect(lines[0]).toBe('ACME workshop: IAM for the platform team');
    expect(lines[1]).toBe('Two short lessons before lunch; the built-in course is not shown.');
    expect(frame).not.toContain('IAM users and roles, by doing');
    expect(frame).toContain('0 of 3 lessons completed');
    expect(frame).toMatch(/1\. Welcome to the workshop .*\n.*2\. Keys or roles .*\n.*3\. Wrap-up /);
    expect(frame).not.toContain('The built-in course');
  });

  it('with builtIn: true, the built-in course follows under its heading, with its own progress', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'iam-tutor-pack-')), 'pack');
    cpSync('test/lessons/fixtures/pack', dir, { recursive: true });
    writeFileSync(join(dir, 'pack.yaml'), 'id: ui-pack\ntitle: UI pack\nbuiltIn: true\n');
    const opened = home(dir);
    const builtIn = opened.stores.get('progress');
    const own = opened.stores.get('progress.pack.ui-pack');
    const lesson = fixtureLesson('../../../lessons/00-users-and-roles.yaml');
    builtIn?.update(lesson.id, () =>
      recordActivity(undefined, { ...startLesson(lesson), step: 1 }, new Date()),
    );
    const rendered = show(opened);
    await settled(rendered);
    const frame = rendered.lastFrame() ?? '';
    expect(frame.split('\n')[0]).toBe('UI pack');
    expect(frame).toContain('❯ Continue: Users and roles');
    expect(frame).toMatch(/3\. Wrap-up .*\n.*— The built-in course —\n.*▸ 1\. Users and roles /);
    // The heading is not a lesson: choosing it stays on Home.
    await rendered.keys(DOWN, DOWN, DOWN, DOWN, ENTER);
    expect(rendered.lastFrame()).toContain('— The built-in course —');
    // Without an order, the pack's lessons are in file order: welcome is the second. Read to its
    // end, it is saved in the pack's progress only.
    await rendered.keys(UP, UP, ENTER);
    expect(rendered.lastFrame()).toContain('This morning you choose between');
    await rendered.keys(ENTER);
    expect(own?.lesson('welcome')?.state.completed).toBe(true);
    expect(builtIn?.lesson('welcome')).toBeUndefined();
    expect(Object.keys(builtIn?.read().lessons ?? {})).toEqual(['users-and-roles']);
  });
});
