import { httpStatus } from '../client.js';

/**
 * A request that failed in a way that may have taken effect: no answer in time, a reset connection,
 * a 5xx or a cut-off body. GitHub may have created the resource anyway.
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  const status = httpStatus(error);
  return status === undefined || status >= 500;
}

/**
 * Creates something at most once. A POST is not idempotent: retried blindly after a timeout, it
 * creates a duplicate (a second sticky comment, a second check run). So `post` is sent without
 * octokit's retries, and after a failure that may have taken effect, `look` checks whether it was
 * created before posting again. It looks after a pause (`waitMs` × attempt²): a request whose answer
 * timed out may still be on its way to the server, and a look before it lands finds nothing. If
 * looking fails too, nothing is re-posted (the error stands).
 */
export async function postOnce<T>(post: () => Promise<T>, look: () => Promise<T | undefined>, opts: { attempts: number; waitMs: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      if (!mayHaveTakenEffect(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, opts.waitMs * attempt * attempt));
      let found: T | undefined;
      try {
        found = await look();
      } catch {
        throw error;
      }
      if (found !== undefined) return found;
      if (attempt >= opts.attempts) throw error;
    }
  }
}

/** Per-request options that turn plugin-retry off (postOnce retries, after looking). */
export const NO_RETRY = { retries: 0 } as const;
