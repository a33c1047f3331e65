// `iam-tutor simulate FILE [--json]`: decides one request offline and says why.
import { parseJsonText } from './json-text.js';
import { evaluate } from '../policy/evaluate.js';
import { explanationText } from '../policy/explanation-text.js';
import { parseSimulation } from './simulation-file.js';
import { accessDeniedMessage } from '../policy/access-denied.js';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a simulation file's text; exit 0 whatever the decision, 2 for a bad file. */
export function simulate(text: string, source: string, json: boolean): CommandOutput {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `iam-tutor simulate: ${source}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}\n`,
    };
  }
  const simulation = parseSimulation(parsed.value);
  if (!simulation.ok) {
    const where = parsed.locate(simulation.path);
    const at = where ? `${source}:${where.line}:${where.column}` : source;
    return {
      exitCode: 2,
      stdout: '',
      stderr: `iam-tutor simulate: ${at}: ${simulation.path}: ${simulation.message}\n`,
    };
  }
  const { input } = simulation;
  const { decision, explanation } = evaluate(input);
  if (json) {
    const message = accessDeniedMessage(input.request, explanation);
    const out = { decision, explanation, ...(message ? { message } : {}) };
    return { exitCode: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' };
  }
  return { exitCode: 0, stdout: `${explanationText(input.request, explanation)}\n`, stderr: '' };
}
