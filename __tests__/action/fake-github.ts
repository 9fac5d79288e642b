// A real HTTP server standing in for api.github.com: the action under test reaches it through
// GITHUB_API_URL. It records every request, implements the few endpoints the action uses, and
// can be scripted to fail (403, 5xx, secondary rate limits) before answering normally.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** Status the server answered with. */
  status: number;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent verbatim instead of JSON-encoding `body` (malformed or truncated JSON). */
  rawBody?: string;
  /** Answer only after this many ms (a slow API). */
  delayMs?: number;
  /** Send the headers and the first half of the body, then destroy the socket (connection reset mid-response). */
  reset?: boolean;
}

export interface FakePullFile {
  filename: string;
  status?: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  patch?: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  title?: string;
  summary?: string;
  annotations: Array<Record<string, unknown>>;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
}

/** GitHub lists at most this many files of a pull request. */
const LIST_FILES_CAP = 3000;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly pullFiles = new Map<number, FakePullFile[]>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly comments: FakeComment[] = [];
  private readonly scripts: Array<{ method: string; path: RegExp; when?: (url: URL) => boolean; responses: ScriptedResponse[] }> = [];
  private server?: http.Server;
  private nextId = 1000;
  url = '';

  /** The next requests matching `method` and `path` get these responses, in order, then normal service resumes. */
  script(method: string, path: RegExp, ...responses: ScriptedResponse[]): void {
    this.scripts.push({ method, path, responses: [...responses] });
  }

  /** Like `script`, for the matching requests whose URL (with query) also satisfies `when`, e.g. one page of a list. */
  scriptWhen(method: string, path: RegExp, when: (url: URL) => boolean, ...responses: ScriptedResponse[]): void {
    this.scripts.push({ method, path, when, responses: [...responses] });
  }

  /** Requests as "METHOD /path?query" strings, for readable assertions. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}${[...r.query].length ? `?${r.query}` : ''}`);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    const reply = (r: ScriptedResponse): void => {
      this.requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body, status: r.status });
      const send = (): void => {
        const text = r.rawBody ?? (r.body === undefined ? '' : JSON.stringify(r.body));
        if (r.reset) {
          // Promise more bytes than are sent, then drop the connection: the client sees a reset mid-body.
          res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text) + 1024), ...(r.headers ?? {}) });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
          return;
        }
        res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...(r.headers ?? {}) });
        res.end(text);
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    };

    const scripted = this.scripts.find(
      (s) => s.method === method && s.path.test(url.pathname) && (!s.when || s.when(url)) && s.responses.length > 0,
    );
    if (scripted) return reply(scripted.responses.shift()!);
    reply(this.route(method, url, body));
  }

  private route(method: string, url: URL, body: unknown): ScriptedResponse {
    const p = url.pathname;
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(p))) {
      const all = (this.pullFiles.get(Number(m[1])) ?? []).slice(0, LIST_FILES_CAP);
      return this.page(url, all.map((f) => ({ sha: '0'.repeat(40), status: 'modified', additions: 1, deletions: 0, changes: 1, ...f })));
    }
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(p)) {
      const output = (b['output'] ?? {}) as Record<string, unknown>;
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: String(b['name']),
        head_sha: String(b['head_sha']),
        status: String(b['status'] ?? 'queued'),
        conclusion: b['conclusion'] as string | undefined,
        title: output['title'] as string | undefined,
        summary: output['summary'] as string | undefined,
        annotations: [...((output['annotations'] as Array<Record<string, unknown>>) ?? [])],
      };
      this.checkRuns.push(run);
      return { status: 201, body: { id: run.id, html_url: `https://github.test/checks/${run.id}`, status: run.status } };
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(p))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return { status: 404, body: { message: 'Not Found' } };
      const output = (b['output'] ?? {}) as Record<string, unknown>;
      if (b['status']) run.status = String(b['status']);
      if (b['conclusion']) run.conclusion = String(b['conclusion']);
      if (output['title']) run.title = String(output['title']);
      if (output['summary']) run.summary = String(output['summary']);
      run.annotations.push(...((output['annotations'] as Array<Record<string, unknown>>) ?? []));
      return { status: 200, body: { id: run.id, html_url: `https://github.test/checks/${run.id}` } };
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const issue = Number(m[1]);
      return this.page(
        url,
        this.comments.filter((c) => c.issue === issue).map((c) => ({ id: c.id, body: c.body, user: { login: 'github-actions[bot]', type: 'Bot' } })),
      );
    }
    if (method === 'POST' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const c: FakeComment = { id: this.nextId++, issue: Number(m[1]), body: String(b['body']) };
      this.comments.push(c);
      return { status: 201, body: { id: c.id, body: c.body, html_url: `https://github.test/comments/${c.id}` } };
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p))) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      c.body = String(b['body']);
      return { status: 200, body: { id: c.id, body: c.body, html_url: `https://github.test/comments/${c.id}` } };
    }
    return { status: 404, body: { message: `Not Found (fake GitHub has no route for ${method} ${p})` } };
  }

  /** One page of `items` with GitHub's Link header (`page`, `per_page` query parameters). */
  private page(url: URL, items: unknown[]): ScriptedResponse {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(n));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  }
}
