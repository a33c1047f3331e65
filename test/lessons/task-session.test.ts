// A task's console as the tutorial types into it: the tutor's words, except while a command asks.
import { describe, expect, it } from 'vitest';
import { openTask, typeLine } from '../../src/lessons/task-session.js';
import { fixtureLesson, taskOf } from './helpers.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const task = taskOf(lesson, 'role-for-app');

describe('typeLine', () => {
  it("takes hint for the tutor's word, but for an answer while aws configure asks", () => {
    const opened = openTask(lesson, task);
    if (!opened.ok) throw new Error(opened.message);
    const { session } = opened;
    expect(typeLine(session, 'hint')).toEqual({ kind: 'tutor', word: 'hint' });
    expect(typeLine(session, 'aws configure --profile app')).toMatchObject({ kind: 'ran' });
    expect(session.console.question?.prompt).toBe('AWS Access Key ID [None]: ');
    expect(typeLine(session, 'hint')).toMatchObject({ kind: 'ran' });
    expect(session.console.question?.prompt).toBe('AWS Secret Access Key [None]: ');
  });
});
