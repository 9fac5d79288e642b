// The REST client, built only when API work is actually needed: @actions/github and its plugins
// are loaded with a dynamic import() so a run that needs no API pays nothing for them.
import { info } from './log.js';
import type { getOctokit } from '@actions/github';
import { VERSION } from '../core/version.js';

export type Client = ReturnType<typeof getOctokit>;
type ThrottleOptions = NonNullable<Parameters<typeof getOctokit>[1]>['throttle'] & { write?: unknown };

/** Secondary-rate-limit retries per request (each waits the `retry-after` GitHub sends). */
const SECONDARY_LIMIT_RETRIES = 2;

/**
 * A 2xx answer whose body is not a JSON object or array: malformed JSON, an HTML page from a proxy,
 * or a body cut off by a connection reset (octokit then hands back the text, or '', as `data`).
 * It carries a 5xx `status` and the request so that plugin-retry retries it like a network failure.
 */
export class MalformedResponseError extends Error {
  readonly status = 500;
  constructor(
    message: string,
    readonly request: { method?: string; url?: string; request?: unknown },
  ) {
    super(message);
    this.name = 'MalformedResponseError';
  }
}

const MIN_REDACTED_TOKEN_CHARS = 8;

interface HookedOctokit {
  hook: {
    before(name: 'request', fn: (options: { request?: Record<string, unknown> }) => void): void;
    after(name: 'request', fn: (response: { status: number; url: string; data: unknown }, options: MalformedResponseError['request']) => void): void;
    error(name: 'request', fn: (error: unknown) => never): void;
  };
}

/**
 * A request addressed to another origin than the API's (a pagination `Link` pointing elsewhere, a
 * tampered or misconfigured response): refused before it is sent, so the token never leaves the API
 * host and nothing another host answers is trusted. Not retried; callers fall back as for any failure.
 */
export class ForeignOriginError extends Error {
  constructor(readonly url: string, apiOrigin: string) {
    super(`the GitHub API sent a link to ${url}, outside the API origin ${apiOrigin}; it was not followed`);
    this.name = 'ForeignOriginError';
  }
}

/** scheme://host:port of a URL (default ports made explicit), or undefined when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
    return `${u.protocol}//${u.hostname.toLowerCase()}:${port}`;
  } catch {
    return undefined;
  }
}

/**
 * Registered before plugin-retry, so it runs inside it: a malformed 2xx body is retried, and every
 * API error message has the token cut out (a proxy may echo the Authorization header back).
 * Registered after octokit's auth hook, so it runs before the token is added: a request to another
 * origin is refused before it carries the token.
 */
function guard(token: string, timeoutMs: number, apiUrl: string) {
  const apiOrigin = originOf(apiUrl);
  return (octokit: HookedOctokit): void => {
    octokit.hook.before('request', (options) => {
      const o = options as { url?: string; baseUrl?: string; request?: Record<string, unknown> };
      const url = o.url ?? '';
      const target = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${o.baseUrl ?? apiUrl}${url}`;
      if (apiOrigin === undefined || originOf(target) !== apiOrigin) throw new ForeignOriginError(url, apiOrigin ?? apiUrl);
      // A fresh deadline for every attempt (this hook runs inside plugin-retry).
      options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs) };
    });
    octokit.hook.after('request', (response, options) => {
      const data = response.data;
      if (response.status === 204 || (data !== null && typeof data === 'object')) return;
      const what = data === '' || data === undefined ? 'an empty or cut-off body' : 'a body that is not JSON';
      const path = response.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
      throw new MalformedResponseError(`${options.method ?? 'GET'} ${path} answered HTTP ${response.status} with ${what}`, options);
    });
    // Real tokens are 40+ characters; cutting out a toy token (tests use 't') would mangle every message.
    const secret = token.length >= MIN_REDACTED_TOKEN_CHARS ? token : undefined;
    octokit.hook.error('request', (error) => {
      if (secret && error instanceof Error && error.message.includes(secret)) error.message = error.message.split(secret).join('***');
      throw error;
    });
  };
}

/** How the client waits: the unit of every retry/throttle wait and each request's deadline (github/settings.ts reads them). */
export interface ClientTiming {
  /** Unit, in ms, of every retry/throttle wait (plugin defaults: 1000, i.e. GitHub's seconds). */
  retryBaseMs: number;
  /**
   * Per-request deadline, ms: an API that accepts the connection and never answers must not hold
   * the step until the job's timeout (6 hours by default). A timed-out request is retried like a
   * 5xx, then the caller falls back (git diff / gate everything).
   */
  requestTimeoutMs: number;
}

/**
 * GitHub asks for at least a second between write requests; plugin-throttling spaces them by 1000 ms.
 * When the wait unit is not GitHub's second (tests set MODEL_DEPLOY_GATE_RETRY_BASE_MS), writes are
 * spaced by one unit instead, with a limiter of the same shape (`key(id).schedule(options, fn, …args)`).
 */
function writeSpacing(unitMs: number) {
  let last = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const schedule = <T>(_options: unknown, fn: (...args: unknown[]) => Promise<T> | T, ...args: unknown[]): Promise<T> => {
    const run = queue.then(async () => {
      const wait = last + unitMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      last = Date.now();
      return fn(...args);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return { key: () => ({ schedule }) };
}

export async function createClient(token: string, apiUrl: string, timing: ClientTiming): Promise<Client> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const base = timing.retryBaseMs;
  return getOctokit(
    token,
    {
      // No `request` key here: it would replace @actions/github's proxy-aware fetch.
      baseUrl: apiUrl,
      userAgent: `model-deploy-gate/${VERSION}`,
      retry: { retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        // The plugin reads only `key(id).schedule(…)` of its write group.
        ...(base !== 1000 ? { write: writeSpacing(base) as unknown as NonNullable<ThrottleOptions['write']> } : {}),
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          info(`GitHub API rate limit hit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
          return retryCount < 1;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
          return retryCount < SECONDARY_LIMIT_RETRIES;
        },
      },
    },
    guard(token, timing.requestTimeoutMs, apiUrl),
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
