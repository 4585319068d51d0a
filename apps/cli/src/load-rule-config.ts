import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkRuleConfig, type RuleConfig } from '@conflict-events/schema';
import { CliError, fileErrorReason } from './cli-error.ts';

export const configFileName = 'conflict-events.config.json';

/** The nearest config file from `start` up to the root, as ESLint and Prettier look for theirs. */
async function findConfig(start: string): Promise<string | undefined> {
  let directory = resolve(start);
  for (;;) {
    const candidate = join(directory, configFileName);
    const found = await readFile(candidate, 'utf8').then(
      () => true,
      () => false,
    );
    if (found) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `{ "rules": { "<code>": "off|info|warning|error" } }` from `--config` or the nearest
 * conflict-events.config.json. A config that does not parse or names an unknown rule stops
 * the run: a typo silently ignored would hide the very issues the user meant to see.
 */
export async function loadRuleConfig(
  explicit: string | undefined,
  cwd: string = process.cwd(),
): Promise<{ rules: RuleConfig; file?: string }> {
  const file = explicit ?? (await findConfig(cwd));
  if (file === undefined) return { rules: {} };
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new CliError(`cannot read the config ${file}: ${fileErrorReason(error)}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`bad config ${file}: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new CliError(`bad config ${file}: expected a JSON object`);
  const unknownKeys = Object.keys(parsed).filter((key) => key !== 'rules');
  if (unknownKeys.length > 0) {
    throw new CliError(`bad config ${file}: unknown key "${unknownKeys[0]}"; expected "rules"`);
  }
  const rules = parsed.rules ?? {};
  if (!isObject(rules)) throw new CliError(`bad config ${file}: "rules" must be an object`);
  try {
    return { rules: checkRuleConfig(rules), file };
  } catch (error) {
    throw new CliError(`bad config ${file}: ${(error as Error).message}`);
  }
}
