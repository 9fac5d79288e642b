// The GitHub Actions runner's protocol, as the action speaks it: inputs from `INPUT_*`, outputs and
// the job summary through the file commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`), annotations,
// masks and debug lines as workflow commands on stdout. It writes byte for byte what @actions/core
// writes for the same calls (__tests__/github/runner.test.ts runs both side by side); it exists
// because @actions/core's entry module also loads its OIDC token client, whose HTTP stack (undici,
// tunnel) is a third of the action's cold start and is never used by the gate (docs/performance.md).
// Reference: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { randomUUID } from 'node:crypto';
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** Where an annotation points (the runner's `file`, `line`, `col`, `endLine`, `endColumn`, `title`). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** A value as the runner reads it: strings as they are, everything else as JSON, nothing as ''. */
function commandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

/** Command data: `%`, CR and LF escaped, so that a message can neither end the line nor forge a command. */
function escapeData(s: unknown): string {
  return commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property: also `:` and `,`, which end a property or the property list. */
function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::name k=v,k=v::data` on its own line; properties with an empty value are left out (as in
 * @actions/core, a property list whose values are all empty still leaves its separating space).
 */
function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  let line = `::${command}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    line += ' ';
    line += Object.entries(properties)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${escapeProperty(v)}`)
      .join(',');
  }
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`);
}

function annotationProperties(p: AnnotationProperties): Record<string, unknown> {
  if (Object.keys(p).length === 0) return {};
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}

/** The action's input `name` (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/**
 * An output of the step: a `name<<delimiter` record appended to `GITHUB_OUTPUT`, with a random
 * delimiter that neither the name nor the value may contain (else a value could end its record and
 * write other outputs); the legacy `::set-output` command when the runner gives no file.
 */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT || '';
  const text = commandValue(value);
  if (!file) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, text);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (text.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** Masks a value in the rest of the job's log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** True when the job runs with debug logging (`RUNNER_DEBUG=1`). */
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('notice', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}

/** A plain log line (callers make repository text inert first: log.ts). */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown and a line end to the job summary (`GITHUB_STEP_SUMMARY`). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' });
}
