// The REST client, built only when API work is actually needed: @actions/github and its plugins
// are loaded with a dynamic import() so a run that needs no API pays nothing for them.
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';
import { VERSION } from '../version.js';

export type Client = ReturnType<typeof getOctokit>;

/** Secondary-rate-limit retries per request (each waits the `retry-after` GitHub sends). */
const SECONDARY_LIMIT_RETRIES = 2;

/**
 * Unit, in ms, of every retry/throttle wait (plugin defaults: 1000, i.e. GitHub's seconds).
 * For tests only: MODEL_DEPLOY_GATE_RETRY_BASE_MS=1 turns "retry after 60 s" into 60 ms.
 */
export function retryBaseMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env['MODEL_DEPLOY_GATE_RETRY_BASE_MS'];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}

export async function createClient(token: string, apiUrl: string): Promise<Client> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const base = retryBaseMs();
  return getOctokit(
    token,
    {
      // No `request` key here: it would replace @actions/github's proxy-aware fetch.
      baseUrl: apiUrl,
      userAgent: `model-deploy-gate/${VERSION}`,
      retry: { retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub API rate limit hit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
          return retryCount < 1;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
          return retryCount < SECONDARY_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
}

/** HTTP status of an octokit RequestError, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object' && 'status' in error) {
    const s = (error as { status: unknown }).status;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
