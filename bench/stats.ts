// The benchmark's arithmetic and layout: medians, percentiles, and the figures table.

export const REPEATS = 5;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const row = (label: string, value: string, target: string, pass: boolean): string =>
  `${label.padEnd(34)}${value.padStart(16)}   ${target.padEnd(16)}${pass ? 'PASS' : 'MISS'}`;

export const header = (): string =>
  `${'measure'.padEnd(34)}${'value'.padStart(16)}   ${'target'.padEnd(16)}result`;
