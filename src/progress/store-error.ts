// The one thing of the progress store that the shell needs before it has loaded the store (and
// conf): the error it reports as the learner's problem, not as a bug.

/** The progress folder or file cannot be used at all (permissions, a file where a folder is). */
export class ProgressStoreError extends Error {}
