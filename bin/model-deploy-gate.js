#!/usr/bin/env node
// The command installed by `npm install model-deploy-gate` (package.json `bin`): the built CLI bundle.
// The bundle has no #! line of its own, and the package's own files decide how it is run.
import '../dist/cli/index.js';
