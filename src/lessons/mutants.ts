// Mutants of a reference solution, for `lessons check`: each widens one policy document the
// solution writes in one of the ways a learner over-grants (a resource widened to "*", a
// condition dropped, an action widened to `service:*`, a principal widened to "*"). A task that
// grades least privilege must reject every one of them; one that passes shows a missing probe.
import { shellQuote } from '../console/shell-quote.js';
import { tokenize } from '../console/tokenize.js';

export interface Mutant {
  description: string;
  commands: string[];
}

type Statement = Record<string, unknown>;

function statementsOf(value: unknown): Statement[] | undefined {
  if (typeof value !== 'object' || value === null || !('Statement' in value)) return undefined;
  const statement = value.Statement;
  const list: unknown[] = Array.isArray(statement) ? statement : [statement];
  return list.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))
    ? (list as Statement[])
    : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The ways one statement can be widened: a description and the widened statement. */
function widenings(statement: Statement): [string, Statement][] {
  const found: [string, Statement][] = [];
  // Widening a Deny makes it deny more: stricter, never an over-grant.
  if (statement.Effect !== 'Allow') return found;
  const resources = asList(statement.Resource);
  if (statement.Resource !== undefined && resources.some((r) => r !== '*')) {
    found.push(['Resource widened to "*"', { ...statement, Resource: '*' }]);
  }
  if (statement.Condition !== undefined) {
    const rest = { ...statement };
    delete rest.Condition;
    found.push(['Condition dropped', rest]);
  }
  const actions = asList(statement.Action);
  const widened = actions.map((a) => (typeof a === 'string' ? a.replace(/:.*$/, ':*') : a));
  if (statement.Action !== undefined && widened.some((a, i) => a !== actions[i])) {
    const unique = [...new Set(widened)];
    found.push([`Action widened to ${unique.join(', ')}`, { ...statement, Action: unique }]);
  }
  if (statement.Principal !== undefined && statement.Principal !== '*') {
    found.push(['Principal widened to "*"', { ...statement, Principal: '*' }]);
  }
  return found;
}

export function mutantsOf(commands: readonly string[]): Mutant[] {
  const mutants: Mutant[] = [];
  commands.forEach((command, index) => {
    const tokens = tokenize(command);
    if (tokens.kind !== 'tokens') return;
    for (const token of tokens.tokens) {
      const document = parseJson(token.value) as Record<string, unknown> | undefined;
      const statements = statementsOf(document);
      if (!statements) continue;
      statements.forEach((statement, s) => {
        for (const [change, widened] of widenings(statement)) {
          const mutated = {
            ...document,
            Statement: statements.map((x) => (x === statement ? widened : x)),
          };
          const line =
            command.slice(0, token.start) +
            shellQuote(JSON.stringify(mutated)) +
            command.slice(token.end);
          mutants.push({
            description: `command ${index + 1}, statement ${s + 1}: ${change}`,
            commands: commands.map((c, i) => (i === index ? line : c)),
          });
        }
      });
    }
  });
  return mutants;
}
