import type { Result } from '../core/types.js';
import { renderJson } from './json.js';
import { SUMMARY_MAX_BYTES, renderMarkdown } from './markdown.js';
import type { RuleMeta } from '../core/rules.js';
import { githubCommands } from './github.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** text: ANSI colours. */
  color?: boolean;
  /** markdown: byte ceiling (default 1 MiB, the step-summary limit). */
  maxBytes?: number;
  /** markdown: link to a file and line. */
  links?: (file: string, line: number) => string | undefined;
}

/** One report as text. `rules` feeds the SARIF driver's rule list (every rule, not only those with findings). */
export function render(format: ReportFormat, result: Result, rules: readonly RuleMeta[], opts: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result, rules);
    case 'markdown':
      return renderMarkdown(result, { maxBytes: opts.maxBytes ?? SUMMARY_MAX_BYTES, links: opts.links });
    case 'text':
      return renderText(result, { color: opts.color });
    case 'github':
      return githubCommands(result);
  }
}

export type { RuleMeta } from '../core/rules.js';
export { renderJson, toJsonReport, toLazyJsonReport, type JsonReport, type LazyJsonReport } from './json.js';
export { renderSarif, toSarif, SARIF_MAX_RESULTS } from './sarif.js';
export { renderMarkdown, SUMMARY_MAX_BYTES, CHECK_RUN_MAX_BYTES } from './markdown.js';
export { renderText } from './text.js';
