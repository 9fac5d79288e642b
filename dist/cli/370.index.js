export const id = 370;
export const ids = [370];
export const modules = {

/***/ 1370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mapStack: () => (/* binding */ mapStack)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
// Stack traces of internal errors, mapped to src/ through the bundle's source maps — read only when
// something crashed, so start-up never pays for parsing them.



const FRAME = /\(?((?:file:\/\/)?\/[^():\s]+\.js):(\d+):(\d+)\)?$/;
/** The stack with every frame in a bundle file replaced by its source position (unchanged when it has no map). */
function mapStack(stack) {
    const maps = new Map();
    const mapOf = (file) => {
        let m = maps.get(file);
        if (m === undefined) {
            try {
                m = new node_module__WEBPACK_IMPORTED_MODULE_1__.SourceMap(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${file}.map`, 'utf8')));
            }
            catch {
                m = null;
            }
            maps.set(file, m);
        }
        return m;
    };
    return stack
        .split('\n')
        .map((line) => {
        const f = FRAME.exec(line);
        if (!f)
            return line;
        const file = f[1].startsWith('file://') ? (0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(f[1]) : f[1];
        const entry = mapOf(file)?.findEntry(Number(f[2]) - 1, Number(f[3]) - 1);
        if (!entry?.originalSource)
            return line;
        const src = entry.originalSource.replace(/^webpack:\/\/[^/]*\//, '').replace(/^(?:\.\.?\/)+/, '');
        return line.replace(f[0], `${f[0].startsWith('(') ? '(' : ''}${src}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}${f[0].endsWith(')') ? ')' : ''}`);
    })
        .join('\n');
}


/***/ })

};

//# sourceMappingURL=370.index.js.map