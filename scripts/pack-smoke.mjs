// `npm run test:pack`: packs the package as it is published and runs it as its users do, with
// `npx --yes <tarball>`, on every Node major it supports (Node 20, 22 and 24; the binaries come
// from scripts/node-majors.mjs). Each major gets its own empty npm cache, so npx installs the
// tarball afresh, offline (nothing but the tarball is needed), and runs --version, `grade` of the
// first task of the built-in course with its reference solution, and one line of `console
// --script`. Before that, the tarball itself: only the files we mean to ship, an executable bin
// with a #! line, no runtime dependencies. Takes about 10 s once the binaries are cached.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { nodeBinaries } from './node-majors.mjs';

/** The lesson and task graded on every major; the expected titles are read from its file. */
const LESSON_FILE = 'lessons/00-users-and-roles.yaml';
/** The sandbox's administrator account (README: "The console"). */
const ACCOUNT = '111122223333';
/** What `files` in package.json may put in the tarball (npm adds package.json, README, LICENSE). */
const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/cli\.js$/,
  /^dist\/course\.json$/,
  /^dist\/THIRD-PARTY-LICENSES\.txt$/,
  /^dist\/chunks\/[\w-]+\.js$/,
  /^lessons\/\d\d-[\w-]+\.yaml$/,
  /^lessons\/(lesson|pack)\.schema\.json$/,
  /^docs\/[\w-]+\.(md|schema\.json)$/,
];
const REQUIRED = [
  'dist/cli.js',
  'dist/course.json',
  'lessons/lesson.schema.json',
  'lessons/pack.schema.json',
  'docs/grade-output.schema.json',
  'docs/authoring.md',
  'docs/workshop.md',
];

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-pack-'));

const check = (label, ok, output) => {
  if (!ok) {
    console.error(`pack smoke: ${label} failed; output:\n${output}`);
    process.exit(1);
  }
  console.log(`pack smoke: ${label} ok`);
};

/** Runs a command; its stdout, or a failed check with everything it printed. */
function run(label, file, args, options = {}) {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
  } catch (error) {
    check(label, false, `${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** npm's npx, to be run by each major's node: the npm that runs this script, or the machine's. */
function npxCli() {
  const npmCli =
    process.env.npm_execpath ??
    join(run('npm root -g', 'npm', ['root', '-g']).trim(), 'npm', 'bin', 'npm-cli.js');
  return join(npmCli, '..', 'npx-cli.js');
}

/** The tarball, checked: the files we mean to ship and no others, the bin, no dependencies. */
function packed() {
  run('build', process.execPath, ['scripts/build.mjs']);
  const [tarball] = JSON.parse(
    run('npm pack', 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir]),
  );
  const paths = tarball.files.map((file) => file.path);
  const stray = paths.filter((path) => !SHIPPED.some((pattern) => pattern.test(path)));
  check(
    'only the bundle, lessons, schema, docs, README and licence are packed',
    stray.length === 0,
    stray.join('\n'),
  );
  const missing = REQUIRED.filter((path) => !paths.includes(path));
  check(
    'the bundle, compiled course, schema and docs are packed',
    missing.length === 0,
    missing.join('\n'),
  );
  const file = join(dir, tarball.filename);
  const inside = (path) => run(`tar ${path}`, 'tar', ['-xzOf', file, `package/${path}`]);
  const manifest = JSON.parse(inside('package.json'));
  check(
    'no runtime dependencies',
    manifest.dependencies === undefined,
    JSON.stringify(manifest.dependencies),
  );
  const bin = manifest.bin?.['iam-tutor'];
  const mode = tarball.files.find((f) => f.path === bin)?.mode ?? 0;
  const shebang = inside(bin).split('\n')[0];
  check(
    `bin ${bin}: executable, #!/usr/bin/env node`,
    (mode & 0o111) === 0o111 && shebang === '#!/usr/bin/env node',
    `mode ${mode.toString(8)}, first line ${shebang}`,
  );
  return `./${tarball.filename}`;
}

/**
 * Runs `npx --yes ...` in the tarball's folder (the tarball named as `./FILE`, as a user would:
 * npx takes an absolute path for a command) on one major's node, with that node first on PATH.
 */
function npxOn({ major, node }, tarball, npx) {
  const bin = join(dir, `node-${major}`);
  mkdirSync(bin);
  symlinkSync(node, join(bin, 'node'));
  // npm's own variables (set when this runs under `npm run`) would steer the npx below.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  Object.assign(env, {
    PATH: `${bin}${delimiter}${process.env.PATH}`,
    npm_config_cache: join(dir, `npm-cache-${major}`),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    IAM_TUTOR_HOME: join(dir, `data-${major}`),
    NO_COLOR: '1',
  });
  return (label, args) =>
    run(`Node ${major}: ${label}`, node, [npx, '--yes', ...args], { cwd: dir, env });
}

try {
  const tarball = packed();
  const npx = npxCli();
  const lesson = parse(readFileSync(LESSON_FILE, 'utf8'));
  const task = lesson.steps.find((step) => step.kind === 'task');
  const solution = join(dir, 'solution.sh');
  writeFileSync(solution, `${task.solution.join('\n')}\n`);
  const script = join(dir, 'script.sh');
  writeFileSync(script, 'aws iam create-user --user-name alice\n');

  const { binaries, skipped } = nodeBinaries();
  for (const reason of skipped) console.log(`pack smoke: skipped ${reason}`);
  for (const binary of binaries) {
    const { major, version } = binary;
    const runOn = npxOn(binary, tarball, npx);
    const node = runOn('node on PATH', ['--package', tarball, '-c', 'node --version']).trim();
    check(`Node ${major}: npx runs node ${version}`, node === `v${version}`, node);

    const printed = runOn('--version', [tarball, '--version']).trim();
    check(`Node ${major}: npx ${pkg.name} --version`, printed === pkg.version, printed);

    const graded = runOn('grade', [
      tarball,
      'grade',
      lesson.id,
      '--task',
      task.id,
      '--solution',
      solution,
    ]);
    const marks = task.checks.map((c) => `  ✓ ${c.title}`);
    check(
      `Node ${major}: grade ${lesson.id} --task ${task.id} with the reference solution passes`,
      graded.includes(`${lesson.id} / ${task.id}: PASS`) && marks.every((m) => graded.includes(m)),
      graded,
    );

    const output = runOn('console --script', [tarball, 'console', '--script', script]);
    const user = JSON.parse(output).User;
    check(
      `Node ${major}: console --script creates a user`,
      user?.UserName === 'alice' && user.Arn === `arn:aws:iam::${ACCOUNT}:user/alice`,
      output,
    );
  }
  console.log(`pack smoke: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
