// Deterministic ids and secrets: each is drawn from the world's seed and counter, so a world
// replays identically, and a per-learner seed (workshops) gives everyone different ids.
// Formats: reference_identifiers ("Unique identifiers": AIDA users, AROA roles, AGPA groups,
// AIPA instance profiles, ANPA managed policies; AKIA long-term and ASIA temporary access keys).
import type { World } from './world.js';

/** The Base32 alphabet (RFC 4648), which is also what AWS's ids are drawn from. */
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The Base64 alphabet, which is also what secret access keys are drawn from. */
export const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SECRET_CHARS = BASE64_CHARS;

/** FNV-1a over the text, then a xorshift stream: small, fast and good enough for ids. */
function stream(text: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    state ^= text.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** Draws `length` characters of `alphabet`, advancing the world's counter. */
function draw(world: World, alphabet: string, length: number): string {
  const next = stream(`${world.seed}:${world.idCounter}`);
  world.idCounter += 1;
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(next() % alphabet.length);
  return out;
}

/**
 * A 12-digit AWS account id drawn from the text alone (not the world's counter): the accounts a
 * workshop's learner works in, the same every time for the same learner.
 */
export function accountIdFrom(text: string): string {
  const next = stream(text);
  let id = '';
  for (let i = 0; i < 12; i++) id += String(next() % 10);
  return id;
}

export type IdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'AIPA' | 'ANPA' | 'AKIA' | 'ASIA';

/** A unique id or access key id: the prefix and 17 (ids) or 16 (keys) more characters. */
export function newId(world: World, prefix: IdPrefix): string {
  const isKey = prefix === 'AKIA' || prefix === 'ASIA';
  return prefix + draw(world, UPPER_ALNUM, isKey ? 16 : 17);
}

/** 17 lower-case hex digits, as in EC2's ids of today: `i-0abc...`, `r-0...`. */
export function newHexId(world: World): string {
  return `0${draw(world, '0123456789abcdef', 16)}`;
}

/** A 40-character secret access key. */
export function newSecret(world: World): string {
  return draw(world, SECRET_CHARS, 40);
}

/** An opaque session token, as long as real ones look. */
export function newSessionToken(world: World): string {
  return `IQoJb3JpZ2luX2Vj${draw(world, SECRET_CHARS, 200)}`;
}

/** A virtual MFA device's seed: 64 Base32 characters, like the ones IAM hands out. */
export function newMfaSeed(world: World): string {
  return draw(world, UPPER_ALNUM, 64);
}

/** `length` characters of `alphabet` that are a function of the text alone (no counter is drawn). */
export function digestOf(text: string, length: number, alphabet = '0123456789'): string {
  const next = stream(text);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(next() % alphabet.length);
  return out;
}
