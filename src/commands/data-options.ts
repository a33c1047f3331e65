// The options of every command that reads the lessons and the learner's progress, apart from the
// code that reads them: the tutorial parses them before it loads anything (see tutorial.ts).

export const DATA_OPTIONS = {
  lessons: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export interface DataFlags {
  lessons?: string | undefined;
  'data-dir'?: string | undefined;
}
