// The console's figures (issue 3): a scripted session of 1,000 commands through runLine, per
// command against `echo` (the shell's own cost) measured in the same run, and saving and
// restoring a session against plain JSON round-tripping of the same data.
import { createSandbox } from '../src/console/sandbox.js';
import { restoreSession, snapshotSession } from '../src/console/session-file.js';
import type { ConsoleSession } from '../src/console/session.js';
import { runLine } from '../src/console/shell.js';
import { fmt, header, median, percentile, REPEATS, row } from './stats.js';

const START = Date.UTC(2026, 10, 30, 10);
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
});

/** Ten kinds of command a learner types, a hundred times over: 1,000 lines. */
function script(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 100; i++) {
    lines.push(
      `aws iam create-user --user-name user-${i}`,
      `aws iam put-user-policy --user-name user-${i} --policy-name read --policy-document '${POLICY}'`,
      `aws iam attach-user-policy --user-name user-${i} --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`,
      `aws iam create-access-key --user-name user-${i} --query AccessKey.AccessKeyId --output text`,
      `aws iam get-user --user-name user-${i}`,
      'aws sts get-caller-identity',
      'aws iam list-users --query "Users[].UserName" --output text',
      `aws iam get-user --user-name missing-${i}`,
      `aws s3api create-bucket --bucket bucket-${i}`,
      'explain',
    );
  }
  return lines;
}

/** Milliseconds of each line of a fresh sandbox session, and how many lines failed. */
function timeLines(lines: readonly string[]): {
  times: number[];
  failures: number;
  session: ConsoleSession;
} {
  const session = createSandbox('bench', START);
  let failures = 0;
  const times = lines.map((line) => {
    const start = performance.now();
    const result = runLine(session, line);
    const elapsed = performance.now() - start;
    if (result.kind !== 'done' || result.exitCode !== 0) failures++;
    return elapsed;
  });
  return { times, failures, session };
}

function timeIt(action: () => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return times;
}

/** Saving and restoring the session, against a plain JSON round trip of the same data. */
function saveRestoreFigures(session: ConsoleSession): { ms: number; text: string } {
  const size = snapshotSession(session).length;
  const roundTrip = () => restoreSession(snapshotSession(session));
  const plain = (): unknown =>
    JSON.parse(JSON.stringify({ world: session.world, console: session.state }));
  const ms = median(Array.from({ length: REPEATS }, () => median(timeIt(roundTrip, 20))));
  const plainMs = median(Array.from({ length: REPEATS }, () => median(timeIt(plain, 20))));
  const users = Object.keys(session.world.accounts['111122223333']?.iam.users ?? {}).length;
  return {
    ms,
    text:
      `${fmt(size / 1024, 0)} KB (${users} users, ${session.world.events.length} events): ` +
      `${fmt(ms, 2)} ms, plain JSON round trip ${fmt(plainMs, 2)} ms (${fmt(ms / plainMs, 1)}x)`,
  };
}

export function consoleBenchmark(): void {
  const lines = script();
  timeLines(lines); // warm-up
  const runs = Array.from({ length: REPEATS }, () => timeLines(lines));
  const perCommand = median(runs.map((run) => median(run.times)));
  const p99 = median(runs.map((run) => percentile(run.times, 99)));
  const total = median(runs.map((run) => run.times.reduce((a, b) => a + b, 0)));
  const echoTimes = median(
    Array.from({ length: REPEATS }, () => median(timeLines(lines.map(() => 'echo hi')).times)),
  );

  // A lesson-sized world: the first 100 commands (10 users with policies and keys, 10 buckets);
  // and the whole session's, for scale.
  const lesson = saveRestoreFigures(timeLines(lines.slice(0, 100)).session);
  const whole = saveRestoreFigures(runs[0]?.session ?? createSandbox('bench', START));

  console.log(`iam-tutor console benchmark (median of ${REPEATS} runs)`);
  console.log(
    `a scripted session of ${lines.length} commands (10 kinds: IAM writes and reads, STS, S3, ` +
      `--query, an error, explain): ${fmt(total, 0)} ms in all; ` +
      `${runs[0]?.failures ?? 0} commands failed (100 by design)`,
  );
  console.log(
    `  per command: median ${fmt(perCommand * 1000, 0)} us, p99 ${fmt(p99 * 1000, 0)} us`,
  );
  console.log(`  echo (the shell alone): median ${fmt(echoTimes * 1000, 1)} us`);
  console.log(`save + restore, lesson-sized (first 100 commands): ${lesson.text}`);
  console.log(`save + restore, the whole session: ${whole.text}`);
  console.log('');
  console.log(header());
  console.log(
    row('command, median', `${fmt(perCommand * 1000, 0)} us`, '< 1,000 us', perCommand < 1),
  );
  console.log(row('command / echo', `${fmt(perCommand / echoTimes, 0)}x`, 'figure only', true));
  console.log(
    row('save + restore, lesson-sized', `${fmt(lesson.ms, 2)} ms`, '< 5 ms', lesson.ms < 5),
  );
}
