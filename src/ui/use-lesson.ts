// A lesson's runner state in a screen: events go through the runner, and every change is saved
// with the learner's progress at once (the store re-reads and locks, so nothing is lost). The
// state is kept in a ref as well, so that events sent one after another in a handler each see
// the state the one before left.
import { useCallback, useRef, useState } from 'react';
import { startLesson, step, type LessonEvent, type Outcome } from '../lessons/runner.js';
import type { Lesson } from '../lessons/schema.js';
import { recordActivity } from '../progress/progress.js';
import type { ProgressStore } from '../progress/store.js';

export function useLesson(lesson: Lesson, store: ProgressStore) {
  const current = useRef(store.lesson(lesson.id)?.state ?? startLesson(lesson));
  const [state, setState] = useState(current.current);
  const send = useCallback(
    (event: LessonEvent): Outcome => {
      const next = step(lesson, current.current, event);
      current.current = next.state;
      setState(next.state);
      store.update(lesson.id, (before) => recordActivity(before, next.state, new Date()));
      return next.outcome;
    },
    [lesson, store],
  );
  /** The state after the last event sent, before React renders it. */
  const latest = useCallback(() => current.current, []);
  return { state, send, latest };
}
