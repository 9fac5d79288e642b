import { MalformedResponseError } from '../client.js';

/**
 * The entries of a paginated list, page by page, checked as they arrive: a page that is not a
 * JSON array, an entry `valid` rejects, or a malformed response all fail the listing with one
 * error naming the page — a list read only in part must never pass for a whole one.
 */
export async function* checkedPages(
  pages: AsyncIterable<{ data: unknown }>,
  what: string,
  valid: (entry: Record<string, unknown>) => string | undefined,
): AsyncGenerator<Array<Record<string, unknown>>> {
  let n = 1;
  const malformed = (why: string): Error => new Error(`the GitHub API sent a malformed page ${n} of ${what} (${why})`);
  try {
    for await (const page of pages) {
      const data: unknown = page.data;
      if (!Array.isArray(data)) throw malformed('not a JSON array');
      const entries = (data as unknown[]).map((e) => (e ?? {}) as Record<string, unknown>);
      for (const e of entries) {
        const why = valid(e);
        if (why) throw malformed(why);
      }
      yield entries;
      n++;
    }
  } catch (e) {
    if (e instanceof MalformedResponseError) throw malformed(e.message);
    throw e;
  }
}
