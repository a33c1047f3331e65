// Saved sessions: what is saved comes back the same, and a damaged file is refused with the place.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/console/sandbox.js';
import { restoreSession, snapshotSession } from '../../src/console/session-file.js';
import { runLine } from '../../src/console/shell.js';

const START = Date.UTC(2026, 10, 30, 10);

describe('snapshotSession / restoreSession', () => {
  it('round-trips a session, and the restored one goes on where the saved one was', () => {
    const session = createSandbox('file-test', START);
    runLine(session, 'aws iam create-user --user-name alice');
    runLine(session, 'export AWS_REGION=eu-west-1');
    const text = snapshotSession(session);
    const restored = restoreSession(text);
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.session).toEqual(session);
    const next = (s: typeof session) => runLine(s, 'aws iam create-access-key --user-name alice');
    expect(next(restored.session)).toEqual(next(session));
  });

  it('refuses what is not a saved session, naming the place', () => {
    const good = JSON.parse(snapshotSession(createSandbox('file-test', START))) as {
      world: Record<string, unknown>;
      console: Record<string, unknown>;
    };
    const broken = (change: (copy: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return restoreSession(JSON.stringify(copy));
    };
    expect(restoreSession('{"iamTutorSession": 1,')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^not valid JSON/) as unknown,
    });
    expect(restoreSession('[]')).toMatchObject({ ok: false });
    expect(broken((c) => (c.world.now = 'noon'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^\$\.world\.now: /) as unknown,
    });
    expect(broken((c) => (c.console.current = 'mainframe'))).toEqual({
      ok: false,
      message: '$.console.current: no machine named mainframe',
    });
    expect(broken((c) => (c.world.formatVersion = 2))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^\$\.world\.formatVersion: /) as unknown,
    });
  });
});
