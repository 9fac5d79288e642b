/** Where the project lives: tool `informationUri` and the base of every rule's help page. */
export const PROJECT_URL = 'https://github.com/model-deploy-gate/model-deploy-gate';

/** The rule's documentation page (`docs/rules/<id>.md` on the default branch). */
export function helpUri(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
