import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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

/***/ 4071:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/github/runner.ts
// The GitHub Actions runner's protocol, as the action speaks it: inputs from `INPUT_*`, outputs and
// the job summary through the file commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`), annotations,
// masks and debug lines as workflow commands on stdout. It writes byte for byte what @actions/core
// writes for the same calls (__tests__/github/runner.test.ts runs both side by side); it exists
// because @actions/core's entry module also loads its OIDC token client, whose HTTP stack (undici,
// tunnel) is a third of the action's cold start and is never used by the gate (docs/performance.md).
// Reference: https://docs.github.com/actions/reference/workflow-commands-for-github-actions




/** A value as the runner reads it: strings as they are, everything else as JSON, nothing as ''. */
function commandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
/** Command data: `%`, CR and LF escaped, so that a message can neither end the line nor forge a command. */
function escapeData(s) {
    return commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A command property: also `:` and `,`, which end a property or the property list. */
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * `::name k=v,k=v::data` on its own line; properties with an empty value are left out (as in
 * @actions/core, a property list whose values are all empty still leaves its separating space).
 */
function issueCommand(command, properties, message) {
    let line = `::${command}`;
    const keys = Object.keys(properties);
    if (keys.length > 0) {
        line += ' ';
        line += Object.entries(properties)
            .filter(([, v]) => v)
            .map(([k, v]) => `${k}=${escapeProperty(v)}`)
            .join(',');
    }
    process.stdout.write(`${line}::${escapeData(message)}${external_node_os_.EOL}`);
}
function annotationProperties(p) {
    if (Object.keys(p).length === 0)
        return {};
    return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
/** The action's input `name` (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when not given. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/**
 * An output of the step: a `name<<delimiter` record appended to `GITHUB_OUTPUT`, with a random
 * delimiter that neither the name nor the value may contain (else a value could end its record and
 * write other outputs); the legacy `::set-output` command when the runner gives no file.
 */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT || '';
    const text = commandValue(value);
    if (!file) {
        process.stdout.write(external_node_os_.EOL);
        issueCommand('set-output', { name }, text);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (text.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${text}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, { encoding: 'utf8' });
}
/** Masks a value in the rest of the job's log. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** True when the job runs with debug logging (`RUNNER_DEBUG=1`). */
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function error(message, properties = {}) {
    issueCommand('error', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
    issueCommand('warning', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
    issueCommand('notice', annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
/** A plain log line (callers make repository text inert first: log.ts). */
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
/** Fails the step: exit code 1 and an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown and a line end to the job summary (`GITHUB_STEP_SUMMARY`). */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_namespaceObject.appendFile)(file, markdown + external_node_os_.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_heap_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1877);
/* harmony import */ var _github_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4071);
/* harmony import */ var _load_reader_spawn_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3019);
// Action entry point: everything happens in run(), which reports its own failures. The rest of the
// bundle is imported after the heap is tuned (src/core/heap.ts) and, in a debug run (RUNNER_DEBUG,
// where run() logs stack traces), after source maps are on: Node then maps those traces to src/.
// Parsing the maps costs ~30 ms of start-up, so other runs skip it.



if ((0,_github_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .isDebug */ ._o)())
    process.setSourceMapsEnabled(true);
(0,_core_heap_js__WEBPACK_IMPORTED_MODULE_0__/* .tuneHeap */ .DR)();
// The reader thread starts now: its start-up overlaps the engine's loading (load/reader-spawn.ts).
(0,_load_reader_spawn_js__WEBPACK_IMPORTED_MODULE_2__/* .useReaderThread */ .BR)(import.meta.url, 'read-worker/index.js', true);
const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(768), __nccwpck_require__.e(73)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1073));
void run();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3019:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ dropEarlyReader),
/* harmony export */   BR: () => (/* binding */ useReaderThread),
/* harmony export */   j8: () => (/* binding */ readerForced),
/* harmony export */   k6: () => (/* binding */ readerUsable),
/* harmony export */   xE: () => (/* binding */ takeReader)
/* harmony export */ });
/* unused harmony export READER_THREAD_ENV */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_4__);
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
        script = node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(entryUrl)), relative);
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
    return script !== undefined && mode !== 'off' && (mode === 'on' || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() > 1) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(script);
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
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_4__.Worker(file, {
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

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
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
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
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
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map