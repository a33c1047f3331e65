// The two accounts of the sandbox, and how a workshop gives each learner accounts of their own.
// Lessons are written with the documentation's example ids (111122223333 and 444455556666); a
// learner with a seed gets other ids, and every text of a lesson is relabeled to match, so that
// neighbours' answers (ARNs, bucket names) differ while each learner's grading stays the same.
import { accountIdFrom } from '../aws/ids.js';

export interface SandboxAccounts {
  /** The learner's own account, the organization's management account. */
  own: string;
  /** The production account, a member of the organization. */
  production: string;
}

/** The accounts lessons are written with. */
export const LESSON_ACCOUNTS: SandboxAccounts = { own: '111122223333', production: '444455556666' };

/**
 * Ids a lesson may use for accounts outside the sandbox (a vendor's, the docs' own example): a
 * learner's accounts never take one of them, nor each other's.
 */
const RESERVED = new Set([
  '999988887777',
  '123456789012',
  LESSON_ACCOUNTS.own,
  LESSON_ACCOUNTS.production,
]);

function freshAccountId(seed: string, role: string, taken: ReadonlySet<string>): string {
  for (let attempt = 0; ; attempt++) {
    const id = accountIdFrom(`${seed}/account/${role}/${attempt}`);
    if (!taken.has(id)) return id;
  }
}

/** The accounts of a learner: the lessons' own without a seed, ids of their own with one. */
export function accountsFor(seed: string): SandboxAccounts {
  if (seed === '') return LESSON_ACCOUNTS;
  const own = freshAccountId(seed, 'own', RESERVED);
  return { own, production: freshAccountId(seed, 'production', new Set([...RESERVED, own])) };
}

/** A text of the lessons (a command, an ARN, a bucket name, prose) in the learner's accounts. */
export function relabelText(text: string, accounts: SandboxAccounts): string {
  if (accounts === LESSON_ACCOUNTS) return text;
  return text
    .replaceAll(LESSON_ACCOUNTS.own, accounts.own)
    .replaceAll(LESSON_ACCOUNTS.production, accounts.production);
}

/**
 * Every string inside a plain JSON-like value, relabeled; the value itself is left alone. `keep`
 * names the values to leave as written by the field names that lead to them (array indices
 * skipped), such as identifiers that progress and commands know a value by.
 */
export function relabelDeep<T>(
  value: T,
  accounts: SandboxAccounts,
  keep: (path: readonly string[]) => boolean = () => false,
): T {
  if (accounts === LESSON_ACCOUNTS) return value;
  const visit = (node: unknown, path: readonly string[]): unknown => {
    if (typeof node === 'string') return keep(path) ? node : relabelText(node, accounts);
    if (Array.isArray(node)) return node.map((inner) => visit(inner, path));
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node).map(([key, inner]) => [
          relabelText(key, accounts),
          visit(inner, [...path, key]),
        ]),
      );
    return node;
  };
  return visit(value, []) as T;
}
