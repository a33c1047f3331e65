// "Did you mean": the AWS CLI suggests near misses with Python's difflib.get_close_matches
// (awscli/argparser.py: `get_close_matches(value, choices, cutoff=0.8)`), whose score is the
// Ratcliff/Obershelp ratio of difflib.SequenceMatcher. Ported so the suggestions are the CLI's.

/** SequenceMatcher.find_longest_match(alo, ahi, blo, bhi) without junk (isjunk=None, short b). */
function longestMatch(
  a: string,
  bIndex: ReadonlyMap<string, number[]>,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of bIndex.get(a[i] ?? '') ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    lengths = next;
  }
  return [besti, bestj, bestsize];
}

/** The total size of SequenceMatcher.get_matching_blocks(). */
function matchingCharacters(a: string, b: string): number {
  const bIndex = new Map<string, number[]>();
  for (let j = 0; j < b.length; j++) {
    const char = b[j] ?? '';
    const list = bIndex.get(char);
    if (list === undefined) bIndex.set(char, [j]);
    else list.push(j);
  }
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let range = queue.pop(); range !== undefined; range = queue.pop()) {
    const [alo, ahi, blo, bhi] = range;
    const [i, j, k] = longestMatch(a, bIndex, alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

/** SequenceMatcher(None, a, b).ratio(). */
export function similarity(a: string, b: string): number {
  const length = a.length + b.length;
  return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff): best first, ties by name, descending. */
export function closeMatches(
  word: string,
  possibilities: Iterable<string>,
  n = 3,
  cutoff = 0.8,
): string[] {
  const scored: [number, string][] = [];
  for (const candidate of possibilities) {
    const score = similarity(candidate, word);
    if (score >= cutoff) scored.push([score, candidate]);
  }
  scored.sort(([s1, x1], [s2, x2]) => s2 - s1 || (x1 < x2 ? 1 : x1 > x2 ? -1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}
