// A local stand-in for api.github.com that judges every request by GitHub's own REST description
// (see openapi.ts) and GitHub's documented limits (limits.ts), records what it saw, and answers
// with bodies shaped by the description's response schemas. Tests assert `violations` is empty:
// a request GitHub would reject, or would silently misread, fails the test that made it.
//
// Like api.github.com, an invalid request is answered 422 (so the action meets the failure it
// would meet in production), a route the description does not have 404, a write the token may
// not make 403 "Resource not accessible by integration".
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { git, gitBytes } from './git-fixture.js';
import { documentedLimits } from './limits.js';
import { restDescription, type Operation, type RestDescription, type SchemaIssue } from './openapi.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface Identity {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

/** The identity GITHUB_TOKEN acts as (an installation token of the "GitHub Actions" app). */
export const GITHUB_ACTIONS_BOT: Identity = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const GITHUB_ACTIONS_APP = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' };

/** Repository permissions of a GitHub App token (the names workflow `permissions:` use, with `_`). */
export type Permission = 'checks' | 'contents' | 'issues' | 'pull_requests' | 'statuses' | 'metadata';
export type Access = 'none' | 'read' | 'write';

export interface TokenGrant {
  identity: Identity;
  /** `installation`: GITHUB_TOKEN or an app installation token (GET /user is 403 for it); `user`: a personal token. */
  kind: 'installation' | 'user';
  /** Missing entries are `write`; a fork PR's GITHUB_TOKEN is `read` everywhere. */
  permissions?: Partial<Record<Permission, Access>>;
}

export const READ_ONLY: Partial<Record<Permission, Access>> = { checks: 'read', contents: 'read', issues: 'read', pull_requests: 'read', statuses: 'read' };

export interface Violation {
  method: string;
  /** Path and query as sent. */
  url: string;
  operationId?: string;
  /**
   * `route`: no such operation; `auth`: missing or unknown token; `repository`: another repository
   * than the one under test; `schema`: against the description (GitHub answers 422); `limit`: a
   * documented limit (422); `state`: refers to something that does not exist (422);
   * `ignored`: GitHub accepts it but ignores part of it (an unknown key or query parameter).
   */
  kind: 'route' | 'auth' | 'repository' | 'schema' | 'limit' | 'state' | 'ignored';
  where?: string;
  pointer?: string;
  message: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without query. */
  path: string;
  query: URLSearchParams;
  /** Path and query as sent. */
  url: string;
  /** Host header: which server the client meant. */
  host: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  operationId?: string;
  params: Record<string, string>;
  /** Status answered. */
  status: number;
  violations: Violation[];
}

/** A scripted answer. Without `status`, the request is served normally, then delayed or cut off. */
export interface Fault {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent verbatim instead of JSON (malformed or truncated JSON, an HTML error page). */
  rawBody?: string;
  /** Answer after this many ms (the request has already taken effect when `status` is absent). */
  delayMs?: number;
  /** Send the headers and half the body, then destroy the socket. */
  reset?: boolean;
}

export interface FaultMatch {
  operationId?: string;
  method?: string;
  path?: RegExp;
  when?: (r: RecordedRequest) => boolean;
}

export interface FakePullFile {
  filename: string;
  status?: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  patch?: string;
  additions?: number;
  deletions?: number;
  sha?: string;
}

export interface FakePull {
  number: number;
  headSha: string;
  baseSha: string;
  headRef?: string;
  baseRef?: string;
  files: FakePullFile[];
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: Identity;
  created_at: string;
  updated_at: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  external_id?: string;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: JsonObject[];
}

export interface FakeReviewComment {
  id: number;
  pull: number;
  review_id: number;
  path: string;
  line?: number;
  side?: string;
  start_line?: number;
  body: string;
  commit_id: string;
  user: Identity;
}

export interface FakeReview {
  id: number;
  pull: number;
  body: string;
  state: 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';
  commit_id: string;
  user: Identity;
}

export interface FakeGitHubOptions {
  /** owner/name of the repository under test; requests for any other answer 404 and are violations. */
  repository: string;
  /** Token → who it is and what it may do. Default: `ghs_test_token` as github-actions[bot] with write access. */
  tokens?: Record<string, TokenGrant>;
  /** A git repository: the contents route reads it, and check runs must name one of its commits. */
  gitDir?: string;
  /** Answer invalid requests 422 as GitHub does (default true); false records them and serves them anyway. */
  rejectInvalid?: boolean;
  /** Where the fake says its web pages are (`html_url`). */
  webUrl?: string;
}

/** pulls/list-files: at most 3,000 files, whatever the page. */
export const LIST_FILES_CAP = 3000;
const NOW = '2026-01-02T03:04:05Z';
const DOCS = 'https://docs.github.com/rest';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Which repository permission an operation needs (GitHub documents it per endpoint; these are the ones an action meets). */
function permissionOf(operationId: string): Permission[] {
  const [group, name = ''] = operationId.split('/');
  if (group === 'checks') return ['checks'];
  if (group === 'pulls') return ['pull_requests'];
  // Comments on a pull request: either permission will do.
  if (group === 'issues' && name.includes('comment')) return ['issues', 'pull_requests'];
  if (group === 'issues') return ['issues'];
  if (group === 'repos' && /content|commit|compare|tree|readme|branch/.test(name)) return ['contents'];
  if (group === 'repos' && name.includes('status')) return ['statuses'];
  return ['metadata'];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string;
  delayMs?: number;
  reset?: boolean;
  /** Built by the fake itself: checked against the response schema. */
  own?: boolean;
}

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  /** The fake's own responses that do not match the description: bugs in this file, not in the action. */
  readonly responseErrors: string[] = [];
  readonly pulls = new Map<number, FakePull>();
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly reviews: FakeReview[] = [];
  readonly reviewComments: FakeReviewComment[] = [];
  readonly owner: string;
  readonly repo: string;
  readonly tokens: Record<string, TokenGrant>;
  url = '';
  private readonly spec: RestDescription;
  private readonly faults: Array<{ match: FaultMatch; faults: Fault[]; always?: Fault }> = [];
  private readonly rejectInvalid: boolean;
  private readonly webUrl: string;
  private readonly gitDir?: string;
  private server?: http.Server;
  private nextId = 5000;

  constructor(opts: FakeGitHubOptions) {
    const [owner, repo] = opts.repository.split('/');
    if (!owner || !repo) throw new Error(`repository "${opts.repository}" is not owner/name`);
    this.owner = owner;
    this.repo = repo;
    this.tokens = opts.tokens ?? { ghs_test_token: { identity: GITHUB_ACTIONS_BOT, kind: 'installation' } };
    this.gitDir = opts.gitDir;
    this.rejectInvalid = opts.rejectInvalid ?? true;
    this.webUrl = opts.webUrl ?? 'https://github.test';
    this.spec = restDescription();
  }

  // ---- test-facing API ----------------------------------------------------------------------

  /** The next matching requests get these answers, in order; then normal service resumes. */
  fail(match: FaultMatch, ...faults: Fault[]): void {
    this.faults.push({ match, faults: [...faults] });
  }

  /** Every matching request gets this answer. */
  failAlways(match: FaultMatch, fault: Fault): void {
    this.faults.push({ match, faults: [], always: fault });
  }

  /** A comment already on the issue or pull request, by `user`. */
  addComment(issue: number, body: string, user: Identity): FakeComment {
    const c: FakeComment = { id: this.nextId++, issue, body, user, created_at: NOW, updated_at: NOW };
    this.comments.push(c);
    return c;
  }

  setPull(pull: FakePull): void {
    this.pulls.set(pull.number, pull);
  }

  /** Requests as "METHOD /path?query", for readable assertions. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.url}`);
  }

  /** Requests of one operation. */
  requestsOf(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  /** Violations as one line each, for a readable `toEqual([])` failure. */
  violationLines(): string[] {
    return this.violations.map((v) => `${v.kind} ${v.method} ${v.url}${v.pointer !== undefined ? ` ${v.where ?? ''}${v.pointer}` : ''}: ${v.message}`);
  }

  async start(host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, host, resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  // ---- request handling ---------------------------------------------------------------------

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      url: url.pathname + url.search,
      host: req.headers.host ?? '',
      headers: req.headers,
      rawBody: raw,
      body: undefined,
      params: {},
      status: 0,
      violations: [],
    };
    const violate = (v: Omit<Violation, 'method' | 'url' | 'operationId'>): void => {
      const full: Violation = { method, url: rec.url, ...(rec.operationId ? { operationId: rec.operationId } : {}), ...v };
      rec.violations.push(full);
      this.violations.push(full);
    };
    let bodyOk = true;
    if (raw !== '') {
      try {
        rec.body = JSON.parse(raw);
      } catch {
        rec.body = raw;
        bodyOk = false;
      }
    }
    this.requests.push(rec);
    const reply = this.decide(rec, req, bodyOk, violate);
    rec.status = reply.status;
    if (reply.own && rec.operationId) {
      const op = this.spec.byId.get(rec.operationId)!;
      for (const e of this.spec.validateResponse(op, reply.status, reply.body)) this.responseErrors.push(`${rec.operationId} ${reply.status}: ${e}`);
    }
    this.send(res, reply);
  }

  private send(res: http.ServerResponse, r: Reply): void {
    const go = (): void => {
      const text = r.rawBody ?? (r.body === undefined ? '' : JSON.stringify(r.body));
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...(r.headers ?? {}),
      };
      if (r.reset) {
        // Promise more bytes than are sent, then drop the connection: the client sees a reset mid-body.
        res.writeHead(r.status, { ...headers, 'content-length': String(Buffer.byteLength(text) + 1024) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
        return;
      }
      if (r.status === 204 || (r.body === undefined && r.rawBody === undefined)) {
        delete headers['content-type'];
      }
      res.writeHead(r.status, headers);
      res.end(text);
    };
    if (r.delayMs) setTimeout(go, r.delayMs);
    else go();
  }

  private takeFault(rec: RecordedRequest): Fault | undefined {
    for (const f of this.faults) {
      const m = f.match;
      if (m.method && m.method.toUpperCase() !== rec.method) continue;
      if (m.operationId && m.operationId !== rec.operationId) continue;
      if (m.path && !m.path.test(rec.path)) continue;
      if (m.when && !m.when(rec)) continue;
      if (f.faults.length > 0) return f.faults.shift();
      if (f.always) return f.always;
    }
    return undefined;
  }

  private decide(rec: RecordedRequest, req: http.IncomingMessage, bodyOk: boolean, violate: (v: Omit<Violation, 'method' | 'url' | 'operationId'>) => void): Reply {
    const matched = this.spec.match(rec.method, rec.path);
    if (!matched) {
      violate({ kind: 'route', message: this.spec.pathKnown(rec.path) ? `no ${rec.method} operation for this path` : 'no operation in the REST description has this path' });
      return this.error(404, 'Not Found');
    }
    const op = matched.operation;
    rec.operationId = op.operationId;
    rec.params = matched.params;

    // Who is asking.
    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    const grant = token ? this.tokens[token] : undefined;
    const isPublicIdentity = op.operationId === 'apps/get-by-slug' || op.operationId === 'users/get-by-username';
    if (!grant && !(op.operationId === 'apps/get-authenticated' && token?.split('.').length === 3) && !isPublicIdentity) {
      violate({ kind: 'auth', message: token ? 'unknown token' : 'no Authorization header' });
      return token ? this.error(401, 'Bad credentials') : this.error(401, 'Requires authentication');
    }

    // Which repository.
    if (matched.params['owner'] !== undefined && matched.params['repo'] !== undefined) {
      const same = matched.params['owner'].toLowerCase() === this.owner.toLowerCase() && matched.params['repo'].toLowerCase() === this.repo.toLowerCase();
      if (!same) {
        violate({ kind: 'repository', message: `addresses ${matched.params['owner']}/${matched.params['repo']}, not ${this.owner}/${this.repo}` });
        return this.error(404, 'Not Found');
      }
    }

    // What was sent: the description's schemas, then the limits it states in prose.
    const issues: Array<SchemaIssue & { kind: Violation['kind'] }> = [];
    for (const i of this.spec.validateParameters(matched, rec.query)) issues.push({ ...i, kind: /is not a parameter/.test(i.message) ? 'ignored' : 'schema' });
    const present = rec.rawBody !== '';
    if (present && !bodyOk) {
      issues.push({ where: 'body', pointer: '', message: 'is not JSON', kind: 'schema' });
    } else {
      if (present && op.requestBody && !/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
        issues.push({ where: 'header', pointer: '/content-type', message: `is ${String(req.headers['content-type'])}; the operation takes application/json`, kind: 'schema' });
      }
      for (const i of this.spec.validateBody(op, rec.body, present)) issues.push({ ...i, kind: /GitHub ignores it/.test(i.message) ? 'ignored' : 'schema' });
      for (const i of documentedLimits(op.operationId, rec.body)) issues.push({ ...i, kind: 'limit' });
    }
    for (const i of issues) violate({ kind: i.kind, where: i.where, pointer: i.pointer, message: i.message });

    const fault = this.takeFault(rec);
    if (fault?.status !== undefined) return { status: fault.status, body: fault.body, headers: fault.headers, rawBody: fault.rawBody, delayMs: fault.delayMs, reset: fault.reset };

    const rejected = issues.filter((i) => i.kind !== 'ignored');
    let reply: Reply;
    if (rejected.length > 0 && this.rejectInvalid) {
      reply = {
        status: 422,
        body: {
          message: `Invalid request.\n\n${rejected.map((i) => `${i.where}${i.pointer} ${i.message}`).join('\n')}`,
          documentation_url: DOCS,
          status: '422',
        },
      };
    } else if (!this.permitted(grant, op)) {
      reply = this.error(403, 'Resource not accessible by integration');
    } else {
      reply = this.route(op, rec, grant?.identity ?? GITHUB_ACTIONS_BOT, grant, violate);
    }
    if (fault) reply = { ...reply, ...(fault.headers ? { headers: { ...reply.headers, ...fault.headers } } : {}), delayMs: fault.delayMs, reset: fault.reset };
    return reply;
  }

  private permitted(grant: TokenGrant | undefined, op: Operation): boolean {
    if (!grant) return true;
    const need: Access = op.method === 'GET' || op.method === 'HEAD' ? 'read' : 'write';
    return permissionOf(op.operationId).some((p) => {
      if (p === 'metadata') return true;
      const has = grant.permissions?.[p] ?? 'write';
      return has === 'write' || (need === 'read' && has === 'read');
    });
  }

  private error(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
    return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } };
  }

  /** The description's sample of the operation's success response, with `overrides` on top. */
  private shaped(op: Operation, status: number, overrides: Record<string, unknown>): JsonObject {
    const base = this.spec.sample(this.spec.responseSchema(op, status));
    return { ...(isObject(base) ? (base as JsonObject) : {}), ...(overrides as JsonObject) };
  }

  private sampleOf(schemaName: string, overrides: Record<string, unknown>): JsonObject {
    const base = this.spec.sample({ $ref: `#/components/schemas/${schemaName}` });
    return { ...(isObject(base) ? (base as JsonObject) : {}), ...(overrides as JsonObject) };
  }

  private user(identity: Identity): JsonObject {
    const login = identity.login;
    return this.sampleOf('simple-user', {
      login,
      id: identity.id,
      node_id: `U_${identity.id}`,
      type: identity.type,
      site_admin: false,
      html_url: `${this.webUrl}/${identity.type === 'Bot' ? `apps/${login.replace(/\[bot\]$/, '')}` : login}`,
      url: `${this.url}/users/${encodeURIComponent(login)}`,
    });
  }

  private apiRepo(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private webRepo(): string {
    return `${this.webUrl}/${this.owner}/${this.repo}`;
  }

  /** One page of `items` with GitHub's Link header (`page`, `per_page`; at most 100 per page). */
  private page(_op: Operation, rec: RecordedRequest, items: unknown[]): Reply {
    const perPage = Math.max(1, Math.min(100, Number(rec.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(rec.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(this.url + rec.url);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
      own: true,
    };
  }

  private route(op: Operation, rec: RecordedRequest, me: Identity, grant: TokenGrant | undefined, violate: (v: Omit<Violation, 'method' | 'url' | 'operationId'>) => void): Reply {
    const p = rec.params;
    const b = (isObject(rec.body) ? rec.body : {}) as Record<string, unknown>;
    const num = (k: string): number => Number(p[k]);
    const notFound = (): Reply => this.error(404, 'Not Found');
    switch (op.operationId) {
      // ---- identity ----
      case 'users/get-authenticated':
        // An installation token (GITHUB_TOKEN) is not a user: GitHub answers 403 here.
        if (grant?.kind !== 'user') return this.error(403, 'Resource not accessible by integration');
        return { status: 200, own: true, body: this.shaped(op, 200, this.user(me)) };
      case 'apps/get-authenticated':
        // Only the app's JWT may ask; an installation token is refused.
        if (grant) return this.error(401, 'A JSON web token could not be decoded');
        return { status: 200, own: true, body: this.app() };
      case 'apps/get-by-slug':
        return p['app_slug'] === GITHUB_ACTIONS_APP.slug ? { status: 200, own: true, body: this.app() } : notFound();
      case 'users/get-by-username': {
        const known = [GITHUB_ACTIONS_BOT, ...Object.values(this.tokens).map((t) => t.identity), ...this.comments.map((c) => c.user)];
        const who = known.find((i) => i.login.toLowerCase() === String(p['username']).toLowerCase());
        return who ? { status: 200, own: true, body: this.shaped(op, 200, this.user(who)) } : notFound();
      }
      case 'apps/list-repos-accessible-to-installation':
        if (grant?.kind !== 'installation') return this.error(403, 'You must authenticate with an installation access token in order to list repositories for an installation.');
        return { status: 200, own: true, body: { total_count: 1, repositories: [this.repository()] } };

      // ---- pull request files and the pull itself ----
      case 'pulls/list-files': {
        const pull = this.pulls.get(num('pull_number'));
        if (!pull) return notFound();
        const files = pull.files.slice(0, LIST_FILES_CAP).map((f) => this.diffEntry(pull, f));
        return this.page(op, rec, files);
      }
      case 'pulls/get': {
        const pull = this.pulls.get(num('pull_number'));
        if (!pull) return notFound();
        return { status: 200, own: true, body: this.shaped(op, 200, this.pullObject(pull)) };
      }

      // ---- contents ----
      case 'repos/get-content':
        return this.contents(op, rec, violate);

      // ---- check runs ----
      case 'checks/create': {
        const sha = String(b['head_sha']);
        if (this.gitDir && !this.hasCommit(sha)) {
          violate({ kind: 'state', where: 'body', pointer: '/head_sha', message: `no commit ${sha} in the repository` });
          return this.error(422, `No commit found for SHA: ${sha}`);
        }
        const output = isObject(b['output']) ? b['output'] : {};
        const conclusion = typeof b['conclusion'] === 'string' ? b['conclusion'] : null;
        const run: FakeCheckRun = {
          id: this.nextId++,
          name: String(b['name']),
          head_sha: sha,
          // "Providing conclusion will automatically set the status parameter to completed."
          status: conclusion ? 'completed' : typeof b['status'] === 'string' ? b['status'] : 'queued',
          conclusion,
          details_url: typeof b['details_url'] === 'string' ? b['details_url'] : undefined,
          external_id: typeof b['external_id'] === 'string' ? b['external_id'] : undefined,
          started_at: typeof b['started_at'] === 'string' ? b['started_at'] : NOW,
          completed_at: conclusion ? (typeof b['completed_at'] === 'string' ? b['completed_at'] : NOW) : null,
          output: {
            title: typeof output['title'] === 'string' ? output['title'] : null,
            summary: typeof output['summary'] === 'string' ? output['summary'] : null,
            text: typeof output['text'] === 'string' ? output['text'] : null,
          },
          annotations: Array.isArray(output['annotations']) ? [...(output['annotations'] as JsonObject[])] : [],
        };
        this.checkRuns.push(run);
        return { status: 201, own: true, body: this.checkRunObject(op, 201, run) };
      }
      case 'checks/update': {
        const run = this.checkRuns.find((r) => r.id === num('check_run_id'));
        if (!run) return notFound();
        const output = isObject(b['output']) ? b['output'] : undefined;
        if (typeof b['name'] === 'string') run.name = b['name'];
        if (typeof b['details_url'] === 'string') run.details_url = b['details_url'];
        if (typeof b['status'] === 'string') run.status = b['status'];
        if (typeof b['conclusion'] === 'string') {
          run.conclusion = b['conclusion'];
          run.status = 'completed';
          run.completed_at = typeof b['completed_at'] === 'string' ? b['completed_at'] : NOW;
        }
        if (output) {
          if (typeof output['title'] === 'string') run.output.title = output['title'];
          if (typeof output['summary'] === 'string') run.output.summary = output['summary'];
          if (typeof output['text'] === 'string') run.output.text = output['text'];
          // "Each time you update the check run, annotations are appended."
          if (Array.isArray(output['annotations'])) run.annotations.push(...(output['annotations'] as JsonObject[]));
        }
        return { status: 200, own: true, body: this.checkRunObject(op, 200, run) };
      }
      case 'checks/get': {
        const run = this.checkRuns.find((r) => r.id === num('check_run_id'));
        return run ? { status: 200, own: true, body: this.checkRunObject(op, 200, run) } : notFound();
      }
      case 'checks/list-annotations': {
        const run = this.checkRuns.find((r) => r.id === num('check_run_id'));
        if (!run) return notFound();
        return this.page(op, rec, run.annotations.map((a) => this.sampleOf('check-annotation', { ...a, blob_href: `${this.webRepo()}/blob/${run.head_sha}/${String(a['path'])}` })));
      }
      case 'checks/list-for-ref': {
        const runs = this.checkRuns.filter((r) => r.head_sha === p['ref']).map((r) => this.checkRunObject(op, 200, r));
        return { status: 200, own: true, body: { total_count: runs.length, check_runs: runs } };
      }

      // ---- issue comments (the sticky PR comment) ----
      case 'issues/list-comments': {
        const issue = num('issue_number');
        return this.page(op, rec, this.comments.filter((c) => c.issue === issue).map((c) => this.commentObject(c)));
      }
      case 'issues/create-comment': {
        const c = this.addComment(num('issue_number'), String(b['body']), me);
        return { status: 201, own: true, body: this.commentObject(c) };
      }
      case 'issues/get-comment': {
        const c = this.comments.find((x) => x.id === num('comment_id'));
        return c ? { status: 200, own: true, body: this.commentObject(c) } : notFound();
      }
      case 'issues/update-comment': {
        const c = this.comments.find((x) => x.id === num('comment_id'));
        if (!c) return notFound();
        // GitHub lets a token with write access edit anyone's comment: the edit is the caller's responsibility.
        c.body = String(b['body']);
        c.updated_at = NOW;
        return { status: 200, own: true, body: this.commentObject(c) };
      }
      case 'issues/delete-comment': {
        const i = this.comments.findIndex((x) => x.id === num('comment_id'));
        if (i < 0) return notFound();
        this.comments.splice(i, 1);
        return { status: 204 };
      }

      // ---- reviews and review comments (review suggestions) ----
      case 'pulls/create-review':
        return this.createReview(rec, b, me, violate);
      case 'pulls/list-reviews': {
        const pull = num('pull_number');
        return this.page(op, rec, this.reviews.filter((r) => r.pull === pull).map((r) => this.reviewObject(r)));
      }
      case 'pulls/get-review': {
        const r = this.reviews.find((x) => x.id === num('review_id') && x.pull === num('pull_number'));
        return r ? { status: 200, own: true, body: this.reviewObject(r) } : notFound();
      }
      case 'pulls/update-review': {
        const r = this.reviews.find((x) => x.id === num('review_id') && x.pull === num('pull_number'));
        if (!r) return notFound();
        r.body = String(b['body']);
        return { status: 200, own: true, body: this.reviewObject(r) };
      }
      case 'pulls/submit-review': {
        const r = this.reviews.find((x) => x.id === num('review_id') && x.pull === num('pull_number'));
        if (!r) return notFound();
        if (r.state !== 'PENDING') return this.error(422, 'Unprocessable Entity', { errors: ['Can not submit a non-pending review'] });
        r.state = b['event'] === 'APPROVE' ? 'APPROVED' : b['event'] === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'COMMENTED';
        if (typeof b['body'] === 'string') r.body = b['body'];
        return { status: 200, own: true, body: this.reviewObject(r) };
      }
      case 'pulls/delete-pending-review': {
        const i = this.reviews.findIndex((x) => x.id === num('review_id') && x.pull === num('pull_number'));
        if (i < 0) return notFound();
        const r = this.reviews[i]!;
        if (r.state !== 'PENDING') return this.error(422, 'Unprocessable Entity', { errors: ['Can not delete a non-pending pull request review'] });
        this.reviews.splice(i, 1);
        for (let j = this.reviewComments.length - 1; j >= 0; j--) if (this.reviewComments[j]!.review_id === r.id) this.reviewComments.splice(j, 1);
        return { status: 200, own: true, body: this.reviewObject(r) };
      }
      case 'pulls/list-review-comments': {
        const pull = num('pull_number');
        return this.page(op, rec, this.reviewComments.filter((c) => c.pull === pull).map((c) => this.reviewCommentObject(c)));
      }
      case 'pulls/list-comments-for-review': {
        const id = num('review_id');
        return this.page(op, rec, this.reviewComments.filter((c) => c.review_id === id).map((c) => this.reviewCommentObject(c, 'review-comment')));
      }
      case 'pulls/create-review-comment': {
        const pull = this.pulls.get(num('pull_number'));
        if (!pull) return notFound();
        const bad = this.unresolvable(pull, b);
        if (bad) {
          violate({ kind: 'state', where: 'body', pointer: '', message: bad });
          return this.error(422, 'Validation Failed', { errors: [bad] });
        }
        const c = this.addReviewComment(pull, 0, b, me);
        return { status: 201, own: true, body: this.reviewCommentObject(c) };
      }
      case 'pulls/get-review-comment': {
        const c = this.reviewComments.find((x) => x.id === num('comment_id'));
        return c ? { status: 200, own: true, body: this.reviewCommentObject(c) } : notFound();
      }
      case 'pulls/update-review-comment': {
        const c = this.reviewComments.find((x) => x.id === num('comment_id'));
        if (!c) return notFound();
        c.body = String(b['body']);
        return { status: 200, own: true, body: this.reviewCommentObject(c) };
      }
      case 'pulls/delete-review-comment': {
        const i = this.reviewComments.findIndex((x) => x.id === num('comment_id'));
        if (i < 0) return notFound();
        this.reviewComments.splice(i, 1);
        return { status: 204 };
      }
      default:
        return this.generic(op);
    }
  }

  /** Any other operation: validated above; answered with the description's own sample of its success response. */
  private generic(op: Operation): Reply {
    const status = this.spec.successStatus(op);
    const schema = this.spec.responseSchema(op, status);
    if (!schema) return { status };
    return { status, own: true, body: this.spec.sample(schema) };
  }

  private hasCommit(sha: string): boolean {
    if (!this.gitDir || !/^[0-9a-f]{40}$/.test(sha)) return false;
    try {
      return git(this.gitDir, 'cat-file', '-t', sha) === 'commit';
    } catch {
      return false;
    }
  }

  private app(): JsonObject {
    return this.sampleOf('integration', {
      id: GITHUB_ACTIONS_APP.id,
      slug: GITHUB_ACTIONS_APP.slug,
      node_id: 'MDM6QXBwMTUzNjg=',
      name: GITHUB_ACTIONS_APP.name,
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${this.webUrl}/apps/github-actions`,
      owner: this.user({ login: 'github', id: 9919, type: 'User' }),
      permissions: { checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write', statuses: 'write' },
      events: ['check_run', 'pull_request', 'push'],
    });
  }

  private repository(): JsonObject {
    return this.sampleOf('repository', {
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      html_url: this.webRepo(),
      url: this.apiRepo(),
      owner: this.user({ login: this.owner, id: 6811672, type: 'User' }),
    });
  }

  private diffEntry(pull: FakePull, f: FakePullFile): JsonObject {
    const blob = f.sha ?? '0'.repeat(40);
    const enc = f.filename.split('/').map(encodeURIComponent).join('/');
    const additions = f.additions ?? 0;
    const deletions = f.deletions ?? 0;
    return {
      sha: blob,
      filename: f.filename,
      status: f.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${this.webRepo()}/blob/${pull.headSha}/${enc}`,
      raw_url: `${this.webRepo()}/raw/${pull.headSha}/${enc}`,
      contents_url: `${this.apiRepo()}/contents/${enc}?ref=${pull.headSha}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
    };
  }

  private pullObject(pull: FakePull): Record<string, unknown> {
    const branch = (sha: string, ref: string): JsonObject => ({
      label: `${this.owner}:${ref}`,
      ref,
      sha,
      user: this.user({ login: this.owner, id: 6811672, type: 'User' }),
      repo: this.repository(),
    });
    return {
      number: pull.number,
      url: `${this.apiRepo()}/pulls/${pull.number}`,
      html_url: `${this.webRepo()}/pull/${pull.number}`,
      head: branch(pull.headSha, pull.headRef ?? 'feature'),
      base: branch(pull.baseSha, pull.baseRef ?? 'main'),
      changed_files: pull.files.length,
      state: 'open',
    };
  }

  private checkRunObject(op: Operation, status: number, run: FakeCheckRun): JsonObject {
    return this.shaped(op, status, {
      id: run.id,
      node_id: `CR_${run.id}`,
      name: run.name,
      head_sha: run.head_sha,
      external_id: run.external_id ?? '',
      url: `${this.apiRepo()}/check-runs/${run.id}`,
      html_url: `${this.webRepo()}/runs/${run.id}`,
      details_url: run.details_url ?? `${this.webRepo()}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${this.apiRepo()}/check-runs/${run.id}/annotations`,
      },
      check_suite: { id: 1 },
      app: this.app(),
      pull_requests: [],
    });
  }

  private commentObject(c: FakeComment): JsonObject {
    return this.sampleOf('issue-comment', {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.apiRepo()}/issues/comments/${c.id}`,
      html_url: `${this.webRepo()}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.apiRepo()}/issues/${c.issue}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    });
  }

  private reviewObject(r: FakeReview): JsonObject {
    return this.sampleOf('pull-request-review', {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: this.user(r.user),
      body: r.body,
      state: r.state,
      html_url: `${this.webRepo()}/pull/${r.pull}#pullrequestreview-${r.id}`,
      pull_request_url: `${this.apiRepo()}/pulls/${r.pull}`,
      _links: { html: { href: `${this.webRepo()}/pull/${r.pull}#pullrequestreview-${r.id}` }, pull_request: { href: `${this.apiRepo()}/pulls/${r.pull}` } },
      commit_id: r.commit_id,
      author_association: 'NONE',
      ...(r.state === 'PENDING' ? {} : { submitted_at: NOW }),
    });
  }

  private reviewCommentObject(c: FakeReviewComment, schema = 'pull-request-review-comment'): JsonObject {
    const html = `${this.webRepo()}/pull/${c.pull}#discussion_r${c.id}`;
    return this.sampleOf(schema, {
      id: c.id,
      node_id: `PRRC_${c.id}`,
      url: `${this.apiRepo()}/pulls/comments/${c.id}`,
      pull_request_review_id: c.review_id || null,
      diff_hunk: '@@ -1 +1 @@',
      path: c.path,
      commit_id: c.commit_id,
      original_commit_id: c.commit_id,
      user: this.user(c.user),
      body: c.body,
      html_url: html,
      pull_request_url: `${this.apiRepo()}/pulls/${c.pull}`,
      _links: { self: { href: `${this.apiRepo()}/pulls/comments/${c.id}` }, html: { href: html }, pull_request: { href: `${this.apiRepo()}/pulls/${c.pull}` } },
      author_association: 'NONE',
      created_at: NOW,
      updated_at: NOW,
      ...(c.line !== undefined ? { line: c.line, original_line: c.line } : {}),
      ...(c.side !== undefined ? { side: c.side } : {}),
      ...(c.start_line !== undefined ? { start_line: c.start_line, original_start_line: c.start_line } : {}),
    });
  }

  /** Lines of each side of a file's diff that a review comment may address. */
  private diffLines(patch: string | undefined): { LEFT: Set<number>; RIGHT: Set<number> } {
    const out = { LEFT: new Set<number>(), RIGHT: new Set<number>() };
    let left = 0;
    let right = 0;
    for (const line of (patch ?? '').split('\n')) {
      const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      if (h) {
        left = Number(h[1]);
        right = Number(h[2]);
        continue;
      }
      if (line.startsWith('+')) out.RIGHT.add(right++);
      else if (line.startsWith('-')) out.LEFT.add(left++);
      else if (line.startsWith('\\')) continue;
      else {
        out.LEFT.add(left++);
        out.RIGHT.add(right++);
      }
    }
    return out;
  }

  /** Why GitHub would refuse a review comment here ("Line could not be resolved"), or undefined. */
  private unresolvable(pull: FakePull, c: Record<string, unknown>): string | undefined {
    const file = pull.files.find((f) => f.filename === c['path']);
    if (!file) return `path ${String(c['path'])} is not part of the pull request's diff`;
    if (c['line'] === undefined) return c['position'] === undefined ? 'line (or the deprecated position) is required' : undefined;
    const side = c['side'] === 'LEFT' ? 'LEFT' : 'RIGHT';
    const lines = this.diffLines(file.patch)[side];
    for (const k of ['start_line', 'line'] as const) {
      const n = c[k];
      const s = k === 'start_line' ? (c['start_side'] === 'LEFT' ? 'LEFT' : side) : side;
      if (typeof n === 'number' && !this.diffLines(file.patch)[s].has(n)) return `${k} ${n} of ${String(c['path'])} must be part of the diff (Line could not be resolved)`;
    }
    return lines.size === 0 ? `${String(c['path'])} has no diff lines on the ${side} side` : undefined;
  }

  private addReviewComment(pull: FakePull, reviewId: number, c: Record<string, unknown>, me: Identity): FakeReviewComment {
    const rc: FakeReviewComment = {
      id: this.nextId++,
      pull: pull.number,
      review_id: reviewId,
      path: String(c['path']),
      body: String(c['body']),
      commit_id: typeof c['commit_id'] === 'string' ? c['commit_id'] : pull.headSha,
      user: me,
      ...(typeof c['line'] === 'number' ? { line: c['line'] } : {}),
      ...(typeof c['side'] === 'string' ? { side: c['side'] } : typeof c['line'] === 'number' ? { side: 'RIGHT' } : {}),
      ...(typeof c['start_line'] === 'number' ? { start_line: c['start_line'] } : {}),
    };
    this.reviewComments.push(rc);
    return rc;
  }

  private createReview(rec: RecordedRequest, b: Record<string, unknown>, me: Identity, violate: (v: Omit<Violation, 'method' | 'url' | 'operationId'>) => void): Reply {
    const pull = this.pulls.get(Number(rec.params['pull_number']));
    if (!pull) return this.error(404, 'Not Found');
    const event = b['event'];
    // "body: Required when using REQUEST_CHANGES or COMMENT for the event parameter."
    if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && (typeof b['body'] !== 'string' || b['body'] === '') && !Array.isArray(b['comments'])) {
      violate({ kind: 'limit', where: 'body', pointer: '/body', message: `is required with event ${String(event)}` });
      return this.error(422, 'Unprocessable Entity', { errors: [`Review body is required for ${String(event)}`] });
    }
    const comments = Array.isArray(b['comments']) ? (b['comments'] as Array<Record<string, unknown>>) : [];
    for (const [i, c] of comments.entries()) {
      const bad = this.unresolvable(pull, c);
      if (bad) {
        violate({ kind: 'state', where: 'body', pointer: `/comments/${i}`, message: bad });
        return this.error(422, 'Unprocessable Entity', { errors: ['Line could not be resolved'] });
      }
    }
    if (typeof b['commit_id'] === 'string' && this.gitDir && !this.hasCommit(b['commit_id'])) {
      violate({ kind: 'state', where: 'body', pointer: '/commit_id', message: `no commit ${b['commit_id']} in the repository` });
      return this.error(422, 'Unprocessable Entity', { errors: ['Commit not found'] });
    }
    const review: FakeReview = {
      id: this.nextId++,
      pull: pull.number,
      body: typeof b['body'] === 'string' ? b['body'] : '',
      state: event === 'APPROVE' ? 'APPROVED' : event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : event === 'COMMENT' ? 'COMMENTED' : 'PENDING',
      commit_id: typeof b['commit_id'] === 'string' ? b['commit_id'] : pull.headSha,
      user: me,
    };
    this.reviews.push(review);
    for (const c of comments) this.addReviewComment(pull, review.id, { ...c, commit_id: review.commit_id }, me);
    return { status: 200, own: true, body: this.reviewObject(review) };
  }

  /** GET contents/{path}?ref=: the file at that commit of the fixture repository, base64 as GitHub sends it; 404 when absent. */
  private contents(op: Operation, rec: RecordedRequest, violate: (v: Omit<Violation, 'method' | 'url' | 'operationId'>) => void): Reply {
    if (!this.gitDir) return this.error(404, 'Not Found');
    const file = rec.params['path'] ?? '';
    const ref = rec.query.get('ref') ?? 'main';
    let kind: string;
    try {
      kind = git(this.gitDir, 'cat-file', '-t', `${ref}:${file}`);
    } catch {
      if (!this.hasCommit(ref) && !/^(refs\/)?(heads\/)?main$/.test(ref)) {
        violate({ kind: 'state', where: 'query', pointer: '/ref', message: `no commit, branch or tag ${ref}` });
        return this.error(404, `No commit found for the ref ${ref}`);
      }
      return this.error(404, 'Not Found', { documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content' });
    }
    const links = (sha: string, type: 'blob' | 'tree', p: string) => {
      const e = p.split('/').map(encodeURIComponent).join('/');
      return {
        url: `${this.apiRepo()}/contents/${e}?ref=${ref}`,
        git_url: `${this.apiRepo()}/git/${type}s/${sha}`,
        html_url: `${this.webRepo()}/${type}/${ref}/${e}`,
      };
    };
    if (kind === 'tree') {
      const entries = git(this.gitDir, 'ls-tree', '-l', `${ref}:${file}`)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta, name] = line.split('\t') as [string, string];
          const [, type, sha, size] = meta.split(/\s+/) as [string, string, string, string];
          const p = path.posix.join(file, name);
          const l = links(sha, type === 'tree' ? 'tree' : 'blob', p);
          return { type: type === 'tree' ? 'dir' : 'file', size: Number(size) || 0, name, path: p, sha, ...l, download_url: type === 'tree' ? null : `${this.webRepo()}/raw/${ref}/${p}`, _links: { self: l.url, git: l.git_url, html: l.html_url } };
        });
      return { status: 200, own: true, body: entries };
    }
    const bytes = gitBytes(this.gitDir, 'cat-file', 'blob', `${ref}:${file}`);
    const accept = String(rec.headers['accept'] ?? '');
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
      return { status: 200, rawBody: bytes.toString('utf8'), headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
    }
    const sha = git(this.gitDir, 'rev-parse', `${ref}:${file}`);
    const l = links(sha, 'blob', file);
    // GitHub wraps the base64 at 60 characters.
    const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
    return {
      status: 200,
      own: true,
      body: this.shaped(op, 200, {
        type: 'file',
        encoding: 'base64',
        size: bytes.length,
        name: path.posix.basename(file),
        path: file,
        content,
        sha,
        ...l,
        download_url: `${this.webRepo()}/raw/${ref}/${file}`,
        _links: { self: l.url, git: l.git_url, html: l.html_url },
      }),
    };
  }
}
