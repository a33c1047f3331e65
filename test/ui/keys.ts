// Typing into an Ink app under ink-testing-library: each key waits for the frames it causes to
// settle (no new frame for a while), not for a fixed time, so a loaded machine does not read a
// frame from before the key's effect.
const QUIET_MS = 40;
const LONGEST_MS = 3000;

interface Rendered {
  stdin: { write: (data: string) => void };
  frames: string[];
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until no new frame has come for QUIET_MS (at most LONGEST_MS). */
export async function settled(rendered: Rendered): Promise<void> {
  const start = Date.now();
  let seen = rendered.frames.length;
  await pause(QUIET_MS);
  while (rendered.frames.length !== seen && Date.now() - start < LONGEST_MS) {
    seen = rendered.frames.length;
    await pause(QUIET_MS);
  }
}

export function keyboard(rendered: Rendered) {
  return async (...inputs: string[]) => {
    for (const input of inputs) {
      rendered.stdin.write(input);
      await settled(rendered);
    }
  };
}
