// Placeholders: values that stand for something supplied elsewhere (a template, a pipeline
// variable, a documented "fill this in"). Such values are unknown, never wrong, and never echoed
// back as if they were a name.

export const PATTERNS: ReadonlyArray<{ re: RegExp; what: string }> = [
  { re: /\$\{\{[^{}]*\}\}/, what: 'a workflow or pipeline expression' },
  { re: /\{\{[^{}]*\}\}/, what: 'a template token' },
  { re: /\$\{[^{}]*\}/, what: 'a shell or pipeline variable' },
  { re: /\$\([^()]*\)/, what: 'an Azure DevOps variable' },
  { re: /#\{[^{}]*\}#/, what: 'a token-replacement variable' },
  { re: /^\s*__[A-Za-z0-9_]+__\s*$/, what: 'a token-replacement variable' },
  { re: /^\s*<[^<>]+>\s*$/, what: 'a placeholder to fill in' },
  // `azureml:<your model name>:1`, `repo/image:<tag>`: a fill-in inside a value.
  { re: /<[A-Za-z][^<>\n]{0,80}>/, what: 'a placeholder to fill in' },
  { re: /\bINSERT[-_ ].*[-_ ]HERE\b/i, what: 'a placeholder to fill in' },
  { re: /^\s*\$[A-Za-z_][A-Za-z0-9_]*\s*$/, what: 'a shell variable' },
];

/**
 * Every pattern needs one of these (`$`, `{`, `#`, `_`, `<`, or the word INSERT): most values have
 * none, and one test rules all ten out (rules and readers ask this of every value of every manifest).
 */
const MAY_BE_PLACEHOLDER = /[$#_<{]|insert/i;

/** The kind of placeholder a value holds, if it holds one. */
export function placeholderKind(v: unknown): string | undefined {
  if (typeof v !== 'string' || !MAY_BE_PLACEHOLDER.test(v)) return undefined;
  return PATTERNS.find((p) => p.re.test(v))?.what;
}

/**
 * Unrendered template or documented placeholder: `{{X}}`, `${{ x }}`, `${X}`, `$(X)`, `#{X}#`,
 * `__X__`, `$X`, `<your-cluster-name>`, `INSERT-YOUR-MODEL-NAME-HERE`.
 */
export function isPlaceholder(v: unknown): boolean {
  return placeholderKind(v) !== undefined;
}
