// Time on the simulated clock (epoch milliseconds), written as AWS writes it.

/** `2026-11-30T10:00:00Z`: ISO 8601 to the second, as condition keys and STS expirations use. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
