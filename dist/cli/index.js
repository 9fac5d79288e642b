import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ USAGE)
/* harmony export */ });
// The CLI's help text (its own module: the entry prints it without loading the engine).
const USAGE = `Usage: model-deploy-gate [options] [paths...]
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


/***/ }),

/***/ 1877:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ZB: () => (/* binding */ checkYoungGeneration),
  mC: () => (/* binding */ growYoungGeneration),
  DR: () => (/* binding */ tuneHeap)
});

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/core/heap.ts
// Heap tuning for the entry points (cli.ts, index.ts), applied before the engine loads, and the
// engine's one adjustment of it while a full audit reads the checkout.

/**
 * Two V8 heap policies for a run that keeps what it parses until the report:
 * - the young generation stays at its initial size (`--semi-space-growth-factor=1`): nearly every
 *   scavenge sees a high survival rate, so V8 would grow it to 2 × 16 MiB of mostly empty pages
 *   (30 MiB of peak RSS at 10k manifests, ~95 MiB at 50k); a full audit lets it grow to a bounded
 *   size while it reads (`growYoungGeneration`);
 * - the old generation is collected when it has grown by half since the last full collection
 *   (`--heap-growing-percent=50`) instead of up to four times: the checkout's documents die when the
 *   report is built, and a collection soon after keeps the report from stacking on top of them.
 * See docs/performance.md. The flags only change when V8 grows and collects; a Node that ignores them
 * runs as before.
 */
function tuneHeap() {
    try {
        (0,external_node_v8_namespaceObject.setFlagsFromString)('--semi-space-growth-factor=1');
        (0,external_node_v8_namespaceObject.setFlagsFromString)('--heap-growing-percent=50');
        tuned = true;
    }
    catch {
        // not supported: default heap growth
    }
}
let tuned = false;
/** The young generation's size (both semi-spaces) at which growth stops again; 0: not growing. */
let capBytes = 0;
/**
 * Lets the young generation grow (V8's own factor, 2) until it holds `totalMiB` (both semi-spaces),
 * where `checkYoungGeneration` stops it. For the read of a full audit: the parsed documents survive,
 * and a 1 MiB young generation copies them in ~600 scavenges at 10k manifests; 16 MiB takes ~6 % off
 * the run for ~15 MiB of peak RSS (docs/performance.md). Only after tuneHeap (never in tests or
 * when the engine is used as a library). Pull-request runs grow it too: their texts wait in memory
 * until the needed set is known.
 */
function growYoungGeneration(totalMiB) {
    if (!tuned || capBytes !== 0)
        return;
    try {
        (0,external_node_v8_namespaceObject.setFlagsFromString)('--semi-space-growth-factor=2');
        capBytes = totalMiB * 1024 * 1024;
    }
    catch {
        // not supported: the young generation keeps its size
    }
}
/** Called as the reader goes (cheap): stops the growth once the young generation reached its cap. */
function checkYoungGeneration() {
    if (capBytes <= 0)
        return;
    const young = (0,external_node_v8_namespaceObject.getHeapSpaceStatistics)().find((s) => s.space_name === 'new_space');
    if (young && young.space_size < capBytes)
        return;
    try {
        (0,external_node_v8_namespaceObject.setFlagsFromString)('--semi-space-growth-factor=1');
    }
    catch {
        // as tuneHeap
    }
    capBytes = -1;
}


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product version (kept equal to package.json's by a test). */
const VERSION = '0.1.0';


/***/ }),

/***/ 6520:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  AF: () => (/* binding */ dropEarlyReader),
  j8: () => (/* binding */ readerForced),
  k6: () => (/* binding */ readerUsable),
  xE: () => (/* binding */ takeReader),
  BR: () => (/* binding */ useReaderThread)
});

// UNUSED EXPORTS: READER_THREAD_ENV

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
;// CONCATENATED MODULE: ./src/load/reader-spawn.ts
// Where the reader thread's bundle is, whether the reader thread may be used, and the worker itself,
// started as early as an entry point can: a worker's start-up costs about 150 ms of CPU, which then
// overlaps the main thread's own loading of the engine instead of delaying the read. The worker
// waits for its start message (reader-protocol.ts `ReaderStart`) until load/reader-thread.ts hands
// it a walk. Kept free of heavy imports: the CLI's entry loads this module before the engine.





/** `MODEL_DEPLOY_GATE_READER_THREAD`: `off` never, `on` always (after the first folder, even on one core). */
const READER_THREAD_ENV = 'MODEL_DEPLOY_GATE_READER_THREAD';
let script;
let early;
/**
 * The entry points name the reader thread's bundle, relative to their own (`entryUrl`: their
 * `import.meta.url`; the bundle is dist/read-worker/index.js). Without it every read is on the main
 * thread (tests, the engine used as a library). `start`: start the worker now, for the next read.
 */
function useReaderThread(entryUrl, relative, start = false) {
    dropEarlyReader();
    try {
        script = external_node_path_.join(external_node_path_.dirname((0,external_node_url_.fileURLToPath)(entryUrl)), relative);
    }
    catch {
        script = undefined;
    }
    if (start && readerUsable())
        early = spawn(script);
}
/** Whether a read may use the reader thread: a bundle named and present, a second core, or forced by the environment. */
function readerUsable() {
    const mode = process.env[READER_THREAD_ENV];
    return script !== undefined && mode !== 'off' && (mode === 'on' || (0,external_node_os_namespaceObject.availableParallelism)() > 1) && (0,external_node_fs_.existsSync)(script);
}
/** True when the environment forces the reader thread on. */
function readerForced() {
    return process.env[READER_THREAD_ENV] === 'on';
}
/** The worker started early, or a new one; undefined when none can be started. */
function takeReader() {
    const w = early;
    early = undefined;
    return w ?? (script === undefined ? undefined : spawn(script));
}
/** A worker started early and not needed (a small checkout, a run that reads nothing) is stopped. */
function dropEarlyReader() {
    const w = early;
    early = undefined;
    if (w)
        void w.terminate().catch(() => undefined);
}
function spawn(file) {
    try {
        const worker = new external_node_worker_threads_.Worker(file, {
            stdout: true,
            stderr: true,
            resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 1 },
        });
        // It never keeps the process alive; its errors reach the main thread through the control array
        // (or its silence), never as an exception.
        worker.unref();
        worker.on('error', () => undefined);
        return worker;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3323);
/* harmony import */ var _cli_usage_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7485);
/* harmony import */ var _core_heap_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1877);
/* harmony import */ var _load_reader_spawn_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6520);
// CLI entry. `--version` and `--help` alone are answered here, before the engine is loaded (a third
// of the start-up time); everything else goes to cli/main.ts, imported on demand.




const argv = process.argv.slice(2);
const only = argv.length === 1 ? argv[0] : undefined;
if (only === '--version') {
    process.stdout.write(`${_core_version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x}\n`);
}
else if (only === '--help' || only === '-h') {
    process.stdout.write(_cli_usage_js__WEBPACK_IMPORTED_MODULE_3__/* .USAGE */ .u);
}
else {
    void start();
}
async function start() {
    try {
        (0,_core_heap_js__WEBPACK_IMPORTED_MODULE_0__/* .tuneHeap */ .DR)();
        // A run that reads the checkout starts the reader thread now: its start-up then overlaps the
        // engine's loading (load/reader-spawn.ts; a small checkout stops it unused).
        (0,_load_reader_spawn_js__WEBPACK_IMPORTED_MODULE_1__/* .useReaderThread */ .BR)(import.meta.url, '../read-worker/index.js', readsCheckout(argv));
        const { main } = await Promise.all(/* import() */[__nccwpck_require__.e(768), __nccwpck_require__.e(558)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1558));
        process.exitCode = await main(argv);
    }
    catch (err) {
        // A crash must never look like an ordinary policy failure (exit 1).
        process.stderr.write(`model-deploy-gate: internal error: ${err instanceof Error ? await mapped(err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 2;
    }
}
/** Whether the command line audits or fixes a checkout (the others: `migrate`, `--explain`, `--list-rules`, `--help`, `--version`). */
function readsCheckout(args) {
    return args[0] !== 'migrate' && !args.some((a) => /^--(?:explain|list-rules|help|version)(?:=|$)|^-h$/.test(a));
}
/** A stack trace mapped to src/ (source maps are read only on a crash: start-up never parses them). */
async function mapped(stack) {
    try {
        const { mapStack } = await __nccwpck_require__.e(/* import() */ 370).then(__nccwpck_require__.bind(__nccwpck_require__, 1370));
        return mapStack(stack);
    }
    catch {
        return stack;
    }
}


//# sourceMappingURL=index.js.map