// The HTML report renders in a real browser: scripts/screenshot-report.mjs gives a learner progress,
// writes the report with the built binary and screenshots it in headless Chromium. Runs only where
// Debian's Chromium is installed (not in CI: too big to install there); the PNG must be a real
// image of the window's size with far more drawn on it than a blank page's screenshot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations.
import * as untypedScript from '../../scripts/screenshot-report.mjs';

const script = untypedScript as {
  CHROMIUM: string;
  WIDTH: number;
  HEIGHT: number;
  screenshot: (html: string, png: string) => void;
};
const hasChromium = existsSync(script.CHROMIUM);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header (its first chunk, IHDR), or why it is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } | string {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) return 'no PNG signature';
  if (png.toString('latin1', 12, 16) !== 'IHDR') return 'no IHDR chunk first';
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(!hasChromium)(
  `the HTML report in headless Chromium${hasChromium ? '' : ` (skipped: no ${script.CHROMIUM})`}`,
  () => {
    it('screenshots as a full window with the report drawn on it', () => {
      const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-screenshot-'));
      const png = join(dir, 'report.png');
      const run = spawnSync(process.execPath, ['scripts/screenshot-report.mjs', png], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`screenshot (1000x1200): ${png}`);
      const image = readFileSync(png);
      expect(pngSize(image)).toEqual({ width: 1000, height: 1200 });

      const blank = join(dir, 'blank.html');
      writeFileSync(blank, '<!DOCTYPE html><html lang="en"><title>blank</title></html>\n');
      script.screenshot(blank, join(dir, 'blank.png'));
      const empty = readFileSync(join(dir, 'blank.png'));
      expect(pngSize(empty)).toEqual({ width: 1000, height: 1200 });
      // Text and tables compress far worse than one colour: a blank window is a few KB.
      expect(image.length).toBeGreaterThan(10 * empty.length);
    }, 120_000);
  },
);
