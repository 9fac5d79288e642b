// `model-deploy-gate migrate PATH…`: print (or, with --write, write beside the source) the CLI v2
// endpoint and deployment YAML for each v1 deployment config / aml-deploy parameters file.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { problemsText } from '../config/types.js';
import { migrate } from '../migrate/index.js';

export const MIGRATE_USAGE = `Usage: model-deploy-gate migrate [options] PATH...

Turns SDK/CLI v1 deployment configs (az ml model deploy --deploy-config-file) and aml-deploy
parameter files into CLI v2 YAML: an online endpoint and an online deployment per file, beside it
(<name>.endpoint.yml, <name>.deployment.yml). What maps is carried over (model linked by folder,
inference config, auth, App Insights, replicas/autoscale, CPU/memory as the SKU of the ACI → managed
online migration table or as Kubernetes requests); a comment says what could not be.

Options:
  --target TARGET   managed (default: managedOnlineEndpoint + managedOnlineDeployment) | kubernetes
  --compute NAME    the attached Azure ML Kubernetes compute (with --target kubernetes)
  --write           write the files beside each source (default: print them)
  --force           with --write, overwrite files that exist (each is named)
  --root DIR        repository root (default: cwd)
  --config FILE     config file (SKUs, model facts, limits)
  -h, --help        this help

Exit codes: 0 done, 1 nothing migrated or a file left unwritten, 2 usage or config error.
`;

export interface MigrateIo {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

export async function runMigrate(argv: string[], io: MigrateIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        compute: { type: 'string' },
        write: { type: 'boolean' },
        force: { type: 'boolean' },
        root: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    io.out(MIGRATE_USAGE);
    return 0;
  }
  const target = (v.target ?? 'managed').toLowerCase();
  if (target !== 'managed' && target !== 'kubernetes') return usage(io, '--target must be managed or kubernetes');
  if (v.compute !== undefined && target !== 'kubernetes') return usage(io, '--compute goes with --target kubernetes');
  if (target === 'kubernetes' && !v.compute) return usage(io, '--target kubernetes needs --compute NAME (the attached Kubernetes compute)');
  if (v.force && !v.write) return usage(io, '--force goes with --write');
  if (parsed.positionals.length === 0) return usage(io, 'give at least one PATH (a v1 deployment config, an aml-deploy file or a folder)');
  const root = path.resolve(io.cwd, v.root ?? '.');
  if (!isDirectory(root)) return usage(io, `--root ${root} is not a directory`);
  const paths: string[] = [];
  for (const p of parsed.positionals) {
    const inside = (abs: string) => {
      const r = path.relative(root, abs).split(path.sep).join('/');
      return r.startsWith('..') || path.isAbsolute(r) ? undefined : r;
    };
    const r = inside(path.resolve(io.cwd, p)) ?? (path.isAbsolute(p) ? undefined : inside(path.resolve(root, p)));
    if (r === undefined) return usage(io, `path "${p}" is outside the root ${root}`);
    paths.push(r);
  }

  const outcome = migrate({
    root,
    paths,
    target,
    compute: v.compute,
    configPath: v.config !== undefined ? path.resolve(io.cwd, v.config) : undefined,
  });
  if (!outcome.ok) {
    io.err(`model-deploy-gate: invalid config: ${problemsText(outcome.problems)}\n`);
    return 2;
  }
  for (const s of outcome.skipped) io.err(`${s.path}: nothing to migrate: ${s.why}\n`);
  let unwritten = 0;
  for (const m of outcome.migrations) {
    for (const n of m.notes) io.err(`${m.source}: ${n}\n`);
    for (const f of m.files) {
      if (!v.write) {
        io.out(`# ==> ${f.path} <==\n${f.text}\n`);
        continue;
      }
      const abs = path.join(root, ...f.path.split('/'));
      const exists = existsSync(abs);
      if (exists && !v.force) {
        io.err(`${f.path}: exists, not overwritten (use --force to overwrite)\n`);
        unwritten++;
        continue;
      }
      writeFileSync(abs, f.text, 'utf8');
      io.err(`${exists ? 'overwrote' : 'wrote'} ${f.path} (${f.kind}, from ${m.source})\n`);
    }
  }
  if (outcome.migrations.length === 0) {
    io.err('model-deploy-gate migrate: nothing migrated\n');
    return 1;
  }
  return unwritten > 0 ? 1 : 0;
}

function usage(io: MigrateIo, message: string): number {
  io.err(`model-deploy-gate migrate: ${message}\n\n${MIGRATE_USAGE}`);
  return 2;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
