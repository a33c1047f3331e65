// Every command but the tutorial, imported together by src/cli.ts when one of them runs. Together,
// they make one chunk of the bundle, and the code they share with the tutorial another: the
// tutorial's start loads three files, not a chunk for each set of commands sharing some code.
export { runScript } from './console-script.js';
export { freshSandbox } from './fresh-sandbox.js';
export { gradeCommand } from './grade.js';
export { lessonsCommand } from './lessons.js';
export { listCommand } from './list.js';
export { newCommand } from './new-lesson.js';
export { progressCommand, resetCommand } from './progress.js';
export { simulate } from './simulate.js';
export { completeLine } from '../console/complete-line.js';
export { promptOf } from '../console/machine.js';
export { restoreSession, snapshotSession } from '../console/session-file.js';
export { endOfInput, interruptQuestion, runLine } from '../console/shell.js';
export { reportCommand } from './report.js';
