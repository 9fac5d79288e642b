// The failing and passing examples of the rule pages (docs/rules/<id>.md), as repositories.
// The convention is written down in docs/rules/README.md ("Examples are tests").
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOCS_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules');

/** The clock the examples run at: a date in an example (a waiver's `expires`) does not expire under the test. */
export const EXAMPLES_NOW = new Date('2026-12-01T12:00:00Z');

export interface Example {
  /** "failing example 2 (yaml)" */
  label: string;
  lang: string;
  code: string;
  /** Repo-relative path → text. */
  files: Record<string, string>;
}

const LANGS = /^(yaml|yml|json|jsonc)$/;
/** A comment line whose first word is a file path opens a file; the rest of the line is a note. */
const FILE_MARKER = /^(?:#|\/\/)\s*((?:[\w.-]+\/)*(?:[\w.-]+\.(?:ya?ml|json)|MLmodel))(?:\s.*)?$/;

/** The files of one code block: each `# <path>` (`// <path>` in JSON) line opens a file at that path. */
export function filesOf(code: string, lang: string): Record<string, string> {
  const files: Record<string, string> = {};
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined || lines.some((l) => l.trim() !== '')) files[current ?? defaultPath(lang)] = lines.join('\n');
  };
  for (const line of code.replace(/\n$/, '').split('\n')) {
    const m = FILE_MARKER.exec(line);
    if (m) {
      flush();
      if (files[m[1]] !== undefined) throw new Error(`the block names ${m[1]} twice`);
      current = m[1];
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  for (const p of Object.keys(files)) files[p] = files[p].replace(/\n*$/, '\n');
  return files;
}

function defaultPath(lang: string): string {
  return lang.startsWith('json') ? 'example.json' : 'example.yml';
}

/** The code blocks of one `## …` section of a page. */
export function sectionBlocks(text: string, section: string): Array<{ lang: string; code: string }> {
  const start = text.indexOf(`\n## ${section}\n`);
  if (start === -1) return [];
  const end = text.indexOf('\n## ', start + 4);
  const body = text.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/```([\w-]*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
}

/** A page's failing and passing examples. Any block of another language in these sections is an error. */
export function ruleExamples(id: string): { failing: Example[]; passing: Example[] } {
  const text = readFileSync(path.join(DOCS_RULES, `${id}.md`), 'utf8');
  const of = (section: string, word: string): Example[] =>
    sectionBlocks(text, section).map((b, i) => {
      if (!LANGS.test(b.lang)) throw new Error(`${id}.md: a ${section} block is \`${b.lang || 'untagged'}\`, not yaml or json`);
      return { label: `${word} example ${i + 1} (${b.lang})`, lang: b.lang, code: b.code, files: filesOf(b.code, b.lang) };
    });
  return { failing: of('Failing example', 'failing'), passing: of('Passing example', 'passing') };
}
