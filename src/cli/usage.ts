// The CLI's help text (its own module: the entry prints it without loading the engine).
export const USAGE = `Usage: model-deploy-gate [options] [paths...]
       model-deploy-gate migrate [options] PATH...   (v1 → v2; see migrate --help)

Paths (files or folders) are relative to the current directory, or to --root.

Checks Azure ML deployment manifests against the compute target table.

Options:
  --root DIR             repository root; output paths are relative to it (default: cwd)
  --config FILE          config file (default: .github/model-deploy-gate.yml, .model-deploy-gate.yml)
  --format FORMAT        text | json | sarif | markdown | github (default: text)
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        error | warning | notice | never (default: error)
  --default-stage STAGE  production | nonproduction | unknown (overrides the config)
  --changed-from REF     diff-aware run: only files changed since REF (and their dependents)
  --fix                  apply the fixes of fixable findings in place, then gate again and report what is left
  --fix-dry-run          print the fixes as a unified diff (apply with git apply in the root); write nothing
  --list-rules           list every rule and exit
  --explain RULE         describe one rule and exit
  --version              print the version
  -h, --help             this help

Exit codes: 0 pass, 1 policy failure, 2 usage, config or internal error.
`;
