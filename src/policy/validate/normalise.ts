// A checked document turned into the Policy the engine evaluates: one value or a list always
// becomes a list, a single Statement object a one-statement list, conditions one entry per
// operator and key with their values as text, and a missing Version the 2008-10-17 IAM assumes
// (reference_policies_elements_version).
import type { ConditionEntry, Policy, PrincipalElement, Statement } from '../types.js';
import type { JsonNode, ObjectNode } from './json-document.js';
import { conditionValueText } from './legacy.js';
import { listItems } from './problem.js';
import type { StatementRef } from './syntax.js';

function strings(node: JsonNode): string[] {
  if (node.type === 'string') return [node.value];
  const values: string[] = [];
  for (const item of listItems(node)) if (item.type === 'string') values.push(item.value);
  return values;
}

function principalElement(node: JsonNode): PrincipalElement {
  if (node.type !== 'object') return '*';
  const element: Exclude<PrincipalElement, '*'> = {};
  for (const { key: type, value } of node.members.values()) {
    if (type === 'AWS' || type === 'Service' || type === 'Federated' || type === 'CanonicalUser') {
      element[type] = strings(value);
    }
  }
  return element;
}

function conditions(node: JsonNode | undefined): ConditionEntry[] {
  if (node?.type !== 'object') return [];
  const entries: ConditionEntry[] = [];
  for (const { key: operator, value: block } of node.members.values()) {
    if (block.type !== 'object') continue;
    for (const { key, value } of block.members.values()) {
      entries.push({
        operator,
        key,
        values:
          value.type === 'array'
            ? value.items.map(conditionValueText)
            : [conditionValueText(value)],
      });
    }
  }
  return entries;
}

function statement({ node, index }: StatementRef): Statement {
  const value = (key: string) => node.members.get(key)?.value;
  const sid = value('Sid');
  const effect = value('Effect');
  const principal = value('Principal');
  const notPrincipal = value('NotPrincipal');
  // Set key by key in the order of the Statement type, rather than spreading `...(x && { x })`
  // objects: every statement of every policy read comes through here.
  const result: Partial<Statement> = { index };
  // An empty Sid names nothing (IAM lets several statements share it), so it is dropped.
  if (sid?.type === 'string' && sid.value !== '') result.sid = sid.value;
  result.effect = effect?.type === 'string' && effect.value === 'Deny' ? 'Deny' : 'Allow';
  const list = (key: string) => {
    const element = value(key);
    return element && strings(element);
  };
  const action = list('Action');
  const notAction = list('NotAction');
  const resource = list('Resource');
  const notResource = list('NotResource');
  if (action) result.action = action;
  if (notAction) result.notAction = notAction;
  if (resource) result.resource = resource;
  if (notResource) result.notResource = notResource;
  if (principal) result.principal = principalElement(principal);
  if (notPrincipal) result.notPrincipal = principalElement(notPrincipal);
  result.conditions = conditions(value('Condition'));
  return result as Statement;
}

export function toPolicy(
  document: ObjectNode,
  statements: readonly StatementRef[],
  name: string,
): Policy {
  const version = document.members.get('Version')?.value;
  const id = document.members.get('Id')?.value;
  return {
    name,
    version:
      version?.type === 'string' && version.value === '2012-10-17' ? '2012-10-17' : '2008-10-17',
    ...(id?.type === 'string' && { id: id.value }),
    statements: statements.map(statement),
  };
}
