export const id = 429;
export const ids = [429];
export const modules = {

/***/ 429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/github/runner.ts + 2 modules
var runner = __webpack_require__(943);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/text.ts
// Text helpers shared by messages and reports.
/** `1 file`, `3 files`. */
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}
/** "a", "a and b", "a, b and c". */
function sentenceList(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
/** Messages are sentences: capitalise a leading lowercase word (not a path, key or rule id). */
function sentence(message) {
    return /^[a-z]+[\s,;:]/.test(message) ? message[0].toUpperCase() + message.slice(1) : message;
}
/** `a label`, `an aml-deploy file`, `an MLmodel file`. */
function article(label) {
    return `${/^([aeiou]|ML)/i.test(label) ? 'an' : 'a'} ${label}`;
}
/** Up to two decimals, no trailing zeros: 0.5, 47.9, 1.33. */
function num(n) {
    return String(Math.round(n * 100) / 100);
}
/** Optimal-string-alignment distance (a transposition counts as one edit). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/**
 * The candidate a mistyped word most likely means ("did you mean"): a unique candidate it is the
 * start of (`aci-not-for-prod`), else the nearest by edit distance within a quarter of its length (≥ 2).
 */
function nearest(word, candidates) {
    const w = word.toLowerCase();
    if (w.length >= 4) {
        const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
        if (prefixed.length === 1)
            return prefixed[0];
    }
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}
// ---------------------------------------------------------------- key suggestions
function words(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[\s_.\-/]+/)
        .filter((w) => w !== '')
        .map((w) => (w.length > 4 && w.endsWith('ed') ? w.slice(0, -1) : w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}
/**
 * The known key a mistyped key most likely means: same letters in another case; same words in
 * another order or style (`enableAppInsights` → `appInsightsEnabled`); a small edit distance
 * (≤ 3, scaled down for short keys); or a key whose words contain all of its words (`cpu` → `cpu_cores`).
 */
function suggestKey(key, known) {
    const lk = key.toLowerCase();
    const cands = known.filter((k) => k !== key && k !== '$schema');
    const ci = cands.find((k) => k.toLowerCase() === lk);
    if (ci)
        return ci;
    const kw = words(key);
    const bag = [...kw].sort().join(' ');
    const sameWords = cands.find((k) => [...words(k)].sort().join(' ') === bag);
    if (sameWords)
        return sameWords;
    const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    let best;
    let bestD = Infinity;
    for (const k of cands) {
        const dist = editDistance(lk, k.toLowerCase());
        if (dist <= limit && dist < bestD) {
            best = k;
            bestD = dist;
        }
    }
    if (best)
        return best;
    if (kw.length === 0)
        return undefined;
    let sub;
    for (const k of cands) {
        const w = new Set(words(k));
        if (kw.every((x) => w.has(x)) && (sub === undefined || editDistance(lk, k.toLowerCase()) < editDistance(lk, sub.toLowerCase())))
            sub = k;
    }
    return sub;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/catalog/families.json
const families_namespaceObject = /*#__PURE__*/JSON.parse('{"TJ":[["^Standard_DS\\\\d+_v2$","Standard DSv2 Family vCPUs"],["^Standard_D\\\\d+_v2$","Standard Dv2 Family vCPUs"],["^Standard_D\\\\d+s_v3$","Standard DSv3 Family vCPUs"],["^Standard_D\\\\d+_v3$","Standard Dv3 Family vCPUs"],["^Standard_D\\\\d+as_v4$","Standard DASv4 Family vCPUs"],["^Standard_D\\\\d+a_v4$","Standard DAv4 Family vCPUs"],["^Standard_F\\\\d+s_v2$","Standard FSv2 Family vCPUs"],["^Standard_E\\\\d+s_v3$","Standard ESv3 Family vCPUs"],["^Standard_FX\\\\d+mds$","Standard FXMDVS Family vCPUs"],["^Standard_L\\\\d+s_v2$","Standard LSv2 Family vCPUs"],["^Standard_L\\\\d+s_v3$","Standard LSv3 Family vCPUs"],["^Standard_L\\\\d+as_v3$","Standard LASv3 Family vCPUs"],["^Standard_NC\\\\d+r?$","Standard NC Family vCPUs"],["^Standard_NC\\\\d+r?s_v2$","Standard NCSv2 Family vCPUs"],["^Standard_NC\\\\d+r?s_v3$","Standard NCSv3 Family vCPUs"],["^Standard_NC\\\\d+as_T4_v3$","Standard NCASv3_T4 Family vCPUs"],["^Standard_NC\\\\d+ads_A100_v4$","Standard NCADSA100v4 Family vCPUs"],["^Standard_NC\\\\d+ad(i)?s_H100_v5$","Standard NCadsH100v5 Family vCPUs"],["^Standard_ND\\\\d+r?s$","Standard NDS Family vCPUs"],["^Standard_ND40rs_v2$","Standard NDSv2 Family vCPUs"],["^Standard_ND96asr_v4$","Standard NDASv4_A100 Family vCPUs"],["^Standard_ND96amsr_A100_v4$","Standard NDAMSv4_A100Family vCPUs"],["^Standard_ND96isr?_H100_v5$","Standard NDSH100v5 Family vCPUs"],["^Standard_NV\\\\d+$","Standard NV Family vCPUs"],["^Standard_NV\\\\d+s_v3$","Standard NVSv3 Family vCPUs"],["^Standard_NV\\\\d+ad(m)?s_A10_v5$","Standard NVADSA10v5 Family vCPUs"],["^Standard_PB\\\\d+s$","Standard PBS Family vCPUs"]],"g$":["A100","H100","^Standard_ND40rs_v2$","^Standard_ND96"]}');
;// CONCATENATED MODULE: ./src/catalog/families.ts
// VM families as Azure's quota pages name them ("Standard DSv2 Family vCPUs"), and the sizes exempt
// from the 20 % upgrade reservation of managed online deployments (the SKU list's "Skip 20%
// Reservation" column: A100, H100, ND40rs_v2, ND96*). Data, by SKU name pattern, tried in order;
// the SKU catalogue (skus.ts) reads it, so a SKU added there gets its family here.
//
// Sources: how-to-manage-quotas.md, includes/quota-allocation-online-deployment.md and
// reference-managed-online-endpoints-vm-sku-list.md (MicrosoftDocs/azure-ai-docs); family names as
// `az vm list-usage` and the portal's "Usage + quotas" show them.

const FAMILIES = families_namespaceObject.TJ.map(([re, family]) => [new RegExp(re, 'i'), family]);
/** Managed online sizes Azure does not reserve the extra 20 % for ("Skip 20% Reservation"). */
const QUOTA_EXEMPT = families_namespaceObject.g$.map((re) => new RegExp(re, 'i'));
/** The quota family of a VM size, as the quota page names it, when known. */
function vmFamily(sku) {
    return FAMILIES.find(([re]) => re.test(sku))?.[1];
}
/** Whether a managed online deployment of this size skips the 20 % upgrade reservation. */
function quotaExempt(sku) {
    return QUOTA_EXEMPT.some((re) => re.test(sku));
}
/** `Standard DSv2 Family vCPUs`, `standardDSv2Family` (the API's name), `DSv2`, `dsv2 family` all name one family. */
function familyKey(name) {
    return name
        .trim()
        .toLowerCase()
        .replace(/^standard\s*/, '')
        .replace(/\s*family(\s*vcpus)?$/, '')
        .replace(/\s+/g, '');
}

;// CONCATENATED MODULE: ./src/catalog/skus.json
const skus_namespaceObject = /*#__PURE__*/JSON.parse('{"wX":["Standard_NC24ads_A100_v4","Standard_NC48ads_A100_v4","Standard_NC96ads_A100_v4","Standard_NC40ads_H100_v5","Standard_NC80adis_H100_v5","Standard_ND96amsr_A100_v4","Standard_ND96asr_v4","Standard_ND40rs_v2","Standard_ND96is_H100_v5","Standard_ND96isr_H100_v5"],"LR":[["Standard_D1_v2",1,3.5,0,null],["Standard_D2_v2",2,7,0,null],["Standard_D3_v2",4,14,0,null],["Standard_D4_v2",8,28,0,null],["Standard_D5_v2",16,56,0,null],["Standard_D11_v2",2,14,0,null],["Standard_D12_v2",4,28,0,null],["Standard_D13_v2",8,56,0,null],["Standard_D14_v2",16,112,0,null],["Standard_DS1_v2",1,3.5,0,"standardDSv2Family"],["Standard_DS2_v2",2,7,0,"standardDSv2Family"],["Standard_DS3_v2",4,14,0,"standardDSv2Family"],["Standard_DS4_v2",8,28,0,"standardDSv2Family"],["Standard_DS5_v2",16,56,0,"standardDSv2Family"],["Standard_DS11_v2",2,14,0,null],["Standard_DS12_v2",4,28,0,null],["Standard_DS13_v2",8,56,0,null],["Standard_DS14_v2",16,112,0,null],["Standard_D2_v3",2,8,0,null],["Standard_D4_v3",4,16,0,null],["Standard_D8_v3",8,32,0,null],["Standard_D16_v3",16,64,0,null],["Standard_D32_v3",32,128,0,null],["Standard_D48_v3",48,192,0,null],["Standard_D64_v3",64,256,0,null],["Standard_D2s_v3",2,8,0,null],["Standard_D4s_v3",4,16,0,null],["Standard_D8s_v3",8,32,0,null],["Standard_D16s_v3",16,64,0,null],["Standard_D32s_v3",32,128,0,null],["Standard_D48s_v3",48,192,0,null],["Standard_D64s_v3",64,256,0,null],["Standard_D2a_v4",2,8,0,"standardDAv4Family"],["Standard_D4a_v4",4,16,0,"standardDAv4Family"],["Standard_D8a_v4",8,32,0,"standardDAv4Family"],["Standard_D16a_v4",16,64,0,"standardDAv4Family"],["Standard_D32a_v4",32,128,0,"standardDAv4Family"],["Standard_D48a_v4",48,192,0,"standardDAv4Family"],["Standard_D64a_v4",64,256,0,"standardDAv4Family"],["Standard_D96a_v4",96,384,0,"standardDAv4Family"],["Standard_D2as_v4",2,8,0,"standardDASv4Family"],["Standard_D4as_v4",4,16,0,"standardDASv4Family"],["Standard_D8as_v4",8,32,0,"standardDASv4Family"],["Standard_D16as_v4",16,64,0,"standardDASv4Family"],["Standard_D32as_v4",32,128,0,"standardDASv4Family"],["Standard_D48as_v4",48,192,0,"standardDASv4Family"],["Standard_D64as_v4",64,256,0,"standardDASv4Family"],["Standard_D96as_v4",96,384,0,"standardDASv4Family"],["Standard_B2ms",2,8,0,null],["Standard_B4ms",4,16,0,null],["Standard_B8ms",8,32,0,null],["Standard_F2s_v2",2,4,0,"standardFSv2Family"],["Standard_F4s_v2",4,8,0,"standardFSv2Family"],["Standard_F8s_v2",8,16,0,"standardFSv2Family"],["Standard_F16s_v2",16,32,0,"standardFSv2Family"],["Standard_F32s_v2",32,64,0,"standardFSv2Family"],["Standard_F48s_v2",48,96,0,"standardFSv2Family"],["Standard_F64s_v2",64,128,0,"standardFSv2Family"],["Standard_F72s_v2",72,144,0,"standardFSv2Family"],["Standard_E2s_v3",2,16,0,"standardESv3Family"],["Standard_E4s_v3",4,32,0,"standardESv3Family"],["Standard_E8s_v3",8,64,0,"standardESv3Family"],["Standard_E16s_v3",16,128,0,"standardESv3Family"],["Standard_E20s_v3",20,160,0,null],["Standard_E32s_v3",32,256,0,"standardESv3Family"],["Standard_E48s_v3",48,384,0,"standardESv3Family"],["Standard_E64s_v3",64,432,0,"standardESv3Family"],["Standard_FX4mds",4,84,0,"standardFXMDVSFamily"],["Standard_FX12mds",12,252,0,"standardFXMDVSFamily"],["Standard_FX24mds",24,504,0,"standardFXMDVSFamily"],["Standard_FX36mds",36,756,0,"standardFXMDVSFamily"],["Standard_FX48mds",48,1008,0,"standardFXMDVSFamily"],["Standard_L8s_v2",8,64,0,"standardLSv2Family"],["Standard_L16s_v2",16,128,0,"standardLSv2Family"],["Standard_L32s_v2",32,256,0,"standardLSv2Family"],["Standard_L48s_v2",48,384,0,"standardLSv2Family"],["Standard_L64s_v2",64,512,0,"standardLSv2Family"],["Standard_L80s_v2",80,640,0,"standardLSv2Family"],["Standard_L8s_v3",8,64,0,"standardLSv3Family"],["Standard_L16s_v3",16,128,0,"standardLSv3Family"],["Standard_L32s_v3",32,256,0,"standardLSv3Family"],["Standard_L48s_v3",48,384,0,"standardLSv3Family"],["Standard_L64s_v3",64,512,0,"standardLSv3Family"],["Standard_L80s_v3",80,640,0,"standardLSv3Family"],["Standard_L8as_v3",8,64,0,"standardLASv3Family"],["Standard_L16as_v3",16,128,0,"standardLASv3Family"],["Standard_L32as_v3",32,256,0,"standardLASv3Family"],["Standard_L48as_v3",48,384,0,"standardLASv3Family"],["Standard_L64as_v3",64,512,0,"standardLASv3Family"],["Standard_L80as_v3",80,640,0,"standardLASv3Family"],["Standard_NC6",6,56,1,null],["Standard_NC12",12,112,2,null],["Standard_NC24",24,224,4,null],["Standard_NC24r",24,224,4,null],["Standard_NC6s_v2",6,112,1,"standardNCSv2Family"],["Standard_NC12s_v2",12,224,2,"standardNCSv2Family"],["Standard_NC24s_v2",24,448,4,"standardNCSv2Family"],["Standard_NC6s_v3",6,112,1,"standardNCSv3Family"],["Standard_NC12s_v3",12,224,2,"standardNCSv3Family"],["Standard_NC24s_v3",24,448,4,"standardNCSv3Family"],["Standard_NC24rs_v3",24,448,4,null],["Standard_NC4as_T4_v3",4,28,1,"standard NCASv3_T4 Family"],["Standard_NC8as_T4_v3",8,56,1,"standard NCASv3_T4 Family"],["Standard_NC16as_T4_v3",16,110,1,"standard NCASv3_T4 Family"],["Standard_NC64as_T4_v3",64,440,4,"standard NCASv3_T4 Family"],["Standard_NC24ads_A100_v4",24,220,1,"standardNCADSA100v4Family"],["Standard_NC48ads_A100_v4",48,440,2,"standardNCADSA100v4Family"],["Standard_NC96ads_A100_v4",96,880,4,"standardNCADSA100v4Family"],["Standard_NC40ads_H100_v5",40,320,1,"standardNCADSH100v5Family"],["Standard_NC80adis_H100_v5",80,640,2,"standardNCADSH100v5Family"],["Standard_ND6s",6,112,1,null],["Standard_ND12s",12,224,2,null],["Standard_ND24s",24,448,4,null],["Standard_ND24rs",24,448,4,null],["Standard_ND40rs_v2",40,672,8,"standardNDSv2Family"],["Standard_ND96amsr_A100_v4",96,1900,8,"standard NDAMSv4_A100Family"],["Standard_ND96asr_v4",96,900,8,"standard NDASv4_A100 Family"],["Standard_ND96is_H100_v5",96,1900,8,"standardNDv5H100Family"],["Standard_ND96isr_H100_v5",96,1900,8,"standardNDv5H100Family"],["Standard_NV6",6,56,1,null],["Standard_NV12",12,112,2,null],["Standard_NV24",24,224,4,null],["Standard_NV12s_v3",12,112,1,null],["Standard_NV24s_v3",24,224,2,null],["Standard_NV48s_v3",48,448,4,null],["Standard_NV6ads_A10_v5",6,55,1,"standardNVADSA10v5Family"],["Standard_NV12ads_A10_v5",12,110,1,"standardNVADSA10v5Family"],["Standard_NV18ads_A10_v5",18,220,1,"standardNVADSA10v5Family"],["Standard_NV36ads_A10_v5",36,440,1,"standardNVADSA10v5Family"],["Standard_NV36adms_A10_v5",36,880,1,"standardNVADSA10v5Family"],["Standard_NV72ads_A10_v5",72,880,2,"standardNVADSA10v5Family"],["Standard_PB6s",6,0,0,null,true]]}');
;// CONCATENATED MODULE: ./src/catalog/skus.ts


const SKIP_RESERVATION = new Set(skus_namespaceObject.wX.map((n) => n.toLowerCase()));
/** The SKU list's API family name (`standardDSv2Family`) as the quota page shows it (`Standard DSv2 Family vCPUs`). */
function displayFamily(api) {
    return `Standard ${api.replace(/^standard\s*/i, '').replace(/\s*family$/i, '')} Family vCPUs`;
}
const BUILTIN_SKUS = skus_namespaceObject.LR.map(([name, vcpus, memoryGb, gpus, managedFamily, fpga]) => ({
    name,
    vcpus,
    memoryGb,
    gpus,
    fpga: fpga ?? false,
    managedOnline: managedFamily !== null,
    family: managedFamily ? displayFamily(managedFamily) : vmFamily(name),
    quotaExempt: SKIP_RESERVATION.has(name.toLowerCase()) || quotaExempt(name),
}));
/** Case-insensitive SKU lookup, extendable from config `skus:`. */
class SkuCatalog {
    byName = new Map();
    constructor(extra = {}) {
        for (const s of BUILTIN_SKUS)
            this.byName.set(s.name.toLowerCase(), s);
        for (const [name, s] of Object.entries(extra)) {
            this.byName.set(name.toLowerCase(), {
                name,
                vcpus: s.vcpus,
                memoryGb: s.memoryGb,
                gpus: s.gpus,
                fpga: s.fpga ?? false,
                managedOnline: s.managedOnline,
                family: s.family ?? vmFamily(name),
                quotaExempt: s.quotaExempt ?? quotaExempt(name),
            });
        }
    }
    get(name) {
        if (!name)
            return undefined;
        return this.byName.get(name.trim().toLowerCase());
    }
    all() {
        return [...this.byName.values()];
    }
    /**
     * The smallest SKU (by RAM, then vCPUs, then name) with at least `memoryGb` of RAM and the same
     * accelerator kind (GPU or CPU); optionally only SKUs allowed on managed online endpoints.
     */
    smallestWith(memoryGb, opts) {
        let best;
        for (const s of this.byName.values()) {
            if (s.fpga || s.memoryGb < memoryGb)
                continue;
            if (s.gpus > 0 !== opts.gpu)
                continue;
            if (opts.managedOnly && !s.managedOnline)
                continue;
            if (!best ||
                s.memoryGb < best.memoryGb ||
                (s.memoryGb === best.memoryGb && (s.vcpus < best.vcpus || (s.vcpus === best.vcpus && s.name < best.name)))) {
                best = s;
            }
        }
        return best;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/core/files.ts
// Reading a file that is already open, in full.

/** The first `size` bytes of an open file (fewer when it shrank while being read). */
function readOpen(fd, size) {
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
        const n = (0,external_node_fs_.readSync)(fd, buf, off, size - off, off);
        if (n === 0)
            break;
        off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./schema/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/model-deploy-gate/model-deploy-gate/blob/main/schema/config.schema.json","title":"model-deploy-gate configuration","description":"Configuration of model-deploy-gate, read from .github/model-deploy-gate.yml or .model-deploy-gate.yml (or the action\'s `config` input / the CLI\'s --config). Every section is optional.","type":"object","additionalProperties":false,"properties":{"$schema":{"title":"JSON Schema","description":"URL of this schema, for editors that complete and check the file.","type":"string"},"default-stage":{"title":"Default stage","description":"Stage of a deployment that neither its tags, the `stages` globs nor its path and name classify. Production-only rules are not evaluated for `unknown` deployments (the report lists them as skipped).","type":"string","enum":["production","nonproduction","unknown"],"default":"unknown"},"stages":{"title":"Stages by path","description":"Repo-relative path globs that set the stage of the deployments in matching files (after the manifest\'s own `tags.stage`/`tags.environment`/`tags.env`).","type":"object","additionalProperties":false,"properties":{"production":{"title":"Production paths","description":"Globs of files whose deployments serve production, e.g. deploy/prod/**.","type":"array","items":{"type":"string","minLength":1},"default":[]},"nonproduction":{"title":"Non-production paths","description":"Globs of files whose deployments are dev, test, staging or debugging, e.g. deploy/dev/**.","type":"array","items":{"type":"string","minLength":1},"default":[]}},"default":{}},"include":{"title":"Files to read","description":"Repo-relative globs of files to consider (dot-files and dot-folders match). Detection is by content, so the defaults rarely need changing.","type":"array","items":{"type":"string","minLength":1},"default":["**/*.yml","**/*.yaml","**/*.json","**/MLmodel"]},"exclude":{"title":"Files to skip","description":"Repo-relative globs of files to skip; they add to the built-in excludes (node_modules/**, .git/**, dist/**) and win over `include`.","type":"array","items":{"type":"string","minLength":1},"default":[]},"rules":{"title":"Rule severities","description":"Severity per rule id: error, warning, notice, or off (quote `off` in YAML 1.1 tools if they turn it into false; both are accepted).","type":"object","additionalProperties":{"title":"Rule setting","description":"A severity, or an object with a `severity` key.","oneOf":[{"title":"Severity","description":"error fails the check (with the default fail-on), warning and notice only report, off disables the rule.","type":"string","enum":["error","warning","notice","off"]},{"title":"Rule options","description":"Rule settings as an object.","type":"object","additionalProperties":false,"required":["severity"],"properties":{"severity":{"title":"Severity","description":"error fails the check (with the default fail-on), warning and notice only report, off disables the rule.","type":"string","enum":["error","warning","notice","off"]}}}]},"default":{}},"limits":{"title":"Thresholds","description":"Numbers the rules compare against (fractions allowed). Defaults come from the Azure ML compute target table and deployment docs.","type":"object","additionalProperties":false,"properties":{"aci-max-memory-gb":{"title":"ACI memory ceiling (GiB)","description":"aci-memory-limit fires when an ACI deployment asks for this much memory or more (the table: ACI suits CPU workloads needing < 48 GB RAM).","type":"number","exclusiveMinimum":0,"default":48},"aci-max-model-size-gb":{"title":"ACI model size ceiling (GiB)","description":"aci-model-size fires when the model deployed to ACI is this large or larger (the table: container instances suit small models < 1 GB).","type":"number","exclusiveMinimum":0,"default":1},"memory-headroom-ratio":{"title":"Memory headroom ratio","description":"memory-headroom fires when memory per replica/instance is below this multiple of the model\'s memory requirement (the docs: start with 150 % of the RAM the model needs).","type":"number","exclusiveMinimum":0,"default":1.5},"aks-production-min-nodes":{"title":"Minimum nodes of a production AKS cluster","description":"aks-production-cluster fires for production deployments on AKS clusters with fewer nodes.","type":"number","exclusiveMinimum":0,"default":3},"aks-production-min-vcpus":{"title":"Minimum vCPUs of a production AKS cluster","description":"aks-production-cluster fires for production deployments on AKS clusters with fewer vCPUs in total (nodes × SKU vCPUs).","type":"number","exclusiveMinimum":0,"default":12},"managed-production-min-instances":{"title":"Minimum instances of a production managed online deployment","description":"managed-instance-count-ha fires for production managed online deployments with a lower instance_count.","type":"number","exclusiveMinimum":0,"default":3},"managed-max-request-timeout-ms":{"title":"Maximum managed online request timeout (ms)","description":"request-timeout-limit fires when request_settings.request_timeout_ms is above this (Azure\'s limit is 180000 ms).","type":"number","exclusiveMinimum":0,"default":180000},"kubernetes-max-request-timeout-ms":{"title":"Maximum Kubernetes online request timeout (ms)","description":"request-timeout-limit fires when a Kubernetes online deployment\'s request_settings.request_timeout_ms is above this (Azure\'s limit is 300000 ms on Kubernetes online endpoints).","type":"number","exclusiveMinimum":0,"default":300000}},"default":{}},"skus":{"title":"VM SKUs","description":"Add or override entries of the built-in VM SKU catalogue, by SKU name (matched case-insensitively).","type":"object","additionalProperties":{"title":"SKU","description":"Capacity of one VM size.","type":"object","additionalProperties":false,"required":["vcpus","memory-gb"],"properties":{"vcpus":{"title":"vCPUs","description":"Virtual CPUs of one VM.","type":"number","exclusiveMinimum":0},"memory-gb":{"title":"Memory (GiB)","description":"RAM of one VM in GiB.","type":"number","exclusiveMinimum":0},"gpus":{"title":"GPUs","description":"GPUs of one VM (0 for CPU-only sizes).","type":"integer","minimum":0,"default":0},"fpga":{"title":"FPGA","description":"Whether the VM has an FPGA (like Standard_PB6s).","type":"boolean","default":false},"managed-online":{"title":"Allowed on managed online endpoints","description":"Whether managed online deployments may use this size as instance_type.","type":"boolean","default":false},"family":{"title":"Quota family","description":"VM family whose vCPU quota this size uses, as the Azure quota page names it (e.g. \\"Standard DSv2 Family vCPUs\\").","type":"string","minLength":1},"quota-exempt":{"title":"Exempt from the 20 % reservation","description":"Whether Azure skips the 20 % upgrade reservation for managed online deployments of this size (as for A100, H100, ND40rs_v2 and ND96* sizes).","type":"boolean"}}},"default":{}},"models":{"title":"Models","description":"Facts about models registered outside the repository, by model name (as in azureml:NAME:VERSION).","type":"object","additionalProperties":{"title":"Model facts","description":"What the size and memory rules need to know about one model.","type":"object","additionalProperties":false,"properties":{"memory-gb":{"title":"Memory requirement (GiB)","description":"RAM the loaded model needs; memory-headroom asks for 1.5 × this per replica/instance.","type":"number","exclusiveMinimum":0},"size-bytes":{"title":"Size (bytes)","description":"Size of the model\'s files in bytes.","type":"number","exclusiveMinimum":0},"accelerator":{"title":"Accelerator","description":"Hardware the model needs for inference.","type":"string","enum":["gpu","fpga","none"]}}},"default":{}},"computes":{"title":"Computes","description":"Facts about compute targets defined outside the repository, by compute name (as in azureml:NAME or computeTargetName).","type":"object","additionalProperties":{"title":"Compute facts","description":"Kind and size of one compute target.","type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"title":"Compute type","description":"amlcompute (Azure ML compute cluster), kubernetes (Azure ML Kubernetes compute), aks (legacy AKS compute for v1 web services), computeinstance, virtualmachine.","type":"string","enum":["amlcompute","kubernetes","aks","computeinstance","virtualmachine"]},"vm-size":{"title":"VM size","description":"SKU of the nodes, e.g. Standard_D3_v2.","type":"string","minLength":1},"nodes":{"title":"Nodes","description":"Node count of an AKS cluster (agent_count); for compute clusters, the maximum node count.","type":"integer","minimum":0},"min-nodes":{"title":"Minimum nodes","description":"Minimum node count of a compute cluster.","type":"integer","minimum":0},"max-nodes":{"title":"Maximum nodes","description":"Maximum node count of a compute cluster.","type":"integer","minimum":0},"tier":{"title":"VM priority","description":"dedicated or low priority (preemptible) VMs.","type":"string","enum":["dedicated","lowpriority","low_priority"]},"purpose":{"title":"Cluster purpose","description":"AKS cluster purpose: DevTest clusters are not for production traffic.","type":"string","enum":["DevTest","FastProd"]}}},"default":{}},"quota":{"title":"vCPU quota","description":"vCPU quota of the subscription and region per VM family, by the family name the Azure quota page shows (e.g. \\"Standard DSv2 Family vCPUs\\"; \\"DSv2\\" also matches). The quota-exceeded rule fires when the repository\'s managed online deployments need more (Azure reserves ceil(1.2 × instances) × vCPUs per deployment).","type":"object","additionalProperties":{"title":"vCPUs","description":"vCPUs of quota in this family.","type":"number","minimum":0},"default":{}},"waivers":{"title":"Waivers","description":"Accepted findings, by rule and path, each with a reason, an owner and an expiry date. An expired waiver stops waiving and is itself an error.","type":"array","items":{"title":"Waiver","description":"One accepted finding pattern. Every field is required.","type":"object","additionalProperties":false,"required":["rule","path","reason","owner","expires"],"properties":{"rule":{"title":"Rule id","description":"Id of the rule whose findings are waived.","type":"string","minLength":1},"path":{"title":"Path glob","description":"Repo-relative glob of the files whose findings are waived, e.g. deploy/legacy/**.","type":"string","minLength":1},"reason":{"title":"Reason","description":"Why the finding is accepted (a ticket reference helps).","type":"string","pattern":"\\\\S"},"owner":{"title":"Owner","description":"Who is responsible for removing the waiver, e.g. @ml-platform.","type":"string","pattern":"\\\\S"},"expires":{"title":"Expiry date","description":"Last day (UTC, YYYY-MM-DD) the waiver applies; after it the waived findings come back and the waiver is reported as expired.","type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"}}},"default":[]}}}');
;// CONCATENATED MODULE: ./src/core/pointer.ts
/** Appends one escaped segment. */
function pointerJoin(base, segment) {
    if (typeof segment === 'number')
        return `${base}/${segment}`;
    // Most keys hold neither `~` nor `/`: no escaping to do.
    const s = segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
    return `${base}/${s}`;
}
function pointerSplit(ptr) {
    if (ptr === '')
        return [];
    const segs = ptr.slice(1).split('/');
    if (!ptr.includes('~'))
        return segs;
    return segs.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** Pointer of a member: `ptrOf('resources', 'requests', 'nvidia.com/gpu')` escapes `/` as `~1`. */
function ptrOf(...segments) {
    return segments.reduce((acc, s) => pointerJoin(acc, s), '');
}
/** `containerResourceRequirements.memoryInGB` for `/containerResourceRequirements/memoryInGB`; list items as `[0]`. */
function dotted(ptr) {
    return pointerSplit(ptr).reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}
/** A mapping as the loaders build it (null prototype). Arrays are not mappings. */
function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A plain object without a prototype: keys such as `__proto__` are ordinary data. */
function dict() {
    return Object.create(null);
}
/** The value at a pointer (undefined when any step is missing). Own keys only: `constructor` is data. */
function valueIn(root, ptr) {
    let cur = root;
    for (const seg of pointerSplit(ptr)) {
        if (Array.isArray(cur)) {
            if (!/^(0|[1-9]\d*)$/.test(seg))
                return undefined;
            cur = cur[Number(seg)];
        }
        else if (isMapping(cur)) {
            if (!Object.hasOwn(cur, seg))
                return undefined;
            cur = cur[seg];
        }
        else {
            return undefined;
        }
    }
    return cur;
}
/**
 * Span of the key a pointer names; falls back to its value, then to the nearest ancestor, then to
 * the document's start (the line a reviewer must change, as close as the file allows).
 */
function spanAt(doc, ptr) {
    let segs = pointerSplit(ptr);
    for (;;) {
        const p = segs.reduce((acc, s) => pointerJoin(acc, s), '');
        const s = doc.keys.get(p) ?? (p !== '' ? doc.values.get(p) : undefined);
        if (s)
            return s;
        if (segs.length === 0)
            return doc.start;
        segs = segs.slice(0, -1);
    }
}

;// CONCATENATED MODULE: ./src/parse/arena.ts
// Small integer tables of many documents (position rows, line starts) packed into shared 1 MiB
// chunks: a typed array of its own costs a document ~180 bytes of objects and a malloc besides its data.
// A chunk is freed when no table in it is alive any more.
const CHUNK_INTS = 256 * 1024;
/** Tables larger than this get an array of their own (a chunk would be mostly one table). */
const OWN_ABOVE = CHUNK_INTS / 8;
// The first chunk is made on first use (no 1 MiB allocation at start-up).
let chunk = new Int32Array(0);
let used = CHUNK_INTS;
/** Where a table was placed: read `arena.buf` and `arena.at` right after `allocate`. */
const arena = { buf: chunk, at: 0 };
/** Reserves `n` integers (zeroed) and sets `arena.buf` / `arena.at` to them. */
function allocate(n) {
    if (n > OWN_ABOVE) {
        arena.buf = new Int32Array(n);
        arena.at = 0;
        return;
    }
    if (used + n > CHUNK_INTS) {
        chunk = new Int32Array(CHUNK_INTS);
        used = 0;
    }
    arena.buf = chunk;
    arena.at = used;
    used += n;
}
/** Copies the first `n` integers of `src` into the arena (see `allocate`). */
function copyIn(src, n) {
    allocate(n);
    arena.buf.set(n === src.length ? src : src.subarray(0, n), arena.at);
}

;// CONCATENATED MODULE: ./src/parse/lines.ts

/** Offsets → 1-based line/column. Columns count UTF-16 code units, as editors and GitHub do. */
class LineIndex {
    /** Offset where each line starts (4 bytes a line, in a shared arena chunk: kept for every manifest). */
    starts;
    base;
    n;
    constructor(text) {
        let n = 1;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            n++;
        allocate(n);
        const starts = arena.buf;
        const base = arena.at;
        starts[base] = 0;
        let k = base + 1;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            starts[k++] = i + 1;
        this.starts = starts;
        this.base = base;
        this.n = n;
    }
    lineOf(offset) {
        const starts = this.starts;
        const base = this.base;
        let lo = 0;
        let hi = this.n - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[base + mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    position(offset) {
        const line = this.lineOf(offset);
        return { line, column: offset - this.starts[this.base + line - 1] + 1 };
    }
    span(start, end) {
        const a = this.position(start);
        const b = this.position(Math.max(start, end));
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    }
    get lineCount() {
        return this.n;
    }
}
/**
 * An unrendered `{{ … }}` template token (Jinja, Helm, envsubst-style) — not a `${{ … }}` expression,
 * which Azure ML pipelines and GitHub workflows use as plain values.
 */
const TEMPLATE_TOKEN = /(?<!\$)\{\{[^{}\n]*\}\}/g;
/** First template token in a text, if any. */
function findTemplateToken(text) {
    TEMPLATE_TOKEN.lastIndex = 0;
    const m = TEMPLATE_TOKEN.exec(text);
    return m ? m.index : -1;
}
/**
 * The parse problem of a file whose syntax error is caused by an unrendered template (a token on the
 * error's line or the line before it; a token elsewhere says nothing about this error). The file is a
 * template: the problem points at its first token (SPEC §4).
 */
function templateProblem(text, lines, errorOffset, parser, reason) {
    const errLine = lines.position(Math.max(0, Math.min(errorOffset, text.length))).line;
    let first;
    let causes = false;
    TEMPLATE_TOKEN.lastIndex = 0;
    for (let m = TEMPLATE_TOKEN.exec(text); m; m = TEMPLATE_TOKEN.exec(text)) {
        first ??= { index: m.index, token: m[0] };
        const line = lines.position(m.index).line;
        if (line > errLine)
            break;
        if (line >= errLine - 1)
            causes = true;
    }
    if (!first || !causes)
        return undefined;
    const p = lines.position(first.index);
    return {
        message: `file is an unrendered template (${first.token} at line ${p.line}): render it before gating, or exclude it in the config. ${parser}: ${reason}`,
        line: p.line,
        column: p.column,
        template: true,
        syntax: true,
    };
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/parse/positions.ts


const STRIDE = 6;
const PARENT = 0;
const END = 1;
const KEY_START = 2;
const KEY_END = 3;
const VALUE_START = 4;
const VALUE_END = 5;
/** `end` of a node whose subtree is still being built. */
const OPEN = 0x7fffffff;
/**
 * Past this many nodes a lookup scans too many siblings: the first one builds the pointer Maps of the
 * document (as the parser used to for every document) and answers from them.
 */
const INDEXED_ABOVE = 1024;
/** Positions of one document. Offsets are UTF-16 offsets into the file's text. */
class PositionTable {
    rows;
    base;
    segs;
    merges;
    lines;
    keyMap;
    valueMap;
    constructor(rows, 
    /** Where this document's rows start in `rows` (a shared arena chunk). */
    base, segs, merges, lines) {
        this.rows = rows;
        this.base = base;
        this.segs = segs;
        this.merges = merges;
        this.lines = lines;
    }
    get nodeCount() {
        return this.segs.length;
    }
    /** Span of the key a pointer names (the last one written, as a Map would keep it). */
    key(ptr) {
        if (this.segs.length > INDEXED_ABOVE)
            return this.keys().get(ptr);
        const segs = canonicalSegments(ptr);
        if (!segs || segs.length === 0)
            return undefined;
        const node = findLast(this.rows, this.base, this.segs, this.segs.length, segs, true);
        const merge = this.mergeFor(segs);
        if (merge && (node === -1 || this.rows[this.base + merge.parent * STRIDE + END] > node))
            return this.lines.span(merge.start, merge.end);
        if (node === -1)
            return undefined;
        const r = node * STRIDE;
        return this.lines.span(this.rows[this.base + r + KEY_START], this.rows[this.base + r + KEY_END]);
    }
    /** Span of the value at a pointer ('' is the document's root). */
    value(ptr) {
        if (this.segs.length > INDEXED_ABOVE)
            return this.values().get(ptr);
        const segs = canonicalSegments(ptr);
        if (!segs)
            return undefined;
        const node = findLast(this.rows, this.base, this.segs, this.segs.length, segs, false);
        if (node === -1)
            return undefined;
        const r = node * STRIDE;
        return this.lines.span(this.rows[this.base + r + VALUE_START], this.rows[this.base + r + VALUE_END]);
    }
    mergeFor(segs) {
        if (!this.merges)
            return undefined;
        const last = segs[segs.length - 1];
        for (const m of this.merges) {
            if (m.seg === last && pathIs(this.rows, this.base, this.segs, m.parent, segs, segs.length - 1))
                return m;
        }
        return undefined;
    }
    /** Every key span by pointer, in the order a Map filled node by node would hold them. */
    keys() {
        if (this.keyMap)
            return this.keyMap;
        const map = new Map();
        const ptrs = this.pointers();
        const merges = this.merges ?? [];
        let mi = 0;
        const n = this.segs.length;
        for (let i = 0; i <= n; i++) {
            // Merge keys of mappings that closed before node i.
            while (mi < merges.length && this.rows[this.base + merges[mi].parent * STRIDE + END] <= i) {
                const m = merges[mi++];
                map.set(pointerJoin(ptrs[m.parent], m.seg), this.lines.span(m.start, m.end));
            }
            if (i === n)
                break;
            const r = i * STRIDE;
            if (this.rows[this.base + r + KEY_START] >= 0)
                map.set(ptrs[i], this.lines.span(this.rows[this.base + r + KEY_START], this.rows[this.base + r + KEY_END]));
        }
        return (this.keyMap = map);
    }
    /** Every value span by pointer, in node order. */
    values() {
        if (this.valueMap)
            return this.valueMap;
        const map = new Map();
        const ptrs = this.pointers();
        for (let i = 0; i < this.segs.length; i++) {
            const r = i * STRIDE;
            map.set(ptrs[i], this.lines.span(this.rows[this.base + r + VALUE_START], this.rows[this.base + r + VALUE_END]));
        }
        return (this.valueMap = map);
    }
    /** True when some key was written (a document that is only an empty scalar has none). */
    get hasKeys() {
        if (this.merges && this.merges.length > 0)
            return true;
        for (let i = 0; i < this.segs.length; i++)
            if (this.rows[this.base + i * STRIDE + KEY_START] >= 0)
                return true;
        return false;
    }
    pointers() {
        const out = new Array(this.segs.length);
        for (let i = 0; i < this.segs.length; i++) {
            out[i] = i === 0 ? '' : pointerJoin(out[this.rows[this.base + i * STRIDE + PARENT]], this.segs[i]);
        }
        return out;
    }
}
/** The segments of a pointer, or undefined when it is not in canonical form (no node has it then). */
function canonicalSegments(ptr) {
    const segs = pointerSplit(ptr);
    let back = '';
    for (const s of segs)
        back = pointerJoin(back, s);
    return back === ptr ? segs : undefined;
}
function segIs(seg, s) {
    return typeof seg === 'number' ? String(seg) === s : seg === s;
}
/**
 * The last node (in document order) whose path from the root is `segs` (and, for keys, that has a key),
 * among nodes [0, limit). -1 when none.
 */
function findLast(rows, base, segTable, limit, segs, wantKey) {
    if (limit === 0)
        return -1;
    const visit = (node, depth) => {
        if (depth === segs.length)
            return !wantKey || rows[base + node * STRIDE + KEY_START] >= 0 ? node : -1;
        let best = -1;
        const end = Math.min(rows[base + node * STRIDE + END], limit);
        for (let c = node + 1; c < end; c = rows[base + c * STRIDE + END]) {
            if (segIs(segTable[c], segs[depth])) {
                const found = visit(c, depth + 1);
                if (found > best)
                    best = found;
            }
            if (rows[base + c * STRIDE + END] === OPEN)
                break;
        }
        return best;
    };
    return visit(0, 0);
}
/** True when node's path from the root is the first `len` segments of `segs`. */
function pathIs(rows, base, segTable, node, segs, len) {
    let n = node;
    for (let d = len - 1; d >= 0; d--) {
        if (n <= 0 || !segIs(segTable[n], segs[d]))
            return false;
        n = rows[base + n * STRIDE + PARENT];
    }
    return n === 0;
}
/** Read-only Map view of a table's keys or values. */
class SpanView {
    table;
    ofKeys;
    constructor(table, ofKeys) {
        this.table = table;
        this.ofKeys = ofKeys;
    }
    get(ptr) {
        return this.ofKeys ? this.table.key(ptr) : this.table.value(ptr);
    }
    has(ptr) {
        return this.get(ptr) !== undefined;
    }
    all() {
        return this.ofKeys ? this.table.keys() : this.table.values();
    }
    get size() {
        return this.all().size;
    }
    entries() {
        return this.all().entries();
    }
    keys() {
        return this.all().keys();
    }
    values() {
        return this.all().values();
    }
    forEach(fn, thisArg) {
        for (const [k, v] of this.all())
            fn.call(thisArg, v, k, this);
    }
    [Symbol.iterator]() {
        return this.all()[Symbol.iterator]();
    }
}
let scratch = new Int32Array(256 * STRIDE);
let scratchBusy = false;
/** Records the nodes of one document as the parser walks it, in document order. */
class PositionBuilder {
    rows;
    shared;
    n = 0;
    segs = [];
    merges;
    constructor() {
        // One growing scratch buffer serves every document; `finish` copies out the used part.
        this.shared = !scratchBusy;
        if (this.shared)
            scratchBusy = true;
        this.rows = this.shared ? scratch : new Int32Array(64 * STRIDE);
    }
    get count() {
        return this.n;
    }
    /** Opens a node: member `seg` of `parent` (-1 for the root), with its key's offsets (-1: no key). */
    open(parent, seg, keyStart, keyEnd) {
        const i = this.n++;
        let rows = this.rows;
        if ((i + 1) * STRIDE > rows.length) {
            const grown = new Int32Array(rows.length * 2);
            grown.set(rows);
            rows = this.rows = grown;
            if (this.shared)
                scratch = grown;
        }
        const r = i * STRIDE;
        rows[r + PARENT] = parent;
        rows[r + END] = OPEN;
        rows[r + KEY_START] = keyStart;
        rows[r + KEY_END] = keyEnd;
        rows[r + VALUE_START] = 0;
        rows[r + VALUE_END] = 0;
        this.segs.push(seg);
        return i;
    }
    value(node, start, end) {
        const r = node * STRIDE;
        this.rows[r + VALUE_START] = start;
        this.rows[r + VALUE_END] = end;
    }
    close(node) {
        this.rows[node * STRIDE + END] = this.n;
    }
    keyStart(node) {
        return this.rows[node * STRIDE + KEY_START];
    }
    /** The last child of `parent` so far with key `seg` (a duplicate key's earlier occurrence), or -1. */
    lastChildWithKey(parent, seg) {
        let found = -1;
        for (let c = parent + 1; c < this.n; c = this.rows[c * STRIDE + END]) {
            if (this.segs[c] === seg && this.rows[c * STRIDE + KEY_START] >= 0)
                found = c;
            if (this.rows[c * STRIDE + END] === OPEN)
                break;
        }
        return found;
    }
    /**
     * A merge key (`<<`): member `seg` of mapping `parent` points at the `<<` key unless a key with its
     * pointer was written before (by this mapping or an earlier duplicate of it, or by an earlier merge).
     */
    mergeKey(parent, seg, start, end) {
        const segs = [];
        for (let n = parent; n > 0; n = this.rows[n * STRIDE + PARENT])
            segs.push(String(this.segs[n]));
        segs.reverse();
        segs.push(seg);
        if (findLast(this.rows, 0, this.segs, this.n, segs, true) !== -1)
            return;
        for (const m of this.merges ?? [])
            if (m.seg === seg && pathIs(this.rows, 0, this.segs, m.parent, segs, segs.length - 1))
                return;
        (this.merges ??= []).push({ parent, seg, start, end });
    }
    finish(lines) {
        copyIn(this.rows, this.n * STRIDE);
        // An exact-size copy: a grown array keeps up to half again as many empty slots.
        const table = new PositionTable(arena.buf, arena.at, this.segs.slice(), this.merges, lines);
        this.release();
        return table;
    }
    /** Gives the scratch buffer back (also when the document failed to build). */
    release() {
        if (this.shared) {
            this.shared = false;
            scratchBusy = false;
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/doc.ts

/**
 * The prototype of every parsed mapping: an empty, frozen object without a prototype. Mappings inherit
 * nothing (`__proto__`, `constructor`, `toString` are plain data keys, as with `Object.create(null)`),
 * but V8 keeps them as fast objects with hidden classes instead of hash-table dictionaries: about four
 * times faster to build and read, and a quarter of the memory.
 */
const NOTHING = Object.freeze(Object.create(null));
/** A new, empty mapping for parsed data. */
function newMapping() {
    return Object.create(NOTHING);
}
class Doc {
    value;
    table;
    start;
    index;
    keyView;
    valueView;
    constructor(value, table, start, index) {
        this.value = value;
        this.table = table;
        this.start = start;
        this.index = index;
    }
    get keys() {
        return (this.keyView ??= new SpanView(this.table, true));
    }
    get values() {
        return (this.valueView ??= new SpanView(this.table, false));
    }
}

;// CONCATENATED MODULE: ./src/parse/yaml.ts




const DEFAULT_YAML_LIMITS = { maxDepth: 64, maxExpandedNodes: 200_000 };
class BuildError extends Error {
    offset;
    limit;
    constructor(message, offset, 
    /** A limit of this reader (depth, alias expansion), not an error Azure's loader would stop at. */
    limit = false) {
        super(message);
        this.offset = offset;
        this.limit = limit;
    }
}
const TAG_PREFIX = 'tag:yaml.org,2002:';
/**
 * Parses YAML into plain values plus the positions of every key and value (a compact table, read
 * through JSON-Pointer → span Map views), in one pass over js-yaml's event stream. Semantics follow PyYAML's safe_load (what the Azure ML CLIs use): YAML 1.1 scalars
 * (`True`, `yes` are booleans), `<<` merge keys; timestamps stay strings; custom tags are ignored.
 * Never throws: problems are returned with their line and column.
 */
function parseYaml(text, lines, limits = DEFAULT_YAML_LIMITS) {
    const problems = [];
    let events;
    try {
        events = (0,js_yaml/* parseEvents */.PH)(text, { maxDepth: limits.maxDepth });
    }
    catch (err) {
        problems.push(syntaxProblem(err, text, lines));
        return { docs: [], problems };
    }
    const docs = [];
    let i = 0;
    let index = 0;
    while (i < events.length) {
        const ev = events[i];
        if (ev.type !== js_yaml/* EVENT_ID */.hy.DOCUMENT) {
            i++;
            continue;
        }
        // Find the document's extent: the matching POP.
        const builder = new DocBuilder(text, lines, events, i + 1, limits);
        try {
            const root = builder.node(builder.positions.open(-1, '', -1, -1), 0);
            i = builder.pos + 1; // skip document POP
            const table = builder.positions.finish(lines);
            if (root.value === null && !table.hasKeys) {
                index++;
                continue; // empty document: nothing to check
            }
            const start = builder.firstKeyStart >= 0 ? lines.span(builder.firstKeyStart, builder.firstKeyEnd) : (table.value('') ?? lines.span(0, 0));
            docs.push(new Doc(root.value, table, start, index));
        }
        catch (err) {
            builder.positions.release();
            if (err instanceof BuildError) {
                problems.push(problemAt(err.message, err.offset, text, lines, !err.limit));
            }
            else {
                problems.push({ message: `cannot read YAML: ${err.message}`, line: 1, column: 1 });
            }
            // The rest of the stream cannot be trusted once a document failed to build.
            break;
        }
        for (const d of builder.duplicates)
            problems.push(d);
        index++;
    }
    return { docs, problems };
}
function syntaxProblem(err, text, lines) {
    const e = err;
    const reason = e.reason ?? (e.message ?? String(err)).split('\n')[0].replace(/\s*\(\d+:\d+\)$/, '');
    const offset = typeof e.mark?.position === 'number' ? e.mark.position : 0;
    // js-yaml's depth guard is this reader's limit (PyYAML reads deeper): never blamed on the file's syntax.
    return problemAt(reason, offset, text, lines, !/maxDepth/.test(reason));
}
/** A problem at an offset, unless the file holds an unrendered template: then at its first token. */
/**
 * A problem at an offset, at the parser's own line and column — unless an unrendered template on that
 * line caused it. `syntax`: a YAML error Azure's own loader (PyYAML) would stop at too; limits of this
 * reader (depth, alias expansion) are not.
 */
function problemAt(reason, offset, text, lines, syntax = true) {
    const tpl = syntax ? templateProblem(text, lines, offset, 'YAML parser', reason) : undefined;
    if (tpl)
        return tpl;
    const p = lines.position(Math.max(0, Math.min(offset, text.length)));
    return { message: `invalid YAML: ${reason}`, line: p.line, column: p.column, ...(syntax ? { syntax } : {}) };
}
class DocBuilder {
    text;
    lines;
    events;
    limits;
    pos;
    positions = new PositionBuilder();
    duplicates = [];
    /** Offsets of the root mapping's first key (the document's inventory line). */
    firstKeyStart = -1;
    firstKeyEnd = -1;
    anchors = new Map();
    total = 0;
    constructor(text, lines, events, start, limits) {
        this.text = text;
        this.lines = lines;
        this.events = events;
        this.limits = limits;
        this.pos = start;
    }
    count(weight, offset) {
        this.total += weight;
        if (this.total > this.limits.maxExpandedNodes) {
            throw new BuildError(`document expands to more than ${this.limits.maxExpandedNodes} nodes through aliases (alias bomb?); refusing to read it`, offset, true);
        }
    }
    /** Builds the node at the current event into position row `at` (opened by the caller). */
    node(at, depth) {
        const ev = this.events[this.pos++];
        if (!ev)
            throw new BuildError('unexpected end of YAML stream', this.text.length);
        if (depth > this.limits.maxDepth)
            throw new BuildError(`nesting deeper than ${this.limits.maxDepth} levels`, 0, true);
        const positions = this.positions;
        switch (ev.type) {
            case js_yaml/* EVENT_ID */.hy.SCALAR: {
                const start = ev.valueStart >= 0 ? ev.valueStart : this.prevOffset();
                positions.value(at, start, ev.valueEnd >= 0 ? ev.valueEnd : start);
                positions.close(at);
                const built = { value: this.scalar(ev), weight: 1 };
                this.count(1, start);
                this.anchor(ev.anchorStart, ev.anchorEnd, built);
                return built;
            }
            case js_yaml/* EVENT_ID */.hy.ALIAS: {
                const name = this.text.slice(ev.anchorStart, ev.anchorEnd);
                const target = this.anchors.get(name);
                if (!target)
                    throw new BuildError(`unknown alias *${name}`, ev.anchorStart);
                positions.value(at, ev.anchorStart - 1, ev.anchorEnd);
                positions.close(at);
                this.count(target.weight, ev.anchorStart);
                return target;
            }
            case js_yaml/* EVENT_ID */.hy.SEQUENCE: {
                positions.value(at, ev.start, ev.start + 1);
                const arr = [];
                const before = this.total;
                while (this.events[this.pos] && this.events[this.pos].type !== js_yaml/* EVENT_ID */.hy.POP) {
                    arr.push(this.node(positions.open(at, arr.length, -1, -1), depth + 1).value);
                }
                this.pos++;
                positions.close(at);
                const built = { value: arr, weight: 1 + this.total - before };
                this.count(1, ev.start);
                this.anchor(ev.anchorStart, ev.anchorEnd, built);
                return built;
            }
            case js_yaml/* EVENT_ID */.hy.MAPPING: {
                positions.value(at, ev.start, ev.start + 1);
                const obj = newMapping();
                const before = this.total;
                let merges;
                while (this.events[this.pos] && this.events[this.pos].type !== js_yaml/* EVENT_ID */.hy.POP) {
                    const keyEv = this.events[this.pos];
                    let key;
                    let keyStart;
                    let keyEnd;
                    let plainKey = false;
                    if (keyEv.type === js_yaml/* EVENT_ID */.hy.ALIAS) {
                        // `*k : ACI` — PyYAML uses the anchored scalar as the key (a collection would be unhashable).
                        const name = this.text.slice(keyEv.anchorStart, keyEv.anchorEnd);
                        const target = this.anchors.get(name);
                        if (!target)
                            throw new BuildError(`unknown alias *${name}`, keyEv.anchorStart);
                        if (target.value !== null && typeof target.value === 'object') {
                            throw new BuildError('a mapping key must be a plain value (found a collection as a key)', keyEv.anchorStart);
                        }
                        this.pos++;
                        key = target.value === null ? '' : String(target.value);
                        keyStart = keyEv.anchorStart - 1;
                        keyEnd = keyEv.anchorEnd;
                    }
                    else if (keyEv.type !== js_yaml/* EVENT_ID */.hy.SCALAR) {
                        throw new BuildError('a mapping key must be a plain value (found a collection as a key)', keyEv.start);
                    }
                    else {
                        this.pos++;
                        key = keyEv.valueStart >= 0 ? (0,js_yaml/* getScalarValue */.KE)(this.text, keyEv) : '';
                        // An empty key (`: value`) has no offset of its own: use where its value starts.
                        keyStart = keyEv.valueStart >= 0 ? keyEv.valueStart : this.nextOffset();
                        keyEnd = keyEv.valueEnd >= 0 ? keyEv.valueEnd : keyStart;
                        plainKey = keyEv.style === js_yaml/* SCALAR_STYLE */.jK.PLAIN;
                        // An anchored key (`&k computeType: …`) can be used as a key elsewhere.
                        this.anchor(keyEv.anchorStart, keyEv.anchorEnd, { value: key, weight: 1 });
                    }
                    if (at === 0 && this.firstKeyStart === -1) {
                        this.firstKeyStart = keyStart;
                        this.firstKeyEnd = keyEnd;
                    }
                    if (key === '<<' && plainKey) {
                        const v = this.node(positions.open(at, '<<', -1, -1), depth + 1);
                        (merges ??= []).push({ value: v.value, start: keyStart, end: keyEnd });
                        continue;
                    }
                    if (Object.hasOwn(obj, key)) {
                        const prev = this.lines.lineOf(positions.keyStart(positions.lastChildWithKey(at, key)));
                        const here = this.lines.position(keyStart);
                        this.duplicates.push({
                            message: `duplicate key '${key}' (first at line ${prev}); Azure's loaders disagree on which value wins`,
                            line: here.line,
                            column: here.column,
                        });
                    }
                    obj[key] = this.node(positions.open(at, key, keyStart, keyEnd), depth + 1).value;
                }
                this.pos++;
                if (merges)
                    for (const m of merges)
                        this.merge(obj, at, m.value, m.start, m.end);
                positions.close(at);
                const built = { value: obj, weight: 1 + this.total - before };
                this.count(1, ev.start);
                this.anchor(ev.anchorStart, ev.anchorEnd, built);
                return built;
            }
            default:
                throw new BuildError('unexpected YAML structure', 0);
        }
    }
    merge(obj, at, source, start, end) {
        const sources = Array.isArray(source) ? source : [source];
        for (const s of sources) {
            if (!s || typeof s !== 'object' || Array.isArray(s))
                continue;
            for (const k of Object.keys(s)) {
                if (k in obj)
                    continue;
                obj[k] = s[k];
                this.positions.mergeKey(at, k, start, end);
            }
        }
    }
    anchor(start, end, built) {
        if (start >= 0)
            this.anchors.set(this.text.slice(start, end), built);
    }
    nextOffset() {
        const e = this.events[this.pos];
        if (e?.type === js_yaml/* EVENT_ID */.hy.SCALAR && e.valueStart >= 0)
            return Math.max(0, e.valueStart - 2);
        if (e && (e.type === js_yaml/* EVENT_ID */.hy.MAPPING || e.type === js_yaml/* EVENT_ID */.hy.SEQUENCE))
            return e.start;
        return this.prevOffset();
    }
    prevOffset() {
        for (let j = this.pos - 1; j >= 0; j--) {
            const e = this.events[j];
            if (e.type === js_yaml/* EVENT_ID */.hy.SCALAR && e.valueEnd >= 0)
                return e.valueEnd;
            if (e.type === js_yaml/* EVENT_ID */.hy.MAPPING || e.type === js_yaml/* EVENT_ID */.hy.SEQUENCE)
                return e.start;
        }
        return 0;
    }
    scalar(ev) {
        if (ev.valueStart < 0)
            return null; // empty node
        const raw = (0,js_yaml/* getScalarValue */.KE)(this.text, ev);
        const tag = ev.tagStart >= 0 ? this.text.slice(ev.tagStart, ev.tagEnd) : '';
        if (tag) {
            // Explicit tags: standard ones are honoured; custom ones are ignored (never constructed).
            const name = tag.startsWith('!!') ? tag.slice(2) : tag.startsWith(`!<${TAG_PREFIX}`) ? tag.slice(TAG_PREFIX.length + 2, -1) : '';
            if (name === 'str' || name === 'binary' || name === 'timestamp')
                return raw;
            if (name === 'null' || name === 'bool' || name === 'int' || name === 'float')
                return resolvePlain(raw);
            return ev.style === js_yaml/* SCALAR_STYLE */.jK.PLAIN ? resolvePlain(raw) : raw;
        }
        if (ev.style !== js_yaml/* SCALAR_STYLE */.jK.PLAIN)
            return raw;
        return resolvePlain(raw);
    }
}
function resolvePlain(raw) {
    // PyYAML's YAML 1.1 booleans are yes/no/true/false/on/off: a lone `y` or `n` stays text.
    if (/^[yYnN]$/.test(raw))
        return raw;
    const { value, tag } = js_yaml/* YAML11_SCHEMA */.Wj.resolveImplicitScalarTag(raw);
    if (tag.tagName.endsWith(':timestamp') || tag.tagName.endsWith(':binary'))
        return raw;
    if (typeof value === 'number' && !Number.isFinite(value) && !/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(raw))
        return raw;
    return value;
}

;// CONCATENATED MODULE: ./src/config/parse.ts
// Config text → Config, validated by the published JSON schema (the only source of defaults:
// ajv `useDefaults` fills them in). Problems are returned as values, never thrown.






/** Excludes that always apply, whatever the config says (SPEC §5: `exclude` adds to them). */
const BUILTIN_EXCLUDES = ['node_modules/**', '.git/**', 'dist/**'];
let compiled;
/** Compiled once, on first use (no work at import time). */
function validator() {
    // Unoptimised code compiles ~40 % faster; a config is validated once per run. The schema is ours and
    // fixed (tests compile it strictly): no need to check it against the meta-schema on every run.
    compiled ??= new ajv.Ajv({ allErrors: true, strict: true, useDefaults: true, validateSchema: false, code: { optimize: false } }).compile(config_schema_namespaceObject);
    return compiled;
}
/**
 * The configuration used when no config file exists: the schema's defaults, filled in as ajv's
 * `useDefaults` fills them into an empty config (a test checks the two agree), without compiling the
 * schema — that compile is most of the action's start-up on a repository without a config file.
 */
function defaultConfig() {
    const data = dict();
    fillDefaults(config_schema_namespaceObject, data);
    return build(data);
}
/** ajv `useDefaults` for `properties` (and object `additionalProperties`), the keywords the config schema uses. */
function fillDefaults(node, data) {
    const props = node.properties ?? {};
    for (const [k, sub] of Object.entries(props)) {
        if (!Object.hasOwn(data, k) && sub.default !== undefined)
            data[k] = structuredClone(sub.default);
    }
    for (const [k, v] of Object.entries(data)) {
        const sub = Object.hasOwn(props, k) ? props[k] : typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
        if (sub && v !== null && typeof v === 'object' && !Array.isArray(v))
            fillDefaults(sub, v);
    }
}
/** Parses and validates config text; `file` is the path used in messages and `Config.source`. */
function parseConfig(text, file, knownRules) {
    const fail = (line, column, message) => ({ ok: false, problems: [{ file, line, column, message }] });
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const parsed = parseYaml(text, new LineIndex(text));
    if (parsed.problems.length > 0) {
        const p = parsed.problems[0];
        return fail(p.line, p.column, p.message);
    }
    if (parsed.docs.length > 1) {
        const d = parsed.docs[1];
        return fail(d.start.line, d.start.column, 'the config file must hold a single YAML document (found a second one)');
    }
    const doc = parsed.docs[0] ?? {
        value: dict(),
        keys: new Map(),
        values: new Map(),
        start: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        index: 0,
    };
    const raw = doc.value;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return fail(doc.start.line, doc.start.column, 'the config must be a mapping of settings (default-stage, stages, rules, limits, …)');
    }
    const data = raw;
    normaliseOff(data);
    const validate = validator();
    if (!validate(data)) {
        // Reported top to bottom, as the reader goes through the file.
        const problems = pickErrors(validate.errors ?? [])
            .map((e) => {
            const s = spanAt(doc, e.ptr);
            return { file, line: s.line, column: s.column, message: e.text };
        })
            .sort((a, b) => a.line - b.line || a.column - b.column);
        return { ok: false, problems };
    }
    const cfg = build(data);
    cfg.source = { path: file, doc };
    const problems = checkSemantics(cfg, doc, file, knownRules);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, config: cfg };
}
/**
 * YAML 1.1 reads an unquoted `off` as false; users mean the severity. The published schema is for
 * YAML 1.2 editors (where `off` is a string), so the value is mapped before validation.
 */
function normaliseOff(data) {
    const rules = data['rules'];
    if (!rules || typeof rules !== 'object' || Array.isArray(rules))
        return;
    const r = rules;
    for (const id of Object.keys(r)) {
        const v = r[id];
        if (v === false)
            r[id] = 'off';
        else if (v && typeof v === 'object' && !Array.isArray(v)) {
            const o = v;
            if (o['severity'] === false)
                o['severity'] = 'off';
        }
    }
}
/** Turns ajv errors into one message per offending key. */
function pickErrors(errors) {
    const out = [];
    const seen = new Set();
    // A rule value is a severity or `{ severity }` (a oneOf): a mismatch of one alternative is noise
    // unless the value is a mapping with its own mistake (`severity: bad`, an extra key).
    const isAlternativeMismatch = (e) => /\/oneOf\/(0\/(enum|type)|1\/type)$/.test(e.schemaPath);
    const specificInside = (base) => errors.some((x) => x.keyword !== 'oneOf' && !isAlternativeMismatch(x) && x.schemaPath.includes('/oneOf/1/') && (x.instancePath === base || x.instancePath.startsWith(base + '/')));
    for (const e of errors) {
        if (isAlternativeMismatch(e))
            continue;
        let ptr = e.instancePath;
        let text;
        if (e.keyword === 'oneOf') {
            if (specificInside(ptr))
                continue;
            text = `${keyName(ptr)} must be one of error, warning, notice, off (or { severity: … })`;
        }
        else if (e.keyword === 'additionalProperties') {
            ptr = pointerJoin(ptr, String(e.params.additionalProperty));
            text = describe(e, ptr);
        }
        else {
            text = describe(e, ptr);
        }
        if (seen.has(text))
            continue;
        seen.add(text);
        out.push({ ptr, text });
    }
    return out;
}
const TYPE_WORDS = {
    number: 'a number',
    integer: 'a whole number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
};
function describe(e, ptr) {
    const key = keyName(ptr);
    const p = e.params;
    switch (e.keyword) {
        case 'type': {
            const t = String(p['type']);
            return `${key} must be ${TYPE_WORDS[t] ?? t}`;
        }
        case 'enum':
            return `${key} must be one of ${p['allowedValues'].map(String).join(', ')}`;
        case 'required':
            return `${key === '(root)' ? 'the config' : key} is missing the required key "${String(p['missingProperty'])}"`;
        case 'additionalProperties': {
            const parent = keyName(pointerSplit(ptr).slice(0, -1).reduce((acc, s) => pointerJoin(acc, s), ''));
            const allowed = allowedKeys(ptr);
            const near = nearest(pointerSplit(ptr).at(-1) ?? '', allowed);
            return (`${key} is not a known setting${parent === '(root)' ? '' : ` of ${parent}`}` +
                `${near ? ` (did you mean "${near}"?)` : ''}${allowed.length ? `; expected one of ${allowed.join(', ')}` : ''}`);
        }
        case 'exclusiveMinimum':
            return `${key} must be a number greater than ${String(p['limit'])}`;
        case 'minimum':
            return `${key} must be ${String(p['limit'])} or more`;
        case 'minLength':
        case 'pattern':
            if (pointerSplit(ptr).at(-1) === 'expires')
                return `${key} must be a date written YYYY-MM-DD`;
            return `${key} must not be empty`;
        default:
            return `${key} ${e.message ?? 'is invalid'}`;
    }
}
/** `limits.aci-max-memory-gb`, `waivers[0].expires`, `skus["Standard.X"]` for a JSON Pointer. */
function keyName(ptr) {
    const segs = pointerSplit(ptr);
    if (segs.length === 0)
        return '(root)';
    let out = '';
    for (const s of segs) {
        if (/^\d+$/.test(s))
            out += `[${s}]`;
        else if (/^[A-Za-z0-9_$-]+$/.test(s))
            out += out ? `.${s}` : s;
        else
            out += `[${JSON.stringify(s)}]`;
    }
    return out;
}
/** The schema node describing a pointer (walking properties / additionalProperties / items). */
function schemaAt(ptr) {
    let node = config_schema_namespaceObject;
    for (const s of pointerSplit(ptr)) {
        if (!node)
            return undefined;
        if (node.type === 'array')
            node = node.items;
        else if (node.properties && s in node.properties)
            node = node.properties[s];
        else if (node.additionalProperties && typeof node.additionalProperties === 'object')
            node = node.additionalProperties;
        else
            return undefined;
    }
    return node;
}
function allowedKeys(ptr) {
    const parent = schemaAt(pointerSplit(ptr).slice(0, -1).reduce((acc, s) => pointerJoin(acc, s), ''));
    return parent?.properties ? Object.keys(parent.properties).filter((k) => k !== '$schema') : [];
}
function obj(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : dict();
}
function strings(v) {
    return Array.isArray(v) ? v.map(String) : [];
}
function parse_num(v) {
    return typeof v === 'number' ? v : undefined;
}
/** Builds the Config from a document the schema accepted (and filled with its defaults). */
function build(data) {
    const stages = obj(data['stages']);
    const cfg = {
        defaultStage: data['default-stage'],
        stages: { production: strings(stages['production']), nonproduction: strings(stages['nonproduction']) },
        include: strings(data['include']),
        // `exclude` adds to the built-in excludes, never replaces them.
        exclude: [...new Set([...BUILTIN_EXCLUDES, ...strings(data['exclude'])])],
        // Null-prototype records: names come from the file, and `__proto__` must stay a plain key.
        rules: dict(),
        limits: { ...obj(data['limits']) },
        skus: dict(),
        models: dict(),
        computes: dict(),
        waivers: [],
    };
    const rules = obj(data['rules']);
    for (const id of Object.keys(rules)) {
        const v = rules[id];
        cfg.rules[id] = (typeof v === 'string' ? v : obj(v)['severity']);
    }
    const skus = obj(data['skus']);
    for (const name of Object.keys(skus)) {
        const s = obj(skus[name]);
        const sku = {
            vcpus: parse_num(s['vcpus']) ?? 0,
            memoryGb: parse_num(s['memory-gb']) ?? 0,
            gpus: parse_num(s['gpus']) ?? 0,
            managedOnline: s['managed-online'] === true,
        };
        if (s['fpga'] === true)
            sku.fpga = true;
        if (typeof s['family'] === 'string')
            sku.family = s['family'];
        if (typeof s['quota-exempt'] === 'boolean')
            sku.quotaExempt = s['quota-exempt'];
        cfg.skus[name] = sku;
    }
    const models = obj(data['models']);
    for (const name of Object.keys(models)) {
        const m = obj(models[name]);
        const model = {};
        if (parse_num(m['memory-gb']) !== undefined)
            model.memoryGb = parse_num(m['memory-gb']);
        if (parse_num(m['size-bytes']) !== undefined)
            model.sizeBytes = parse_num(m['size-bytes']);
        if (typeof m['accelerator'] === 'string')
            model.accelerator = m['accelerator'];
        cfg.models[name] = model;
    }
    const computes = obj(data['computes']);
    for (const name of Object.keys(computes)) {
        const c = obj(computes[name]);
        const compute = { type: c['type'] };
        if (typeof c['vm-size'] === 'string')
            compute.vmSize = c['vm-size'];
        if (parse_num(c['nodes']) !== undefined)
            compute.nodes = parse_num(c['nodes']);
        if (parse_num(c['min-nodes']) !== undefined)
            compute.minNodes = parse_num(c['min-nodes']);
        if (parse_num(c['max-nodes']) !== undefined)
            compute.maxNodes = parse_num(c['max-nodes']);
        // v2 spells it `low_priority`, v1 `lowpriority`: one value inside.
        if (typeof c['tier'] === 'string')
            compute.tier = c['tier'] === 'dedicated' ? 'dedicated' : 'lowpriority';
        if (typeof c['purpose'] === 'string')
            compute.purpose = c['purpose'];
        cfg.computes[name] = compute;
    }
    const quota = obj(data['quota']);
    if (Object.keys(quota).length > 0) {
        cfg.quota = dict();
        for (const family of Object.keys(quota))
            if (parse_num(quota[family]) !== undefined)
                cfg.quota[family] = parse_num(quota[family]);
    }
    const waivers = Array.isArray(data['waivers']) ? data['waivers'] : [];
    cfg.waivers = waivers.map((w, index) => {
        const o = obj(w);
        return {
            rule: String(o['rule']),
            path: String(o['path']),
            reason: String(o['reason']).trim(),
            owner: String(o['owner']).trim(),
            expires: String(o['expires']),
            index,
        };
    });
    return cfg;
}
// ------------------------------------------------------------------ checks the schema cannot express
function checkSemantics(cfg, doc, file, knownRules) {
    const problems = [];
    const at = (ptr, message) => {
        const s = spanAt(doc, ptr);
        problems.push({ file, line: s.line, column: s.column, message });
    };
    if (knownRules) {
        const known = new Set(knownRules);
        for (const id of Object.keys(cfg.rules)) {
            if (!known.has(id))
                at(pointerJoin('/rules', id), unknownRule(`rules.${id}`, id, knownRules));
        }
        for (const w of cfg.waivers) {
            if (!known.has(w.rule))
                at(`/waivers/${w.index}/rule`, unknownRule(`waivers[${w.index}].rule`, w.rule, knownRules));
        }
    }
    for (const w of cfg.waivers) {
        if (!isCalendarDate(w.expires))
            at(`/waivers/${w.index}/expires`, `waivers[${w.index}].expires: ${w.expires} is not a calendar date (YYYY-MM-DD)`);
    }
    for (const name of Object.keys(cfg.computes)) {
        const c = cfg.computes[name];
        if (c.minNodes !== undefined && c.maxNodes !== undefined && c.minNodes > c.maxNodes) {
            const base = pointerJoin('/computes', name);
            at(pointerJoin(base, 'min-nodes'), `${keyName(base)}: min-nodes (${c.minNodes}) is greater than max-nodes (${c.maxNodes})`);
        }
    }
    return problems.slice(0, 1);
}
function unknownRule(where, id, knownRules) {
    const near = nearest(id, knownRules);
    return `${where}: unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}; valid ids: ${[...knownRules].sort().join(', ')}`;
}
/** A real day of the Gregorian calendar (rejects 2027-02-30). */
function isCalendarDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m)
        return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Finding and reading the config file (SPEC §5). Returns values; the entry points decide what a
// problem means (exit 2, setFailed).




/** Looked up in this order when no explicit path is given (repo-relative). */
const CONFIG_FILES = ['.github/model-deploy-gate.yml', '.model-deploy-gate.yml'];
/** A config file is small; anything bigger is a mistake (or an attack on the parser). */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Repo-relative with `/` when inside root, else the absolute path. */
function displayPath(root, abs) {
    const rel = external_node_path_.relative(root, abs);
    if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel))
        return abs.split(external_node_path_.sep).join('/');
    return rel.split(external_node_path_.sep).join('/');
}
function inside(root, p) {
    const rel = external_node_path_.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}
/**
 * Reads the config text: `explicitPath` (relative to root or absolute; must exist), else
 * `.github/model-deploy-gate.yml`, else `.model-deploy-gate.yml`, else none. A file whose real
 * path leaves the root (a symbolic link, or a link in any folder on the way) is refused, never read.
 */
function readConfigSource(root, explicitPath) {
    const absRoot = external_node_path_.resolve(root);
    let realRoot;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(absRoot);
    }
    catch {
        realRoot = absRoot;
    }
    const candidates = explicitPath !== undefined ? [external_node_path_.resolve(absRoot, explicitPath)] : CONFIG_FILES.map((f) => external_node_path_.join(absRoot, f));
    for (const abs of candidates) {
        const file = displayPath(absRoot, abs);
        const problem = (message) => ({ ok: false, problems: [{ file, line: 0, column: 0, message }] });
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(abs);
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT' && explicitPath === undefined)
                continue;
            return problem(code === 'ENOENT' ? 'config file not found (given explicitly, so it must exist)' : `cannot read config file: ${code ?? err.message}`);
        }
        if (!inside(realRoot, real)) {
            return problem('the config file resolves outside the repository (a symbolic link); it is not read. Keep the config inside the repository');
        }
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(real, 'r');
        }
        catch (err) {
            return problem(`cannot read config file: ${err.code ?? err.message}`);
        }
        try {
            const st = (0,external_node_fs_.fstatSync)(fd);
            if (!st.isFile())
                return problem('config path is not a file');
            if (st.size > MAX_CONFIG_BYTES)
                return problem(`config file is ${st.size} bytes, over the ${MAX_CONFIG_BYTES}-byte cap`);
            let text;
            try {
                text = new TextDecoder('utf-8', { fatal: true }).decode(readOpen(fd, st.size));
            }
            catch {
                return problem('config file is not valid UTF-8 text');
            }
            return { ok: true, source: { path: file, text } };
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    return { ok: true, source: null };
}
/** The config a source gives (none: the built-in defaults). */
function configFrom(source, knownRules) {
    return source ? parseConfig(source.text, source.path, knownRules) : { ok: true, config: defaultConfig() };
}
/** Finds, reads and validates the configuration. */
function loadConfig(root, explicitPath, knownRules) {
    const found = readConfigSource(root, explicitPath);
    return found.ok ? configFrom(found.source, knownRules) : found;
}

;// CONCATENATED MODULE: ./src/config/policy.ts

const RANK = { off: 0, notice: 1, warning: 2, error: 3 };
/** The severity a rule has under `config` (`off` included): the override, else the default. */
function effectiveSeverity(config, rule) {
    const o = config.rules[rule.id];
    if (o === undefined)
        return rule.defaultSeverity;
    if (o === 'off' && rule.unsilenceable)
        return rule.defaultSeverity;
    return o;
}
/** Config excludes beyond the built-in ones (SPEC §5: `exclude` adds to them). */
function extraExcludes(config) {
    return config.exclude.filter((g) => !BUILTIN_EXCLUDES.includes(g));
}
/** Rules off, severities lowered below their default, limits that differ from the defaults. */
function summarisePolicy(config, rules) {
    const off = [];
    const lowered = [];
    for (const r of rules) {
        const s = effectiveSeverity(config, r);
        if (s === 'off')
            off.push(r.id);
        else if (RANK[s] < RANK[r.defaultSeverity])
            lowered.push({ rule: r.id, from: r.defaultSeverity, to: s });
    }
    const defaults = defaultConfig().limits;
    const values = config.limits;
    const limits = [];
    for (const k of Object.keys(values).sort()) {
        if (values[k] !== defaults[k])
            limits.push({ limit: k, value: values[k], default: defaults[k] });
    }
    return { off, lowered, limits };
}
/** Which way a limit relaxes the policy. An unknown limit relaxes whichever way it moves (fail closed). */
const LOOSER = {
    'aci-max-memory-gb': 'up',
    'aci-max-model-size-gb': 'up',
    'memory-headroom-ratio': 'down',
    'aks-production-min-nodes': 'down',
    'aks-production-min-vcpus': 'down',
    'managed-production-min-instances': 'down',
    'managed-max-request-timeout-ms': 'up',
    'kubernetes-max-request-timeout-ms': 'up',
};
const STAGE_RANK = { production: 2, unknown: 1, nonproduction: 0 };
/** A value quoted as code for the messages (reports render code spans inert). */
function q(s) {
    return `\`${s}\``;
}
function waiverText(w) {
    return `${q(w.rule)} on ${q(w.path)} (owner ${q(w.owner)}, until ${w.expires}, reason ${q(w.reason)})`;
}
function added(a, b) {
    return b.filter((x) => !a.includes(x));
}
function stable(v) {
    return JSON.stringify(v, (_k, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x);
}
/**
 * What `next` changes compared with `current` (the policy that judges the run), in the order a
 * reviewer reads a config: rules, limits, stages, files read, waivers, facts. Facts about models,
 * computes and SKUs count as relaxing whichever way they change: they decide what rules can see.
 */
function diffPolicies(current, next, rules) {
    const out = [];
    for (const r of rules) {
        const a = effectiveSeverity(current, r);
        const b = effectiveSeverity(next, r);
        if (r.unsilenceable && next.rules[r.id] === 'off' && current.rules[r.id] !== 'off') {
            out.push({ text: `asks to turn off ${q(r.id)}, which cannot be turned off (ignored)`, relaxes: false, ptr: `/rules/${r.id}` });
        }
        if (a === b)
            continue;
        const ptr = `/rules/${r.id}`;
        if (b === 'off')
            out.push({ text: `turns off ${q(r.id)} (${a} → off)`, relaxes: true, ptr });
        else if (RANK[b] < RANK[a])
            out.push({ text: `lowers ${q(r.id)} from ${a} to ${b}`, relaxes: true, ptr });
        else
            out.push({ text: `raises ${q(r.id)} from ${a} to ${b}`, relaxes: false, ptr });
    }
    const la = current.limits;
    const lb = next.limits;
    for (const k of [...new Set([...Object.keys(la), ...Object.keys(lb)])].sort()) {
        const a = la[k];
        const b = lb[k];
        if (a === b || b === undefined)
            continue;
        const way = LOOSER[k];
        const looser = a === undefined || way === undefined ? true : way === 'up' ? b > a : b < a;
        out.push({ text: `${looser ? 'loosens' : 'tightens'} limit ${q(k)} from ${a ?? 'its default'} to ${b}`, relaxes: looser, ptr: `/limits/${k}` });
    }
    if (current.defaultStage !== next.defaultStage) {
        const relax = STAGE_RANK[next.defaultStage] < STAGE_RANK[current.defaultStage];
        out.push({
            text: `changes default-stage from ${current.defaultStage} to ${next.defaultStage}` +
                (relax ? ' (deployments nothing else classifies move out of production)' : ''),
            relaxes: relax,
            ptr: '/default-stage',
        });
    }
    for (const g of added(next.stages.production, current.stages.production)) {
        out.push({ text: `no longer treats ${q(g)} as production (stages.production)`, relaxes: true, ptr: '/stages/production' });
    }
    for (const g of added(current.stages.nonproduction, next.stages.nonproduction)) {
        out.push({ text: `treats ${q(g)} as non-production (stages.nonproduction)`, relaxes: true, ptr: '/stages/nonproduction' });
    }
    for (const g of added(current.stages.production, next.stages.production)) {
        out.push({ text: `treats ${q(g)} as production (stages.production)`, relaxes: false, ptr: '/stages/production' });
    }
    for (const g of added(next.stages.nonproduction, current.stages.nonproduction)) {
        out.push({ text: `no longer treats ${q(g)} as non-production (stages.nonproduction)`, relaxes: false, ptr: '/stages/nonproduction' });
    }
    for (const g of added(current.exclude, next.exclude))
        out.push({ text: `excludes ${q(g)} from the gate`, relaxes: true, ptr: '/exclude' });
    for (const g of added(next.include, current.include))
        out.push({ text: `stops including ${q(g)}`, relaxes: true, ptr: '/include' });
    for (const g of added(next.exclude, current.exclude))
        out.push({ text: `no longer excludes ${q(g)}`, relaxes: false, ptr: '/exclude' });
    for (const g of added(current.include, next.include))
        out.push({ text: `also includes ${q(g)}`, relaxes: false, ptr: '/include' });
    for (const w of next.waivers) {
        const ptr = `/waivers/${w.index}`;
        const same = current.waivers.find((x) => x.rule === w.rule && x.path === w.path);
        if (!same) {
            const others = current.waivers.filter((x) => x.rule === w.rule).map((x) => q(x.path));
            out.push({
                text: `adds a waiver for ${waiverText(w)}${others.length ? ` (the base waives ${q(w.rule)} only on ${others.join(', ')})` : ''}`,
                relaxes: true,
                ptr,
            });
        }
        else if (w.expires > same.expires) {
            out.push({ text: `extends the waiver for ${q(w.rule)} on ${q(w.path)} from ${same.expires} to ${w.expires}`, relaxes: true, ptr: `${ptr}/expires` });
        }
        else if (w.expires < same.expires) {
            out.push({ text: `shortens the waiver for ${q(w.rule)} on ${q(w.path)} to ${w.expires}`, relaxes: false, ptr: `${ptr}/expires` });
        }
        else if (w.owner !== same.owner || w.reason !== same.reason) {
            out.push({ text: `changes the owner or reason of the waiver for ${q(w.rule)} on ${q(w.path)}`, relaxes: false, ptr });
        }
    }
    for (const w of current.waivers) {
        if (!next.waivers.some((x) => x.rule === w.rule && x.path === w.path)) {
            out.push({ text: `removes the waiver for ${q(w.rule)} on ${q(w.path)}`, relaxes: false });
        }
    }
    for (const section of ['models', 'computes', 'skus']) {
        const a = current[section];
        const b = next[section];
        for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
            const ptr = `/${section}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
            if (!(name in a))
                out.push({ text: `declares facts for ${section} ${q(name)}`, relaxes: true, ptr });
            else if (!(name in b))
                out.push({ text: `removes the facts for ${section} ${q(name)} (rules that need them are skipped)`, relaxes: true });
            else if (stable(a[name]) !== stable(b[name]))
                out.push({ text: `changes the facts for ${section} ${q(name)}`, relaxes: true, ptr });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/version.ts
/** The product version (kept equal to package.json's by a test). */
const VERSION = '0.1.0';

// EXTERNAL MODULE: ./src/core/heap.ts + 1 modules
var heap = __webpack_require__(1877);
;// CONCATENATED MODULE: ./src/inventory/pipelines/doc.ts
// One pipeline file as a value with line numbers, parsed once (the PR author writes these files:
// size, depth and alias expansion are bounded; a file that does not parse is simply absent).



/** Larger pipeline files are not read (real ones are a few KiB; GitHub's own limit is 512 KiB). */
const MAX_PIPELINE_CHARS = 512 * 1024;
const LIMITS = { maxDepth: 40, maxExpandedNodes: 50_000 };
function parseDoc(path, text) {
    if (typeof text !== 'string' || text.length > MAX_PIPELINE_CHARS)
        return undefined;
    try {
        const parsed = parseYaml(text, new LineIndex(text), LIMITS);
        const first = parsed.docs[0];
        if (!first || !isMapping(first.value) || parsed.problems.length)
            return undefined;
        const lines = new LineIndex(text);
        const starts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            starts.push(i + 1);
        const raw = (ptr) => {
            const sp = first.values.get(ptr);
            if (!sp || sp.line !== sp.endLine || sp.line > lines.lineCount)
                return undefined;
            const base = starts[sp.line - 1];
            return text.slice(base + sp.column - 1, base + sp.endColumn - 1);
        };
        return {
            path,
            text,
            root: first.value,
            line: (ptr) => spanAt(first, ptr).line,
            valueLine: (ptr) => first.values.get(ptr)?.line ?? spanAt(first, ptr).line,
            scalar: (ptr, v) => (typeof v === 'number' || typeof v === 'boolean' ? (raw(ptr) ?? String(v)) : str(v)),
        };
    }
    catch {
        return undefined;
    }
}
/** Pointer of a child. */
const at = (ptr, seg) => pointerJoin(ptr, seg);
function str(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return undefined;
}
function map(v) {
    return isMapping(v) ? v : undefined;
}
/** Pipeline text parsed in one call, all files together; files past it are not read. */
const MAX_TOTAL_CHARS = 24 * 1024 * 1024;
/** Files parsed at most once per `findDeployments` call. */
class DocCache {
    texts;
    docs = new Map();
    parsed = 0;
    constructor(texts) {
        this.texts = texts;
    }
    has(path) {
        return this.texts.has(path);
    }
    text(path) {
        return this.texts.get(path);
    }
    get(path) {
        let d = this.docs.get(path);
        if (d === undefined) {
            const t = this.texts.get(path);
            if (t !== undefined)
                this.parsed += t.length;
            d = (t === undefined || this.parsed > MAX_TOTAL_CHARS ? undefined : parseDoc(path, t)) ?? null;
            this.docs.set(path, d);
        }
        return d ?? undefined;
    }
}

;// CONCATENATED MODULE: ./src/inventory/stage.ts

const PRODUCTION = new Set(['prod', 'production', 'prd', 'live']);
const NONPRODUCTION = new Set([
    'dev',
    'development',
    'test',
    'testing',
    'qa',
    'staging',
    'stage',
    'stg',
    'uat',
    'sandbox',
    'debug',
    'local',
    'ci',
    'demo',
    'sample',
    'example',
    'examples',
]);
/** Classifies text by its words (split on `/ . _ -` and spaces); both kinds present ⇒ production (fail closed). */
function classifyWords(...texts) {
    let nonprod;
    for (const t of texts) {
        if (!t)
            continue;
        for (const w of t.toLowerCase().split(/[/._\-\s]+/)) {
            if (PRODUCTION.has(w))
                return { stage: 'production', word: w };
            if (!nonprod && NONPRODUCTION.has(w))
                nonprod = w;
        }
    }
    return nonprod ? { stage: 'nonproduction', word: nonprod } : { stage: 'unknown' };
}
class StageResolver {
    rules;
    prod;
    nonprod;
    constructor(rules) {
        this.rules = rules;
        this.prod = rules.production.length ? picomatch_default()(rules.production, { dot: true, flags: 's' }) : () => false;
        this.nonprod = rules.nonproduction.length ? picomatch_default()(rules.nonproduction, { dot: true, flags: 's' }) : () => false;
    }
    /**
     * SPEC §3: tags, then config globs, then the deploying pipeline, then words of the path and names,
     * then the default; production words of the path outweigh a pipeline that says nonproduction.
     */
    resolve(input) {
        for (const key of ['stage', 'environment', 'env']) {
            const v = findTag(input.tags, key);
            if (v === undefined)
                continue;
            const c = classifyWords(v);
            if (c.stage !== 'unknown')
                return { stage: c.stage, reason: `tags.${key}: ${v}` };
        }
        if (this.prod(input.path))
            return { stage: 'production', reason: 'config stages.production glob' };
        if (this.nonprod(input.path))
            return { stage: 'nonproduction', reason: 'config stages.nonproduction glob' };
        const byPath = classifyWords(input.path, ...input.names);
        // Fail closed, as between two pipelines: a file whose path or name says production stays
        // production when the only pipelines that deploy it say otherwise (a workflow added to call a
        // production manifest "dev" must not switch its production rules off). Tags and config decide.
        if (input.pipeline?.stage === 'nonproduction' && byPath.stage === 'production') {
            return { stage: 'production', reason: `word "${byPath.word}" in the path or name (production wins: ${input.pipeline.reason})` };
        }
        if (input.pipeline && input.pipeline.stage !== 'unknown')
            return input.pipeline;
        // A pipeline that deploys the file without saying which stage: rules 4 and 5 decide, and the reason says both.
        const deployed = input.pipeline ? `; ${input.pipeline.reason}` : '';
        if (byPath.stage !== 'unknown')
            return { stage: byPath.stage, reason: `word "${byPath.word}" in the path or name${deployed}` };
        if (this.rules.defaultStage !== 'unknown')
            return { stage: this.rules.defaultStage, reason: `default-stage${deployed}` };
        if (input.pipeline)
            return { stage: 'unknown', reason: `${input.pipeline.reason}; no stage tag, config glob or path word either` };
        return { stage: 'unknown', reason: 'no stage tag, config glob, deploying pipeline or path word' };
    }
}
function findTag(tags, key) {
    for (const k of Object.keys(tags))
        if (k.toLowerCase() === key)
            return tags[k];
    return undefined;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/commands.ts
// What an `az ml …` command line deploys (loader notes §6) and the values it sets on the command
// line, which replace the file's (`--name`, `--endpoint-name`, `--set k=v`, compute flags).

const V2_GROUPS = {
    'online-deployment': 'online-deployment',
    'online-endpoint': 'online-endpoint',
    'batch-deployment': 'batch-deployment',
    'batch-endpoint': 'batch-endpoint',
    compute: 'compute',
    model: 'model',
};
const V2_FLAGS = {
    '--name': 'name',
    '-n': 'name',
    '--endpoint-name': 'endpoint_name',
    '--endpoint': 'endpoint_name',
    '-e': 'endpoint_name',
    '--type': 'type',
    '--size': 'size',
    '--tier': 'tier',
    '--min-instances': 'min_instances',
    '--max-instances': 'max_instances',
};
const V1_FLAGS = {
    '--name': 'name',
    '-n': 'name',
    '--compute-target': 'computeTargetName',
    '--ct': 'computeTargetName',
};
/** `words` is the whole command (`az ml …`). */
function azMlCommand(words) {
    if (words[0] !== 'az' || words[1] !== 'ml')
        return undefined;
    const [group, verb] = [words[2] ?? '', words[3] ?? ''];
    const flags = parseFlags(words.slice(4));
    const v2 = V2_GROUPS[group];
    if (v2 && (verb === 'create' || verb === 'update')) {
        const file = flags.get('--file') ?? flags.get('-f');
        if (!file?.[0])
            return undefined;
        const overrides = pick(flags, V2_FLAGS);
        for (const kv of flags.get('--set') ?? []) {
            const eq = kv.indexOf('=');
            if (eq > 0)
                overrides[kv.slice(0, eq)] = kv.slice(eq + 1);
        }
        return { command: v2, file: file[0], overrides };
    }
    if ((group === 'model' && verb === 'deploy') || (group === 'service' && verb === 'update')) {
        const file = flags.get('--deploy-config-file') ?? flags.get('--dc') ?? flags.get('-dc');
        if (!file?.[0])
            return undefined;
        return { command: 'v1-model-deploy', file: file[0], overrides: pick(flags, V1_FLAGS) };
    }
    return undefined;
}
/** `--flag value…` (values are the words up to the next flag; `--flag=value` too). */
function parseFlags(args) {
    const out = new Map();
    let cur;
    for (const a of args) {
        if (/^--?[A-Za-z]/.test(a)) {
            const eq = a.indexOf('=');
            const name = eq > 0 ? a.slice(0, eq) : a;
            cur = out.get(name) ?? [];
            out.set(name, cur);
            if (eq > 0) {
                cur.push(a.slice(eq + 1));
                cur = undefined;
            }
        }
        else if (cur)
            cur.push(a);
    }
    return out;
}
function pick(flags, table) {
    const out = dict();
    for (const [flag, key] of Object.entries(table)) {
        const v = flags.get(flag)?.[0];
        if (v !== undefined && !(key in out))
            out[key] = v;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/paths.ts
// Repo-relative path resolution for the files pipelines name. Never leaves the repository:
// absolute paths and `..` past the root resolve to nothing; only paths in `files` are returned.
/** A segment the pipeline fills in at run time: `$(x)`, `$X`, `${{ x }}`, `` `cmd` ``, `%X%`. */
const isUnresolved = (s) => /[$`%]/.test(s);
/** POSIX-normalised relative path, or undefined when it is absolute or climbs out of the root. */
function normalize(p) {
    const s = p.replace(/\\/g, '/');
    if (s.startsWith('/') || s.startsWith('~') || /^[A-Za-z]:/.test(s))
        return undefined;
    const out = [];
    for (const seg of s.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (!out.length)
                return undefined;
            out.pop();
        }
        else
            out.push(seg);
    }
    return out.join('/');
}
function join(...parts) {
    return parts.filter((p) => p !== undefined && p !== '' && p !== '.').join('/');
}
function dirname(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
function basename(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
/** Ancestors of a file's folder, nearest first, ending with the root (''). */
function ancestors(file) {
    const out = [];
    for (let d = dirname(file); d !== ''; d = dirname(d))
        out.push(d);
    out.push('');
    return out;
}
/** The file set with lookups by basename and by suffix (built once per call). */
class FileIndex {
    files;
    byBase = new Map();
    constructor(files) {
        this.files = files;
        for (const f of files) {
            const b = basename(f);
            const list = this.byBase.get(b);
            if (list)
                list.push(f);
            else
                this.byBase.set(b, [f]);
        }
    }
    has(p) {
        return this.files.has(p);
    }
    suffixes = new Map();
    /** The one file whose path ends with `/tail` (or is `tail`), if exactly one (remembered: monorepo pipelines name the same tails). */
    uniqueSuffix(tail) {
        if (this.suffixes.has(tail))
            return this.suffixes.get(tail);
        let found;
        let n = 0;
        for (const f of this.byBase.get(basename(tail)) ?? []) {
            if (f !== tail && !f.endsWith(`/${tail}`))
                continue;
            found = f;
            if (++n > 1)
                break;
        }
        const out = n === 1 ? found : undefined;
        this.suffixes.set(tail, out);
        return out;
    }
}
/**
 * Resolves a path a command names. `cwd` is the step's working directory as written after
 * substitution (may still hold unresolved variables); `bases` are tried in order after it (the
 * project root, the ancestors of the pipeline file nearest first, the root).
 */
function resolvePath(raw, cwd, bases, index) {
    const p = unquote(raw).replace(/\\/g, '/');
    if (!p || p.length > 1024)
        return undefined;
    if (isAbsolute(p))
        return undefined;
    const combined = cwd !== undefined && cwd !== '' ? `${cwd.replace(/\\/g, '/').replace(/\/+$/, '')}/${p}` : p;
    const segs = combined.split('/');
    let last = -1;
    segs.forEach((s, i) => {
        if (isUnresolved(s))
            last = i;
    });
    if (last >= 0)
        return byTail(segs.slice(last + 1), bases, index);
    // An absolute working directory, or `..` past the root from where the step runs: outside the repository.
    if (isAbsolute(combined) || normalize(join(bases[0] ?? '', combined)) === undefined)
        return undefined;
    for (const candidate of combined === p ? [p] : [combined, p]) {
        for (const base of bases) {
            const n = normalize(join(base, candidate));
            if (n !== undefined && index.has(n))
                return n;
        }
    }
    if (p.split('/').includes('..'))
        return undefined;
    const n = normalize(p);
    return n && n.includes('/') ? index.uniqueSuffix(n) : undefined;
}
/** After an unresolved prefix: drop leading segments until a file matches; a bare basename must be unique. */
function byTail(tail, bases, index) {
    if (!tail.length || tail.includes('..'))
        return undefined;
    for (let k = 0; k < tail.length; k++) {
        const t = tail.slice(k).filter((s) => s !== '' && s !== '.');
        if (!t.length)
            continue;
        const rest = t.join('/');
        if (t.length === 1)
            return index.uniqueSuffix(rest);
        for (const base of bases) {
            const n = normalize(join(base, rest));
            if (n !== undefined && index.has(n))
                return n;
        }
        const u = index.uniqueSuffix(rest);
        if (u)
            return u;
    }
    return undefined;
}
function isAbsolute(p) {
    return p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:/.test(p);
}
function unquote(s) {
    const t = s.trim();
    return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/shell.ts
// Just enough of a POSIX shell reader to find the `az ml …` commands of a script: quotes,
// `\` continuations, comments, `;` `&&` `||` `|` separators, `$X`/`${X}` from the environment and
// from earlier `X=value` / `export X=value` lines, and `cd DIR`. Command substitutions, arithmetic
// and anything not listed stay as written (unresolved).
/** Variables a script sees: its own assignments over its parent's, without copying the parent. */
class Env {
    parent;
    own = new Map();
    constructor(parent) {
        this.parent = parent;
    }
    get(name) {
        return this.own.has(name) ? this.own.get(name) : this.parent?.get(name);
    }
    set(name, value) {
        this.own.set(name, value);
        return this;
    }
}
const MAX_SCRIPT = 256 * 1024;
const MAX_COMMANDS = 5000;
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'sudo', 'command', 'exec', 'fi', 'done']);
/** Splits a script into simple commands with variables expanded from `env` (which the script updates). */
function simpleCommands(script, env, powershell = false) {
    if (script.length > MAX_SCRIPT)
        return [];
    const text = powershell ? script.replace(/`\r?\n/g, '\\\n') : script;
    const out = [];
    let cd;
    const finish = (words, line) => {
        let i = 0;
        while (i < words.length && KEYWORDS.has(words[i]))
            i++;
        const ws = words.slice(i);
        let j = 0;
        while (j < ws.length && /^[A-Za-z_]\w*=/.test(ws[j]))
            j++;
        if (j === ws.length || ['export', 'local', 'declare', 'readonly'].includes(ws[0])) {
            for (const a of ws.slice(j === ws.length ? 0 : 1))
                shell_assign(env, a);
            return;
        }
        const cmd = ws.slice(j);
        if (cmd[0] === 'cd') {
            const dir = cmd[1];
            cd = dir === undefined || dir.startsWith('/') || dir === '-' || dir === '~' ? '$UNKNOWN' : cd ? `${cd}/${dir}` : dir;
            return;
        }
        if (out.length < MAX_COMMANDS)
            out.push(cd === undefined ? { words: cmd, line } : { words: cmd, line, cd });
    };
    tokenize(text, env, finish);
    return out;
}
function shell_assign(env, a) {
    const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(a);
    if (m)
        env.set(m[1], /[$`]/.test(m[2]) ? undefined : m[2]);
}
function tokenize(text, env, finish) {
    let words = [];
    let word;
    let line = 0;
    let cmdLine = 0;
    const push = (s) => {
        if (word === undefined) {
            word = '';
            if (!words.length)
                cmdLine = line;
        }
        word += s;
    };
    const endWord = () => {
        if (word !== undefined)
            words.push(word);
        word = undefined;
    };
    const endCommand = () => {
        endWord();
        if (words.length)
            finish(words, cmdLine);
        words = [];
    };
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        if (c === '\\' && text[i + 1] === '\n') {
            line++;
            i += 2;
        }
        else if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
            line++;
            i += 3;
        }
        else if (c === '\\') {
            push(text[i + 1] ?? '');
            i += 2;
        }
        else if (c === '\n') {
            endCommand();
            line++;
            i++;
        }
        else if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
            i++;
        }
        else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
            endCommand();
            i++;
        }
        else if (c === '#' && word === undefined) {
            while (i < n && text[i] !== '\n')
                i++;
        }
        else if (c === "'") {
            const end = text.indexOf("'", i + 1);
            const stop = end < 0 ? n : end;
            const s = text.slice(i + 1, stop);
            line += count(s);
            push(s);
            i = stop + 1;
        }
        else if (c === '"') {
            const start = i++;
            let s = '';
            while (i < n && text[i] !== '"') {
                if (text[i] === '\\' && i + 1 < n && '"\\$`'.includes(text[i + 1])) {
                    s += text[i + 1];
                    i += 2;
                }
                else if (text[i] === '$') {
                    const [v, next] = expansion(text, i, env);
                    s += v;
                    i = next;
                }
                else
                    s += text[i++];
            }
            i++;
            line += count(text.slice(start, i));
            push(s);
        }
        else if (c === '$') {
            const [v, next] = expansion(text, i, env);
            line += count(text.slice(i, next));
            push(v);
            i = next;
        }
        else if (c === '`') {
            const end = text.indexOf('`', i + 1);
            const stop = end < 0 ? n : end;
            push(text.slice(i, stop + 1).replace(/\s+/g, ' '));
            line += count(text.slice(i, stop));
            i = stop + 1;
        }
        else {
            push(c);
            i++;
        }
    }
    endCommand();
}
/** `$…` at `i`: the value when known, else the text as written. Returns [text, next index]. */
function expansion(text, i, env) {
    const rest = text.slice(i, i + 4);
    if (rest.startsWith('${{')) {
        const end = text.indexOf('}}', i + 3);
        const stop = end < 0 ? text.length : end + 2;
        return [text.slice(i, stop).replace(/\s+/g, ' '), stop];
    }
    if (rest.startsWith('$(')) {
        const stop = balanced(text, i + 1, '(', ')');
        return [text.slice(i, stop).replace(/\s+/g, ' '), stop];
    }
    if (rest.startsWith('${')) {
        const end = text.indexOf('}', i + 2);
        const stop = end < 0 ? text.length : end + 1;
        const name = text.slice(i + 2, stop - 1);
        const v = /^[A-Za-z_]\w*$/.test(name) ? env.get(name) : undefined;
        return [v ?? text.slice(i, stop), stop];
    }
    const m = /^\$([A-Za-z_]\w*)/.exec(text.slice(i, i + 256));
    if (m) {
        const v = env.get(m[1]);
        return [v ?? m[0], i + m[0].length];
    }
    return ['$', i + 1];
}
function balanced(text, i, open, close) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
        if (text[j] === open)
            depth++;
        else if (text[j] === close && --depth === 0)
            return j + 1;
    }
    return text.length;
}
function count(s) {
    let k = 0;
    for (let j = s.indexOf('\n'); j !== -1; j = s.indexOf('\n', j + 1))
        k++;
    return k;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/evidence.ts




/** Bounds of one `findDeployments` call. */
const evidence_LIMITS = {
    evidence: 10_000,
    /** Template / reusable-workflow inclusions per top-level pipeline. */
    expansions: 256,
    /** Nesting depth of templates (Azure DevOps allows 20 levels). */
    depth: 20,
    /** Steps visited per top-level pipeline. */
    steps: 20_000,
    /** Depth of scripts calling scripts (`bash deploy.sh`). */
    scripts: 2,
    /** Steps visited and script characters read in one call, all pipelines together. */
    totalSteps: 200_000,
    totalScriptChars: 16 * 1024 * 1024,
    /** Depth of `- ${{ parameters.steps }}` lists spliced into lists. */
    splices: 8,
};
class Collector {
    index;
    docs;
    evidence = [];
    /** Files that run only as part of another pipeline (templates, called workflows). */
    included = new Set();
    seen = new Set();
    steps = 0;
    chars = 0;
    /** Counts one step (or list item) visited; false once the call's budget is spent. */
    step() {
        return ++this.steps <= evidence_LIMITS.totalSteps;
    }
    constructor(index, docs) {
        this.index = index;
        this.docs = docs;
    }
    /** Finds the deploy commands of a script (pipeline expressions already substituted). */
    script(site, text, powershell = false, depth = 0) {
        this.chars += text.length;
        if (this.chars > evidence_LIMITS.totalScriptChars)
            return;
        const env = new Env(site.env);
        for (const c of simpleCommands(text, env, powershell)) {
            const line = site.scriptLine ? site.scriptLine(c.line) : site.line;
            const cwd = c.cd === undefined ? site.cwd : c.cd.startsWith('$') ? c.cd : join(site.cwd, c.cd);
            const az = azMlCommand(c.words);
            if (az) {
                this.add({ ...site, cwd }, az.command, az.file, az.overrides, line);
                continue;
            }
            const called = calledScript(c.words);
            if (called && depth < evidence_LIMITS.scripts) {
                const path = resolvePath(called, cwd, site.bases, this.index);
                const body = path === undefined ? undefined : this.docs.text(path);
                if (body !== undefined)
                    this.script({ ...site, cwd, line, scriptLine: undefined, env }, body, false, depth + 1);
            }
        }
    }
    /** Records that the step deploys `rawFile` (resolved against the step's folders) as `command`. */
    add(site, command, rawFile, overrides, line = site.line) {
        if (this.evidence.length >= evidence_LIMITS.evidence)
            return;
        const manifest = resolvePath(rawFile, site.cwd, site.bases, this.index);
        if (manifest === undefined)
            return;
        const key = [manifest, command, site.pipeline, line, site.stageName, site.jobName, site.stepName].join('\u0000');
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        const verdict = judge(site);
        const e = {
            manifest,
            command,
            pipeline: site.pipeline,
            platform: site.platform,
            line,
            variableFiles: [...site.variableFiles],
            stage: verdict.stage,
            reason: `deployed by ${site.pipeline}${site.stageName ? ` stage ${site.stageName}` : ''}${site.jobName ? ` job ${site.jobName}` : ''} (${verdict.detail})`,
            overrides,
        };
        if (site.stageName !== undefined)
            e.stageName = site.stageName;
        if (site.jobName !== undefined)
            e.jobName = site.jobName;
        if (site.stepName !== undefined)
            e.stepName = site.stepName;
        if (site.environment !== undefined)
            e.environment = site.environment;
        this.evidence.push(e);
    }
}
/** `bash x.sh`, `sh x.sh`, `source x.sh`, `. x.sh`, `./x.sh`: the script a command runs. */
function calledScript(words) {
    const [a, b] = words;
    if (['bash', 'sh', 'source', '.'].includes(a) && b && /\.(sh|bash)$/.test(b))
        return b;
    if (a && /\.(sh|bash)$/.test(a))
        return a;
    return undefined;
}
/** Stage words of a name: punctuation other than `/ . _ -` separates words too ("Deploy to Staging (ACI)"). */
function classifyName(text) {
    return classifyWords(text.replace(/[^\p{L}\p{N}/._\-\s]+/gu, ' '));
}
/** The first production clue, else the first nonproduction clue. */
function decide(clues) {
    let nonprod;
    for (const c of clues) {
        const s = classifyName(c.text).stage;
        if (s === 'production')
            return { stage: s, detail: c.detail };
        if (s === 'nonproduction' && !nonprod)
            nonprod = c;
    }
    return nonprod && { stage: 'nonproduction', detail: nonprod.detail };
}
/** Names nearest the deployment's scope first, for the reason (the stage is fail-closed over all of them). */
const evidence_RANK = { stage: 0, job: 1, step: 2, workflow: 3 };
/** What one step's context says: environment, else variable files, else names (each fail-closed). */
function judge(site) {
    const envs = [];
    // An unresolved expression is judged by the values it may take, not by its own words.
    if (site.environment !== undefined && !/\$\{\{|\$\(/.test(site.environment)) {
        envs.push({ text: site.environment, detail: `environment: ${site.environment}` });
    }
    for (const alt of site.environmentAlternatives ?? []) {
        envs.push({ text: alt, detail: `environment: ${site.environment ?? alt} may be ${alt}` });
    }
    const files = site.variableFiles.map((f) => {
        const when = site.when?.[f];
        return { text: basename(f), detail: `variable file ${f}${when === undefined ? '' : ` if ${when}`}` };
    });
    const names = [...site.names]
        .sort((a, b) => evidence_RANK[a.kind] - evidence_RANK[b.kind])
        .map((n) => ({ text: n.value, detail: `${n.kind} name "${n.value}"` }));
    return (decide(envs) ??
        decide(files) ??
        decide(names) ?? { stage: 'unknown', detail: 'no environment, variable file or stage word in its names' });
}
/** Any production ⇒ production (fail closed); else nonproduction if any; else unknown. */
function stageFromPipelines(evidence) {
    if (!evidence.length)
        return undefined;
    const prod = evidence.find((e) => e.stage === 'production');
    const nonprod = evidence.find((e) => e.stage === 'nonproduction');
    if (prod) {
        const also = nonprod ? `; also deployed as nonproduction by ${nonprod.pipeline}${nonprod.jobName ? ` job ${nonprod.jobName}` : ''}` : '';
        return { stage: 'production', reason: prod.reason + also };
    }
    return nonprod ? { stage: 'nonproduction', reason: nonprod.reason } : { stage: 'unknown', reason: evidence[0].reason };
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/expr.ts
// `${{ … }}` expressions (GitHub Actions and Azure DevOps template expressions) and Azure DevOps
// `$(name)` macros. Only what can be known from the files is evaluated: literals, context
// look-ups, `a || b`, `format()`, `coalesce()`. Everything else stays as written (unresolved).
const MAX_TEXT = 64 * 1024;
const EXPR = /\$\{\{([\s\S]*?)\}\}/g;
/** Replaces every `${{ expr }}` whose value is known; the others stay as written. */
function substitute(text, ctx) {
    if (text.length > MAX_TEXT || !text.includes('${{'))
        return text;
    const out = text.replace(EXPR, (whole, body) => {
        const v = evaluate(body, ctx);
        return v === undefined ? whole : v;
    });
    return out.length > MAX_TEXT ? text : out;
}
/** The value of a string that is exactly one expression (objects and lists included). */
function exactValue(text, ctx) {
    const m = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(text);
    if (!m || m[1].includes('}}'))
        return undefined;
    const ast = parse(m[1]);
    return ast ? value(ast, ctx) : undefined;
}
/** String value of an expression body, or undefined when any part is unknown. */
function evaluate(body, ctx) {
    const ast = parse(body);
    if (!ast)
        return undefined;
    return scalar(value(ast, ctx));
}
/** The string literals inside an expression (`github.ref == 'x' && 'prod' || 'dev'` → x, prod, dev). */
function literals(text) {
    const out = [];
    for (const m of text.matchAll(EXPR))
        for (const l of m[1].matchAll(/'((?:[^']|'')*)'/g))
            out.push(l[1].replace(/''/g, "'"));
    return out;
}
/** Azure DevOps macros `$(name)`: replaced when the variable is known, recursively (bounded). */
function macros(text, lookup, depth = 0) {
    if (depth > 6 || text.length > MAX_TEXT || !text.includes('$('))
        return text;
    const out = text.replace(/\$\(([A-Za-z_][\w.\-]*)\)/g, (whole, name) => {
        const v = lookup(name);
        return v === undefined ? whole : macros(v, lookup, depth + 1);
    });
    return out.length > MAX_TEXT ? text : out;
}
function scalar(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return undefined;
}
const TOKEN = /\s*(?:('(?:[^']|'')*')|(\|\||[(),])|([A-Za-z_][\w-]*(?:\s*(?:\.\s*[A-Za-z_*][\w-]*|\[\s*(?:'(?:[^']|'')*'|\d+)\s*\]))*)|(-?\d+(?:\.\d+)?))/y;
function expr_tokenize(src) {
    const out = [];
    TOKEN.lastIndex = 0;
    let pos = 0;
    while (pos < src.length) {
        if (/^\s*$/.test(src.slice(pos)))
            break;
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(src);
        if (!m || m.index !== pos)
            return undefined;
        out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
        pos = TOKEN.lastIndex;
        if (out.length > 200)
            return undefined;
    }
    return out;
}
function parse(body) {
    if (body.length > 2000)
        return undefined;
    const toks = expr_tokenize(body.trim());
    if (!toks || !toks.length)
        return undefined;
    let i = 0;
    const primary = () => {
        const t = toks[i++];
        if (t === undefined)
            return undefined;
        if (t.startsWith("'"))
            return { k: 'lit', v: t.slice(1, -1).replace(/''/g, "'") };
        if (/^-?\d/.test(t))
            return { k: 'lit', v: Number(t) };
        if (t === 'true' || t === 'false')
            return { k: 'lit', v: t === 'true' };
        if (t === 'null')
            return { k: 'lit', v: null };
        if (!/^[A-Za-z_]/.test(t))
            return undefined;
        if (toks[i] === '(') {
            i++;
            const args = [];
            while (toks[i] !== ')') {
                const a = or();
                if (!a)
                    return undefined;
                args.push(a);
                if (toks[i] === ',')
                    i++;
                else if (toks[i] !== ')')
                    return undefined;
            }
            i++;
            return { k: 'call', name: t.toLowerCase(), args };
        }
        return { k: 'ref', path: refPath(t) };
    };
    const or = () => {
        let a = primary();
        while (a && toks[i] === '||') {
            i++;
            const b = primary();
            a = b ? { k: 'or', a, b } : undefined;
        }
        return a;
    };
    const ast = or();
    return ast && i === toks.length ? ast : undefined;
}
function refPath(t) {
    const out = [];
    for (const m of t.matchAll(/([A-Za-z_*][\w-]*)|\[\s*'((?:[^']|'')*)'\s*\]|\[\s*(\d+)\s*\]/g))
        out.push(m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]);
    return out;
}
function value(ast, ctx) {
    switch (ast.k) {
        case 'lit':
            return ast.v;
        case 'ref':
            return ctx(ast.path);
        case 'or': {
            const a = value(ast.a, ctx);
            if (a === undefined)
                return undefined;
            return a === '' || a === null || a === false || a === 0 ? value(ast.b, ctx) : a;
        }
        case 'call': {
            const args = ast.args.map((a) => value(a, ctx));
            if (ast.name === 'format') {
                const parts = args.map(scalar);
                if (parts.some((p) => p === undefined))
                    return undefined;
                const [fmt, ...rest] = parts;
                return fmt.replace(/\{(\d+)\}/g, (w, n) => rest[Number(n)] ?? w);
            }
            if (ast.name === 'coalesce') {
                for (const a of args) {
                    if (a === undefined)
                        return undefined;
                    if (a !== '' && a !== null)
                        return a;
                }
                return '';
            }
            return undefined;
        }
    }
}
/** Case-insensitive own-key look-up along a path (Azure DevOps names are case-insensitive). */
function lookupPath(root, path) {
    let cur = root;
    for (const seg of path) {
        if (Array.isArray(cur) && /^\d+$/.test(seg))
            cur = cur[Number(seg)];
        else if (cur && typeof cur === 'object' && !Array.isArray(cur)) {
            const o = cur;
            const key = Object.hasOwn(o, seg) ? seg : Object.keys(o).find((k) => k.toLowerCase() === seg.toLowerCase());
            cur = key === undefined ? undefined : o[key];
        }
        else
            return undefined;
    }
    return cur;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/ado-scope.ts
// Azure DevOps scopes: template parameters, variables (maps, lists, variable templates, groups,
// `${{ if }}` blocks — every branch is taken), `${{ parameters.x }}` / `${{ variables.x }}` and
// `$(name)` substitution, and where templates live.






/** A variable set to different values in different `${{ if }}` branches (or to a non-string): unknown. */
const CONFLICT = Symbol('conflict');
/** Variables of a scope over its parent's (keys lower-case), without copying the parent. */
class Vars {
    own;
    parent;
    constructor(own = new Map(), parent) {
        this.own = own;
        this.parent = parent;
    }
    get(name) {
        return this.own.has(name) ? this.own.get(name) : this.parent?.get(name);
    }
    /** A known string value, by name or by the name a script sees (`a.b` is exported as `A_B`). */
    value(name) {
        const k = name.toLowerCase();
        const v = this.get(k) ?? this.get(k.replace(/_/g, '.'));
        return typeof v === 'string' ? v : undefined;
    }
}
/** Well-known folders: the checkout is the repository root. */
const ROOTS = new Set(['build.sourcesdirectory', 'system.defaultworkingdirectory', 'build.repository.localpath']);
const isConditional = (key) => /^\$\{\{\s*(if|elseif|else|each)\b/i.test(key);
function contexts(f) {
    return (path) => {
        const [head, ...rest] = path;
        if (head === 'parameters')
            return lookupPath(f.params, rest);
        if (head === 'variables' && rest.length === 1)
            return f.vars.value(rest[0]);
        return undefined;
    };
}
function macroLookup(f) {
    return (name) => {
        const n = name.toLowerCase();
        if (ROOTS.has(n))
            return '.';
        const v = f.vars.get(n);
        return typeof v === 'string' ? v : undefined;
    };
}
/** A string with template expressions and macros substituted (what the agent sees). */
function expand(f, s) {
    return macros(substitute(s, contexts(f)), macroLookup(f));
}
/** A value passed as a template parameter: expressions of the caller resolved, deep (bounded). */
function deepSubstitute(f, v, budget = { nodes: 0 }) {
    if (++budget.nodes > 2000)
        return undefined;
    if (typeof v === 'string') {
        const exact = exactValue(v, contexts(f));
        return exact !== undefined ? exact : substitute(v, contexts(f));
    }
    if (Array.isArray(v))
        return v.map((x) => deepSubstitute(f, x, budget));
    if (isMapping(v)) {
        const out = dict();
        for (const [k, x] of Object.entries(v))
            out[k] = deepSubstitute(f, x, budget);
        return out;
    }
    return v;
}
/** Declared parameters' defaults, overlaid with the caller's values. */
function parametersOf(declared, given) {
    const out = dict();
    if (Array.isArray(declared)) {
        for (const p of declared) {
            const m = map(p);
            const name = str(m?.name);
            if (name !== undefined && m && 'default' in m)
                out[name] = m.default;
        }
    }
    else if (isMapping(declared)) {
        for (const [k, v] of Object.entries(declared))
            out[k] = v;
    }
    for (const [k, v] of Object.entries(given))
        out[k] = v;
    return out;
}
/** A template file named by `template:` in `from`: `/x.yml` from the root, else beside `from`, then its ancestors. */
function templatePath(ref, from, c) {
    const r = ref.trim().replace(/@self$/, '');
    if (r.startsWith('/')) {
        const n = normalize(r.slice(1));
        return n !== undefined && c.docs.has(n) ? n : undefined;
    }
    const p = resolvePath(r, undefined, ancestors(from), c.index);
    return p !== undefined && c.docs.has(p) ? p : undefined;
}
/** The scope's variables after a `variables:` block (and the variable files it names). */
function withVariables(f, block, ptr, c, budget) {
    if (block === undefined)
        return f;
    const assigns = [];
    const files = [...f.variableFiles];
    const when = Object.assign(dict(), f.when);
    readVariables(f, block, ptr, undefined, assigns, { files, when }, c, budget);
    const own = new Map();
    const byName = new Map();
    for (const a of assigns) {
        const k = a.name.toLowerCase();
        const list = byName.get(k);
        if (list)
            list.push(a);
        else
            byName.set(k, [a]);
    }
    for (const [k, list] of byName) {
        const values = new Set(list.map((a) => a.value));
        const last = list[list.length - 1].value;
        own.set(k, (values.size > 1 && list.some((a) => a.cond !== undefined)) || last === undefined ? CONFLICT : last);
    }
    return { ...f, vars: new Vars(own, f.vars), variableFiles: files, when };
}
/** `${{ if eq(a, b) }}` → `eq(a, b)`, nested conditions joined with "and". */
function condition(outer, key) {
    const m = /^\$\{\{\s*(?:(?:else)?if\s+)?([\s\S]*?)\s*\}\}$/.exec(key.trim());
    const own = m ? m[1] : key;
    return outer === undefined ? own : `${outer} and ${own}`;
}
function readVariables(f, block, ptr, cond, out, fs, c, budget) {
    if (out.length > 5000)
        return;
    const push = (name, v, p, conditional) => {
        const s = f.doc.scalar(p, v);
        out.push({ name, value: s === undefined ? undefined : substitute(s, contexts(f)), cond: conditional });
    };
    if (isMapping(block)) {
        for (const [k, v] of Object.entries(block)) {
            if (isConditional(k))
                readVariables(f, v, at(ptr, k), condition(cond, k), out, fs, c, budget);
            else
                push(k, v, at(ptr, k), cond);
        }
        return;
    }
    if (!Array.isArray(block))
        return;
    block.forEach((item, i) => {
        const m = map(item);
        if (!m)
            return;
        const keys = Object.keys(m);
        const p = at(ptr, i);
        if (keys.length === 1 && isConditional(keys[0])) {
            readVariables(f, m[keys[0]], at(p, keys[0]), condition(cond, keys[0]), out, fs, c, budget);
        }
        else if (str(m.name) !== undefined && 'value' in m) {
            push(str(m.name), m.value, at(p, 'value'), cond);
        }
        else if (str(m.template) !== undefined) {
            const ref = substitute(str(m.template), contexts(f));
            const local = !ref.includes('@') || ref.endsWith('@self');
            const path = local ? templatePath(ref, f.file, c) : undefined;
            const named = path ?? (local ? resolvePath(ref, undefined, ancestors(f.file), c.index) : undefined) ?? ref;
            if (!fs.files.includes(named))
                fs.files.push(named);
            if (cond !== undefined)
                fs.when[named] = cond;
            const doc = path === undefined ? undefined : c.docs.get(path);
            if (!doc || f.stack.includes(path) || f.depth >= evidence_LIMITS.depth || ++budget.expansions > evidence_LIMITS.expansions)
                return;
            c.included.add(doc.path);
            const params = parametersOf(doc.root.parameters, map(deepSubstitute(f, m.parameters)) ?? {});
            const inner = { ...f, file: doc.path, doc, params, depth: f.depth + 1, stack: [...f.stack, doc.path] };
            readVariables(inner, doc.root.variables, '/variables', cond, out, fs, c, budget);
        }
        // `- group: name`: a variable group lives in Azure DevOps, not in the repository (unknown values).
    });
}
/** Variables as the agent exports them to scripts (`a.b` → `$A_B`), and the step's `env:`. */
function scriptEnv(f, extra) {
    const look = macroLookup(f);
    const base = {
        get: (name) => {
            const v = ROOTS.has(name.toLowerCase().replace(/_/g, '.')) ? '.' : f.vars.value(name);
            return v === undefined ? undefined : macros(v, look);
        },
    };
    const m = map(extra);
    if (!m)
        return base;
    const env = new Env(base);
    for (const [k, v] of Object.entries(m)) {
        const s = str(v);
        if (s !== undefined)
            env.set(k, expand(f, s));
    }
    return env;
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/conventions.ts
/** Azure/mlops-templates `templates/aml-cli-v2/*.yml@<alias of a repository named mlops-templates>`. */
const ADO_MLOPS_TEMPLATES = [
    {
        // templates/aml-cli-v2/create-deployment.yml:13-24
        path: /(^|\/)create-deployment\.ya?ml$/,
        displayName: 'Create deployment',
        script: 'az ml $(endpoint_type)-deployment create --name ${{ parameters.deployment_name }} --endpoint $(endpoint_name) -f ${{ parameters.deployment_file }}',
    },
    {
        // templates/aml-cli-v2/create-endpoint.yml:8-25
        path: /(^|\/)create-endpoint\.ya?ml$/,
        displayName: 'Create online/batch endpoint',
        script: 'az ml $(endpoint_type)-endpoint create --name $(endpoint_name) -f ${{ parameters.endpoint_file }}',
    },
];
/** A repository resource is mlops-templates when its name (or alias) ends with `mlops-templates`. */
const isMlopsTemplates = (repoName) => /(^|\/)mlops-templates$/i.test(repoName.trim());
/** Azure/mlops-templates reusable workflows `uses: <owner>/mlops-templates/.github/workflows/x.yml@ref`. */
const GHA_MLOPS_WORKFLOWS = [
    {
        // .github/workflows/create-deployment.yml:57-61 — the *deployment* file is the input `endpoint_file`
        path: /^[\w.-]+\/mlops-templates\/\.github\/workflows\/create-deployment\.ya?ml@/i,
        displayName: 'create-deployment',
        script: 'az ml ${{ inputs.endpoint_type }}-deployment create --name ${{ inputs.deployment_name }} --endpoint ${{ inputs.endpoint_name }} -f ${{ github.workspace }}/${{ inputs.endpoint_file }}',
    },
    {
        // .github/workflows/create-endpoint.yml:54-58
        path: /^[\w.-]+\/mlops-templates\/\.github\/workflows\/create-endpoint\.ya?ml@/i,
        displayName: 'create-endpoint',
        script: 'az ml ${{ inputs.endpoint_type }}-endpoint create --name ${{ inputs.endpoint_name }} -f ${{ github.workspace }}/${{ inputs.endpoint_file }}',
    },
];
/** mlops-templates' read-yaml workflow: its `file_name` input is a variable file. */
const GHA_READ_YAML = /^[\w.-]+\/mlops-templates\/\.github\/workflows\/read-yaml\.ya?ml@/i;
/** The mlops-v2 variable files, wherever a workflow names them. */
const CONFIG_INFRA = /(?<![\w.-])config-infra-[\w.-]*?\.ya?ml\b/gi;
/** Azure/aml-* actions read `.cloud/.azure/<parameters_file>` (README of each action). */
const AML_ACTIONS = [
    { uses: /^azure\/aml-deploy@/i, input: 'parameters_file', defaultFile: 'deploy.json', command: 'aml-deploy' },
    { uses: /^azure\/aml-compute@/i, input: 'parameters_file', defaultFile: 'compute.json', command: 'aml-compute' },
    { uses: /^azure\/aml-registermodel@/i, input: 'parameters_file', defaultFile: 'registermodel.json', command: 'aml-registermodel' },
];
const AML_ACTIONS_DIR = '.cloud/.azure';

;// CONCATENATED MODULE: ./src/inventory/pipelines/azure-devops.ts
// Azure DevOps pipelines: stages, jobs, deployment jobs, steps, local templates with parameters,
// mlops-templates `@repo` templates (conventions.ts), script steps and script tasks.







/** Root keys of an Azure DevOps pipeline or template. */
function isAzurePipeline(doc) {
    const r = doc.root;
    if ('$schema' in r)
        return false;
    return Array.isArray(r.stages) || Array.isArray(r.jobs) || Array.isArray(r.steps) || isMapping(r.extends);
}
function walkPipeline(doc, c) {
    const repos = dict();
    for (const r of Array.isArray(map(doc.root.resources)?.repositories) ? map(doc.root.resources).repositories : []) {
        const m = map(r);
        const alias = str(m?.repository);
        if (alias !== undefined)
            repos[alias] = str(m?.name) ?? alias;
    }
    const base = {
        file: doc.path,
        doc,
        anchor: 0,
        params: parametersOf(doc.root.parameters, {}),
        vars: new Vars(),
        variableFiles: [],
        when: dict(),
        depth: 0,
        stack: [doc.path],
        repos,
    };
    const ctx = { c, top: doc, budget: { expansions: 0, steps: 0 }, names: [] };
    walkRoot(withVariables(base, doc.root.variables, '/variables', c, ctx.budget), doc.root, '', ctx);
}
/** Line in the top pipeline: the item's own line there, else the outermost `template:` line. */
const lineOf = (f, ptr) => (f.anchor ? f.anchor : f.doc.line(ptr));
function walkRoot(f, root, ptr, ctx) {
    const ext = map(root.extends);
    if (ext && str(ext.template) !== undefined) {
        include(f, str(ext.template), ext.parameters, at(at(ptr, 'extends'), 'template'), ctx, (g, d) => walkRoot(withVariables(g, d.root.variables, '/variables', ctx.c, ctx.budget), d.root, '', ctx));
    }
    if (Array.isArray(root.stages))
        each(f, root.stages, at(ptr, 'stages'), ctx, (g, item, p) => stage(g, item, p, ctx), 'stages');
    if (Array.isArray(root.jobs))
        each(f, root.jobs, at(ptr, 'jobs'), ctx, (g, item, p) => job(g, item, p, ctx), 'jobs');
    if (Array.isArray(root.steps))
        each(f, root.steps, at(ptr, 'steps'), ctx, (g, item, p) => step(g, item, p, ctx), 'steps');
}
/** List items, `${{ if }}` blocks flattened (every branch), `- template:` items expanded. */
function each(f, list, ptr, ctx, visit, listKey, splices = 0) {
    const items = Array.isArray(list) ? list : [];
    items.forEach((raw, i) => {
        if (++ctx.budget.steps > evidence_LIMITS.steps || !ctx.c.step())
            return;
        const p = at(ptr, i);
        if (typeof raw === 'string') {
            const spliced = splices < evidence_LIMITS.splices ? exactValue(raw, contexts(f)) : undefined;
            if (Array.isArray(spliced))
                each({ ...f, anchor: f.anchor || f.doc.line(p) }, spliced, p, ctx, visit, listKey, splices + 1);
            return;
        }
        const m = map(raw);
        if (!m)
            return;
        const keys = Object.keys(m);
        if (keys.length === 1 && isConditional(keys[0]))
            return each(f, m[keys[0]], at(p, keys[0]), ctx, visit, listKey, splices);
        const tpl = str(m.template);
        if (tpl !== undefined && listKey !== undefined) {
            include(f, tpl, m.parameters, p, ctx, (g, d) => each(g, d.root[listKey], at('', listKey), ctx, visit, listKey));
            return;
        }
        visit(f, merged(m), p);
    });
}
/** A mapping with its `${{ if }}` members merged in (every branch; the first value of a key wins). */
function merged(m) {
    const out = dict();
    const cond = [];
    for (const [k, v] of Object.entries(m)) {
        if (isConditional(k)) {
            const inner = map(v);
            if (inner)
                cond.push(merged(inner));
        }
        else
            out[k] = v;
    }
    for (const c of cond)
        for (const [k, v] of Object.entries(c))
            if (!(k in out))
                out[k] = v;
    return out;
}
/** Expands a local template (relative to the including file) with its parameters. */
function include(f, ref, given, ptr, ctx, walk) {
    const written = substitute(ref, contexts(f));
    const at_ = written.lastIndexOf('@');
    if (at_ > 0 && !written.endsWith('@self'))
        return external(f, written.slice(0, at_), written.slice(at_ + 1), given, ptr, ctx);
    if (f.depth >= evidence_LIMITS.depth || ++ctx.budget.expansions > evidence_LIMITS.expansions)
        return;
    const path = templatePath(written, f.file, ctx.c);
    if (path === undefined || f.stack.includes(path))
        return;
    const doc = ctx.c.docs.get(path);
    if (!doc)
        return;
    ctx.c.included.add(path);
    const params = parametersOf(doc.root.parameters, map(deepSubstitute(f, given)) ?? {});
    walk({ ...f, file: path, doc, anchor: lineOf(f, ptr), params, depth: f.depth + 1, stack: [...f.stack, path] }, doc);
}
function stage(f, s, ptr, ctx) {
    const g = withVariables(f, s.variables, at(ptr, 'variables'), ctx.c, ctx.budget);
    const id = str(s.stage);
    const display = str(s.displayName);
    const names = [...ctx.names, ...named('stage', g, id, display)];
    const inner = { ...ctx, names, ...(id !== undefined ? { stageName: expand(g, id) } : {}) };
    each(g, s.jobs, at(ptr, 'jobs'), inner, (h, item, p) => job(h, item, p, inner), 'jobs');
}
function named(kind, f, ...values) {
    return values.filter((v) => v !== undefined).map((v) => ({ kind, value: expand(f, v) }));
}
function job(f, j, ptr, ctx) {
    const g = withVariables(f, j.variables, at(ptr, 'variables'), ctx.c, ctx.budget);
    const id = str(j.job) ?? str(j.deployment);
    const names = [...ctx.names, ...named('job', g, id, str(j.displayName))];
    const envRaw = str(j.environment) ?? str(map(j.environment)?.name);
    const inner = {
        ...ctx,
        names,
        ...(id !== undefined ? { jobName: expand(g, id) } : {}),
        ...(envRaw !== undefined ? { environment: expand(g, envRaw) } : {}),
    };
    const lists = [[j.steps, at(ptr, 'steps')]];
    const strategy = map(j.strategy);
    for (const [sk, sv] of Object.entries(strategy ?? {})) {
        for (const [hk, hv] of Object.entries(map(sv) ?? {})) {
            const hook = map(hv);
            if (hook)
                lists.push([hook.steps, at(at(at(at(ptr, 'strategy'), sk), hk), 'steps')]);
            for (const [ok, ov] of Object.entries(hk === 'on' ? (hook ?? {}) : {}))
                lists.push([map(ov)?.steps, at(at(at(at(at(ptr, 'strategy'), sk), hk), ok), 'steps')]);
        }
    }
    for (const [list, p] of lists)
        each(g, list, p, inner, (h, item, q) => step(h, item, q, inner), 'steps');
}
const SCRIPT_KEYS = ['script', 'bash', 'powershell', 'pwsh'];
function step(f, s, ptr, ctx) {
    const inputs = merged(map(s.inputs) ?? {});
    const display = str(s.displayName) ?? str(s.name);
    const task = str(s.task) ?? '';
    const key = SCRIPT_KEYS.find((k) => str(s[k]) !== undefined);
    const inlineKey = key ? undefined : ['inlineScript', 'script', 'Inline', 'InlineScript'].find((k) => str(inputs[k]) !== undefined);
    const fileRef = key || inlineKey ? undefined : (str(inputs.scriptPath) ?? str(inputs.filePath) ?? str(inputs.ScriptPath));
    if (!key && !inlineKey && fileRef === undefined)
        return;
    const wd = str(s.workingDirectory) ?? str(inputs.workingDirectory) ?? str(inputs.cwd);
    const site = siteOf(f, ctx, lineOf(f, ptr), display, s.env, wd);
    const powershell = key === 'powershell' || key === 'pwsh' || /powershell/i.test(task) || /^(ps|pscore|powershell)$/i.test(str(inputs.scriptType) ?? '');
    if (key || inlineKey) {
        const scriptPtr = key ? at(ptr, key) : at(at(ptr, 'inputs'), inlineKey);
        const raw = str(key ? s[key] : inputs[inlineKey]);
        const first = f.doc.valueLine(scriptPtr);
        const text = raw
            .split('\n')
            .map((l) => expand(f, l).replace(/\n/g, ' '))
            .join('\n');
        ctx.c.script(f.anchor ? site : { ...site, scriptLine: (o) => first + o }, text, powershell);
        return;
    }
    ctx.c.script(site, `bash ${JSON.stringify(expand(f, fileRef))}`);
}
function siteOf(f, ctx, line, stepName, env, wd) {
    const names = stepName ? [...ctx.names, ...named('step', f, stepName)] : ctx.names;
    const site = {
        pipeline: ctx.top.path,
        platform: 'azure-devops',
        line,
        variableFiles: f.variableFiles,
        when: f.when,
        names,
        // The agent runs steps in the repository root; then the project-template fallback (ancestors).
        bases: [...new Set(['', ...ancestors(ctx.top.path), ...ancestors(f.file)])],
        env: scriptEnv(f, env),
    };
    if (ctx.stageName !== undefined)
        site.stageName = ctx.stageName;
    if (ctx.jobName !== undefined)
        site.jobName = ctx.jobName;
    if (stepName !== undefined)
        site.stepName = expand(f, stepName);
    if (ctx.environment !== undefined)
        site.environment = ctx.environment;
    if (wd !== undefined)
        site.cwd = expand(f, wd);
    return site;
}
/** `template: x.yml@alias` from another repository: the mlops-templates convention, else nothing. */
function external(f, path, alias, given, ptr, ctx) {
    if (!isMlopsTemplates(f.repos[alias] ?? alias))
        return;
    const known = ADO_MLOPS_TEMPLATES.find((t) => t.path.test(path));
    if (!known)
        return;
    const params = map(deepSubstitute(f, given)) ?? {};
    const g = { ...f, params, vars: f.vars };
    const text = expand(g, known.script);
    const line = lineOf(f, ptr);
    ctx.c.script(siteOf(g, ctx, line, known.displayName, undefined, undefined), text);
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/github.ts
// GitHub Actions workflows: jobs, steps, `run:` scripts, local reusable workflows with their
// inputs, mlops-templates reusable workflows and the Azure/aml-* actions (conventions.ts).







const WORKFLOW = /^(?:(.*)\/)?\.github\/workflows\/[^/]+\.ya?ml$/i;
const isWorkflowPath = (path) => WORKFLOW.test(path);
/** The folder holding `.github/workflows/` (a sub-project's root for nested workflows). */
function projectRoot(path) {
    return WORKFLOW.exec(path)?.[1] ?? '';
}
/** The workflow's `on:` (YAML 1.1 reads the key `on` as true). */
function triggers(doc) {
    return doc.root.on ?? doc.root.true;
}
/** True when the workflow runs only when another workflow calls it. */
function callableOnly(doc) {
    const on = triggers(doc);
    if (typeof on === 'string')
        return on === 'workflow_call';
    if (Array.isArray(on))
        return on.length === 1 && on[0] === 'workflow_call';
    return isMapping(on) && Object.keys(on).length === 1 && 'workflow_call' in on;
}
function walkWorkflow(doc, c) {
    const root = projectRoot(doc.path);
    const run = {
        top: doc,
        c,
        root,
        bases: [...new Set([root, ...ancestors(doc.path)])],
        variableFiles: [],
        budget: { expansions: 0, steps: 0 },
    };
    collectVariableFiles(run, doc, {});
    walkJobs(run, doc, { inputs: dict(), names: [], depth: 0, stack: [doc.path] });
}
function github_contexts(inputs, env, matrix) {
    return (path) => {
        const [head, ...rest] = path;
        if (head === 'inputs')
            return str(lookupPath(inputs, rest));
        if (head === 'github' && rest.length === 1 && rest[0] === 'workspace')
            return '.';
        if (head === 'env' && rest.length === 1)
            return env.get(rest[0]);
        if (head === 'matrix' && rest.length === 1) {
            const vals = matrix[rest[0]];
            return vals && vals.length === 1 ? str(vals[0]) : undefined;
        }
        return undefined;
    };
}
/** `env:` values, each substituted with what is known so far. */
function addEnv(env, block, ctx) {
    const m = map(block);
    if (!m)
        return env;
    const out = new Env(env);
    for (const [k, v] of Object.entries(m)) {
        const s = str(v);
        if (s !== undefined)
            out.set(k, substitute(s, ctx(out)));
    }
    return out;
}
function matrixOf(job) {
    const out = dict();
    const m = map(map(job.strategy)?.matrix);
    if (!m)
        return out;
    for (const [k, v] of Object.entries(m))
        if (Array.isArray(v) && k !== 'include' && k !== 'exclude')
            out[k] = v.slice(0, 64);
    for (const inc of Array.isArray(m.include) ? m.include.slice(0, 64) : []) {
        for (const [k, v] of Object.entries(map(inc) ?? {}))
            (out[k] ??= []).push(v);
    }
    return out;
}
function walkJobs(run, doc, call) {
    const wfName = str(doc.root.name);
    const jobs = map(doc.root.jobs);
    if (!jobs)
        return;
    const choices = call.caller ? dict() : dispatchChoices(doc);
    const wfEnv = addEnv(new Env().set('GITHUB_WORKSPACE', '.'), doc.root.env, (env) => github_contexts(call.inputs, env, {}));
    for (const [id, raw] of Object.entries(jobs)) {
        const job = map(raw);
        if (!job)
            continue;
        const matrix = matrixOf(job);
        const ctxOf = (env) => github_contexts(call.inputs, env, matrix);
        const env = addEnv(wfEnv, job.env, ctxOf);
        const ctx = ctxOf(env);
        const jobPtr = at('/jobs', id);
        const jobName = str(job.name);
        const names = [
            ...call.names,
            { kind: 'job', value: id },
            ...(jobName ? [{ kind: 'job', value: substitute(jobName, ctx) }] : []),
        ];
        const tail = wfName ? [{ kind: 'workflow', value: wfName }] : [];
        const site = {
            pipeline: run.top.path,
            platform: 'github-actions',
            line: call.caller?.line ?? doc.line(jobPtr),
            jobName: call.caller?.job ?? id,
            variableFiles: run.variableFiles,
            names: [...names, ...tail],
            bases: run.bases,
            env,
            ...environmentOf(job, ctx, { matrix, inputs: choices }),
        };
        const wd = str(map(map(job.defaults)?.run)?.['working-directory']) ?? str(map(map(doc.root.defaults)?.run)?.['working-directory']);
        const uses = str(job.uses);
        if (uses !== undefined) {
            callWorkflow(run, doc, call, site, uses, map(job.with) ?? {}, ctx, at(jobPtr, 'uses'), [...names, ...tail]);
            continue;
        }
        const steps = Array.isArray(job.steps) ? job.steps : [];
        steps.forEach((s, i) => {
            if (++run.budget.steps > evidence_LIMITS.steps || !run.c.step())
                return;
            const step = map(s);
            if (step)
                walkStep(run, doc, call, site, step, at(at(jobPtr, 'steps'), i), wd, ctxOf);
        });
    }
}
/** Values a manual run may give each `workflow_dispatch` input: its default and its choices. */
function dispatchChoices(doc) {
    const out = dict();
    for (const [k, v] of Object.entries(map(map(map(triggers(doc))?.workflow_dispatch)?.inputs) ?? {})) {
        const m = map(v);
        out[k] = [m?.default, ...(Array.isArray(m?.options) ? m.options.slice(0, 64) : [])].filter((x) => x !== undefined);
    }
    return out;
}
function environmentOf(job, ctx, choices) {
    const raw = str(job.environment) ?? str(map(job.environment)?.name);
    if (raw === undefined)
        return {};
    const environment = substitute(raw, ctx);
    if (!environment.includes('${{'))
        return { environment };
    const alts = literals(environment);
    for (const m of environment.matchAll(/\b(matrix|inputs)\.([\w-]+)/g))
        for (const v of choices[m[1]]?.[m[2]] ?? [])
            if (str(v))
                alts.push(str(v));
    return { environment, environmentAlternatives: [...new Set(alts)] };
}
function walkStep(run, doc, call, site, step, ptr, jobWd, ctxOf) {
    const env = addEnv(site.env, step.env, ctxOf);
    const ctx = ctxOf(env);
    const name = str(step.name);
    const stepName = name === undefined ? undefined : substitute(name, ctx);
    const names = stepName ? [...site.names, { kind: 'step', value: stepName }] : site.names;
    const own = call.caller === undefined;
    const here = { ...site, env, names, ...(stepName !== undefined ? { stepName } : {}) };
    const uses = str(step.uses);
    if (uses !== undefined) {
        const action = AML_ACTIONS.find((a) => a.uses.test(uses.trim()));
        if (!action)
            return;
        const file = str(map(step.with)?.[action.input]);
        const raw = join(run.root, AML_ACTIONS_DIR, substitute(file ?? action.defaultFile, ctx));
        run.c.add({ ...here, line: own ? doc.line(at(ptr, 'uses')) : site.line, bases: [''] }, action.command, raw, {});
        return;
    }
    const script = str(step.run);
    if (script === undefined)
        return;
    const wd = str(step['working-directory']) ?? jobWd;
    const dir = wd === undefined ? undefined : substitute(wd, ctx);
    const cwd = dir === undefined || dir.startsWith('/') ? dir : join(run.root, dir);
    const first = doc.valueLine(at(ptr, 'run'));
    const text = script
        .split('\n')
        .map((l) => substitute(l, ctx).replace(/\n/g, ' '))
        .join('\n');
    const shell = str(step.shell) ?? '';
    run.c.script({ ...here, line: own ? doc.line(ptr) : site.line, ...(own ? { scriptLine: (o) => first + o } : {}), ...(cwd !== undefined ? { cwd } : {}) }, text, /pwsh|powershell/i.test(shell));
}
function callWorkflow(run, doc, call, site, uses, withBlock, ctx, usesPtr, names) {
    const line = call.caller?.line ?? doc.line(usesPtr);
    const inputs = dict();
    for (const [k, v] of Object.entries(withBlock)) {
        const s = str(v);
        inputs[k] = s === undefined ? v : substitute(s, ctx);
    }
    const known = GHA_MLOPS_WORKFLOWS.find((w) => w.path.test(uses.trim()));
    if (known) {
        const text = substitute(known.script, github_contexts(inputs, site.env, {}));
        run.c.script({ ...site, line }, text);
        return;
    }
    if (!uses.startsWith('./') || call.depth >= evidence_LIMITS.depth || ++run.budget.expansions > evidence_LIMITS.expansions)
        return;
    const target = resolvePath(uses.slice(2), undefined, [run.root, ''], run.c.index);
    const callee = target === undefined || call.stack.includes(target) ? undefined : run.c.docs.get(target);
    if (!callee)
        return;
    if (callableOnly(callee))
        run.c.included.add(callee.path);
    const declared = map(map(map(triggers(callee))?.workflow_call)?.inputs) ?? {};
    const calleeInputs = dict();
    for (const [k, v] of Object.entries(declared)) {
        const d = map(v)?.default;
        if (d !== undefined)
            calleeInputs[k] = d;
    }
    Object.assign(calleeInputs, inputs);
    collectVariableFiles(run, callee, calleeInputs);
    walkJobs(run, callee, {
        inputs: calleeInputs,
        caller: call.caller ?? { job: site.jobName ?? '', line },
        names,
        depth: call.depth + 1,
        stack: [...call.stack, callee.path],
    });
}
/** mlops-v2: `config-infra-*.yml` named anywhere in the workflow, and read-yaml's `file_name`. */
function collectVariableFiles(run, doc, inputs) {
    const found = [];
    for (const m of doc.text.matchAll(CONFIG_INFRA))
        found.push(m[0]);
    for (const raw of Object.values(map(doc.root.jobs) ?? {})) {
        const job = map(raw);
        if (!job || !GHA_READ_YAML.test(str(job.uses)?.trim() ?? ''))
            continue;
        const f = str(map(job.with)?.file_name);
        if (f !== undefined) {
            const v = substitute(f, github_contexts(inputs, new Env(), {}));
            if (!v.includes('${{'))
                found.push(v);
        }
    }
    for (const f of found) {
        const resolved = resolvePath(f, undefined, run.bases, run.c.index) ?? f;
        if (!run.variableFiles.includes(resolved))
            run.variableFiles.push(resolved);
    }
}

;// CONCATENATED MODULE: ./src/inventory/pipelines/index.ts





const YAML = /\.ya?ml$/i;
const SCRIPT = /\.(sh|bash)$/i;
const AZURE_ML_FILE = /^\s*["']?\$schema["']?\s*:.*azureml/im;
const ADO_ROOT = /^(stages|jobs|steps|variables|extends)\s*:/m;
const ADO_ITEM = /^\s*-?\s*(task|script|bash|powershell|pwsh|template|job|deployment|stage|name)\s*:/m;
/** Cheap text test: could this file be a pipeline, a pipeline template, a variable file or a deploy script? (workflows are not manifests) */
function isPipelineCandidate(path, text) {
    if (typeof path !== 'string' || typeof text !== 'string' || text.length > MAX_PIPELINE_CHARS)
        return false;
    if (SCRIPT.test(path))
        return /\baz\s+ml\b/.test(text);
    if (!YAML.test(path))
        return false;
    if (isWorkflowPath(path))
        return /^jobs\s*:/m.test(text);
    if (AZURE_ML_FILE.test(text) || /^endpoint_name\s*:/m.test(text))
        return false;
    return ADO_ROOT.test(text) && (ADO_ITEM.test(text) || /^variables\s*:/m.test(text));
}
/** Every deployment the pipelines make. `files` = every repo-relative file path of the checkout (to resolve paths). */
function findDeployments(pipelines, files) {
    try {
        const texts = new Map();
        for (const p of Array.isArray(pipelines) ? pipelines : []) {
            if (p && typeof p.path === 'string' && typeof p.text === 'string' && p.text.length <= MAX_PIPELINE_CHARS)
                texts.set(p.path, p.text);
        }
        const c = new Collector(new FileIndex(files), new DocCache(texts));
        const standalone = new Set();
        for (const path of [...texts.keys()].sort()) {
            if (!YAML.test(path))
                continue;
            const doc = c.docs.get(path);
            if (!doc)
                continue;
            try {
                if (isWorkflowPath(path)) {
                    if (!callableOnly(doc))
                        standalone.add(path);
                    walkWorkflow(doc, c);
                }
                else if (isAzurePipeline(doc)) {
                    walkPipeline(doc, c);
                }
            }
            catch {
                // A pipeline that cannot be read (e.g. nesting past the stack) yields what was found before.
            }
        }
        // A template or a called workflow deploys as part of its caller; alone it proves nothing.
        return c.evidence.filter((e) => standalone.has(e.pipeline) || !c.included.has(e.pipeline));
    }
    catch {
        return [];
    }
}
/** The stage of a manifest from all its evidence: any production ⇒ production (fail closed); else nonproduction if any; else unknown — with the reason. */
function pipelines_stageFromPipelines(evidence) {
    return stageFromPipelines(evidence);
}

;// CONCATENATED MODULE: ./src/engine/deployed.ts
// The pipelines of the checkout and the files they deploy (SPEC §3 rule 3), the I/O side: which
// texts are pipelines, read once. Workflows, Azure DevOps pipelines, their templates, variable
// files and `az ml` scripts are no manifests; the loader hands over the texts it reads anyway and
// the rest (scripts, YAML outside `include`) is read here, bounded.



/** Pipeline files over this size are not read (the pipeline reader refuses longer texts too). */
const MAX_PIPELINE_BYTES = 512 * 1024;
const MAYBE_PIPELINE = /\.(ya?ml|sh|bash)$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });
class PipelineCollector {
    sources = [];
    /** Every file of the checkout the walk visited (paths in pipelines resolve against them). */
    paths = new Set();
    /** Files that may be pipelines and whose text the loader has not handed over yet: path → absolute path. */
    unread = new Map();
    /** For the walk: every file it visits. */
    onFile = (rel, abs) => {
        this.paths.add(rel);
        if (MAYBE_PIPELINE.test(rel))
            this.unread.set(rel, abs);
    };
    /** For the loader: every text it decodes. */
    onText = (rel, text) => {
        this.unread.delete(rel);
        if (isPipelineCandidate(rel, text))
            this.sources.push({ path: rel, text });
    };
    /** Reads the files that may be pipelines and that the loader did not read (scripts, YAML outside `include`). */
    readRest() {
        for (const [rel, abs] of this.unread) {
            const text = readSmallText(abs);
            if (text !== undefined)
                this.onText(rel, text);
        }
        this.unread.clear();
    }
    /** The deploying steps, by the file they deploy. */
    deployed() {
        return groupByManifest(findDeployments(this.sources, this.paths));
    }
}
/** Evidence by the file it deploys, each list in pipeline order. */
function groupByManifest(evidence) {
    const out = new Map();
    for (const e of evidence) {
        const list = out.get(e.manifest);
        if (list)
            list.push(e);
        else
            out.set(e.manifest, [e]);
    }
    return out;
}
/** The commands a file is deployed with, each once. */
function deployedAs(deployed, rel) {
    const list = deployed.get(rel);
    return list ? [...new Set(list.map((e) => e.command))] : [];
}
const COMMAND_LABEL = {
    'online-deployment': '`az ml online-deployment`',
    'online-endpoint': '`az ml online-endpoint`',
    'batch-deployment': '`az ml batch-deployment`',
    'batch-endpoint': '`az ml batch-endpoint`',
    compute: '`az ml compute`',
    model: '`az ml model`',
    'v1-model-deploy': '`az ml model deploy` (CLI v1)',
    'aml-deploy': 'Azure/aml-deploy',
    'aml-compute': 'Azure/aml-compute',
    'aml-registermodel': 'Azure/aml-registermodel',
};
/** A short clause naming the first step that deploys a file, for messages: `.github/workflows/cd.yml:40 deploys it with `az ml online-deployment``. */
function firstDeployer(deployed, rel) {
    const e = deployed.get(rel)?.[0];
    return e ? `${e.pipeline}:${e.line} deploys it with ${COMMAND_LABEL[e.command]}` : undefined;
}
/** A regular file's UTF-8 text, when it is small enough; undefined otherwise. Never throws. */
function readSmallText(abs) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(abs, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile() || st.size > MAX_PIPELINE_BYTES)
            return undefined;
        const text = decoder.decode(readOpen(fd, st.size));
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/config/types.ts
/** `file:line:col: message` (or `file: message`), the form editors and CI logs link. */
function problemText(p) {
    return p.line > 0 ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}: ${p.message}`;
}
/** Every problem, the first in full and the next ones as `also …` lines. */
function problemsText(problems) {
    const [first, ...more] = problems;
    if (!first)
        return '';
    return [problemText(first), ...more.slice(0, 4).map((p) => `  also ${problemText(p)}`)].join('\n');
}

;// CONCATENATED MODULE: ./src/core/rules.ts
/** Where the project lives: tool `informationUri` and the base of every rule's help page. */
const PROJECT_URL = 'https://github.com/model-deploy-gate/model-deploy-gate';
/** The rule's documentation page (`docs/rules/<id>.md` on the default branch). */
function helpUri(ruleId) {
    return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

;// CONCATENATED MODULE: ./src/fix/lines.ts
class LineMap {
    text;
    /** Offset of the first character of each line. */
    starts;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            starts.push(i + 1);
        this.starts = starts;
    }
    get count() {
        return this.starts.length;
    }
    /** Offset of a 1-based line and column (clamped to the text). */
    offset(line, column) {
        const l = Math.min(Math.max(1, line), this.starts.length);
        return Math.min(this.text.length, this.starts[l - 1] + Math.max(1, column) - 1);
    }
    lineOf(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    position(offset) {
        const line = this.lineOf(offset);
        return { line, column: offset - this.starts[line - 1] + 1 };
    }
    span(start, end) {
        const a = this.position(start);
        const b = this.position(Math.max(start, end));
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    }
    /** Offset where a 1-based line starts (the text's length past the last line). */
    lineStart(line) {
        return line > this.starts.length ? this.text.length : this.starts[Math.max(1, line) - 1];
    }
    /** Offset just past a line's content: before its `\r\n` / `\n`, or the end of the text. */
    contentEnd(line) {
        const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
        return next > this.lineStart(line) && this.text[next - 1] === '\r' && next < this.text.length ? next - 1 : next;
    }
    /** The line's text without its terminator. */
    content(line) {
        return this.text.slice(this.lineStart(line), this.contentEnd(line));
    }
    /** The line's terminator: `\r\n`, `\n`, or '' for a last line without one. */
    terminator(line) {
        return this.text.slice(this.contentEnd(line), line < this.starts.length ? this.starts[line] : this.text.length);
    }
    /** The terminator new lines should get near `line`: that line's own, else the file's first, else `\n`. */
    eol(line) {
        const own = this.terminator(Math.min(line, this.count));
        if (own)
            return own;
        return /\r\n/.test(this.text) ? '\r\n' : '\n';
    }
}
/** Leading spaces of a line (tabs are not YAML indentation). */
function indentOf(line) {
    const m = /^ */.exec(line);
    return m ? m[0].length : 0;
}

;// CONCATENATED MODULE: ./src/fix/scalar.ts
// Writing one scalar the way the file already writes its values: the same quotes, the same type.

/** What a plain (unquoted) YAML 1.1 scalar would load as, as the Azure ML CLIs load it. */
function plainType(raw) {
    if (raw === '')
        return 'null';
    const { value, tag } = js_yaml/* YAML11_SCHEMA */.Wj.resolveImplicitScalarTag(raw);
    if (tag.tagName.endsWith(':timestamp') || tag.tagName.endsWith(':binary'))
        return 'other';
    if (value === null)
        return 'null';
    if (typeof value === 'number')
        return 'number';
    if (typeof value === 'boolean')
        return 'boolean';
    return typeof value === 'string' ? 'string' : 'other';
}
/**
 * A string that YAML reads back unchanged without quotes: no blanks (so no `: ` or ` #`), no
 * indicator first, no `:` last, and not a word YAML 1.1 reads as a number, boolean or null.
 */
function plainSafe(s) {
    return /^[$A-Za-z0-9_./][A-Za-z0-9_./@+:$-]*$/.test(s) && !s.endsWith(':') && plainType(s) === 'string';
}
function scalar_text(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? numberText(v) : v ? 'true' : 'false';
}
/** Decimal text of a number (no exponent for the sizes a fix writes). */
function numberText(n) {
    return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e9) / 1e9);
}
function yamlDouble(s) {
    return JSON.stringify(s);
}
function yamlSingle(s) {
    return `'${s.replace(/'/g, "''")}'`;
}
/**
 * The source text of `value` for a YAML or JSON file. `quote` is the quoting of the value it
 * replaces (or of the value it should look like): a quoted value stays quoted the same way, a plain
 * one stays plain unless the new text would load as another type (then double quotes).
 * `plainBoolean` keeps a file's `True`/`False` spelling.
 */
function renderScalar(value, syntax, quote, plainBoolean) {
    const t = scalar_text(value);
    if (syntax === 'json') {
        if (quote === '"' || typeof value === 'string')
            return JSON.stringify(t);
        return t;
    }
    if (quote === '"')
        return yamlDouble(t);
    if (quote === "'")
        return yamlSingle(t);
    if (typeof value === 'boolean') {
        if (plainBoolean && /^[A-Z]/.test(plainBoolean))
            return value ? (plainBoolean === plainBoolean.toUpperCase() ? 'TRUE' : 'True') : plainBoolean === plainBoolean.toUpperCase() ? 'FALSE' : 'False';
        return t;
    }
    if (typeof value === 'number')
        return t;
    return plainSafe(t) ? t : yamlDouble(t);
}
/** A mapping key as source text (plain when YAML reads it back as the same string). */
function renderKey(key, syntax, quote) {
    if (syntax === 'json')
        return JSON.stringify(key);
    if (quote === '"')
        return yamlDouble(key);
    if (quote === "'")
        return yamlSingle(key);
    return plainSafe(key) ? key : yamlDouble(key);
}
/** The content between the quotes of a quoted key, escaped for that quote (JSON: `"` style). */
function quotedContent(s, quote) {
    return quote === '"' ? JSON.stringify(s).slice(1, -1) : s.replace(/'/g, "''");
}

;// CONCATENATED MODULE: ./src/fix/plan.ts
// Declarative changes of a parsed document ("set this pointer to 3", "rename this key") turned into
// minimal text edits of its file: only the value or key changes, everything else — comments, key
// order, indentation, line endings, the other documents of the file, quoting — stays byte for byte.
// A change that cannot be made that safely (aliases, anchors, tags, block scalars, merge keys,
// odd layouts) yields no edits: no fix is better than a wrong one.



/** The text edits that make `changes`, in file order, or undefined when any change cannot be made safely. */
function planEdits(src, changes) {
    const p = new Planner(src);
    const edits = [];
    const additions = new Map();
    for (const c of changes) {
        if ('rename' in c) {
            const e = p.rename(c.rename, c.to);
            if (!e)
                return undefined;
            edits.push(e);
            continue;
        }
        const v = valueIn(src.doc.value, c.set);
        if (v !== undefined) {
            const e = p.set(c.set, c.value, c.like);
            if (e === undefined)
                return undefined;
            if (e !== null)
                edits.push(e);
            continue;
        }
        // Absent: add it to the deepest mapping that exists.
        const segs = pointerSplit(c.set);
        let i = segs.length - 1;
        for (; i >= 0; i--) {
            const anc = plan_join(segs.slice(0, i));
            const av = valueIn(src.doc.value, anc);
            if (av === undefined)
                continue;
            if (!isMapping(av))
                return undefined; // a scalar or a list is in the way
            break;
        }
        if (i < 0)
            return undefined;
        const anc = plan_join(segs.slice(0, i));
        let members = additions.get(anc);
        if (!members)
            additions.set(anc, (members = new Map()));
        for (let j = i; j < segs.length - 1; j++) {
            const got = members.get(segs[j]);
            if (got && got.leaf)
                return undefined;
            const next = got ?? { leaf: false, members: new Map() };
            members.set(segs[j], next);
            members = next.members;
        }
        members.set(segs[segs.length - 1], { leaf: true, value: c.value, quote: c.like !== undefined ? p.quoteOf(c.like) : undefined });
    }
    for (const [anc, members] of additions) {
        const e = p.insert(anc, members);
        if (!e)
            return undefined;
        edits.push(...e);
    }
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < edits.length; k++)
        if (edits[k].start < edits[k - 1].end)
            return undefined;
    for (const e of edits)
        e.span = p.lines.span(e.start, e.end);
    return edits;
}
function plan_join(segs) {
    return segs.reduce((acc, s) => pointerJoin(acc, s), '');
}
class Planner {
    src;
    lines;
    text;
    yaml;
    constructor(src) {
        this.src = src;
        this.lines = src.lines ?? new LineMap(src.text);
        this.text = src.text;
        this.yaml = src.syntax === 'yaml';
    }
    at(line, column) {
        return this.lines.offset(line, column);
    }
    /** The key's token (with its quotes), when it is written as the key it names (not merged in, not escaped). */
    keyToken(ptr) {
        const span = this.src.doc.keys.get(ptr);
        if (!span || span.line !== span.endLine)
            return undefined;
        const segs = pointerSplit(ptr);
        const key = segs[segs.length - 1] ?? '';
        let start = this.at(span.line, span.column);
        let end = this.at(span.endLine, span.endColumn);
        const t = this.text;
        if (!this.yaml) {
            if (t[start] !== '"' || t[end - 1] !== '"')
                return undefined;
            return t.slice(start + 1, end - 1) === quotedContent(key, '"') ? { start, end, quote: '"' } : undefined;
        }
        const before = t[start - 1];
        if ((before === '"' || before === "'") && t[end] === before) {
            if (t.slice(start, end) !== quotedContent(key, before))
                return undefined;
            start--;
            end++;
            return { start, end, quote: before };
        }
        return t.slice(start, end) === key ? { start, end, quote: '' } : undefined;
    }
    /** The scalar value's token (with its quotes), when only `:` and blanks separate it from its key. */
    valueToken(ptr) {
        const v = valueIn(this.src.doc.value, ptr);
        if (v === undefined || (v !== null && typeof v === 'object'))
            return undefined;
        const span = this.src.doc.values.get(ptr);
        if (!span || span.line !== span.endLine)
            return undefined; // block and multi-line scalars stay as written
        let start = this.at(span.line, span.column);
        let end = this.at(span.endLine, span.endColumn);
        if (end <= start)
            return undefined;
        const t = this.text;
        const key = this.keyToken(ptr);
        if (!key)
            return undefined;
        if (!this.yaml) {
            if (!/^[ \t]*:[ \t]*$/.test(t.slice(key.end, start)))
                return undefined;
            return { start, end, quote: t[start] === '"' ? '"' : '' };
        }
        let quote = '';
        const before = t[start - 1];
        if ((before === '"' || before === "'") && t[end] === before) {
            quote = before;
            start--;
            end++;
        }
        if (/^[*&!|>]/.test(t.slice(start, end)))
            return undefined;
        // No anchor, tag or block indicator between the key and the value.
        if (!/^[ \t]*:[ \t]+$/.test(t.slice(key.end, start)) && !(/^[ \t]*:$/.test(t.slice(key.end, start)) && quote !== ''))
            return undefined;
        return { start, end, quote };
    }
    quoteOf(ptr) {
        return this.valueToken(ptr)?.quote;
    }
    /** The edit setting an existing scalar; null when it already reads that way; undefined when unsafe. */
    set(ptr, value, like) {
        const tok = this.valueToken(ptr);
        if (!tok)
            return undefined;
        const raw = this.text.slice(tok.start, tok.end);
        const quote = like !== undefined ? (this.quoteOf(like) ?? tok.quote) : tok.quote;
        const out = renderScalar(value, this.src.syntax, quote, tok.quote === '' ? raw : undefined);
        return out === raw ? null : { start: tok.start, end: tok.end, text: out };
    }
    rename(ptr, to) {
        const segs = pointerSplit(ptr);
        if (segs.length === 0)
            return undefined;
        const parent = valueIn(this.src.doc.value, plan_join(segs.slice(0, -1)));
        if (!isMapping(parent) || Object.hasOwn(parent, to))
            return undefined;
        const tok = this.keyToken(ptr);
        if (!tok)
            return undefined;
        return { start: tok.start, end: tok.end, text: renderKey(to, this.src.syntax, tok.quote) };
    }
    /** Direct members of the mapping at `ptr`, in file order, each with its key token. */
    children(ptr) {
        const v = valueIn(this.src.doc.value, ptr);
        if (!isMapping(v))
            return undefined;
        const out = [];
        for (const k of Object.keys(v)) {
            const child = pointerJoin(ptr, k);
            const tok = this.keyToken(child);
            if (!tok)
                return undefined;
            out.push({ ptr: child, tok });
        }
        return out.sort((a, b) => a.tok.start - b.tok.start);
    }
    insert(ptr, members) {
        const children = this.children(ptr);
        if (!children)
            return undefined;
        // A member that differs only in case from the new one is a typo of it: adding the key beside it
        // would leave two spellings of one setting (the typo has its own fix, a rename).
        const lower = new Set(children.map((c) => (pointerSplit(c.ptr).pop() ?? '').toLowerCase()));
        for (const k of members.keys())
            if (lower.has(k.toLowerCase()))
                return undefined;
        const span = this.src.doc.values.get(ptr);
        const open = span ? this.at(span.line, span.column) : -1;
        if (!this.yaml)
            return this.insertJson(open, children, members);
        if (this.text[open] === '{')
            return this.insertFlow(open, members);
        return this.insertBlock(ptr, children, members);
    }
    insertBlock(ptr, children, members) {
        if (children.length === 0)
            return undefined;
        const L = this.lines;
        const t = this.text;
        const first = children[0];
        const firstLine = L.lineOf(first.tok.start);
        const indent = first.tok.start - L.lineStart(firstLine);
        // A block mapping whose keys each start their own line at one indentation (not `- a: 1` items).
        for (const c of children) {
            const line = L.lineOf(c.tok.start);
            if (t.slice(L.lineStart(line), c.tok.start) !== ' '.repeat(indent))
                return undefined;
        }
        const last = children[children.length - 1];
        let end = L.lineOf(last.tok.start);
        const lv = this.src.doc.values.get(last.ptr);
        if (lv) {
            const vs = this.at(lv.line, lv.column);
            if (t[vs] === '{' || t[vs] === '[') {
                const close = this.matchBracket(vs);
                if (close < 0)
                    return undefined;
                end = Math.max(end, L.lineOf(close));
            }
        }
        // Deeper lines (and a block sequence at the member's own indentation) belong to the last member.
        const lastIsList = Array.isArray(valueIn(this.src.doc.value, last.ptr));
        for (let l = end + 1; l <= L.count; l++) {
            const c = L.content(l);
            if (c.trim() === '')
                continue;
            const ind = indentOf(c);
            if (ind > indent || (lastIsList && ind === indent && /^-( |$)/.test(c.slice(ind)))) {
                end = l;
                continue;
            }
            break;
        }
        const eol = L.eol(end);
        const unit = this.unit(ptr, indent);
        const body = this.block(members, indent, unit, eol);
        if (L.terminator(end) === '')
            return [{ start: t.length, end: t.length, text: eol + body.slice(0, -eol.length) }];
        const at = L.lineStart(end + 1);
        return [{ start: at, end: at, text: body }];
    }
    /** Indentation step of the file near `ptr` (its children's indentation minus its own), else 2. */
    unit(ptr, indent) {
        if (ptr !== '') {
            const key = this.keyToken(ptr);
            if (key) {
                const line = this.lines.content(this.lines.lineOf(key.start));
                const step = indent - indentOf(line);
                if (step > 0)
                    return step;
            }
        }
        for (const [p, s] of this.src.doc.keys) {
            if (pointerSplit(p).length === 2 && s.column > 1)
                return s.column - 1 - indent > 0 ? s.column - 1 - indent : 2;
        }
        return 2;
    }
    block(members, indent, unit, eol) {
        const pad = ' '.repeat(indent);
        let out = '';
        for (const [k, a] of members) {
            const key = renderKey(k, 'yaml', '');
            if (a.leaf)
                out += `${pad}${key}: ${renderScalar(a.value, 'yaml', a.quote ?? '')}${eol}`;
            else
                out += `${pad}${key}:${eol}${this.block(a.members, indent + unit, unit, eol)}`;
        }
        return out;
    }
    flow(members, syntax) {
        return [...members].map(([k, a]) => {
            const key = renderKey(k, syntax, syntax === 'json' ? '"' : '');
            const v = a.leaf ? renderScalar(a.value, syntax, a.quote ?? (syntax === 'json' && typeof a.value === 'string' ? '"' : '')) : `{${this.flow(a.members, syntax).join(', ')}}`;
            return `${key}: ${v}`;
        });
    }
    insertFlow(open, members) {
        const close = this.matchBracket(open);
        if (close < 0)
            return undefined;
        const inside = this.text.slice(open + 1, close);
        if (inside.includes('\n') && inside.includes('#'))
            return undefined;
        const items = this.flow(members, 'yaml').join(', ');
        let p = close - 1;
        while (p > open && /\s/.test(this.text[p]))
            p--;
        if (p === open)
            return [{ start: open + 1, end: open + 1, text: items }];
        if (this.text[p] === ',')
            return [{ start: p + 1, end: p + 1, text: ` ${items}` }];
        return [{ start: p + 1, end: p + 1, text: `, ${items}` }];
    }
    insertJson(open, children, members) {
        const L = this.lines;
        const t = this.text;
        if (t[open] !== '{')
            return undefined;
        const items = this.flow(members, 'json');
        if (children.length === 0) {
            const close = t.indexOf('}', open);
            if (close < 0 || t.slice(open + 1, close).trim() !== '')
                return undefined;
            return [{ start: open + 1, end: open + 1, text: items.join(', ') }];
        }
        const last = children[children.length - 1];
        const lv = this.src.doc.values.get(last.ptr);
        if (!lv)
            return undefined;
        const valueEnd = this.at(lv.endLine, lv.endColumn);
        const keyLine = L.lineOf(last.tok.start);
        if (keyLine === L.lineOf(open))
            return [{ start: valueEnd, end: valueEnd, text: items.map((i) => `, ${i}`).join('') }];
        const indent = t.slice(L.lineStart(keyLine), last.tok.start);
        if (!/^[ \t]*$/.test(indent))
            return undefined;
        const line = L.lineOf(valueEnd);
        const eol = L.eol(line);
        let q = valueEnd;
        while (t[q] === ' ' || t[q] === '\t')
            q++;
        const comma = t[q] === ',';
        if (comma)
            q++;
        while (t[q] === ' ' || t[q] === '\t')
            q++;
        const rest = t.slice(q, L.contentEnd(line));
        const lines = items.map((i) => `${indent}${i}`).join(`,${eol}`);
        if (comma && rest === '')
            return [{ start: L.contentEnd(line), end: L.contentEnd(line), text: `${eol}${lines},` }];
        if (!comma && (rest === '' || rest.startsWith('}')))
            return [{ start: valueEnd, end: valueEnd, text: `,${eol}${lines}` }];
        if (rest.startsWith('//')) {
            const endOfLine = L.contentEnd(line);
            const tail = { start: endOfLine, end: endOfLine, text: `${eol}${lines}${comma ? ',' : ''}` };
            return comma ? [tail] : [{ start: valueEnd, end: valueEnd, text: ',' }, tail];
        }
        return undefined;
    }
    /** Offset of the bracket closing the `{`/`[` at `open` in YAML flow or JSON text, or -1. */
    matchBracket(open) {
        const t = this.text;
        let depth = 0;
        for (let i = open; i < t.length; i++) {
            const c = t[i];
            if (c === '"') {
                for (i++; i < t.length && t[i] !== '"'; i++)
                    if (t[i] === '\\')
                        i++;
            }
            else if (c === "'" && this.yaml) {
                for (i++; i < t.length; i++) {
                    if (t[i] === "'" && t[i + 1] === "'")
                        i++;
                    else if (t[i] === "'")
                        break;
                }
            }
            else if (c === '#' && this.yaml && /\s/.test(t[i - 1] ?? ' ')) {
                const nl = t.indexOf('\n', i);
                i = nl < 0 ? t.length : nl;
            }
            else if (c === '/' && !this.yaml && t[i + 1] === '/') {
                const nl = t.indexOf('\n', i);
                i = nl < 0 ? t.length : nl;
            }
            else if (c === '/' && !this.yaml && t[i + 1] === '*') {
                const e = t.indexOf('*/', i + 2);
                i = e < 0 ? t.length : e + 1;
            }
            else if (c === '{' || c === '[') {
                depth++;
            }
            else if (c === '}' || c === ']') {
                if (--depth === 0)
                    return i;
            }
        }
        return -1;
    }
}

;// CONCATENATED MODULE: ./src/policy/attach-fix.ts
// The registry's one hook for fixes: ask the rule for the fix of the finding it just reported, and
// turn the rule's declarative changes into byte-exact text edits of the file.



const lineMaps = new WeakMap();
function linesOf(file) {
    let m = lineMaps.get(file);
    if (!m || m.text !== file.text)
        lineMaps.set(file, (m = new LineMap(file.text)));
    return m;
}
/**
 * The fix of a finding of `rule` at `at` (`subject` is the deployment or manifest being checked),
 * or undefined when the rule has none for it or its changes cannot be made exactly. A fix that
 * throws is dropped: a fix is never worth failing the gate for.
 */
function fixOf(rule, subject, at, ctx) {
    let proposal;
    try {
        if (rule.scope === 'deployment' && rule.fix && subject && !('file' in subject))
            proposal = rule.fix(subject, at, ctx);
        else if (rule.scope === 'manifest' && rule.fix && subject && 'file' in subject)
            proposal = rule.fix(subject, at, ctx);
        else if (rule.scope === 'inventory' && rule.fix)
            proposal = rule.fix(at, ctx);
    }
    catch {
        return undefined;
    }
    if (!proposal || proposal.changes.length === 0)
        return undefined;
    const m = proposal.in ?? at.manifest;
    const file = m.file;
    if (!file.text)
        return undefined;
    const edits = planEdits({ text: file.text, syntax: file.syntax, doc: m.doc, lines: linesOf(file) }, proposal.changes);
    if (!edits || edits.length === 0)
        return undefined;
    const fix = { description: sentence(proposal.description), edits };
    if (file.path !== at.manifest.file.path)
        fix.file = file.path;
    return fix;
}

;// CONCATENATED MODULE: ./src/policy/kit/command-values.ts
/** The command-line value that sets the key at `ptr` (or a key above it), if any. */
function commandValueAt(m, ptr) {
    const values = m.commandValues;
    if (!values)
        return undefined;
    // A key above the value (not the document itself: file-level findings are about the file).
    return values.find((v) => ptr === v.ptr || ptr.startsWith(`${v.ptr}/`) || (ptr !== '' && v.ptr.startsWith(`${ptr}/`)));
}
/** The clause a finding at a key set on the command line carries. */
function commandValueClause(v) {
    return `the value Azure gets comes from the command line: ${v.pipeline}:${v.line} deploys this file with \`${v.flag}\``;
}
/** `message` with `clause` before its closing punctuation. */
function withClause(message, clause) {
    // A closing question ("did you mean `x`?") stays whole.
    return message.endsWith('.') ? `${message.slice(0, -1)} (${clause}).` : `${message} (${clause}).`;
}

;// CONCATENATED MODULE: ./src/policy/registry.ts





const STAGE_UNKNOWN = 'stage unknown: declare it with tags.stage, config `stages:` globs, a path word (prod/dev/…) or `default-stage`';
class Registry {
    rules;
    config;
    byId;
    constructor(rules, config) {
        this.rules = rules;
        this.config = config;
        this.byId = new Map(rules.map((r) => [r.id, r]));
    }
    /** The severity findings of this rule get, or null when the config turns it off. */
    severity(ruleId) {
        const rule = this.byId.get(ruleId);
        const o = this.config.rules[ruleId];
        if (o === 'off')
            return rule?.unsilenceable ? rule.defaultSeverity : null;
        return o ?? rule?.defaultSeverity ?? 'error';
    }
    /**
     * A finding of `ruleId` at a span, or undefined when the rule is off. A rule may lower its own
     * severity for one finding (`severity`) unless the config overrode it.
     */
    make(ruleId, file, span, message, severity) {
        const configured = this.severity(ruleId);
        if (configured === null)
            return undefined;
        const o = this.config.rules[ruleId];
        const sev = o !== undefined && o !== 'off' ? o : (severity ?? configured);
        return {
            ruleId,
            severity: sev,
            message: sentence(message),
            file,
            line: span.line,
            column: span.column,
            endLine: span.endLine,
            endColumn: span.endColumn,
            helpUri: helpUri(ruleId),
            suppressed: null,
        };
    }
    /** Runs every enabled rule over the inventory. One finding per rule per key. */
    run(inventory, skus, now = new Date()) {
        const findings = [];
        const skippedByFile = new Map(); // file → why → rules
        const addSkip = (file, why, ruleId) => {
            let byWhy = skippedByFile.get(file);
            if (!byWhy)
                skippedByFile.set(file, (byWhy = new Map()));
            let set = byWhy.get(why);
            if (!set)
                byWhy.set(why, (set = new Set()));
            set.add(ruleId);
        };
        const active = inventory.deployments.filter((d) => !d.skipDeployment);
        for (const rule of this.rules) {
            if (rule.scope === 'engine' || this.severity(rule.id) === null)
                continue;
            const seen = new Set();
            // What `check` is looking at, for the rule's `fix` of what it reports.
            let subject;
            const ctx = {
                inventory,
                config: this.config,
                skus,
                limits: this.config.limits,
                rules: this.rules,
                now,
                report: (at, message, opts) => {
                    const span = spanAt(at.manifest.doc, at.ptr);
                    const key = `${at.manifest.file.path}\u0000${span.line}:${span.column}`;
                    if (seen.has(key))
                        return;
                    seen.add(key);
                    // A value the command line sets: the finding says so, and no edit of the file can fix it.
                    const given = commandValueAt(at.manifest, at.ptr);
                    const f = this.make(rule.id, at.manifest.file.path, span, given ? withClause(message, commandValueClause(given)) : message, opts?.severity);
                    if (f && rule.fix && !given) {
                        const fix = fixOf(rule, subject, at, ctx);
                        if (fix)
                            f.fix = fix;
                    }
                    if (f)
                        findings.push(f);
                },
                skip: (what, why) => addSkip('file' in what ? what.file.path : what.manifest.file.path, why, rule.id),
            };
            switch (rule.scope) {
                case 'deployment':
                    for (const d of active) {
                        if (!rule.appliesTo(d))
                            continue;
                        if (rule.productionOnly && d.stage !== 'production') {
                            if (d.stage === 'unknown')
                                addSkip(d.manifest.file.path, STAGE_UNKNOWN, rule.id);
                            continue;
                        }
                        subject = d;
                        rule.check(d, ctx);
                    }
                    break;
                case 'manifest':
                    for (const m of inventory.manifests) {
                        subject = m;
                        rule.check(m, ctx);
                    }
                    break;
                case 'inventory':
                    rule.check(ctx);
                    break;
            }
        }
        const skipped = [];
        for (const [file, byWhy] of skippedByFile) {
            for (const [why, ids] of byWhy)
                skipped.push({ file, rules: [...ids].sort(), why });
        }
        skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.why < b.why ? -1 : a.why > b.why ? 1 : 0));
        return { findings, skipped };
    }
}

;// CONCATENATED MODULE: ./src/policy/kit/describe.ts


const GIB = 2 ** 30;
/** Floating-point slack for threshold comparisons (1.5 × 2 must equal 3). */
const EPS = 1e-9;

/** `containerResourceRequirements.memoryInGB` for `/containerResourceRequirements/memoryInGB`. */
function keyPath(ptr) {
    return pointerSplit(ptr).join('.');
}
/** Round up to one decimal (a value to write into a manifest), never below `n`. */
function ceil1(n) {
    return Math.ceil(n * 10 - EPS) / 10;
}
function gib(bytes) {
    return `${num(bytes / GIB)} GiB`;
}
/** `deployment "blue"`, or `the deployment in path` when it has no name; `adjective` goes before "deployment". */
function describeDeployment(d, adjective) {
    const what = adjective ? `${adjective} deployment` : 'deployment';
    if (d.name)
        return `${what} "${d.name}"`;
    return `the ${what} in ${d.manifest.file.path}`;
}
function describeModel(d) {
    const m = d.model;
    if (m?.name)
        return m.version ? `model "${m.name}:${m.version}"` : `model "${m.name}"`;
    if (d.modelRef)
        return `model "${d.modelRef.raw}"`;
    if (m?.localPath)
        return `the model at ${m.localPath}`;
    return 'the linked model';
}
/** `4 vCPUs, 28 GiB, 1 GPU`. */
function skuFacts(s) {
    const gpu = s.gpus > 0 ? `, ${plural(s.gpus, 'GPU')}` : '';
    return `${plural(s.vcpus, 'vCPU')}, ${num(s.memoryGb)} GiB${gpu}`;
}
/** `Standard_E4s_v3 (4 vCPUs, 32 GiB)`. */
function skuLabel(s) {
    return `${s.name} (${skuFacts(s)})`;
}
/** `` `instance_type: Standard_E4s_v3` (4 vCPUs, 32 GiB) ``: a SKU to write into a managed online deployment. */
function instanceTypeOf(s) {
    return `\`instance_type: ${s.name}\` (${skuFacts(s)})`;
}
function unknownSku(name) {
    return `unknown SKU ${name}; declare it in \`skus:\``;
}

;// CONCATENATED MODULE: ./src/catalog/targets.ts
/** One row of the table: what it is for, what it can do, and whether it may serve production. */
function row(id, title, usedFor, can, stages, description, limits = {}) {
    const has = (c) => can.includes(c);
    return { id, title, usedFor, realtime: has('realtime'), batch: has('batch'), gpu: has('gpu'), fpga: has('fpga'), autoscale: has('autoscale'), stages, ...limits, description };
}
const TARGETS = {
    local: row('local', 'Local web service', 'testing / debugging', ['realtime'], 'nonproduction', 'limited testing and troubleshooting; hardware acceleration depends on local libraries'),
    aci: row('aci', 'Azure Container Instances (ACI)', 'testing or development', ['realtime'], 'nonproduction', 'low-scale CPU workloads needing < 48 GB RAM, models < 1 GB, a single replica', { maxMemoryLimit: 'aci-max-memory-gb', maxModelSizeLimit: 'aci-max-model-size-gb' }),
    aks: row('aks', 'Azure Kubernetes Service (AKS)', 'real-time inference (and batch on Azure ML Kubernetes compute)', ['realtime', 'batch', 'gpu', 'fpga', 'autoscale'], 'any', 'large-scale production deployments; fast response and autoscaling of the deployed service; GPU and FPGA'),
    'compute-cluster': row('compute-cluster', 'Azure Machine Learning compute clusters', 'batch inference', ['batch', 'gpu', 'autoscale'], 'any', 'batch inference on serverless compute, normal and low-priority VMs; no real-time inference'),
    'managed-online': row('managed-online', 'Managed online endpoint', 'real-time inference (CLI/SDK v2)', ['realtime', 'gpu', 'autoscale'], 'any', 'managed real-time inference on a catalogue VM SKU; autoscale through Azure Monitor'),
};
/** How rule help cites the table (markdown). */
const TABLE_SOURCE = 'Azure ML *compute target for model deployment* table (`aml-compute-target-deploy.md`, 2020-12-11)';

;// CONCATENATED MODULE: ./src/policy/kit/help.ts
// A rule's `help` (RuleMeta.help): why the rule matters, then the source it cites. It is the docs
// page's *Why* section word for word (__tests__/docs/rule-help.test.ts), and what --explain, SARIF
// `help` and check-run `raw_details` show once per rule, so finding messages need not repeat it.

/** The compute target table, as help cites it. */
const TABLE = TABLE_SOURCE;
/** For rules that follow from how the gate works, not from Azure's documentation. */
const POLICY = 'model-deploy-gate policy';
/** `why` (markdown paragraphs separated by blank lines), then `Source: …` citing `sources`. */
function help(why, ...sources) {
    return `${why}\n\nSource: ${sources.join('; ')}.`;
}

;// CONCATENATED MODULE: ./src/policy/kit/not-for-production.ts
// Rules for targets the table lists for testing/development only (`stages: nonproduction`): they
// fire on production deployments to them, at `computeType` / the file's first key.

function notForProductionRule(target, meta, what) {
    const row = TARGETS[target];
    return {
        ...meta,
        scope: 'deployment',
        defaultSeverity: 'error',
        productionOnly: true,
        appliesTo: (d) => d.target === row.id,
        check(d, ctx) {
            if (row.stages !== 'nonproduction')
                return;
            ctx.report(d.targetKey, `${what(d, row.title)}, but its stage is production (${d.stageReason}): deploy it to a managed online endpoint ` +
                '(`instance_count` ≥ 3) or to AKS, or move the file under a dev/test path.');
        },
    };
}

;// CONCATENATED MODULE: ./src/policy/rules/local-not-for-production.ts



const rule = notForProductionRule('local', {
    id: 'local-not-for-production',
    description: 'A Local web service (computeType: local) is for testing and debugging only, never production.',
    remediation: 'Deploy production to a managed online endpoint or AKS; keep computeType: local for dev/test folders.',
    help: help('The compute target table lists the Local web service for *testing / debugging*: "limited testing and troubleshooting; ' +
        'hardware acceleration depends on local libraries". A container on one machine has no scaling, no fault tolerance and ' +
        'no managed authentication.', TABLE),
}, (d, title) => `${describeDeployment(d)} is a ${title}`);

;// CONCATENATED MODULE: ./src/policy/rules/aci-not-for-production.ts



const aci_not_for_production_rule = notForProductionRule('aci', {
    id: 'aci-not-for-production',
    description: 'Azure Container Instances (ACI) are for testing or development only, never production.',
    remediation: 'Deploy production to a managed online endpoint (instance_count ≥ 3) or AKS; keep ACI for dev/test.',
    help: help('The compute target table lists ACI for *testing or development*: low-scale CPU workloads needing less than 48 GB of RAM, ' +
        'models under 1 GB, a single replica (an ACI restart is downtime). Production belongs on AKS or, with CLI/SDK v2, ' +
        'a managed online endpoint with at least three instances.', TABLE, 'Azure ML "Deploy to Azure Container Instances" (`how-to-deploy-azure-container-instance.md`)'),
}, (d, title) => `${describeDeployment(d)} deploys to ${title} (${d.targetReason})`);

;// CONCATENATED MODULE: ./src/policy/kit/gaps.ts
function gaps_isUnresolved(ref) {
    return ref?.resolution === 'missing' || ref?.resolution === 'version-mismatch';
}
/** Why a rule reading a referenced definition's facts cannot judge it, or undefined when it can. */
function refGap(ref, resolved, what) {
    if (resolved || !ref)
        return undefined;
    const config = what === 'model' ? 'models:' : 'computes:';
    if (ref.resolution === 'placeholder')
        return `the ${what} reference is a placeholder (${ref.placeholder}): render the file, or set the ${what}`;
    if (ref.resolution === 'external') {
        return `${what} "${ref.raw}" is ${what === 'model' ? 'registered' : 'defined'} outside the repository; declare its facts in config \`${config}\``;
    }
    return `${what} reference "${ref.raw}" is not resolved; declare it in config \`${config}\``;
}
/** Why a compute-based rule could not run for this deployment, or undefined when it can. */
function computeGap(d) {
    return refGap(d.computeRef, d.compute !== undefined, 'compute');
}
function modelGap(d) {
    return refGap(d.modelRef, d.model !== undefined, 'model');
}
/**
 * Why the model rules cannot run for a v1 config / aml-deploy file that is linked to no model
 * (they name none; SPEC §2 links them to the single model metadata file of their folder).
 */
function unlinkedModel(d) {
    if (d.model || d.modelRef || !d.linksModelByFolder)
        return undefined;
    return ('the file names no model (the model is given on the command line or by the workflow) and its folder does not hold exactly one model metadata file ' +
        "(model YAML, MLmodel or aml-registermodel file); put the model's metadata next to it");
}
/** Why a real-time AKS deployment names no compute, per family (for `skipped`). */
function noComputeNamed(d) {
    if (d.inheritsEndpointCompute) {
        return (`its compute comes from its Kubernetes endpoint${d.endpointName ? ` "${d.endpointName}"` : ''}, which is not in the repository or names no \`compute\`; ` +
            'add the kubernetesOnlineEndpoint YAML with `compute: azureml:<name>`');
    }
    return 'no AKS compute is named in the file (it is given on the command line); set `computeTargetName` and define that compute in the repository or in config `computes:`';
}
/**
 * Whether the deployment's compute is resolved; if not, records why a compute-based rule cannot
 * judge it (no compute named — only when `unnamed` says why that matters —, an unresolved or
 * external reference).
 */
function hasResolvedCompute(ctx, d, unnamed) {
    if (!d.computeRef) {
        if (unnamed)
            ctx.skip(d, unnamed);
        return false;
    }
    const gap = computeGap(d);
    if (gap) {
        ctx.skip(d, gap);
        return false;
    }
    return d.compute !== undefined;
}
/**
 * Whether the deployment has a model whose facts can be judged; if not, records why (unresolved or
 * external reference, or a v1/aml-deploy file linked to no model).
 */
function hasLinkedModel(ctx, d) {
    const gap = modelGap(d);
    if (gap) {
        ctx.skip(d, gap);
        return false;
    }
    if (!d.model) {
        const why = unlinkedModel(d);
        if (why)
            ctx.skip(d, why);
        return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/policy/rules/compute-cluster-not-realtime.ts




const cluster = TARGETS['compute-cluster'];
const compute_cluster_not_realtime_rule = {
    id: 'compute-cluster-not-realtime',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A real-time (online / web service) deployment must not target an Azure ML compute cluster.',
    remediation: 'Point the online deployment at AKS / Azure ML Kubernetes compute or use a managed online endpoint; keep clusters for batch.',
    help: help('The compute target table: Azure ML compute clusters are for *batch inference* and have "no support for real-time inference". ' +
        'The deployment fails, or silently falls back to another target (aml-deploy deploys to ACI when the name is not an AKS compute).', TABLE),
    needs: { compute: true },
    // AKS services always run on some compute: when the file does not name it, the rule says it could not judge it.
    appliesTo: (d) => d.mode === 'realtime' && (d.computeRef !== undefined || d.target === 'aks'),
    check(d, ctx) {
        if (cluster.realtime)
            return;
        if (!hasResolvedCompute(ctx, d, d.target === 'aks' ? noComputeNamed(d) : undefined))
            return;
        if (d.compute.type !== 'amlcompute')
            return;
        ctx.report(d.computeRef.at, `${describeDeployment(d)} serves real-time requests from "${d.compute.name}", an Azure ML compute cluster (${cluster.usedFor} only): ` +
            'target an Azure ML Kubernetes compute (AKS) or use a managed online endpoint (no `compute`, set `instance_type`), or make it a batch deployment.');
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/batch-requires-compute-cluster.ts




/** Computes that run v2 batch deployments: clusters (the table's batch row) and Azure ML Kubernetes compute. */
const BATCH_COMPUTES = new Set(['amlcompute', 'kubernetes']);
const KIND = {
    amlcompute: 'an Azure ML compute cluster',
    kubernetes: 'an Azure ML Kubernetes compute',
    aks: 'a legacy AKS compute (v1 AksCompute attachment)',
    computeinstance: 'a compute instance',
    virtualmachine: 'an attached virtual machine',
};
const batch_requires_compute_cluster_rule = {
    id: 'batch-requires-compute-cluster',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A batch deployment must run on an Azure ML compute cluster or an Azure ML Kubernetes compute.',
    remediation: 'Set `compute:` to an amlCompute cluster (or a kubernetesCompute); create one with `az ml compute create --type amlcompute`.',
    help: help('The compute target table lists Azure ML compute clusters for batch inference; Azure ML Kubernetes compute (v2 `kubernetesCompute`) ' +
        'also runs batch deployments. Legacy AKS attachments run v1 web services only, and compute instances / VMs are not batch endpoint targets.', TABLE, 'MicrosoftDocs/azure-ai-docs `how-to-attach-kubernetes-anywhere.md` @34cf4994 (batch inference on Kubernetes compute)'),
    needs: { compute: true },
    appliesTo: (d) => d.mode === 'batch',
    check(d, ctx) {
        const cluster = TARGETS['compute-cluster'];
        if (!cluster.batch || !d.computeRef)
            return;
        if (!hasResolvedCompute(ctx, d))
            return;
        const c = d.compute;
        if (BATCH_COMPUTES.has(c.type))
            return;
        ctx.report(d.computeRef.at, `${describeDeployment(d, 'batch')} runs on "${c.name}", ${KIND[c.type]}: point \`${keyPath(d.computeRef.at.ptr)}\` at an amlCompute cluster ` +
            `(e.g. \`az ml compute create --type amlcompute --name batch-cluster --size Standard_DS3_v2 --max-instances 4\`) or at a kubernetesCompute.`);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/gpu-realtime-requires-aks.ts



/** Real-time targets without GPU support in the table (local, ACI). */
function noGpuService(d) {
    const row = TARGETS[d.target];
    return d.mode === 'realtime' && row.realtime && !row.gpu;
}
const gpu_realtime_requires_aks_rule = {
    id: 'gpu-realtime-requires-aks',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'GPU inference as a web service is supported only on AKS (or managed online GPU SKUs), not on ACI or a Local web service.',
    remediation: 'Deploy GPU web services to an AKS cluster with an N-series VM size, or drop the GPU request for ACI/local.',
    help: help('The compute target table: GPU inference *as a web service* is supported only on AKS (with CLI/SDK v2, also on managed online ' +
        'endpoints with a GPU `instance_type`). ACI and local services deploy without the GPU: the model silently runs on CPU, or fails to load CUDA.', TABLE, 'Azure ML "Deploy a model for inference with GPU" (`v1/how-to-deploy-inferencing-gpus.md`)'),
    appliesTo: noGpuService,
    check(d, ctx) {
        const row = TARGETS[d.target];
        for (const at of d.gpuAsks ?? []) {
            ctx.report(at, `\`${keyPath(at.ptr)}\` asks for a GPU, but ${describeDeployment(d)} deploys to ${row.title}, which has no GPU support: ` +
                'deploy to an AKS compute created with an N-series VM size (e.g. Standard_NC6s_v3) or a managed online endpoint ' +
                `with a GPU \`instance_type\`, or remove \`${keyPath(at.ptr)}\`.`);
        }
    },
};

;// CONCATENATED MODULE: ./src/catalog/azure-defaults.ts
// Defaults Azure applies to fields a file leaves out (AZURE-ML-FACTS.md §2a–§2c), in one place.
/** v2 `amlCompute.size` and aml-compute `vm_size` of an `amlcluster`. */
const AML_COMPUTE_DEFAULT_SIZE = 'Standard_DS3_v2';
/** v2 `amlCompute.max_instances`. */
const AML_COMPUTE_DEFAULT_MAX_INSTANCES = 1;
/** aml-compute `max_nodes` of an `amlcluster`. */
const AML_ACTION_CLUSTER_DEFAULT_MAX_NODES = 4;
/** aml-compute `akscluster` `vm_size` (AksProvisioningConfiguration). */
const AKS_DEFAULT_SIZE = 'Standard_D3_v2';
/** aml-compute `akscluster` `agent_count` (AksProvisioningConfiguration). */
const AKS_DEFAULT_NODES = 3;
/** v1 `containerResourceRequirements.memoryInGB` / aml-deploy `memory_gb`. */
const V1_DEFAULT_MEMORY_GB = 0.5;
/** v1 `containerResourceRequirements.cpu` / aml-deploy `cpu_cores`. */
const V1_DEFAULT_CPU = 0.1;
/** azureml-fe's autoscale maximum when `autoScaler.maxReplicas` / `autoscale_max_replicas` is not set. */
const V1_DEFAULT_AUTOSCALE_MAX = 10;
/** Kubernetes online `scale_settings.max_instances`. */
const KUBERNETES_DEFAULT_MAX_INSTANCES = 1;
/** Kubernetes default instance type (`defaultinstancetype`) requests. */
const KUBERNETES_DEFAULT_INSTANCE_TYPE = { cpu: '100m', memory: '2Gi' };
/** Minimum requests of an MLflow (no-code) model on a Kubernetes online endpoint. */
const KUBERNETES_MLFLOW_MIN = { cpu: 2, memoryGi: 4 };

;// CONCATENATED MODULE: ./src/policy/kit/facts.ts
// Facts rules derive from a deployment and its compute, with the defaults Azure applies.

/**
 * The VM size of a compute, with the defaults Azure applies to repository definitions
 * (amlCompute / aml-compute `amlcluster`: Standard_DS3_v2; `akscluster`: Standard_D3_v2).
 */
function computeVmSize(c) {
    if (c.vmSize)
        return c.vmSize;
    if (c.source !== 'repo')
        return undefined;
    if (c.type === 'amlcompute')
        return AML_COMPUTE_DEFAULT_SIZE;
    if (c.type === 'aks')
        return AKS_DEFAULT_SIZE;
    return undefined;
}
/** AKS node count (aml-compute `agent_count` defaults to 3 in repository definitions). */
function computeNodes(c) {
    if (c.nodes !== undefined)
        return c.nodes;
    if (c.source === 'repo' && c.type === 'aks')
        return AKS_DEFAULT_NODES;
    return undefined;
}
/** Where a finding about the deployment's model points (SPEC §4: folder-linked files → the target key). */
function modelAnchor(d) {
    if (d.modelByFolder || !d.modelRef)
        return d.targetKey;
    return d.modelRef.at;
}
/** GPU / CUDA asked for by name (environment images, tags). */
function mentionsGpu(s) {
    return s !== undefined && /gpu|cuda/i.test(s);
}
/** GPUs per replica of a service (v1 `gpuCores`, aml-deploy `gpu_cores`, Kubernetes `nvidia.com/gpu`). */
function gpusPerReplica(d) {
    const f = d.gpu ?? d.limits?.gpu ?? d.requests?.gpu;
    if (f && f.value > 0)
        return { value: f.value, at: { manifest: f.manifest, ptr: f.ptr } };
    return undefined;
}
/** A v1 AKS web service that autoscales although no key says so (no replica count set). */
function implicitAutoscale(d) {
    return d.scaling?.implicit === true && d.target === 'aks' && d.mode === 'realtime';
}
/** True when the deployment runs more than one replica/instance (or may, by autoscale). */
function scalesOut(d) {
    return ((d.instanceCount?.value ?? 0) > 1 ||
        (d.replicas?.value ?? 0) > 1 ||
        (d.maxReplicas?.value ?? 0) > 1 ||
        d.autoscaleEnabled?.value === true ||
        implicitAutoscale(d));
}
/** True when memory per instance would come from the compute's VM size (so an unresolved compute blocks memory-headroom). */
function memoryFromCompute(d) {
    if (d.target === 'local' || d.target === 'managed-online' || d.memoryGb || d.requests?.memory)
        return false;
    return d.defaultMemory === undefined;
}

;// CONCATENATED MODULE: ./src/policy/rules/gpu-batch-requires-gpu-cluster.ts





/** Why this batch deployment needs a GPU, or undefined. */
function gpuNeed(d) {
    for (const [k, v] of Object.entries(d.tags)) {
        if (k.toLowerCase() === 'device_acceleration' && mentionsGpu(v))
            return `tag \`${k}: ${v}\``;
    }
    if (d.environmentImage && mentionsGpu(d.environmentImage.value))
        return `the GPU environment "${d.environmentImage.value}"`;
    if (d.model?.accelerator === 'gpu')
        return `the model's \`accelerator: gpu\``;
    return undefined;
}
const gpu_batch_requires_gpu_cluster_rule = {
    id: 'gpu-batch-requires-gpu-cluster',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A batch deployment that needs a GPU must run on a compute cluster with a GPU VM size.',
    remediation: 'Point `compute:` at an amlCompute cluster whose `size` is an N-series SKU (e.g. Standard_NC6s_v3).',
    help: help('The compute target table: GPU inference when scoring with a pipeline (batch) is available only on Azure ML compute clusters — ' +
        'with a GPU VM size. On a CPU cluster the job falls back to CPU or fails.', TABLE),
    needs: { model: true, compute: true },
    appliesTo: (d) => d.mode === 'batch',
    check(d, ctx) {
        const cluster = TARGETS['compute-cluster'];
        if (!cluster.gpu || !d.computeRef)
            return;
        const need = gpuNeed(d);
        if (!need) {
            // The accelerator may be declared on a model we cannot see.
            const mg = modelGap(d);
            if (mg)
                ctx.skip(d, mg);
            return;
        }
        if (!hasResolvedCompute(ctx, d))
            return;
        const c = d.compute;
        if (c.type !== 'amlcompute')
            return;
        const size = computeVmSize(c);
        if (!size) {
            ctx.skip(d, `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\``);
            return;
        }
        const sku = ctx.skus.get(size);
        if (!sku) {
            ctx.skip(d, unknownSku(size));
            return;
        }
        if (sku.gpus > 0)
            return;
        const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: true });
        ctx.report(d.computeRef.at, `${describeDeployment(d, 'batch')} needs a GPU (${need}) but compute cluster "${c.name}" uses ${skuLabel(sku)}, a CPU-only size: ` +
            `point \`${keyPath(d.computeRef.at.ptr)}\` at a cluster created with a GPU size${alt ? ` such as ${skuLabel(alt)}` : ''}, or remove the GPU requirement.`);
    },
};

;// CONCATENATED MODULE: ./src/formats/kit/placeholder.ts
// Placeholders: values that stand for something supplied elsewhere (a template, a pipeline
// variable, a documented "fill this in"). Such values are unknown, never wrong, and never echoed
// back as if they were a name.
const PATTERNS = [
    { re: /\$\{\{[^{}]*\}\}/, what: 'a workflow or pipeline expression' },
    { re: /\{\{[^{}]*\}\}/, what: 'a template token' },
    { re: /\$\{[^{}]*\}/, what: 'a shell or pipeline variable' },
    { re: /\$\([^()]*\)/, what: 'an Azure DevOps variable' },
    { re: /#\{[^{}]*\}#/, what: 'a token-replacement variable' },
    { re: /^\s*__[A-Za-z0-9_]+__\s*$/, what: 'a token-replacement variable' },
    { re: /^\s*<[^<>]+>\s*$/, what: 'a placeholder to fill in' },
    // `azureml:<your model name>:1`, `repo/image:<tag>`: a fill-in inside a value.
    { re: /<[A-Za-z][^<>\n]{0,80}>/, what: 'a placeholder to fill in' },
    { re: /\bINSERT[-_ ].*[-_ ]HERE\b/i, what: 'a placeholder to fill in' },
    { re: /^\s*\$[A-Za-z_][A-Za-z0-9_]*\s*$/, what: 'a shell variable' },
];
/** The kind of placeholder a value holds, if it holds one. */
function placeholderKind(v) {
    if (typeof v !== 'string')
        return undefined;
    return PATTERNS.find((p) => p.re.test(v))?.what;
}
/**
 * Unrendered template or documented placeholder: `{{X}}`, `${{ x }}`, `${X}`, `$(X)`, `#{X}#`,
 * `__X__`, `$X`, `<your-cluster-name>`, `INSERT-YOUR-MODEL-NAME-HERE`.
 */
function isPlaceholder(v) {
    return placeholderKind(v) !== undefined;
}

;// CONCATENATED MODULE: ./src/formats/kit/values.ts


/** The value at a JSON Pointer inside the manifest's document (undefined when any step is missing). */
function valueAt(m, ptr) {
    return valueIn(m.data, ptr);
}
const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
/** Number from a number or a numeric string (Azure's loaders pass both through float()/marshmallow). */
function toNumber(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && NUMERIC.test(v)) {
        const n = Number(v);
        return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
}
function isNumericString(v) {
    return typeof v === 'string' && NUMERIC.test(v);
}
const TRUE = new Set(['true', 'yes', 'on', 'y']);
const FALSE = new Set(['false', 'no', 'off', 'n']);
/** Boolean from a boolean or a YAML-1.1 boolean word in a string (`"True"`, `"yes"`). */
function toBool(v) {
    if (typeof v === 'boolean')
        return v;
    if (typeof v === 'string') {
        const s = v.trim().toLowerCase();
        if (TRUE.has(s))
            return true;
        if (FALSE.has(s))
            return false;
    }
    return undefined;
}
/** A finite number at `ptr` written as a number (not text). */
function numberAt(m, ptr) {
    const v = valueAt(m, ptr);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function values_num(m, ptr) {
    const value = toNumber(valueAt(m, ptr));
    return value === undefined ? undefined : { value, ptr, manifest: m };
}
function bool(m, ptr) {
    const value = toBool(valueAt(m, ptr));
    return value === undefined ? undefined : { value, ptr, manifest: m };
}
/** A non-empty string (numbers are written as text: YAML `name: 123`). Placeholders count as absent. */
function values_str(m, ptr) {
    const v = valueAt(m, ptr);
    let value;
    if (typeof v === 'string')
        value = v.trim();
    else if (typeof v === 'number' && Number.isFinite(v))
        value = String(v);
    if (value === undefined || value === '' || isPlaceholder(value))
        return undefined;
    return { value, ptr, manifest: m };
}
/** Plain string value or undefined (placeholders count as absent). */
function values_text(m, ptr) {
    return values_str(m, ptr)?.value;
}
/** A string value trimmed and lower-cased, or undefined. */
function lower(v) {
    return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}
/** Pointer of the document's first key in source order (the loader keeps insertion order). */
function firstKeyPtr(m) {
    const k = Object.keys(m.data)[0];
    return k === undefined ? '' : pointerJoin('', k);
}
function values_anchor(m, ptr) {
    return { manifest: m, ptr };
}
/** Tags as strings; non-scalar values are skipped. */
function tagsOf(m, ptr = '/tags') {
    const out = Object.create(null);
    const v = valueAt(m, ptr);
    if (!isMapping(v))
        return out;
    for (const k of Object.keys(v)) {
        const t = v[k];
        if (typeof t === 'string' || typeof t === 'number' || typeof t === 'boolean')
            out[k] = String(t);
    }
    return out;
}
/**
 * Drops undefined members so records print cleanly and `'x' in d` means "the file says x". Returns a
 * copy (members in the same order): `delete` would turn the record into a slow dictionary object.
 */
function prune(o) {
    const out = {};
    for (const k of Object.keys(o))
        if (o[k] !== undefined)
            out[k] = o[k];
    return out;
}

;// CONCATENATED MODULE: ./src/policy/rules/fpga-requires-aks.ts





/** FPGA inference runs only as a v1 (SDK/CLI v1, aml-deploy) web service on AKS. */
function isV1AksService(d) {
    return d.flavor === 'v1-web-service' && d.mode === 'realtime' && TARGETS[d.target].fpga && TARGETS[d.target].realtime;
}
const fpga_requires_aks_rule = {
    id: 'fpga-requires-aks',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'FPGA inference is supported only by v1 AKS web services (cluster of Standard_PB6s nodes).',
    remediation: 'Deploy FPGA models as an AKS web service on a Standard_PB6s cluster, or remove the FPGA request.',
    help: help("The compute target table marks FPGA support only for AKS, and Azure ML's FPGA deployments (`AccelContainerImage`, Intel Arria 10 " +
        'on PBS-family VMs) exist only as v1 AKS web services. ACI, local services, compute clusters and v2 endpoints deploy without the FPGA.', TABLE, 'Azure ML "Deploy ML models to FPGAs" (`v1/how-to-deploy-fpga-web-service.md`)'),
    needs: { model: true, compute: true },
    appliesTo: (d) => !isV1AksService(d),
    check(d, ctx) {
        const asks = [];
        const fpga = d.fpga && d.fpga.value > 0 ? d.fpga : undefined;
        if (fpga)
            asks.push({ at: { manifest: fpga.manifest, ptr: fpga.ptr }, what: `\`${keyPath(fpga.ptr)}: ${fpga.value}\`` });
        else if (d.flavor === 'v1-web-service') {
            const v = numberAt(d.manifest, '/containerResourceRequirements/fpga');
            if (v !== undefined && v > 0) {
                asks.push({ at: { manifest: d.manifest, ptr: '/containerResourceRequirements/fpga' }, what: `\`containerResourceRequirements.fpga: ${v}\`` });
            }
        }
        // Only a managed online `instance_type` is a catalogue SKU; a Kubernetes one names an instance type of the cluster.
        if (d.target === 'managed-online' && d.instanceType && ctx.skus.get(d.instanceType.value)?.fpga) {
            asks.push({ at: { manifest: d.instanceType.manifest, ptr: d.instanceType.ptr }, what: `the FPGA VM size ${d.instanceType.value}` });
        }
        const size = d.compute ? computeVmSize(d.compute) : undefined;
        if (d.computeRef && size && ctx.skus.get(size)?.fpga) {
            asks.push({ at: d.computeRef.at, what: `compute "${d.compute?.name}" with the FPGA VM size ${size}` });
        }
        if (d.model?.accelerator === 'fpga') {
            asks.push({ at: modelAnchor(d), what: `${describeModel(d)} declared \`accelerator: fpga\`` });
        }
        for (const a of asks) {
            ctx.report(a.at, `${describeDeployment(d)} asks for an FPGA (${a.what}) but deploys to ${TARGETS[d.target].title}${d.manifest.family.v1 ? '' : ' through CLI/SDK v2'}: ` +
                'deploy the model as a v1 AKS web service on a Standard_PB6s cluster, or drop the FPGA requirement and use a CPU/GPU SKU.');
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/aci-memory-limit.ts



const aci_memory_limit_rule = {
    id: 'aci-memory-limit',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'ACI suits CPU workloads needing less than 48 GB of RAM.',
    remediation: 'Lower memoryInGB / memory_gb below the ACI limit, or deploy to AKS or a managed online endpoint.',
    help: help('The compute target table: ACI is for "low-scale CPU workloads that require less than 48 GB of RAM". ' +
        'Larger requests fail to deploy or wait for regional capacity.', TABLE),
    appliesTo: (d) => TARGETS[d.target].maxMemoryLimit !== undefined,
    check(d, ctx) {
        const row = TARGETS[d.target];
        if (!row.maxMemoryLimit || !d.memoryGb)
            return;
        const limit = ctx.limits[row.maxMemoryLimit];
        const mem = d.memoryGb.value;
        if (mem < limit)
            return;
        const alt = ctx.skus.smallestWith(mem, { gpu: false, managedOnly: true });
        ctx.report({ manifest: d.memoryGb.manifest, ptr: d.memoryGb.ptr }, `\`${keyPath(d.memoryGb.ptr)}: ${num(mem)}\` is at or above the ${num(limit)} GB limit of ${row.title}: ` +
            `request less than ${num(limit)} GB, or deploy to AKS, or to a managed online endpoint${alt ? ` with ${instanceTypeOf(alt)}` : ''}.`);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/aci-model-size.ts





const aci_model_size_rule = {
    id: 'aci-model-size',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'ACI suits only small models (less than 1 GB); larger models need AKS.',
    remediation: 'Dev/test larger models on a single-node (DevTest) AKS cluster; serve production from AKS or a managed online endpoint.',
    help: help('The compute target table: "Container instances are suitable only for small models less than 1 GB in size. ' +
        'Use single-node AKS clusters for dev/test of larger models."', TABLE),
    needs: { model: true },
    appliesTo: (d) => TARGETS[d.target].maxModelSizeLimit !== undefined,
    check(d, ctx) {
        const row = TARGETS[d.target];
        if (!row.maxModelSizeLimit)
            return;
        if (!hasLinkedModel(ctx, d))
            return;
        const m = d.model;
        if (m.sizeBytes === undefined) {
            ctx.skip(d, `the size of ${describeModel(d)} is unknown; set \`model_size_bytes\` in its tags/MLmodel or \`size-bytes\` in config \`models:\``);
            return;
        }
        const limitGb = ctx.limits[row.maxModelSizeLimit];
        if (m.sizeBytes < limitGb * GIB)
            return;
        ctx.report(modelAnchor(d), `${describeModel(d)} is ${gib(m.sizeBytes)}${m.sizeSource ? ` (${m.sizeSource})` : ''}, too large for ${row.title} (under ${num(limitGb)} GB only): ` +
            'use a single-node AKS cluster for dev/test (aml-compute `compute_type: akscluster`, `cluster_purpose: DevTest`, `agent_count: 1`), ' +
            'or AKS / a managed online endpoint.');
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/memory-headroom.ts







function memorySupply(d, ctx) {
    if (d.target === 'local')
        return undefined; // a Local web service gets the host's memory
    if (d.memoryGb) {
        const f = d.memoryGb;
        return { gb: f.value, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}: ${num(f.value)}\``, setting: true };
    }
    if (d.defaultMemory) {
        const { gb, key } = d.defaultMemory;
        return { gb, at: d.targetKey, what: `the default ${num(gb)} GB (no \`${key}\`)`, setting: true };
    }
    if (d.requests?.memory) {
        const f = d.requests.memory;
        return { gb: f.value / GIB, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}\` (${num(f.value / GIB)} GiB)`, setting: true };
    }
    if (d.target === 'managed-online') {
        if (!d.instanceType)
            return undefined; // schema reports the missing key
        const sku = ctx.skus.get(d.instanceType.value);
        if (!sku)
            return { skip: unknownSku(d.instanceType.value) };
        const f = d.instanceType;
        return { gb: sku.memoryGb, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`instance_type: ${f.value}\` (${num(sku.memoryGb)} GiB)`, setting: false, sku };
    }
    if (d.computeRef) {
        const gap = computeGap(d);
        if (gap)
            return { skip: gap };
        const c = d.compute;
        if (!c)
            return undefined;
        if (c.type === 'kubernetes') {
            return { skip: `memory per instance on Kubernetes compute "${c.name}" comes from its instance type; set \`resources.requests.memory\`` };
        }
        const size = computeVmSize(c);
        if (!size)
            return { skip: `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\`` };
        const sku = ctx.skus.get(size);
        if (!sku)
            return { skip: unknownSku(size) };
        return { gb: sku.memoryGb, at: d.computeRef.at, what: `compute "${c.name}" (${size}, ${num(sku.memoryGb)} GiB per node)`, setting: false, sku };
    }
    if (d.instanceType && d.flavor !== 'kubernetes-online') {
        const sku = ctx.skus.get(d.instanceType.value);
        if (sku) {
            const f = d.instanceType;
            return { gb: sku.memoryGb, at: { manifest: f.manifest, ptr: f.ptr }, what: `\`${keyPath(f.ptr)}: ${f.value}\` (${num(sku.memoryGb)} GiB)`, setting: false, sku };
        }
    }
    return { skip: 'memory per instance is unknown (no memory request and no catalogue VM size)' };
}
function wantsGpu(d, sku) {
    return (sku?.gpus ?? 0) > 0 || (d.gpu?.value ?? 0) > 0 || (d.limits?.gpu?.value ?? 0) > 0 || d.model?.accelerator === 'gpu';
}
const memory_headroom_rule = {
    id: 'memory-headroom',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: "Memory per replica/instance must be at least 150 % of the model's memory requirement (scale up first, then out).",
    remediation: "Give each replica ≥ 1.5 × the model's memory: raise the memory request or pick a larger VM size before adding replicas.",
    help: help('The compute target table\'s sizing note: "scale up first, then out. Start with a machine that has 150 % of the RAM the model requires, ' +
        'profile, then add machines for concurrent inference." A replica without headroom is OOM-killed under load; more replicas do not ' +
        'give one replica more memory. When the model declares no memory requirement, its size is a lower bound and the finding is a warning.', TABLE),
    needs: { model: true, compute: memoryFromCompute },
    appliesTo: (d) => d.target !== 'local',
    check(d, ctx) {
        const ratio = ctx.limits['memory-headroom-ratio'];
        if (!hasLinkedModel(ctx, d))
            return;
        const m = d.model;
        let needGb;
        let lowerBound = false;
        let needWhat;
        if (m.memoryGb !== undefined) {
            needGb = m.memoryGb;
            needWhat = `the ${num(needGb)} GiB that ${describeModel(d)} needs${m.memorySource ? ` (${m.memorySource})` : ''}`;
        }
        else if (m.sizeBytes !== undefined) {
            needGb = m.sizeBytes / GIB;
            lowerBound = true;
            const from = [m.sizeSource, 'no memory requirement declared'].filter((x) => x !== undefined);
            needWhat = `the ${num(needGb)} GiB size of ${describeModel(d)} (${from.join('; ')})`;
        }
        else {
            ctx.skip(d, `${describeModel(d)} declares no memory requirement or size; set \`memory-gb\` in config \`models:\` or \`memory_gb\` in its tags`);
            return;
        }
        if (needGb <= 0)
            return;
        const supply = memorySupply(d, ctx);
        if (!supply)
            return;
        if ('skip' in supply) {
            ctx.skip(d, supply.skip);
            return;
        }
        const wantGb = ratio * needGb;
        if (supply.gb >= wantGb - EPS)
            return;
        const managedOnly = d.target === 'managed-online';
        const alt = ctx.skus.smallestWith(wantGb, { gpu: wantsGpu(d, supply.sku), managedOnly });
        const fix = [];
        const row = TARGETS[d.target];
        if (supply.setting) {
            fix.push(`raise the memory per replica to at least ${num(ceil1(wantGb))} GB`);
            if (row.maxMemoryLimit) {
                // ACI has no nodes to size; past its RAM ceiling the fix is another target.
                const ceiling = ctx.limits[row.maxMemoryLimit];
                if (ceil1(wantGb) >= ceiling) {
                    const managed = ctx.skus.smallestWith(wantGb, { gpu: false, managedOnly: true });
                    fix.push(`that is past the ${num(ceiling)} GB limit of ${row.title}, so deploy to AKS, or to a managed online endpoint${managed ? ` with ${instanceTypeOf(managed)}` : ''}`);
                }
            }
            else if (alt) {
                fix.push(`run it on nodes of at least ${skuLabel(alt)}`);
            }
        }
        else if (alt) {
            fix.push(`use ${skuLabel(alt)} or larger`);
        }
        else {
            fix.push(`use a VM size with at least ${num(ceil1(wantGb))} GiB of RAM (none in the catalogue${managedOnly ? ' allowed on managed online endpoints' : ''})`);
        }
        if (scalesOut(d))
            fix.push('scale up before adding replicas');
        ctx.report(supply.at, `${describeDeployment(d)} gives each replica ${supply.what}, less than ${num(wantGb)} GiB, ${num(ratio * 100)} % of ${needWhat}: ${fix.join('; ')}.`, lowerBound ? { severity: 'warning' } : undefined);
    },
    fix(d, _at, ctx) {
        const ratio = ctx.limits['memory-headroom-ratio'];
        const m = d.model;
        const needGb = m?.memoryGb ?? (m?.sizeBytes !== undefined ? m.sizeBytes / GIB : undefined);
        if (needGb === undefined || needGb <= 0)
            return undefined;
        const supply = memorySupply(d, ctx);
        if (!supply || 'skip' in supply)
            return undefined;
        const wantGb = ratio * needGb;
        const why = `${num(ratio * 100)} % of the ${num(needGb)} GiB the model needs`;
        if (supply.setting) {
            const gb = ceil1(wantGb);
            const row = TARGETS[d.target];
            // Past ACI's RAM ceiling the answer is another target, not a number.
            if (row.maxMemoryLimit && gb >= ctx.limits[row.maxMemoryLimit])
                return undefined;
            const req = d.requests?.memory;
            if (req && supply.at.ptr === req.ptr) {
                const q = `${gb}Gi`;
                const changes = [{ set: req.ptr, value: q }];
                const lim = d.limits?.memory;
                if (lim && lim.value < gb * GIB - EPS)
                    changes.push({ set: lim.ptr, value: q });
                return { description: `request \`memory: ${q}\` per replica (${why})`, changes };
            }
            const ptr = d.memoryGb?.ptr ?? (d.defaultMemory ? ptrOf(...d.defaultMemory.key.split('.')) : undefined);
            if (!ptr)
                return undefined;
            const changes = [{ set: ptr, value: gb }];
            // v1 `memoryInGBLimit` must stay at or above `memoryInGB`.
            const limit = toNumber(valueAt(d.manifest, `${ptr}Limit`));
            if (limit !== undefined && limit < gb)
                changes.push({ set: `${ptr}Limit`, value: gb });
            return { description: `set \`${keyPath(ptr)}: ${num(gb)}\` (${why})`, changes };
        }
        // A cluster's VM size lives in the cluster's own definition: no edit of this file fixes it.
        if (!supply.sku || !d.instanceType || supply.at.ptr !== d.instanceType.ptr)
            return undefined;
        const alt = ctx.skus.smallestWith(wantGb, { gpu: wantsGpu(d, supply.sku), managedOnly: d.target === 'managed-online' });
        if (!alt)
            return undefined;
        return { description: `set \`${keyPath(d.instanceType.ptr)}: ${alt.name}\` (${num(alt.memoryGb)} GiB, ${why})`, changes: [{ set: d.instanceType.ptr, value: alt.name }] };
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/autoscale-requires-aks.ts



function noAutoscale(d) {
    return !TARGETS[d.target].autoscale;
}
const autoscale_requires_aks_rule = {
    id: 'autoscale-requires-aks',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'Autoscaling and multiple replicas need AKS; ACI and Local web services run a single replica.',
    remediation: 'Remove autoscale / replica settings for ACI and local, or deploy to AKS or a managed online endpoint to scale out.',
    help: help('The compute target table offers autoscaling of the deployed service on AKS only (managed online endpoints scale by ' +
        '`instance_count`); ACI and local services run one replica and Azure ignores these keys there — the service does not scale as the file suggests.', TABLE, 'Azure ML "Deploy to Azure Kubernetes Service" (`how-to-deploy-azure-kubernetes-service.md`, autoscaling)'),
    appliesTo: noAutoscale,
    check(d, ctx) {
        const row = TARGETS[d.target];
        const hits = new Map();
        if (d.autoscaleEnabled?.value === true && d.autoscaleEnabled.manifest === d.manifest)
            hits.set(d.autoscaleEnabled.ptr, 'enables autoscaling');
        if (d.replicas && d.replicas.value > 1 && d.replicas.manifest === d.manifest)
            hits.set(d.replicas.ptr, `asks for ${d.replicas.value} replicas`);
        for (const [ptr, what] of hits) {
            ctx.report({ manifest: d.manifest, ptr }, `\`${keyPath(ptr)}\` ${what}, but ${describeDeployment(d)} deploys to ${row.title}, which runs a single replica: ` +
                `remove \`${keyPath(ptr)}\`, or deploy to AKS / a managed online endpoint to scale out.`);
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/aks-production-cluster.ts





function onAksCompute(d) {
    return d.target === 'aks' && d.mode === 'realtime';
}
function isAksCompute(c) {
    return c.type === 'aks' || c.type === 'kubernetes';
}
const aks_production_cluster_rule = {
    id: 'aks-production-cluster',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A production AKS deployment needs a FastProd cluster with at least 3 nodes and 12 vCPUs.',
    remediation: 'Use a FastProd AKS cluster with ≥ 3 nodes and ≥ 12 vCPUs in total (e.g. 3 × Standard_D3_v2).',
    help: help('The compute target table reserves AKS for "high-scale production deployments". Azure ML requires a production (FastProd) cluster ' +
        'of at least 12 vCPUs (2020 docs) / 3 nodes (current docs); DevTest clusters have no fault-tolerance guarantee and azureml-fe ' +
        'does not scale on them.', TABLE, 'Azure ML "Create and attach an Azure Kubernetes Service cluster" (`how-to-create-attach-kubernetes.md`, 2020-10-02 and v1 2022-04-21)'),
    productionOnly: true,
    needs: { compute: true },
    appliesTo: onAksCompute,
    check(d, ctx) {
        const minNodes = ctx.limits['aks-production-min-nodes'];
        const minVcpus = ctx.limits['aks-production-min-vcpus'];
        if (!hasResolvedCompute(ctx, d, noComputeNamed(d)))
            return;
        const c = d.compute;
        if (!isAksCompute(c))
            return;
        const problems = [];
        if (c.purpose && c.purpose.toLowerCase().replace(/[^a-z]/g, '') === 'devtest') {
            problems.push('is a DevTest cluster');
        }
        const nodes = computeNodes(c);
        const size = computeVmSize(c);
        if (nodes === undefined) {
            ctx.skip(d, `the node count of compute "${c.name}" is unknown; declare \`nodes\` in config \`computes:\``);
        }
        else if (nodes < minNodes) {
            problems.push(`has ${nodes} node${nodes === 1 ? '' : 's'} (fewer than ${num(minNodes)})`);
        }
        if (nodes !== undefined) {
            if (!size) {
                ctx.skip(d, `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\``);
            }
            else {
                const sku = ctx.skus.get(size);
                if (!sku)
                    ctx.skip(d, unknownSku(size));
                else if (nodes * sku.vcpus < minVcpus) {
                    problems.push(`has ${nodes} × ${sku.vcpus} = ${nodes * sku.vcpus} vCPUs (${sku.name}; fewer than ${num(minVcpus)})`);
                }
            }
        }
        if (problems.length === 0)
            return;
        const perNode = size ? ctx.skus.get(size)?.vcpus : undefined;
        const needNodes = Math.max(minNodes, perNode ? Math.ceil(minVcpus / perNode) : minNodes);
        ctx.report(d.computeRef.at, `${describeDeployment(d, 'production')} runs on AKS compute "${c.name}", which ${sentenceList(problems)}: ` +
            `use a FastProd cluster with ${needNodes} or more nodes${size ? ` of ${size}` : ''} (\`cluster_purpose: FastProd\`, \`agent_count: ${needNodes}\`).`);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/gpu-replicas-exceed-cluster.ts






function isAksGpuService(d) {
    return d.target === 'aks' && d.mode === 'realtime' && gpusPerReplica(d) !== undefined;
}
/** The most replicas the service can run, the key a finding points at, and the key to change. */
function replicaCeiling(d) {
    const at = (f) => ({ manifest: f.manifest, ptr: f.ptr });
    const maxKey = d.scaling?.maxKey ?? 'the autoscale maximum';
    const implicit = implicitAutoscale(d);
    if (d.autoscaleEnabled?.value === true || implicit) {
        if (d.maxReplicas) {
            const f = d.maxReplicas;
            return { count: f.value, at: at(f), what: `autoscale maximum \`${keyPath(f.ptr)}: ${f.value}\``, set: `\`${keyPath(f.ptr)}\`` };
        }
        const dflt = d.scaling?.defaultMax ?? V1_DEFAULT_AUTOSCALE_MAX;
        if (implicit) {
            // v1 autoscales when no replica count is set (AZURE-ML-FACTS §2a): nothing in the file says so.
            const replicasKey = d.scaling?.replicasKey ?? 'the replica count';
            return {
                count: dflt,
                at: d.targetKey,
                what: `no \`${replicasKey}\`, so Azure autoscales it up to the default maximum of ${dflt}`,
                set: `\`${maxKey}\` (or \`${replicasKey}\`)`,
            };
        }
        return { count: dflt, at: d.autoscaleEnabled ? at(d.autoscaleEnabled) : d.targetKey, what: `autoscale maximum (default ${dflt})`, set: `\`${maxKey}\`` };
    }
    for (const f of [d.replicas, d.instanceCount, d.maxReplicas]) {
        if (f)
            return { count: f.value, at: at(f), what: `\`${keyPath(f.ptr)}: ${f.value}\``, set: `\`${keyPath(f.ptr)}\`` };
    }
    return { count: 1, at: d.targetKey, what: 'one replica', set: 'the replica count' };
}
const gpu_replicas_exceed_cluster_rule = {
    id: 'gpu-replicas-exceed-cluster',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: "An AKS GPU service cannot run more GPU replicas than the cluster has GPUs (pods cannot share GPUs), nor more GPUs per replica than one node has.",
    remediation: 'Cap replicas (or autoscale max) at cluster GPUs ÷ GPUs per replica, or add GPU nodes.',
    help: help('AKS does not let pods share a GPU, so a GPU service can run at most as many replicas as the cluster has GPUs; a pod runs on one ' +
        'node, so it cannot use more GPUs than one node has. Extra replicas stay pending and autoscaling stalls. The compute target table ' +
        'serves GPU web services from AKS clusters created with a GPU VM size.', 'Azure ML "Deploy a model for inference with GPU" (`v1/how-to-deploy-inferencing-gpus.md`, 2022-11-16)'),
    needs: { compute: true },
    appliesTo: isAksGpuService,
    check(d, ctx) {
        const g = gpusPerReplica(d);
        if (!g || !hasResolvedCompute(ctx, d, noComputeNamed(d)))
            return;
        const c = d.compute;
        const size = computeVmSize(c);
        const nodes = computeNodes(c);
        if (!size || nodes === undefined) {
            ctx.skip(d, `the VM size or node count of compute "${c.name}" is unknown; declare \`vm-size\` and \`nodes\` in config \`computes:\``);
            return;
        }
        const sku = ctx.skus.get(size);
        if (!sku) {
            ctx.skip(d, unknownSku(size));
            return;
        }
        const clusterGpus = nodes * sku.gpus;
        if (g.value > sku.gpus) {
            ctx.report(g.at, `${describeDeployment(d)} asks for ${plural(g.value, 'GPU')} per replica (\`${keyPath(g.at.ptr)}\`), but each node of compute "${c.name}" ` +
                `(${sku.name}) has ${sku.gpus}, so no replica can be scheduled: ` +
                `${sku.gpus > 0 ? `ask for at most ${plural(sku.gpus, 'GPU')} per replica, or ` : ''}use a cluster whose VM size has ${g.value} or more GPUs per node.`);
            return;
        }
        const r = replicaCeiling(d);
        if (r.count * g.value <= clusterGpus)
            return;
        const maxReplicas = Math.floor(clusterGpus / g.value);
        ctx.report(r.at, `${describeDeployment(d)} can run ${plural(r.count, 'replica')} (${r.what}) × ${g.value} GPU = ${r.count * g.value} GPUs, ` +
            `but compute "${c.name}" has ${nodes} × ${sku.gpus} (${sku.name}) = ${clusterGpus} GPUs: ` +
            `set ${r.set} to ${maxReplicas} or less, or add GPU nodes to the cluster (${Math.ceil((r.count * g.value) / Math.max(sku.gpus, 1))} nodes of ${sku.name}).`);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/low-priority-production-batch.ts



const low_priority_production_batch_rule = {
    id: 'low-priority-production-batch',
    scope: 'deployment',
    defaultSeverity: 'warning',
    description: 'A production batch deployment should not run on a low-priority (preemptible) compute cluster.',
    remediation: 'Point production batch deployments at a dedicated-tier cluster (`tier: dedicated` / `vm_priority: dedicated`).',
    help: help('The compute target table offers compute clusters with "normal and low-priority VMs". Low-priority VMs can be preempted at any time: ' +
        'scoring jobs stall or rerun, so production deadlines are not guaranteed. Low priority suits dev/test, or jobs that can wait.', TABLE),
    productionOnly: true,
    needs: { compute: true },
    // Kubernetes compute has no VM priority: only cluster batch deployments (target compute-cluster) apply.
    appliesTo: (d) => d.mode === 'batch' && d.target === 'compute-cluster',
    check(d, ctx) {
        if (!d.computeRef || !hasResolvedCompute(ctx, d))
            return;
        const c = d.compute;
        if (c.tier !== 'lowpriority')
            return;
        ctx.report(d.computeRef.at, `${describeDeployment(d, 'production batch')} runs on compute cluster "${c.name}", whose VMs are low priority (preemptible): ` +
            'use a dedicated cluster (`tier: dedicated` in amlCompute YAML, `vm_priority: dedicated` in aml-compute), ' +
            'or waive this finding if delayed results are acceptable.');
    },
    fix(d) {
        // The tier is the cluster's: the edit goes to the cluster's own file (not to config `computes:`).
        const m = d.compute?.manifest;
        if (!m)
            return undefined;
        const key = ['tier', 'vm_priority'].find((k) => Object.hasOwn(m.data, k));
        if (!key)
            return undefined;
        return { description: `set \`${key}: dedicated\` in ${m.file.path} (compute "${d.compute?.name}")`, changes: [{ set: `/${key}`, value: 'dedicated' }], in: m };
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/managed-sku-unsupported.ts



const managed_sku_unsupported_row = TARGETS['managed-online'];
const managed_sku_unsupported_rule = {
    id: 'managed-sku-unsupported',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A managed online deployment must use a VM size allowed on managed online endpoints.',
    remediation: 'Pick an instance_type from the managed online endpoint SKU list (e.g. Standard_DS3_v2, Standard_E4s_v3, Standard_NC6s_v3).',
    help: help('Managed online endpoints accept only the sizes of the managed online endpoint SKU list; Azure rejects the deployment otherwise. ' +
        "A size missing from the gate's catalogue is not proof that Azure rejects it: that finding is a notice, and the rules that need " +
        'the size are skipped until it is declared in config `skus:`.', 'Azure ML "Managed online endpoints SKU list" (`reference-managed-online-endpoints-vm-sku-list.md`, MicrosoftDocs/azure-ai-docs @1d987e37)'),
    appliesTo: (d) => d.target === managed_sku_unsupported_row.id,
    check(d, ctx) {
        if (!d.instanceType)
            return;
        const f = d.instanceType;
        const sku = ctx.skus.get(f.value);
        if (sku?.managedOnline)
            return;
        const at = { manifest: f.manifest, ptr: f.ptr };
        if (!sku) {
            // Not in the catalogue is not proof that Azure rejects it: say so, and say what was not checked.
            ctx.skip(d, unknownSku(f.value));
            ctx.report(at, `\`instance_type: ${f.value}\` is not in the SKU catalogue, so the gate cannot tell whether a ${managed_sku_unsupported_row.title} allows it: ` +
                `if it is on the managed online SKU list, declare it in config \`skus:\` (\`vcpus\`, \`memory-gb\`, \`gpus\`, \`managed-online: true\`), otherwise use a listed size such as Standard_DS3_v2.`, { severity: 'notice' });
            return;
        }
        const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: sku.gpus > 0, managedOnly: true });
        ctx.report(at, `\`instance_type: ${f.value}\` (${skuFacts(sku)}) is not on the managed online endpoint SKU list: ` +
            `use a listed size${alt ? ` with the same RAM or more, such as ${instanceTypeOf(alt)}` : ''}.`);
    },
    fix(d, _at, ctx) {
        const f = d.instanceType;
        const sku = f && ctx.skus.get(f.value);
        // An unknown size has no determined replacement: it may be allowed and only missing from the catalogue.
        if (!f || !sku || sku.managedOnline)
            return undefined;
        const alt = ctx.skus.smallestWith(sku.memoryGb, { gpu: sku.gpus > 0, managedOnly: true });
        if (!alt)
            return undefined;
        return { description: `set \`instance_type: ${alt.name}\`, the smallest allowed size with the same RAM or more`, changes: [{ set: f.ptr, value: alt.name }] };
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/managed-instance-count-ha.ts



const managed_instance_count_ha_row = TARGETS['managed-online'];
const managed_instance_count_ha_rule = {
    id: 'managed-instance-count-ha',
    scope: 'deployment',
    defaultSeverity: 'warning',
    description: 'A production managed online deployment should run at least 3 instances for high availability.',
    remediation: 'Set instance_count to 3 or more for production managed online deployments.',
    help: help('Azure ML recommends at least three instances for production managed online deployments, so that node upgrades and failures do not ' +
        'take the endpoint down. Azure reserves 20 % extra quota for upgrades (⌈1.2 × instances⌉ × vCPUs), so more instances need more quota ' +
        '(see `quota-exceeded`).', 'Azure ML managed online deployment YAML reference (`reference-yaml-deployment-managed-online.md` @280c976c)', 'the quota allocation include (`quota-allocation-online-deployment.md` @efb1e263)'),
    productionOnly: true,
    appliesTo: (d) => d.target === managed_instance_count_ha_row.id,
    check(d, ctx) {
        const min = ctx.limits['managed-production-min-instances'];
        const f = d.instanceCount;
        if (!f || f.value >= min)
            return;
        ctx.report({ manifest: f.manifest, ptr: f.ptr }, `${describeDeployment(d, 'production')} runs \`instance_count: ${f.value}\`: set \`instance_count: ${num(min)}\` or more.`);
    },
    fix(d, _at, ctx) {
        const f = d.instanceCount;
        const min = Math.ceil(ctx.limits['managed-production-min-instances']);
        if (!f)
            return undefined;
        return { description: `set \`instance_count: ${min}\`, the minimum for high availability`, changes: [{ set: f.ptr, value: min }] };
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/request-timeout-limit.ts



/** The endpoint kinds with a request timeout maximum, and the limit that holds it. */
function maximum(d) {
    if (d.target === 'managed-online')
        return { limit: 'managed-max-request-timeout-ms', title: TARGETS['managed-online'].title };
    if (d.flavor === 'kubernetes-online')
        return { limit: 'kubernetes-max-request-timeout-ms', title: 'Kubernetes online endpoint' };
    return undefined;
}
const request_timeout_limit_rule = {
    id: 'request-timeout-limit',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'request_settings.request_timeout_ms must not exceed 180000 ms on a managed online deployment, 300000 ms on a Kubernetes online deployment.',
    remediation: 'Set request_timeout_ms to the maximum or less; move longer work to a batch endpoint or an asynchronous pattern.',
    help: help('Managed online endpoints allow at most 180 seconds per request, Kubernetes online endpoints 300 seconds; Azure rejects a larger ' +
        'value. Work that takes longer belongs in a batch endpoint (the compute target table lists compute clusters for batch inference).', 'Azure ML managed online deployment YAML reference (`reference-yaml-deployment-managed-online.md` @280c976c)', '"Manage and increase quotas" (`how-to-manage-quotas.md` @0c509fa9)', TABLE),
    appliesTo: (d) => maximum(d) !== undefined,
    check(d, ctx) {
        const m = maximum(d);
        const f = d.requestTimeoutMs;
        if (!m || !f)
            return;
        const max = ctx.limits[m.limit];
        if (f.value <= max)
            return;
        ctx.report({ manifest: f.manifest, ptr: f.ptr }, `\`${keyPath(f.ptr)}: ${f.value}\` exceeds the ${num(max)} ms maximum of a ${m.title}: ` +
            `set it to ${num(max)} or less, and move scoring that takes longer to a batch endpoint.`);
    },
    fix(d, _at, ctx) {
        const m = maximum(d);
        const f = d.requestTimeoutMs;
        if (!m || !f)
            return undefined;
        const max = ctx.limits[m.limit];
        return { description: `set \`${keyPath(f.ptr)}: ${max}\`, the maximum`, changes: [{ set: f.ptr, value: max }] };
    },
};

;// CONCATENATED MODULE: ./src/formats/kit/quantity.ts

/** The one grammar of a quantity: sign, digits, optional fraction, then an exponent or a suffix. */
const QUANTITY = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?\s*$/;
const DECIMAL_EXP = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXP = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
function parts(v) {
    const mt = QUANTITY.exec(v);
    return mt && !(mt[2] === '' && (mt[3] ?? '') === '') ? mt : undefined;
}
/** True for text a Kubernetes quantity parser accepts. */
function isQuantity(v) {
    return parts(v) !== undefined;
}
/** Kubernetes quantity → plain number (`500m` → 0.5, `1Gi` → 1073741824, `4G` → 4e9). Numbers pass through. */
function parseQuantity(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const mt = parts(v);
    if (!mt)
        return undefined;
    const base = Number(`${mt[1]}${mt[2] || '0'}.${mt[3] ?? ''}`);
    if (mt[4] !== undefined)
        return base * 10 ** Number(mt[4]);
    const suffix = mt[5] ?? '';
    return suffix in BINARY_EXP ? base * 2 ** BINARY_EXP[suffix] : base * 10 ** DECIMAL_EXP[suffix];
}
function quantityFact(m, ptr) {
    const value = parseQuantity(valueAt(m, ptr));
    return value === undefined ? undefined : { value, ptr, manifest: m };
}
/** The quantity as written, as an exact fraction (undefined for hostile sizes: those compare as floats). */
function exactQuantity(v) {
    const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v : '';
    const mt = parts(s);
    if (!mt)
        return undefined;
    const frac = mt[3] ?? '';
    let n = BigInt(`${mt[2]}${frac}` || '0') * (mt[1] === '-' ? -1n : 1n);
    const suffix = mt[5] ?? '';
    const e10 = (mt[4] !== undefined ? Number(mt[4]) : (DECIMAL_EXP[suffix] ?? 0)) - frac.length;
    if (Math.abs(e10) > 64 || mt[2].length + frac.length > 64)
        return undefined;
    if (suffix in BINARY_EXP)
        n *= 2n ** BigInt(BINARY_EXP[suffix]);
    let d = 1n;
    if (e10 >= 0)
        n *= 10n ** BigInt(e10);
    else
        d = 10n ** BigInt(-e10);
    return { n, d };
}
/** a < b, exactly when both are written quantities, else by their parsed values. */
function quantityBelow(a, b) {
    const ea = exactQuantity(valueAt(a.manifest, a.ptr));
    const eb = typeof b === 'number' ? exactQuantity(b) : exactQuantity(valueAt(b.manifest, b.ptr));
    if (ea && eb)
        return ea.n * eb.d < eb.n * ea.d;
    return a.value < (typeof b === 'number' ? b : b.value);
}

;// CONCATENATED MODULE: ./src/policy/rules/kubernetes-resources.ts






/** Minimum requests for MLflow (no-code) models on Kubernetes online endpoints (Azure ML instance type docs). */
const MLFLOW_MIN_CPU = KUBERNETES_MLFLOW_MIN.cpu;
const MLFLOW_MIN_MEMORY_BYTES = KUBERNETES_MLFLOW_MIN.memoryGi * GIB;
const below = quantityBelow;
const NAMES = { cpu: 'cpu', memory: 'memory', gpu: 'nvidia.com/gpu' };
function isKubernetesOnline(d) {
    return d.flavor === 'kubernetes-online';
}
/** The quantity as written (`"200Mi"`), for messages. */
function written(f) {
    const v = valueAt(f.manifest, f.ptr);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : num(f.value);
}
function kubernetes_resources_anchor(f) {
    return { manifest: f.manifest, ptr: f.ptr };
}
const kubernetes_resources_rule = {
    id: 'kubernetes-resources',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'Kubernetes online deployment resources must be consistent: limits ≥ requests, GPUs in limits, MLflow models ≥ 2 CPU and 4 GiB.',
    remediation: 'Raise the limit to at least the request, put nvidia.com/gpu in limits, and request ≥ 2 CPU / 4Gi for MLflow models.',
    help: help('Kubernetes rejects a pod whose limit is below its request, and schedules GPUs from `resources.limits` only (a GPU request without an ' +
        'equal limit is rejected). Azure ML requires MLflow (no-code) deployments on Kubernetes online endpoints to request at least 2 CPU ' +
        'and 4 GiB; without `resources.requests` or an `instance_type` a deployment gets the default instance type (100m CPU, 2Gi). ' +
        'Quantities are exact: `4G` is 4 × 10^9 bytes, below `4Gi` (4 × 2^30).', 'Azure ML "Create and manage instance types" (`how-to-manage-kubernetes-instance-types.md`, MicrosoftDocs/azure-ai-docs @198cec07)', 'Kubernetes "Resource Management for Pods and Containers"'),
    needs: { model: true },
    appliesTo: isKubernetesOnline,
    check(d, ctx) {
        const req = d.requests ?? {};
        const lim = d.limits ?? {};
        for (const k of ['cpu', 'memory', 'gpu']) {
            const r = req[k];
            const l = lim[k];
            if (r && l && below(l, r)) {
                ctx.report(kubernetes_resources_anchor(l), `\`${keyPath(l.ptr)}: ${written(l)}\` is below its request \`${keyPath(r.ptr)}: ${written(r)}\`: ` +
                    `set the ${NAMES[k]} limit to at least ${written(r)}, or lower the request.`);
            }
        }
        if (req.gpu && req.gpu.value > 0 && !lim.gpu) {
            ctx.report(kubernetes_resources_anchor(req.gpu), `${describeDeployment(d)} requests \`nvidia.com/gpu\` without a limit: add \`resources.limits.nvidia.com/gpu: ${written(req.gpu)}\`.`);
        }
        // An inline model says its type even when its files live in a datastore (`type: mlflow_model`, `path: azureml://…`).
        const mlflow = d.model?.type === 'mlflow_model' || d.modelRef?.type === 'mlflow_model';
        const gap = mlflow ? undefined : modelGap(d);
        if (gap) {
            ctx.skip(d, gap);
            return;
        }
        if (!mlflow)
            return;
        if (!req.cpu && !req.memory) {
            if (d.instanceType)
                return; // the named instance type sets the requests; its definition lives in the cluster
            ctx.report(d.targetKey, `${describeDeployment(d)} serves ${describeModel(d)}, an MLflow model, without \`resources.requests\` or \`instance_type\`, ` +
                `so it gets the default instance type (${KUBERNETES_DEFAULT_INSTANCE_TYPE.cpu} CPU, ${KUBERNETES_DEFAULT_INSTANCE_TYPE.memory}): ` +
                `add \`resources.requests: { cpu: "${MLFLOW_MIN_CPU}", memory: "4Gi" }\` (and matching limits).`);
            return;
        }
        if (req.cpu && below(req.cpu, MLFLOW_MIN_CPU)) {
            ctx.report(kubernetes_resources_anchor(req.cpu), `\`${keyPath(req.cpu.ptr)}: ${written(req.cpu)}\` is below the ${MLFLOW_MIN_CPU} CPU that MLflow models need on Kubernetes (${describeModel(d)}): request \`cpu: "${MLFLOW_MIN_CPU}"\` or more.`);
        }
        if (req.memory && below(req.memory, MLFLOW_MIN_MEMORY_BYTES)) {
            ctx.report(kubernetes_resources_anchor(req.memory), `\`${keyPath(req.memory.ptr)}: ${written(req.memory)}\` is below the 4Gi that MLflow models need on Kubernetes (${describeModel(d)}): request \`memory: "4Gi"\` or more.`);
        }
    },
    fix(d, at) {
        const req = d.requests ?? {};
        const lim = d.limits ?? {};
        const raw = (f) => {
            const v = valueAt(f.manifest, f.ptr);
            return typeof v === 'number' ? v : written(f);
        };
        // A limit below its request: raise the limit to the request, written the same way.
        for (const k of ['cpu', 'memory', 'gpu']) {
            const l = lim[k];
            const r = req[k];
            if (l && r && l.ptr === at.ptr)
                return { description: `raise the ${NAMES[k]} limit to its request (${written(r)})`, changes: [{ set: l.ptr, value: raw(r) }] };
        }
        // A GPU request without a limit: the limit equal to the request.
        if (req.gpu && req.gpu.ptr === at.ptr && !lim.gpu) {
            const ptr = `${req.gpu.ptr.slice(0, req.gpu.ptr.lastIndexOf('/requests/'))}/limits/nvidia.com~1gpu`;
            return { description: `add \`resources.limits.nvidia.com/gpu: ${written(req.gpu)}\`, equal to the request`, changes: [{ set: ptr, value: raw(req.gpu), like: req.gpu.ptr }] };
        }
        // MLflow minimums: 2 CPU and 4Gi (limits raised along when they would fall below).
        const mins = { cpu: { q: String(MLFLOW_MIN_CPU), n: MLFLOW_MIN_CPU }, memory: { q: '4Gi', n: MLFLOW_MIN_MEMORY_BYTES } };
        const raise = (k, reqPtr, numeric) => {
            const v = k === 'cpu' && numeric ? mins.cpu.n : mins[k].q;
            const out = [{ set: reqPtr, value: v }];
            const l = lim[k];
            if (l && below(l, mins[k].n))
                out.push({ set: l.ptr, value: v });
            return out;
        };
        for (const k of ['cpu', 'memory']) {
            const r = req[k];
            if (r && r.ptr === at.ptr) {
                return { description: `request \`${k}: "${mins[k].q}"\`, the minimum for MLflow models on Kubernetes`, changes: raise(k, r.ptr, typeof valueAt(r.manifest, r.ptr) === 'number') };
            }
        }
        if (!req.cpu && !req.memory && !d.instanceType && at.ptr === d.targetKey.ptr && d.model?.type === 'mlflow_model') {
            return {
                description: 'add `resources.requests` of 2 CPU and 4Gi, the minimum for MLflow models on Kubernetes',
                changes: [...raise('cpu', '/resources/requests/cpu', false), ...raise('memory', '/resources/requests/memory', false)],
            };
        }
        return undefined;
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/v1-deprecated.ts

/** End-of-support dates (machine-learning-cli-v1-deprecation.md @19fa85dd), said in the tense the run's date needs. */
const ENDS = [
    { what: 'SDK v1 support', date: '2026-06-30' },
    { what: 'CLI v1 support', date: '2025-09-30' },
];
function endOfSupport(now) {
    const today = now.toISOString().slice(0, 10);
    return ENDS.map((e) => `${e.what} ${e.date < today ? 'ended' : 'ends'} on ${e.date}`).join(' and ');
}
/** The first deployment of each manifest, indexed once per deployment list. */
const byList = new WeakMap();
function deploymentOf(m, deployments) {
    let index = byList.get(deployments);
    if (!index) {
        index = new Map();
        for (const d of deployments)
            if (!index.has(d.manifest))
                index.set(d.manifest, d);
        byList.set(deployments, index);
    }
    return index.get(m);
}
const v1_deprecated_rule = {
    id: 'v1-deprecated',
    scope: 'manifest',
    defaultSeverity: 'warning',
    description: 'SDK/CLI v1 deployment configs and the aml-deploy/aml-compute/aml-registermodel actions are deprecated.',
    remediation: 'Move to CLI/SDK v2 YAML (managed or Kubernetes online deployments, amlCompute, model); the message names the SKU.',
    help: help('End of support: Azure ML CLI v1 on 2025-09-30, SDK v1 on 2026-06-30. Existing v1 web services keep running, but new v1 ACI/AKS ' +
        'deployments are deprecated and unsupported, and the aml-deploy / aml-compute / aml-registermodel actions were deprecated in 2021 ' +
        'in favour of CLI v2. The message names the v2 equivalent and, from `cpu` / `memoryInGB`, the managed online SKU of the ACI → ' +
        'managed online migration table; `model-deploy-gate migrate` writes the v2 files.', 'MicrosoftDocs/azure-ai-docs `includes/machine-learning-cli-v1-deprecation.md` @19fa85dd', '"Upgrade to v2 managed online endpoints" (`migrate-to-v2-managed-online-endpoints.md` @12579eb3)'),
    check(m, ctx) {
        const dep = m.family.deprecation;
        if (!m.family.v1 || !dep)
            return;
        const d = deploymentOf(m, ctx.inventory.deployments);
        ctx.report({ manifest: m, ptr: m.family.targetKey(m) }, `This is ${dep.what}, deprecated (${endOfSupport(ctx.now)}): ${dep.replacement(m, d)}.`);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/secret-in-manifest.ts






const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
/** Key files worth opening are small; anything larger is not a PEM key. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;
/** True when `ref` names a file inside the repository (relative to the manifest's folder) holding a PEM private key. */
function namesPrivateKeyFile(m, ref) {
    const file = m.file;
    // The repository root is the absolute path minus the repo-relative path.
    const root = external_node_path_.resolve(file.abs.slice(0, file.abs.length - file.path.length) || '.');
    const target = external_node_path_.resolve(external_node_path_.dirname(file.abs), ref);
    if (!secret_in_manifest_inside(root, target))
        return false;
    try {
        const real = external_node_fs_.realpathSync(target);
        if (!secret_in_manifest_inside(external_node_fs_.realpathSync(root), real))
            return false; // links are not followed out of the repository
        const st = external_node_fs_.statSync(real);
        if (!st.isFile() || st.size > MAX_KEY_FILE_BYTES)
            return false;
        return PEM_PRIVATE_KEY.test(external_node_fs_.readFileSync(real, 'utf8'));
    }
    catch {
        return false;
    }
}
function secret_in_manifest_inside(root, p) {
    const rel = external_node_path_.relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel);
}
/** What a secret key holds, or undefined when it holds nothing, a placeholder, or (PEM keys) no key. */
function hit(m, s) {
    const v = valueAt(m, s.ptr);
    if (typeof v !== 'string' || v.trim() === '' || isPlaceholder(v.trim()))
        return undefined;
    if (!s.pem)
        return { what: s.what, fix: s.fix };
    if (PEM_PRIVATE_KEY.test(v)) {
        return { what: `a TLS private key inline (\`${keyPath(s.ptr)}\`)`, fix: 'remove the key from the file, rotate it, and supply it at deploy time from a secret store' };
    }
    if (v.length < 4096 && namesPrivateKeyFile(m, v)) {
        return {
            what: `a path to a TLS private key file committed in the repository (\`${keyPath(s.ptr)}\`)`,
            fix: 'delete the key file from the repository (and its history), rotate the key, and write it from a secret at deploy time',
        };
    }
    return undefined;
}
const secret_in_manifest_rule = {
    id: 'secret-in-manifest',
    scope: 'manifest',
    defaultSeverity: 'error',
    description: 'A key or password is committed in a manifest (service keys, TLS private keys, compute admin passwords).',
    remediation: 'Remove the secret from the repository, rotate it, and supply it at deploy time from a secret store.',
    help: help('Anyone who can read the repository (and its history) can call the service or log into the compute. Keys belong in a secret store ' +
        'and are passed at deploy time. The finding names the key, never the value.', POLICY, 'the secret fields of the formats: v1 `keys.primaryKey` / `keys.secondaryKey` / `sslKey` (azureml-core `deploy_config_dict_to_obj`), ' +
        'aml-* `ssl_key_pem_file`, compute `admin_password` (azure-ai-ml compute schemas)'),
    check(m, ctx) {
        for (const s of m.family.secrets) {
            const h = hit(m, s);
            // Never echo the value: the finding names the key only.
            if (h)
                ctx.report({ manifest: m, ptr: s.ptr }, `This file commits ${h.what}: ${h.fix}.`);
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/schema.ts

const schema_rule = {
    id: 'schema',
    scope: 'manifest',
    defaultSeverity: 'error',
    description: 'A recognised manifest breaks its format: wrong type, bad enum value, missing required field, zero or negative size, unknown computeType, min above max.',
    remediation: 'Fix the value the message names; Azure would reject the file or deploy something other than what it says.',
    help: help('Azure rejects such files at deployment time — or, for v1 configs and the aml-actions, deploys something other than what the file ' +
        'says. The other rules read these values to apply the compute target table (ACI\'s 48 GB limit, GPU only on AKS, 150 % memory ' +
        'headroom…); a value that cannot be read cannot be checked.\n\n' +
        "It accepts what Azure's own loaders accept: numeric strings and YAML 1.1 booleans (`True`, `yes`) in v1 configs and CLI v2 YAML; " +
        'enum spellings the v2 SDK normalises (`auth_mode: Key`, `tier: LowPriority`); `computeType` in any case. The aml-actions validate ' +
        'JSON types strictly, so `"cpu_cores": "1"` is reported there. Unrendered templates (`{{SKU}}`), documented placeholders ' +
        '(`<your-cluster-name>`) and empty values are unknown, never errors. Keys Azure does not know are the job of `unknown-key`.', 'the formats\' own loaders: azure-ai-ml `_schema` (CLI/SDK v2 YAML), azureml-core `deploy_config_dict_to_obj` (v1 deployment configs), ' +
        'the aml-deploy / aml-compute / aml-registermodel actions\' `code/schemas.py`'),
    check(m, ctx) {
        for (const issue of m.family.validate(m))
            ctx.report({ manifest: m, ptr: issue.ptr }, issue.message);
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/unknown-key.ts



function message(m, key, dotted, known) {
    const effect = m.family.unknownKeyEffect;
    const label = article(m.family.label(m));
    if (key === '') {
        return `An empty key (a line starting with \`:\`?) in ${label}, ${effect}: remove the line or write the key name before the colon.`;
    }
    const advice = m.family.keyAdvice?.(m, dotted);
    if (advice)
        return advice;
    const hint = suggestKey(key, known);
    const fix = hint
        ? `did you mean \`${hint}\`?`
        : `remove it or fix its spelling${known.length > 0 ? ` (known keys here: ${known.filter((k) => k !== '$schema').slice(0, 12).join(', ')}${known.length > 13 ? ', …' : ''})` : ''}.`;
    return `Unknown key \`${dotted}\` in ${label}, ${effect}: ${fix}`;
}
function walk(ctx, m, data, fields, ptr, dotted) {
    // Pointers, dotted names and the known-key list are made only where they are used (a report or a
    // nested mapping): most keys are known scalars.
    for (const key of Object.keys(data)) {
        const node = Object.hasOwn(fields, key) ? fields[key] : undefined;
        if (node === undefined) {
            const childDotted = dotted ? `${dotted}.${key}` : key;
            ctx.report({ manifest: m, ptr: pointerJoin(ptr, key) }, message(m, key, childDotted, Object.keys(fields)));
            continue;
        }
        const v = data[key];
        if (typeof node === 'object' && isMapping(v))
            walk(ctx, m, v, node, pointerJoin(ptr, key), dotted ? `${dotted}.${key}` : key);
    }
}
const unknown_key_rule = {
    id: 'unknown-key',
    scope: 'manifest',
    defaultSeverity: 'warning',
    description: 'A key that Azure would ignore (v1 configs, aml-actions files) or reject (CLI v2 YAML): misspelled, mis-cased, or valid only for another computeType.',
    remediation: 'Rename the key to the one Azure reads (the message suggests the nearest known key) or remove it.',
    help: help('- v1 configs and the aml-actions **ignore** unknown keys silently: `"enableAppInsights": "True"` deploys with Application Insights ' +
        'off, `"ComputeTarget": "aks-cluster"` deploys without naming the cluster, and `cpu`/`memory` in `registermodel.json` register no ' +
        'resource requirement.\n' +
        '- The CLI v2 **rejects** fields its schema does not define, so the deployment command fails.\n\n' +
        'The message says which of the two happens.', "the formats' own loaders: azureml-core `deploy_config_dict_to_obj` (v1 keys), the aml-* actions' `code/schemas.py`, azure-ai-ml `_schema` (CLI v2 fields)"),
    check(m, ctx) {
        walk(ctx, m, m.data, m.family.fields(m), '', '');
    },
    fix(m, at) {
        // The rename the message offers, when the family reads the renamed key without complaint.
        const segs = pointerSplit(at.ptr);
        const key = segs[segs.length - 1];
        if (!key)
            return undefined;
        let fields = m.family.fields(m);
        for (const s of segs.slice(0, -1)) {
            const node = Object.hasOwn(fields, s) ? fields[s] : undefined;
            if (typeof node !== 'object')
                return undefined;
            fields = node;
        }
        const dottedKey = segs.join('.');
        if (m.family.keyAdvice?.(m, dottedKey))
            return undefined;
        const to = suggestKey(key, Object.keys(fields));
        const parentPtr = segs.slice(0, -1).reduce((a, s) => pointerJoin(a, s), '');
        const parent = valueIn(m.data, parentPtr);
        if (!to || !isMapping(parent) || Object.hasOwn(parent, to))
            return undefined;
        const renamed = Object.create(null);
        for (const k of Object.keys(parent))
            renamed[k === key ? to : k] = parent[k];
        const data = segs.length === 1 ? renamed : replaceAt(m.data, segs.slice(0, -1), renamed);
        const toPtr = pointerJoin(parentPtr, to);
        if (m.family.validate({ ...m, data }).some((i) => i.ptr === toPtr || i.ptr.startsWith(`${toPtr}/`)))
            return undefined;
        return { description: `rename \`${dottedKey}\` to \`${to}\``, changes: [{ rename: at.ptr, to }] };
    },
};
/** A copy of `root` with the mapping at `segs` replaced by `value` (the copies have null prototypes). */
function replaceAt(root, segs, value) {
    if (segs.length === 0)
        return value;
    const out = Object.create(null);
    for (const k of Object.keys(root))
        out[k] = root[k];
    const child = root[segs[0]];
    out[segs[0]] = replaceAt(isMapping(child) ? child : Object.create(null), segs.slice(1), value);
    return out;
}

;// CONCATENATED MODULE: ./src/policy/rules/parse-error.ts

/** The engine reports parse errors from the loader's problems. They say the gate could not look: never off, never suppressed. */
const parse_error_rule = {
    id: 'parse-error',
    scope: 'engine',
    defaultSeverity: 'error',
    unsilenceable: true,
    description: 'A file that looks like a manifest does not parse (malformed YAML/JSON, unrendered {{ }} template, too large).',
    remediation: 'Fix the syntax at the reported line, render templates before gating, or exclude the file in config `exclude:`.',
    help: help('An unreadable manifest cannot be checked; passing it silently would hide every other problem in it. A syntax error in an Azure ML ' +
        'asset the gate does not gate (a job, a component) is a notice, unless a pipeline deploys the file, or the file also holds a key ' +
        'only a gated family uses (`computeType`, `endpoint_name`, `auth_mode`…): `az ml … create -f` ignores `$schema`, so such a ' +
        'disguise does not excuse what the gate could not read.', `${POLICY} (fail closed)`),
};

;// CONCATENATED MODULE: ./src/policy/rules/unresolved-reference.ts


/** The deployment rules that read the model's / the compute's facts for this deployment (or any deployment). */
function blocked(rules, what, d) {
    const out = [];
    for (const r of rules) {
        if (r.scope !== 'deployment')
            continue;
        const need = r.needs?.[what];
        if (!need || (d && !r.appliesTo(d)) || (d && typeof need === 'function' && !need(d)))
            continue;
        out.push(r.id);
    }
    return out;
}
function notFound(ref, what) {
    if (ref.resolution === 'version-mismatch' && ref.versionsFound?.length) {
        const found = ref.versionsFound.join(', ');
        return `${what} reference "${ref.raw}" names version ${ref.version ?? '?'} of "${ref.name}", but the repository only defines version${ref.versionsFound.length > 1 ? 's' : ''} ${found}`;
    }
    return `${what} reference "${ref.raw}" is defined neither in the repository nor in config \`${what}s:\``;
}
const unresolved_reference_rule = {
    id: 'unresolved-reference',
    scope: 'inventory',
    defaultSeverity: 'notice',
    description: 'A model or compute reference is found nowhere in the repository or config, so the rules that need its facts cannot run.',
    remediation: 'Declare the model in config `models:` / the compute in `computes:` (or add its YAML to the repository).',
    help: help("The size, memory, accelerator and cluster rules of the compute target table need the model's and the compute's facts; the gate " +
        'never passes a rule silently because it could not look. The message lists the rules that could not be evaluated (they also appear ' +
        'under *skipped*).', POLICY),
    check(ctx) {
        const seen = new Set();
        const once = (ref) => {
            const k = `${ref.at.manifest.file.path}\u0000${ref.at.manifest.doc.index}\u0000${ref.at.ptr}`;
            if (seen.has(k))
                return false;
            seen.add(k);
            return true;
        };
        for (const d of ctx.inventory.deployments) {
            if (d.skipDeployment)
                continue;
            const mr = d.modelRef;
            if (mr && gaps_isUnresolved(mr) && once(mr)) {
                const rules = blocked(ctx.rules, 'model', d);
                const fix = mr.resolution === 'version-mismatch'
                    ? `add metadata for version ${mr.version ?? '?'} (a model YAML with \`name: ${mr.name}\` and \`version: ${mr.version ?? '?'}\`), fix the version, or declare`
                    : 'add its model YAML, or declare';
                ctx.report(mr.at, `${notFound(mr, 'model')}, so ${rules.length ? rules.join(', ') : 'the model-based rules'} could not run: ` +
                    `${fix} \`${mr.name}\` in \`models:\` with its \`memory-gb\`, \`size-bytes\` and \`accelerator\`.`);
            }
            const cr = d.computeRef;
            if (cr && gaps_isUnresolved(cr) && once(cr)) {
                const rules = blocked(ctx.rules, 'compute', d);
                const note = d.unresolvedComputeNote && cr.at.manifest === d.manifest ? ` ${d.unresolvedComputeNote}` : '';
                ctx.report(cr.at, `${notFound(cr, 'compute')}, so ${rules.length ? rules.join(', ') : 'the compute-based rules'} could not run: ` +
                    `add its compute YAML, or declare \`${cr.name}\` in \`computes:\` with its \`type\`, \`vm-size\` and \`nodes\`.${note}`);
            }
        }
        for (const e of ctx.inventory.endpoints) {
            const cr = e.computeRef;
            if (!cr || !gaps_isUnresolved(cr) || !once(cr))
                continue;
            ctx.report(cr.at, `${notFound(cr, 'compute')}, so ${blocked(ctx.rules, 'compute', undefined).join(', ')} could not run for the deployments of this endpoint: ` +
                `add the kubernetesCompute YAML, or declare \`${cr.name}\` in \`computes:\` with \`type: kubernetes\`, \`vm-size\` and \`nodes\`.`);
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/invalid-suppression.ts

/** Reported by the suppression pass while it reads inline suppression comments. */
const invalid_suppression_rule = {
    id: 'invalid-suppression',
    scope: 'engine',
    defaultSeverity: 'warning',
    description: 'An inline suppression comment has no reason or names an unknown rule, so it is not honoured.',
    remediation: 'Write `# model-deploy-gate: ignore <rule-id> -- <reason>` with a known rule id and a reason.',
    help: help('Every exception to the policy needs a recorded reason that reviewers can see; a typo in a rule id would otherwise suppress nothing ' +
        'without anyone noticing.', POLICY),
};

;// CONCATENATED MODULE: ./src/policy/rules/waiver-expired.ts

/** Reported by the suppression pass while it applies config waivers. */
const waiver_expired_rule = {
    id: 'waiver-expired',
    scope: 'engine',
    defaultSeverity: 'error',
    description: "A config waiver's `expires` date has passed; the findings it waived count again.",
    remediation: 'Fix the waived findings, or renew the waiver with a new `expires` date and a current reason and owner.',
    help: help('Waivers are temporary by design: an expired waiver means the planned fix did not happen, and the owner must renew it deliberately ' +
        'or fix the findings.', POLICY),
};

;// CONCATENATED MODULE: ./src/policy/rules/template.ts




const MAX_NAMED = 5;
const MAX_VALUE_CHARS = 80;
function placeholders(m) {
    const out = [];
    // The keys down to the current value; its pointer and dotted name are made only for a hit (most
    // values are none, and a string per node for each was most of what this rule allocated).
    const at = [];
    const hit = (v) => {
        let ptr = '';
        let dotted = '';
        for (const k of at) {
            ptr = pointerJoin(ptr, k);
            dotted = typeof k === 'number' ? `${dotted}[${k}]` : dotted ? `${dotted}.${k}` : k;
        }
        out.push({ ptr, key: dotted, value: v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v });
    };
    const walk = (v) => {
        if (typeof v === 'string') {
            if (placeholderKind(v))
                hit(v);
        }
        else if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                at.push(i);
                walk(v[i]);
                at.pop();
            }
        }
        else if (isMapping(v)) {
            for (const k of Object.keys(v)) {
                at.push(k);
                walk(v[k]);
                at.pop();
            }
        }
    };
    walk(m.data);
    return out;
}
const template_rule = {
    id: 'template',
    scope: 'manifest',
    defaultSeverity: 'notice',
    description: 'A manifest still holds placeholders (`<your model name>`, `INSERT-…-HERE`, `$(VAR)`, `${VAR}`, `#{VAR}#`, `__VAR__`, `{{ … }}`): those values are unknown, so the rules that read them are not evaluated.',
    remediation: 'Gate the rendered file (the one the pipeline deploys), or write the real values.',
    help: help('Sample repositories and templated pipelines commit files whose values are filled in at deploy time (`az ml online-deployment create ' +
        '-f … --set …`, token-replacement tasks). The gate judges the committed file; it should say which values it could not judge rather ' +
        'than guess. The values are unknown to every rule, so the rules that read them are not evaluated.', 'the placeholder conventions of Azure DevOps (`$(VAR)`, Replace Tokens `#{VAR}#`), GitHub Actions (`${{ }}`) and the Azure ML samples (`<your …>`)'),
    check(m, ctx) {
        const hits = placeholders(m);
        if (hits.length === 0)
            return;
        const named = hits.slice(0, MAX_NAMED).map((h) => `\`${h.key}: ${h.value}\``);
        const more = hits.length > MAX_NAMED ? ` and ${hits.length - MAX_NAMED} more` : '';
        ctx.report({ manifest: m, ptr: hits[0].ptr }, `${plural(hits.length, 'value')} of this file ${hits.length === 1 ? 'is a placeholder' : 'are placeholders'} (${named.join(', ')}${more}), ` +
            'so the rules that read them were not evaluated: gate the rendered file, or write the real values.');
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/kubernetes-registry-asset.ts





const REGISTRY = /^azureml:\/\/registries\//i;
/** The model and environment keys of a deployment that name a registry asset. */
function registryAssets(d) {
    const m = d.manifest;
    const out = [];
    for (const [key, what] of [
        ['model', 'model'],
        ['environment', 'environment'],
    ]) {
        const v = valueAt(m, `/${key}`);
        const raw = typeof v === 'string' ? v : isMapping(v) && typeof v.path === 'string' ? v.path : undefined;
        const ptr = typeof v === 'string' ? `/${key}` : `/${key}/path`;
        if (raw !== undefined && REGISTRY.test(raw.trim()))
            out.push({ at: { manifest: m, ptr }, what, ref: raw.trim() });
    }
    return out;
}
/** The workspace reference of the same asset, once registered there: `azureml:NAME:VERSION` / `azureml:NAME@LABEL`. */
function workspaceRef(ref) {
    const m = /\/(?:models|environments)\/([^/]+)\/(versions|labels)\/([^/]+)\/?$/i.exec(ref);
    if (!m || isPlaceholder(ref))
        return 'azureml:NAME:VERSION';
    return `azureml:${m[1]}${m[2].toLowerCase() === 'versions' ? ':' : '@'}${m[3]}`;
}
const kubernetes_registry_asset_rule = {
    id: 'kubernetes-registry-asset',
    scope: 'deployment',
    defaultSeverity: 'error',
    description: 'A Kubernetes online deployment cannot use a model or environment from a registry (`azureml://registries/…`).',
    remediation: 'Register the model/environment in the workspace (or copy it from the registry) and reference it as `azureml:NAME:VERSION`.',
    help: help("Azure ML's Kubernetes compute does not support models and environments from the model catalog or from registries (\"Limitations " +
        'for a Kubernetes compute"); the CLI v2 refuses them for Kubernetes deployments (`exit_if_registry_assets`). Managed online endpoints accept them.', 'MicrosoftDocs/azure-ai-docs `articles/machine-learning/how-to-attach-kubernetes-anywhere.md` @34cf4994', 'azure-ai-ml `KubernetesOnlineDeploymentSchema`'),
    appliesTo: (d) => d.flavor === 'kubernetes-online',
    check(d, ctx) {
        for (const a of registryAssets(d)) {
            ctx.report(a.at, 
            // A placeholder in the reference is the template notice's to name, not this message's.
            `${describeDeployment(d)} uses the registry ${a.what} ${isPlaceholder(a.ref) ? `at \`${keyPath(a.at.ptr)}\`` : `\`${a.ref}\``}, which Kubernetes online endpoints do not support: ` +
                `register the ${a.what} in the workspace and reference it as \`${workspaceRef(a.ref)}\`, or deploy to a managed online endpoint.`);
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/v2-online-on-legacy-aks.ts

/** Computes by lower-cased name, indexed once per compute list. */
const v2_online_on_legacy_aks_byList = new WeakMap();
function v2_online_on_legacy_aks_named(name, computes) {
    let index = v2_online_on_legacy_aks_byList.get(computes);
    if (!index) {
        index = new Map();
        for (const c of computes) {
            const k = c.name.toLowerCase();
            const list = index.get(k);
            if (list)
                list.push(c);
            else
                index.set(k, [c]);
        }
        v2_online_on_legacy_aks_byList.set(computes, index);
    }
    return index.get(name) ?? [];
}
/** The compute a resolved reference names (config facts win, as the inventory resolves them). */
function computeOf(ref, computes) {
    if (ref.resolution !== 'resolved')
        return undefined;
    const matches = v2_online_on_legacy_aks_named(ref.name.toLowerCase(), computes);
    return matches.find((c) => c.source === 'config') ?? matches[0];
}
const v2_online_on_legacy_aks_rule = {
    id: 'v2-online-on-legacy-aks',
    scope: 'inventory',
    defaultSeverity: 'error',
    description: 'A CLI/SDK v2 online endpoint or deployment cannot run on a legacy AKS compute (v1 AksCompute attachment).',
    remediation: 'Attach the AKS cluster as an Azure ML Kubernetes compute (`az ml compute attach --type Kubernetes`) and point `compute:` at it.',
    help: help('Legacy AKS compute runs v1 web services only. CLI/SDK v2 needs the cluster attached as an Azure ML Kubernetes compute (the Azure ML ' +
        'extension on AKS or Arc); `az ml online-endpoint create` fails on a legacy AKS compute.', 'MicrosoftDocs/azure-ai-docs `articles/machine-learning/how-to-attach-kubernetes-anywhere.md` @34cf4994 (legacy AKS compute cannot be used from CLI/SDK v2)'),
    check(ctx) {
        // Kubernetes endpoints name the compute; their deployments inherit it (the registry keeps one finding per key).
        const refs = [];
        for (const e of ctx.inventory.endpoints)
            if (e.kind === 'kubernetes' && e.computeRef)
                refs.push(e.computeRef);
        for (const d of ctx.inventory.deployments)
            if (d.flavor === 'kubernetes-online' && d.computeRef && !d.skipDeployment)
                refs.push(d.computeRef);
        for (const ref of refs) {
            if (computeOf(ref, ctx.inventory.computes)?.type !== 'aks')
                continue;
            ctx.report(ref.at, `\`${ref.raw}\` is a legacy AKS compute (a v1 AksCompute attachment), which CLI/SDK v2 online endpoints cannot use: ` +
                'attach the cluster as an Azure ML Kubernetes compute (`az ml compute attach --type Kubernetes`, a kubernetesCompute YAML) and point `compute:` at it.');
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/kit/quota.ts
// The vCPU quota the repository's managed online deployments need, per VM family: Azure reserves
// ⌈1.2 × instances⌉ × vCPUs per deployment (20 % for upgrades), or instances × vCPUs for the sizes
// exempt from the reservation (includes/quota-allocation-online-deployment.md).

/** The upgrade reservation of managed online deployments. */
const QUOTA_RESERVE = 1.2;
/** vCPUs one deployment reserves: ⌈1.2 × instances⌉ × vCPUs, or instances × vCPUs when exempt. */
function reservedVcpus(instances, vcpus, exempt) {
    const n = exempt ? instances : Math.ceil(QUOTA_RESERVE * instances - 1e-9);
    return n * vcpus;
}
/** The configured quota of a family (config keys match by family name, case- and "Standard … Family vCPUs"-insensitively). */
function quotaOf(family, quota) {
    if (!quota)
        return undefined;
    const key = familyKey(family);
    for (const [name, value] of Object.entries(quota))
        if (familyKey(name) === key)
            return value;
    return undefined;
}
/** Per family, the vCPUs the managed online deployments need (sizes missing from the catalogue are not counted). */
function quotaNeeds(deployments, skus, quota) {
    const byFamily = new Map();
    for (const d of deployments) {
        if (d.target !== 'managed-online' || d.skipDeployment || !d.instanceType || !d.instanceCount)
            continue;
        const sku = skus.get(d.instanceType.value);
        const instances = d.instanceCount.value;
        if (!sku || !Number.isFinite(instances) || instances <= 0)
            continue;
        const family = sku.family ?? `${sku.name} (family unknown)`;
        let need = byFamily.get(family);
        if (!need) {
            need = { family, vcpus: 0, deployments: [] };
            const q = quotaOf(family, quota);
            if (q !== undefined)
                need.quota = q;
            byFamily.set(family, need);
        }
        const vcpus = reservedVcpus(instances, sku.vcpus, sku.quotaExempt);
        need.vcpus += vcpus;
        need.deployments.push({ file: d.manifest.file.path, name: d.name ?? null, instanceType: sku.name, instances, vcpus });
    }
    const out = [...byFamily.values()].sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0));
    for (const n of out)
        n.deployments.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return out;
}

;// CONCATENATED MODULE: ./src/policy/rules/quota-exceeded.ts




const quota_exceeded_rule = {
    id: 'quota-exceeded',
    scope: 'inventory',
    defaultSeverity: 'warning',
    description: "The managed online deployments of the repository need more vCPU quota in a VM family than config `quota:` declares (Azure reserves ⌈1.2 × instances⌉ × vCPUs per deployment).",
    remediation: 'Request more quota for the VM family, lower instance_count, or move deployments to another VM family; then update config `quota:`.',
    help: help("Azure ML creates and upgrades a managed online deployment only if the subscription's quota for its VM family, in the region, covers " +
        'it, including the 20 % it holds back so that instances can be replaced during upgrades (⌈1.2 × instances⌉ × vCPUs, except for the ' +
        'sizes exempt from the reservation); GPU families start at 0. A deployment over quota fails at `az ml online-deployment create|update`, ' +
        'after the PR merged. 10 × Standard_DS3_v2 need 48 vCPUs.\n\n' +
        "The quota is per subscription and region: if your deployments go to several subscriptions, gate each one's folder with its own config.", 'Azure ML "Manage and increase quotas" (`how-to-manage-quotas.md` @0c509fa9)', 'the managed online endpoint quota allocation include (`quota-allocation-online-deployment.md` @efb1e263), MicrosoftDocs/azure-ai-docs'),
    check(ctx) {
        const quota = ctx.config.quota;
        if (!quota || Object.keys(quota).length === 0)
            return;
        const over = new Map(quotaNeeds(ctx.inventory.quotaPool ?? ctx.inventory.deployments, ctx.skus, quota).filter((n) => n.quota !== undefined && n.vcpus > n.quota).map((n) => [n.family, n]));
        if (over.size === 0)
            return;
        for (const d of ctx.inventory.deployments) {
            if (d.target !== 'managed-online' || d.skipDeployment || !d.instanceType || !d.instanceCount)
                continue;
            const sku = ctx.skus.get(d.instanceType.value);
            const need = sku && over.get(sku.family ?? `${sku.name} (family unknown)`);
            if (!sku || !need)
                continue;
            const n = d.instanceCount.value;
            const own = reservedVcpus(n, sku.vcpus, sku.quotaExempt);
            const how = sku.quotaExempt
                ? `${plural(n, 'instance')} × ${sku.vcpus} vCPUs, ${sku.name} being exempt from the upgrade reservation`
                : `⌈${QUOTA_RESERVE} × ${n}⌉ × ${sku.vcpus} vCPUs`;
            const others = need.deployments.length - 1;
            ctx.report({ manifest: d.instanceCount.manifest, ptr: d.instanceCount.ptr }, `${d.name ? `Deployment "${d.name}"` : 'This deployment'} reserves ${own} vCPUs of "${need.family}" (${how}); ` +
                `with ${others === 0 ? 'no other deployment' : plural(others, 'other managed online deployment')} of that family the repository needs ${num(need.vcpus)} vCPUs, ` +
                `more than the ${num(need.quota ?? 0)} of config \`quota:\`: request a quota increase for the family, ` +
                'lower `instance_count`, or use a VM size of another family.');
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/rules/policy-change.ts

/**
 * Reported by the engine when a pull request adds, changes or deletes the config: the run is judged
 * by the base branch's policy, and this finding says what the PR's own policy would turn off, lower,
 * waive or relax, and how many findings of the run it would hide. Its severity comes from the
 * judging (base) policy, so a PR cannot silence it with its own config; it is made after inline
 * suppressions and waivers are applied, so neither can hide it.
 */
const policy_change_rule = {
    id: 'policy-change',
    scope: 'engine',
    defaultSeverity: 'error',
    description: "A pull request changes the gate's config (adds, edits or deletes it) in a way that turns rules off, lowers severities, adds or extends waivers, or relaxes limits, stages or file selection.",
    remediation: 'Have the config owners (CODEOWNERS) review and approve the policy change; the new policy takes effect once merged. Split policy changes from manifest changes.',
    help: help('Everyone who can open a pull request controls the config file in it. If the pull request\'s config judged the pull request, a single ' +
        'added line (`aci-not-for-production: off`, a waiver on `**`) would turn the gate green. Policy changes deserve their own review by ' +
        "the config's owners: add the config to `CODEOWNERS`. The run is judged by the base branch's policy; the new policy takes effect once merged.", POLICY),
};

;// CONCATENATED MODULE: ./src/policy/rules/index.ts































/** Every rule, in the order of SPEC §4 then the rules added since (the order of --list-rules, SARIF and docs). */
const ALL_RULES = [
    rule,
    aci_not_for_production_rule,
    compute_cluster_not_realtime_rule,
    batch_requires_compute_cluster_rule,
    gpu_realtime_requires_aks_rule,
    gpu_batch_requires_gpu_cluster_rule,
    fpga_requires_aks_rule,
    aci_memory_limit_rule,
    aci_model_size_rule,
    memory_headroom_rule,
    autoscale_requires_aks_rule,
    aks_production_cluster_rule,
    gpu_replicas_exceed_cluster_rule,
    low_priority_production_batch_rule,
    managed_sku_unsupported_rule,
    managed_instance_count_ha_rule,
    request_timeout_limit_rule,
    kubernetes_resources_rule,
    v1_deprecated_rule,
    secret_in_manifest_rule,
    schema_rule,
    unknown_key_rule,
    parse_error_rule,
    unresolved_reference_rule,
    invalid_suppression_rule,
    waiver_expired_rule,
    // Rules added after SPEC §4's table (issues #11 and #13).
    template_rule,
    kubernetes_registry_asset_rule,
    v2_online_on_legacy_aks_rule,
    quota_exceeded_rule,
    policy_change_rule,
];

;// CONCATENATED MODULE: ./src/policy/verdict.ts
const SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
function compareFindings(a, b) {
    return (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
function summarise(findings, failOn) {
    const s = { result: 'pass', errors: 0, warnings: 0, notices: 0, suppressed: 0 };
    for (const f of findings) {
        if (f.suppressed) {
            s.suppressed++;
            continue;
        }
        if (f.severity === 'error')
            s.errors++;
        else if (f.severity === 'warning')
            s.warnings++;
        else
            s.notices++;
    }
    const failing = failOn === 'never'
        ? false
        : failOn === 'error'
            ? s.errors > 0
            : failOn === 'warning'
                ? s.errors + s.warnings > 0
                : s.errors + s.warnings + s.notices > 0;
    s.result = failing ? 'fail' : 'pass';
    return s;
}

;// CONCATENATED MODULE: ./src/engine/policy-change.ts
// A pull request that changes the gate's config: the run is judged by the base branch's policy, run
// again with the PR's, and one `policy-change` finding says what the new policy would turn off,
// lower, waive or relax, and which findings it would hide (SPEC §6, revised 2026-12).








const RULE_IDS = ALL_RULES.map((r) => r.id);
const POLICY_CHANGE = 'policy-change';
/** Relaxations listed in the message of a policy-change finding (the rest are counted). */
const MAX_LISTED = 12;
function sameSource(a, b) {
    if (a === null || b === null)
        return a === b;
    return a.path === b.path && a.text === b.text;
}
/** The config change a run sees, if any: the PR's config differs from the one that judges. */
function configChange(p) {
    if (!p)
        return { changed: false };
    if (p.from === 'base' && (p.proposedProblems?.length ?? 0) > 0)
        return { changed: true, path: p.proposedProblems[0].file };
    if (p.from === 'base' && p.proposed !== undefined && !sameSource(p.source, p.proposed)) {
        return p.proposed === null ? { changed: true, path: p.source?.path, deleted: true } : { changed: true, path: p.proposed.path };
    }
    if (p.from === 'head' && p.baseline !== undefined && !sameSource(p.baseline, p.source)) {
        return p.source === null ? { changed: true, path: p.baseline?.path, deleted: true } : { changed: true, path: p.source.path };
    }
    return { changed: false };
}
/** Unsuppressed findings by rule, file and line (how two runs are compared). */
function activeKeys(findings) {
    const m = new Map();
    for (const f of findings) {
        if (f.suppressed || f.ruleId === POLICY_CHANGE)
            continue;
        const k = `${f.ruleId}\u0000${f.file}\u0000${f.line}`;
        m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
}
/**
 * Evaluates the run again with the pull request's config and adds one `policy-change` finding
 * (made by the judging policy's registry, after suppressions: the PR cannot silence it).
 */
/** `rerun(config)`: the same run under another config, gating everything. */
function addPolicyChange(config, policy, opts, meta, result, rerun) {
    const registry = new Registry(ALL_RULES, config);
    const proposed = policy.proposed ?? null;
    const file = proposed?.path ?? meta.changedPath ?? policy.source?.path ?? CONFIG_FILES[0];
    const kind = proposed === null && !policy.proposedProblems?.length ? 'deleted' : policy.source === null ? 'added' : 'changed';
    const change = { file, kind, relaxes: [], other: [], hidden: 0 };
    let span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    let message;
    let severity;
    const problems = policy.proposedProblems?.length ? policy.proposedProblems : undefined;
    const next = problems ? { ok: false, problems } : configFrom(proposed, RULE_IDS);
    if (!next.ok) {
        const p = next.problems[0];
        change.invalid = problemText(p);
        if (p.line > 0)
            span = { line: p.line, column: Math.max(1, p.column), endLine: p.line, endColumn: Math.max(1, p.column) };
        message =
            `The pull request's config ${code(file)} is invalid, so every run would fail once it is merged: ${change.invalid}. ` +
                "This run was judged by the base branch's policy.";
    }
    else {
        let nextConfig = next.config;
        if (opts.defaultStage)
            nextConfig = { ...nextConfig, defaultStage: opts.defaultStage };
        const items = diffPolicies(config, nextConfig, ALL_RULES);
        const relaxing = items.filter((i) => i.relaxes);
        change.relaxes = relaxing.map((i) => i.text);
        change.other = items.filter((i) => !i.relaxes).map((i) => i.text);
        // The same run under the PR's policy: which findings would it hide?
        const theirs = rerun(nextConfig);
        const kept = activeKeys(theirs.findings);
        let hiddenErrors = 0;
        for (const f of result.findings) {
            if (f.suppressed || f.ruleId === POLICY_CHANGE)
                continue;
            const k = `${f.ruleId}\u0000${f.file}\u0000${f.line}`;
            const left = kept.get(k) ?? 0;
            if (left > 0)
                kept.set(k, left - 1);
            else {
                change.hidden++;
                if (f.severity === 'error')
                    hiddenErrors++;
            }
        }
        change.wouldResult = theirs.summary.result;
        const first = relaxing[0] ?? items[0];
        if (first?.ptr && nextConfig.source)
            span = spanAt(nextConfig.source.doc, first.ptr);
        const what = kind === 'deleted'
            ? `The pull request deletes the config ${code(file)}, so the built-in defaults would apply`
            : `The pull request ${kind === 'added' ? 'adds the config' : 'changes the config'} ${code(file)}`;
        // What relaxes first, then the rest (raised severities, ignored settings).
        const ordered = [...relaxing, ...items.filter((i) => !i.relaxes)];
        const listed = ordered.slice(0, MAX_LISTED).map((i) => i.text);
        const more = ordered.length - listed.length;
        const body = listed.length ? `: it ${listed.join('; it ')}${more > 0 ? `; and ${plural(more, 'more change')}` : ''}` : ' (no setting changes)';
        const effect = change.hidden > 0
            ? `Its config would hide ${plural(change.hidden, 'finding')} of this run (${plural(hiddenErrors, 'error')})` +
                (theirs.summary.result === 'pass' && result.summary.result === 'fail' ? ' and pass the run' : '')
            : 'Its config would hide no finding of this run';
        message = `${what}${body}. ${effect}: have the config owners review it (the base branch's policy judged this run).`;
        if (relaxing.length === 0 && change.hidden === 0)
            severity = 'notice';
    }
    result.policy = { ...result.policy, change };
    const f = registry.make(POLICY_CHANGE, file, span, message, severity);
    if (f) {
        result.findings.push(f);
        result.findings.sort(compareFindings);
        result.summary = summarise(result.findings, opts.failOn);
    }
}
function code(s) {
    return `\`${s}\``;
}
function policyInfo(config, meta, excludedFiles, inForce, now) {
    const today = now.toISOString().slice(0, 10);
    const info = {
        from: meta.from,
        file: config.source?.path ?? null,
        ...summarisePolicy(config, ALL_RULES),
        defaultStage: config.defaultStage,
        excluded: { patterns: extraExcludes(config), files: excludedFiles },
        waivers: { inForce, expired: config.waivers.filter((w) => w.expires < today).length },
    };
    if (meta.commit)
        info.commit = meta.commit;
    if (meta.note)
        info.note = meta.note;
    return info;
}

;// CONCATENATED MODULE: ./src/formats/kit/schema.ts





// ---------------------------------------------------------------- messages
function schema_describe(v) {
    if (typeof v === 'string')
        return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
    if (Array.isArray(v))
        return 'a list';
    if (isMapping(v))
        return 'a mapping';
    return `\`${String(v)}\``;
}
function skip(v) {
    return v === null || v === undefined || isPlaceholder(v);
}
function withHint(msg, hint) {
    return hint ? `${msg} ${hint}` : msg;
}
function fail(fn, message, params = {}) {
    fn.errors = [{ message, params }];
    return false;
}
const checkNumber = function checkNumber(spec, data) {
    if (skip(data))
        return true;
    if (typeof data === 'number' && !Number.isFinite(data)) {
        // YAML `.inf`/`.nan`, JSON `1e400`: no Azure loader turns these into a usable size.
        return fail(checkNumber, `must be a finite number; found ${Number.isNaN(data) ? 'NaN' : data > 0 ? 'infinity' : 'minus infinity'}.`);
    }
    const n = typeof data === 'number' ? data : spec.strings && isNumericString(data) ? toNumber(data) : undefined;
    if (n === undefined) {
        const what = spec.integer ? 'a whole number' : 'a number';
        const extra = typeof data === 'string' && !spec.strings && isNumericString(data) ? ' (write it without quotes: the action validates JSON types)' : '';
        // The hint speaks of ranges (e.g. "a zero or negative size…"): not for values of the wrong type.
        return fail(checkNumber, `must be ${what}; found ${schema_describe(data)}${extra}.`);
    }
    if (spec.integer && !Number.isInteger(n))
        return fail(checkNumber, withHint(`must be a whole number; found ${n}.`, spec.hint));
    if (spec.exclusiveMin !== undefined && !(n > spec.exclusiveMin)) {
        return fail(checkNumber, withHint(`must be greater than ${spec.exclusiveMin}; found ${n}.`, spec.hint));
    }
    if (spec.min !== undefined && n < spec.min)
        return fail(checkNumber, withHint(`must be at least ${spec.min}; found ${n}.`, spec.hint));
    if (spec.max !== undefined && n > spec.max)
        return fail(checkNumber, withHint(`must be at most ${spec.max}; found ${n}.`, spec.hint));
    return true;
};
const checkBool = function checkBool(spec, data) {
    if (skip(data) || typeof data === 'boolean')
        return true;
    if (spec.strings && toBool(data) !== undefined)
        return true;
    return fail(checkBool, `must be true or false; found ${schema_describe(data)}.`);
};
function snake(s) {
    return s.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
const checkEnum = function checkEnum(spec, data) {
    if (data === null && spec.notNull)
        return fail(checkEnum, withHint(`is empty; allowed values: ${spec.values.join(', ')}.`, spec.hint));
    if (skip(data))
        return true;
    if (typeof data === 'string') {
        const norm = spec.match === 'exact' ? data : spec.match === 'ci' ? data.trim().toLowerCase() : snake(data);
        const allowed = spec.values.map((v) => (spec.match === 'exact' ? v : v.toLowerCase()));
        if (allowed.includes(norm))
            return true;
    }
    return fail(checkEnum, withHint(`is ${schema_describe(data)}; allowed values: ${spec.values.join(', ')}.`, spec.hint));
};
const checkString = function checkString(_spec, data) {
    if (skip(data) || typeof data === 'string')
        return true;
    return fail(checkString, `must be text; found ${schema_describe(data)}.`);
};
const checkTextOrNumber = function checkTextOrNumber(_spec, data) {
    if (skip(data) || typeof data === 'string' || typeof data === 'number')
        return true;
    return fail(checkTextOrNumber, `must be text or a number; found ${schema_describe(data)}.`);
};
const checkQuantity = function checkQuantity(spec, data) {
    if (skip(data))
        return true;
    const example = spec.kind === 'cpu' ? '"500m" or "2"' : '"512Mi" or "4Gi"';
    if (!(typeof data === 'number' || (typeof data === 'string' && isQuantity(data)))) {
        return fail(checkQuantity, `must be a Kubernetes quantity such as ${example}; found ${schema_describe(data)}.`);
    }
    const n = parseQuantity(data);
    if (!(n !== undefined && n > 0))
        return fail(checkQuantity, `must be greater than 0; found ${schema_describe(data)}: a container cannot run with no ${spec.kind}.`);
    return true;
};
/**
 * A check over pairs of numeric keys of one mapping: `wrong(a, b)` says the first key's value is
 * off against the second's; the finding names the first key.
 */
function pairCheck(wrong, say) {
    const check = function check(pairs, data) {
        if (!isMapping(data))
            return true;
        for (const [first, second] of pairs) {
            const a = toNumber(data[first]);
            const b = toNumber(data[second]);
            if (a !== undefined && b !== undefined && wrong(a, b))
                return fail(check, say(first, second, a, b), { key: first });
        }
        return true;
    };
    return check;
}
/** On a mapping: each `[minKey, maxKey]` pair must have min ≤ max (reported at the min key). */
const checkMinMax = pairCheck((a, b) => a > b, (lo, hi, a, b) => `is ${a}, above \`${hi}\` (${b}): lower \`${lo}\` or raise \`${hi}\`.`);
/** On a mapping: each `[limitKey, requestKey]` pair must have limit ≥ request (reported at the limit key). */
const checkNotBelow = pairCheck((a, b) => a < b, (limit, request, a, b) => `is ${a}, below \`${request}\` (${b}), which the SDK rejects: raise \`${limit}\` or lower \`${request}\`.`);
// ---------------------------------------------------------------- schema builders
function schema_obj(properties, extra = {}) {
    return { type: 'object', properties, ...extra };
}
const schema_map = { type: 'object' };
const schema_text = { mdgString: {} };
const textOrNumber = { mdgTextOrNumber: {} };
const SIZE_HINT = 'A zero or negative size cannot be deployed.';
function vocabulary(strings, match) {
    return {
        num: (spec = {}) => ({ mdgNumber: { strings, ...spec } }),
        int: (min, spec = {}) => ({ mdgNumber: { strings, integer: true, min, ...spec } }),
        pos: (hint) => ({ mdgNumber: { strings, exclusiveMin: 0, ...(hint ? { hint } : {}) } }),
        flag: { mdgBool: { strings } },
        oneOf: (values, hint, notNull) => ({ mdgEnum: { values, match, ...(hint ? { hint } : {}), ...(notNull ? { notNull } : {}) } }),
    };
}
// ---------------------------------------------------------------- validation
/** The vocabulary of CLI v2 YAML (marshmallow: numeric strings, camelCase enums turned snake_case). */
const V2 = vocabulary(true, 'snake');
/** The identity-type enum every v2 compute and endpoint shares. */
function identitySchema() {
    return schema_obj({ type: V2.oneOf(['system_assigned', 'user_assigned', 'system_assigned,user_assigned', 'none']) });
}
let schema_ajv;
const schema_compiled = new Map();
/** A compiled validator per schema key (compiled once, on first use). */
function schema_validator(key, schema) {
    let v = schema_compiled.get(key);
    if (v)
        return v;
    if (!schema_ajv) {
        // Unoptimised code compiles ~40 % faster; validation cost is negligible next to parsing. The schemas
        // are ours (strict mode still rejects unknown keywords): not checked against the meta-schema each run.
        schema_ajv = new ajv.Ajv({ allErrors: true, strict: true, validateSchema: false, code: { optimize: false } });
        schema_ajv.addKeyword({ keyword: 'mdgNumber', schemaType: 'object', errors: true, validate: checkNumber });
        schema_ajv.addKeyword({ keyword: 'mdgBool', schemaType: 'object', errors: true, validate: checkBool });
        schema_ajv.addKeyword({ keyword: 'mdgEnum', schemaType: 'object', errors: true, validate: checkEnum });
        schema_ajv.addKeyword({ keyword: 'mdgString', schemaType: 'object', errors: true, validate: checkString });
        schema_ajv.addKeyword({ keyword: 'mdgTextOrNumber', schemaType: 'object', errors: true, validate: checkTextOrNumber });
        schema_ajv.addKeyword({ keyword: 'mdgQuantity', schemaType: 'object', errors: true, validate: checkQuantity });
        schema_ajv.addKeyword({ keyword: 'mdgMinMax', schemaType: 'array', errors: true, validate: checkMinMax });
        schema_ajv.addKeyword({ keyword: 'mdgNotBelow', schemaType: 'array', errors: true, validate: checkNotBelow });
    }
    v = schema_ajv.compile(schema());
    schema_compiled.set(key, v);
    return v;
}
/** How to add a required key, where there is more to say than its name. */
const REQUIRED_HINTS = {
    instance_type: 'add the VM SKU, e.g. `instance_type: Standard_DS3_v2` (one allowed on managed online endpoints)',
    instance_count: 'add `instance_count:` (3 or more for production)',
    type: 'add `type: kubernetes` (without it the Azure ML CLI v2 loads the file as a managed online deployment)',
};
function requiredIssue(m, parent, missing) {
    const top = parent === '';
    const names = missing.map((k) => `\`${top ? k : `${dotted(parent)}.${k}`}\``);
    const hints = missing.map((k, i) => REQUIRED_HINTS[k] ?? `add ${names[i]}`);
    return {
        // A top-level field has no key of its own: the document's first key (SPEC §4).
        ptr: top ? firstKeyPtr(m) : parent,
        message: `${m.kind} requires ${names.join(' and ')}, which this file does not set: ${hints.join('; ')}.`,
    };
}
function issueOf(m, e) {
    const data = valueIn(m.data, e.instancePath);
    if (e.keyword === 'type') {
        if (skip(data))
            return undefined;
        return { ptr: e.instancePath, message: `\`${dotted(e.instancePath)}\` must be a mapping of keys; found ${schema_describe(data)}.` };
    }
    const key = e.params.key;
    const ptr = typeof key === 'string' ? pointerJoin(e.instancePath, key) : e.instancePath;
    return { ptr, message: `\`${dotted(ptr)}\` ${e.message ?? 'is invalid.'}` };
}
function position(m, ptr) {
    const s = m.doc.keys.get(ptr) ?? m.doc.values.get(ptr) ?? m.doc.start;
    return s.line * 1e6 + s.column;
}
/**
 * Validates a manifest against a schema (`key` names it in the compile cache: the kind); one issue
 * per key at most, in document order.
 */
function validateWith(m, key, schema) {
    const v = schema_validator(key, schema);
    if (v(m.data))
        return [];
    const out = [];
    const seen = new Set();
    const missing = new Map();
    const issues = [];
    for (const e of v.errors ?? []) {
        if (e.keyword === 'required') {
            const list = missing.get(e.instancePath) ?? [];
            list.push(String(e.params.missingProperty ?? ''));
            missing.set(e.instancePath, list);
        }
        else {
            const issue = issueOf(m, e);
            if (issue)
                issues.push(issue);
        }
    }
    for (const [parent, keys] of missing)
        issues.unshift(requiredIssue(m, parent, keys));
    for (const issue of issues) {
        if (seen.has(issue.ptr))
            continue;
        seen.add(issue.ptr);
        out.push(issue);
    }
    return out.sort((a, b) => position(m, a.ptr) - position(m, b.ptr));
}

;// CONCATENATED MODULE: ./src/formats/family.ts

/** A family with the defaults every family shares: schema validation by kind, no secrets, not v1. */
function family_define(spec) {
    const family = {
        ...spec,
        v1: spec.v1 ?? false,
        secrets: spec.secrets ?? [],
        validate(m) {
            return validateWith(m, m.kind, () => family.schema(m.kind));
        },
    };
    return family;
}

;// CONCATENATED MODULE: ./src/formats/kit/fields.ts
/** Leaf keys. */
function leaves(...keys) {
    return Object.fromEntries(keys.map((k) => [k, true]));
}
/** A tree from dotted paths (`containerResourceRequirements.cpu`). */
function treeOf(paths) {
    const root = {};
    for (const p of paths) {
        const segs = p.split('.');
        let cur = root;
        segs.forEach((s, i) => {
            if (i === segs.length - 1) {
                if (!(s in cur))
                    cur[s] = true;
            }
            else {
                const next = cur[s];
                if (typeof next === 'object')
                    cur = next;
                else
                    cur = cur[s] = {};
            }
        });
    }
    return root;
}
/** The member of a known-key tree for a key, if the key is known (own keys only: `constructor` is data). */
function fieldOf(fields, key) {
    return Object.hasOwn(fields, key) ? fields[key] : undefined;
}
// ---------------------------------------------------------------- CLI v2 YAML (§2c, §2d)
const ROUTE = leaves('port', 'path');
const ENVIRONMENT = {
    ...leaves('name', 'version', 'image', 'conda_file', 'description', 'os_type', 'datastore', 'id', 'stage', 'intellectual_property'),
    build: leaves('path', 'dockerfile_path', 'context'),
    inference_config: { liveness_route: ROUTE, readiness_route: ROUTE, scoring_route: ROUTE },
    tags: 'map',
    properties: 'map',
};
const MODEL_ASSET = {
    ...leaves('name', 'version', 'path', 'local_path', 'type', 'description', 'stage', 'job_name', 'utc_time_created', 'id', 'latest_version', 'creation_context', 'datastore', 'intellectual_property', 'system_metadata'),
    tags: 'map',
    properties: 'map',
    flavors: 'map',
};
const CODE_CONFIGURATION = { code: leaves('local_path', 'path'), scoring_script: true };
const PROBE = leaves('initial_delay', 'period', 'timeout', 'success_threshold', 'failure_threshold', 'method', 'scheme', 'path', 'port');
const IDENTITY = leaves('type', 'principal_id', 'tenant_id', 'user_assigned_identities');
const QUANTITIES = leaves('cpu', 'memory', 'nvidia.com/gpu', 'gpu');
const DEPLOYMENT_BASE = {
    $schema: true,
    ...leaves('name', 'endpoint_name', 'description', 'code_path', 'scoring_script', 'provisioning_state', 'id'),
    tags: 'map',
    properties: 'map',
    model: MODEL_ASSET,
    code_configuration: CODE_CONFIGURATION,
    environment: ENVIRONMENT,
    environment_variables: 'map',
};
const ENDPOINT_BASE = {
    $schema: true,
    ...leaves('name', 'description', 'auth_mode', 'scoring_uri', 'openapi_uri', 'provisioning_state', 'id', 'location', 'kind'),
    tags: 'map',
    properties: 'map',
};
const SSH = leaves('admin_username', 'admin_password', 'ssh_key_value', 'ssh_private_key_file', 'ssh_port');
const COMPUTE_BASE = {
    $schema: true,
    ...leaves('name', 'type', 'description', 'location', 'resource_id', 'id', 'provisioning_state', 'provisioning_errors', 'created_on'),
    tags: 'map',
};
const NETWORK = leaves('vnet_name', 'subnet', 'private_ip_address', 'public_ip_address');

;// CONCATENATED MODULE: ./src/formats/kit/refs.ts
// Asset and compute references (`azureml:NAME:VER`, `azureml:NAME@label`, registry and ARM ids,
// inline models with a local path), as azure-ai-ml's reference regexes read them.




const URI_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** True for `azureml://…`, `https://…`, `runs:/…` — anything with a URI scheme but `azureml:NAME`. */
function hasUriScheme(s) {
    return URI_SCHEME.test(s) && !/^azureml:(?!\/\/)/i.test(s);
}
/**
 * Parses an asset or compute reference:
 * `azureml:NAME:VER`, `azureml:NAME@label`, `azureml:NAME`, bare `NAME` (batch `compute: cpu-cluster`),
 * `azureml://registries/R/models/NAME/versions/V|labels/L` and ARM ids `/subscriptions/…` (external),
 * other URIs (`azureml://datastores/…`, `https://…`, `runs:/…`: external).
 */
function parseRef(raw, at) {
    const ref = parseRefText(raw, at);
    if (ref && !ref.external) {
        const kind = placeholderKind(ref.name) ?? placeholderKind(ref.raw);
        if (kind)
            ref.placeholder = kind;
    }
    return ref;
}
/** The reference a string key holds, placeholders included (so that rules say why they cannot judge it). */
function refAt(m, ptr) {
    const v = valueAt(m, ptr);
    if (typeof v === 'string')
        return parseRef(v, values_anchor(m, ptr));
    if (typeof v === 'number' && Number.isFinite(v))
        return parseRef(String(v), values_anchor(m, ptr));
    return undefined;
}
function parseRefText(raw, at) {
    const s = raw.trim();
    if (s === '')
        return undefined;
    if (/^azureml:\/\//i.test(s) || /^\/subscriptions\//i.test(s)) {
        const segs = s.replace(/^azureml:\/\//i, '').split('/').filter((x) => x !== '');
        const ref = { raw: s, name: segs[segs.length - 1] ?? s, external: true, at };
        // …/<type>/<name>/versions/<v> or …/<type>/<name>/labels/<l>
        const vi = segs.findIndex((x, i) => (x === 'versions' || x === 'labels') && i >= 1 && i === segs.length - 2);
        if (vi >= 1) {
            ref.name = segs[vi - 1];
            const v = segs[vi + 1];
            if (!isPlaceholder(v)) {
                if (segs[vi] === 'versions')
                    ref.version = v;
                else
                    ref.label = v;
            }
        }
        else if (segs.length >= 2 && /^(models|computes|environments|components)$/i.test(segs[segs.length - 2])) {
            ref.name = segs[segs.length - 1];
        }
        return ref;
    }
    if (hasUriScheme(s))
        return { raw: s, name: s, external: true, at };
    const body = s.replace(/^azureml:/i, '');
    if (body === '')
        return undefined;
    const atSign = body.indexOf('@');
    if (atSign > 0) {
        const label = body.slice(atSign + 1);
        return { raw: s, name: body.slice(0, atSign), ...(label && !isPlaceholder(label) ? { label } : {}), external: false, at };
    }
    const colon = body.indexOf(':');
    if (colon > 0) {
        const version = body.slice(colon + 1);
        return { raw: s, name: body.slice(0, colon), ...(version && !isPlaceholder(version) ? { version } : {}), external: false, at };
    }
    return { raw: s, name: body, external: false, at };
}
/** Repo-relative `/` path of a local path written in a manifest, resolved from the manifest's folder. */
function resolveLocal(manifestPath, p) {
    const dir = external_node_path_.posix.dirname(manifestPath);
    const joined = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, p.replace(/\\/g, '/')));
    return joined.replace(/\/+$/, '') || '.';
}
/**
 * The model of a deployment: a string reference, or an inline mapping `{name, version, path}`
 * (legacy `local_path`). An inline model with a local path gets `path` (repo-relative); its name
 * is the inline `name`, else the path as written.
 */
function modelRef(m, ptr = '/model') {
    const v = valueAt(m, ptr);
    const at = values_anchor(m, ptr);
    if (typeof v === 'string')
        return parseRef(v, at);
    if (!isMapping(v))
        return undefined;
    const name = values_text(m, pointerJoin(ptr, 'name'));
    const version = values_text(m, pointerJoin(ptr, 'version'));
    const type = values_text(m, pointerJoin(ptr, 'type'))?.toLowerCase();
    const extra = { ...(version ? { version } : {}), ...(type ? { type } : {}) };
    const p = values_text(m, pointerJoin(ptr, 'path')) ?? values_text(m, pointerJoin(ptr, 'local_path'));
    if (p !== undefined) {
        if (hasUriScheme(p) || /^\/subscriptions\//i.test(p))
            return { raw: p, name: name ?? p, ...extra, external: true, at };
        return { raw: p, name: name ?? p, ...extra, external: false, path: resolveLocal(m.file.path, p), at };
    }
    if (name !== undefined)
        return { raw: name, name, ...extra, external: false, at };
    return undefined;
}
/** ModelInfo.localPath form of a resolved path: '' for the repository root, undefined outside it. */
function modelLocalPath(resolved) {
    if (resolved === '..' || resolved.startsWith('../'))
        return undefined;
    return resolved === '.' ? '' : resolved;
}

;// CONCATENATED MODULE: ./src/formats/kit/v2.ts


/** Where table-level findings on a v2 file point: `$schema`, else `type`, else the first key. */
function v2TargetKey(m) {
    if ('$schema' in m.data)
        return '/$schema';
    if ('type' in m.data)
        return '/type';
    return firstKeyPtr(m);
}
/** How the kind was recognised, for messages. */
function kindReason(m) {
    return typeof m.data.$schema === 'string' ? m.kind : `${m.kind} (recognised by its keys)`;
}
/** Environment image: a string reference (`azureml:env:1`, registry id) or an inline `image`. */
function environmentImage(m) {
    const env = valueAt(m, '/environment');
    if (typeof env === 'string')
        return values_str(m, '/environment');
    if (isMapping(env))
        return values_str(m, '/environment/image');
    return undefined;
}
/** What the v2 families share in their family object. */
const V2_FAMILY = {
    unknownKeyEffect: 'rejected by the Azure ML CLI v2 (the command fails)',
    label: (m) => m.kind,
    targetKey: v2TargetKey,
};
/** Compute administrator passwords (v2 compute YAML). */
const ADMIN_PASSWORD_SECRETS = [
    {
        ptr: '/admin_password',
        what: 'a compute administrator password (`admin_password`)',
        fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
    },
    {
        ptr: '/ssh_settings/admin_password',
        what: 'a compute administrator password (`ssh_settings.admin_password`)',
        fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
    },
];

;// CONCATENATED MODULE: ./src/formats/mlflow-model.ts
// MLflow `MLmodel` (a YAML file of that name at the model folder's root, AZURE-ML-FACTS §2d): the
// model is the folder holding the file; `model_size_bytes` when MLflow recorded it.







const mlflow_model_KIND = 'mlflowModel';
const FILE_NAME = 'MLmodel';
const FIELDS = {
    ...leaves('artifact_path', 'run_id', 'model_uuid', 'utc_time_created', 'mlflow_version', 'saved_input_example_info', 'model_size_bytes', 'databricks_runtime', 'model_id', 'name', 'source_run_id', 'prompts', 'env_vars', 'auth_policy', 'type', 'source_type'),
    flavors: 'map',
    signature: leaves('inputs', 'outputs', 'params'),
    metadata: 'map',
    resources: 'map',
    $schema: true,
};
function schema() {
    return schema_obj({ flavors: schema_map, model_size_bytes: V2.int(1), signature: schema_map, metadata: schema_map });
}
const mlflowModel = family_define({
    id: 'mlflow-model',
    kinds: [mlflow_model_KIND],
    prefilter: { fileNames: [FILE_NAME] },
    detectFirst: true,
    detect: ({ path: p, data }) => (external_node_path_.posix.basename(p) === FILE_NAME && 'flavors' in data ? mlflow_model_KIND : undefined),
    ...V2_FAMILY,
    label: () => 'MLmodel file',
    unknownKeyEffect: 'kept by MLflow but read by neither MLflow nor Azure ML',
    fields: () => FIELDS,
    schema,
    normalise(m) {
        const size = values_num(m, '/model_size_bytes');
        const info = {
            type: 'mlflow_model',
            sizeBytes: size?.value,
            sizeSource: size ? `model_size_bytes: ${size.value} in ${m.file.path}` : undefined,
            localPath: modelLocalPath(external_node_path_.posix.dirname(m.file.path)),
            manifest: m,
            source: 'repo',
            rank: 2,
        };
        return { models: [prune(info)] };
    },
});

;// CONCATENATED MODULE: ./src/catalog/migration.ts
// The ACI → managed online migration table (Azure ML "upgrade to v2 managed online endpoints", [MIG]):
// tried top to bottom, the first row whose CPU and memory bounds both hold wins.
const MIGRATION = [
    { cpu: 1, memoryGb: 1.2, sku: 'Standard_DS1_v2' },
    { cpu: 2, memoryGb: 1.7, sku: 'Standard_F2s_v2' },
    { cpu: 2, memoryGb: 4.7, sku: 'Standard_DS2_v2' },
    { cpu: 2, memoryGb: 13.7, sku: 'Standard_E2s_v3' },
    { cpu: 4, memoryGb: 5.7, sku: 'Standard_F4s_v2' },
    { cpu: 4, memoryGb: 11.7, sku: 'Standard_DS3_v2' },
    { cpu: 4, memoryGb: 16, sku: 'Standard_E4s_v3' },
];
/** The managed online SKU for a v1 container's CPU and memory, or undefined above the table (size by profiling). */
function migrationSku(cpu, memoryGb) {
    return MIGRATION.find((r) => cpu <= r.cpu && memoryGb <= r.memoryGb)?.sku;
}
/** The last row's bounds, for messages. */
const MIGRATION_MAX = { cpu: 4, memoryGb: 16 };
/** The migration advice for messages, after "a v2 YAML": the SKU of the table, or "size by profiling" above it. */
function migrationAdvice(cpu, memoryGb) {
    const sku = migrationSku(cpu, memoryGb);
    const sized = `${round(cpu)} CPU / ${round(memoryGb)} GB`;
    if (sku)
        return `with \`instance_type: ${sku}\` (${sized} by the migration table)`;
    return `with an \`instance_type\` sized by profiling the model (${sized} is above the migration table's ${MIGRATION_MAX.cpu} CPU / ${MIGRATION_MAX.memoryGb} GB)`;
}
function round(n) {
    return String(Math.round(n * 100) / 100);
}

;// CONCATENATED MODULE: ./src/formats/v1-deployment-config.ts








/** `computeType` (compared case-insensitively, as the v1 CLI does) → target. */
const v1_deployment_config_TARGETS = { aci: 'aci', aks: 'aks', aksendpoint: 'aks', local: 'local' };
const v1_deployment_config_NAMES = { aci: 'ACI', aks: 'AKS', aksendpoint: 'AKSENDPOINT', local: 'local' };
const ALL = ['aci', 'aks', 'aksendpoint', 'local'];
const ACI_AKS = ['aci', 'aks', 'aksendpoint'];
const AKS = ['aks', 'aksendpoint'];
/**
 * Every key `deploy_config_dict_to_obj` reads, with the computeTypes it is read for.
 * `rulesRead` marks keys a rule of this product reads on every computeType (autoscale, replicas,
 * GPU/FPGA intent), which are therefore not "unknown" on ACI/local.
 */
const KEYS = [
    ...group(ALL, false, ['computeType']),
    ...group(ACI_AKS, false, ['containerResourceRequirements.cpu', 'containerResourceRequirements.memoryInGB', 'authEnabled', 'appInsightsEnabled', 'keys.primaryKey', 'keys.secondaryKey']),
    ...group(AKS, false, ['containerResourceRequirements.cpuLimit', 'containerResourceRequirements.memoryInGBLimit', 'dataCollection.storageEnabled', 'tokenAuthEnabled', 'scoringTimeoutMs', 'maxConcurrentRequestsPerContainer', 'maxQueueWaitMs', 'namespace']),
    ...group(AKS, false, ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'].map((k) => `livenessProbeRequirements.${k}`)),
    // REST fields the CLI does not read (GPU/FPGA intent), and what a rule reads on every computeType.
    ...group(AKS, true, ['containerResourceRequirements.gpu', 'containerResourceRequirements.fpga', 'gpuCores', 'numReplicas']),
    ...group(AKS, true, ['autoscaleEnabled', 'minReplicas', 'maxReplicas', 'refreshPeriodInSeconds', 'targetUtilization'].map((k) => `autoScaler.${k}`)),
    ...group(['aks'], false, ['computeTargetName']),
    ...group(['aksendpoint'], false, ['versionName', 'trafficPercentile']),
    ...group(['aci'], false, ['location', 'sslEnabled', 'sslCertificate', 'sslKey', 'cname', 'dnsNameLabel', 'vaultBaseUrl', 'keyName', 'keyVersion', 'vnetName', 'subnetName']),
    ...group(['local'], false, ['port']),
];
function group(types, rulesRead, paths) {
    return paths.map((path) => (rulesRead ? { path, types, rulesRead } : { path, types }));
}
/** `computeType` in lower case when it is one of the four the v1 CLI knows. */
function v1Type(m) {
    const v = m.data.computeType;
    const t = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
    return t !== undefined && Object.hasOwn(v1_deployment_config_TARGETS, t) ? t : undefined;
}
const trees = new Map();
/** Known keys for a computeType; an unknown computeType gets the union of all. */
function fieldsFor(type) {
    const key = type ?? '*';
    let t = trees.get(key);
    if (!t) {
        t = treeOf(KEYS.filter((k) => type === undefined || k.types.includes(type) || k.rulesRead).map((k) => k.path));
        trees.set(key, t);
    }
    return { ...t, $schema: true };
}
function v1_deployment_config_schema() {
    const f = vocabulary(true, 'ci');
    const int1 = f.int(1);
    return schema_obj({
        computeType: f.oneOf(['aci', 'aks', 'aksendpoint', 'local'], 'The v1 CLI needs one of them (any case) and stops with "unknown deployment type" otherwise.', true),
        containerResourceRequirements: schema_obj({ cpu: f.pos(SIZE_HINT), memoryInGB: f.pos(SIZE_HINT), cpuLimit: f.pos(SIZE_HINT), memoryInGBLimit: f.pos(SIZE_HINT), gpu: f.int(0), fpga: f.int(0) }, { mdgNotBelow: [['cpuLimit', 'cpu'], ['memoryInGBLimit', 'memoryInGB']] }),
        gpuCores: f.int(0),
        autoScaler: schema_obj({ autoscaleEnabled: f.flag, minReplicas: int1, maxReplicas: int1, refreshPeriodInSeconds: int1, targetUtilization: f.num({ exclusiveMin: 0, max: 100 }) }, { mdgMinMax: [['minReplicas', 'maxReplicas']] }),
        numReplicas: int1,
        dataCollection: schema_obj({ storageEnabled: f.flag }),
        authEnabled: f.flag,
        tokenAuthEnabled: f.flag,
        appInsightsEnabled: f.flag,
        sslEnabled: f.flag,
        scoringTimeoutMs: int1,
        maxConcurrentRequestsPerContainer: int1,
        maxQueueWaitMs: int1,
        livenessProbeRequirements: schema_obj({ periodSeconds: int1, initialDelaySeconds: int1, timeoutSeconds: int1, successThreshold: int1, failureThreshold: int1 }),
        port: f.int(1, { max: 65535 }),
        computeTargetName: schema_text,
        namespace: schema_text,
        keys: schema_obj({ primaryKey: schema_text, secondaryKey: schema_text }),
        trafficPercentile: f.num({ min: 0, max: 100 }),
    });
}
function positive(f) {
    return f !== undefined && f.value > 0;
}
/** `computeType`, as written (any case), else the first key. */
function targetKey(m) {
    const keys = Object.keys(m.data);
    const k = keys.find((x) => x === 'computeType') ?? keys.find((x) => x.toLowerCase() === 'computetype') ?? keys[0];
    return k === undefined ? '' : pointerJoin('', k);
}
const v1DeploymentConfig = family_define({
    id: 'v1-deployment-config',
    kinds: ['v1DeploymentConfig'],
    v1: true,
    prefilter: { keys: ['computeType'] },
    detect: ({ data }) => ('computeType' in data ? 'v1DeploymentConfig' : undefined),
    // `$schema` is no key the v1 CLI reads: a v1 config keeps its meaning with one.
    detectUnderForeignSchema: true,
    label(m) {
        const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '?';
        return `v1 deployment config (computeType ${ct})`;
    },
    unknownKeyEffect: 'ignored by the v1 CLI/SDK (the setting has no effect)',
    fields: (m) => fieldsFor(v1Type(m)),
    keyAdvice(m, dotted) {
        if (v1Type(m) === undefined)
            return undefined;
        const e = KEYS.find((k) => k.path === dotted);
        if (!e)
            return undefined;
        const ct = typeof m.data.computeType === 'string' ? m.data.computeType : '';
        return (`\`${dotted}\` is read only for computeType ${e.types.map((t) => v1_deployment_config_NAMES[t]).join('/')}, so the v1 CLI/SDK ignores it for computeType ${ct}: ` +
            'remove it, or change computeType if that target is what you meant.');
    },
    schema: v1_deployment_config_schema,
    targetKey,
    secrets: [
        {
            ptr: '/keys/primaryKey',
            what: 'a service authentication key (`keys.primaryKey`)',
            fix: 'omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets)',
        },
        {
            ptr: '/keys/secondaryKey',
            what: 'a service authentication key (`keys.secondaryKey`)',
            fix: 'omit `keys` so Azure generates the keys, or pass them at deploy time from a secret store (`az ml service regen-key`, GitHub secrets)',
        },
        { ptr: '/sslKey', what: 'sslKey', fix: '', pem: true },
    ],
    deprecation: {
        what: 'an SDK/CLI v1 deployment configuration',
        replacement(m, d) {
            const raw = valueAt(m, '/computeType');
            const t = typeof raw === 'string' ? raw.toLowerCase() : '';
            if (t === 'local')
                return 'test locally with a v2 local endpoint (`az ml online-deployment create --local`)';
            const cpu = d?.cpu?.value ?? numberAt(m, '/containerResourceRequirements/cpu') ?? V1_DEFAULT_CPU;
            const mem = d?.memoryGb?.value ?? numberAt(m, '/containerResourceRequirements/memoryInGB') ?? V1_DEFAULT_MEMORY_GB;
            const alt = t === 'aci' ? '' : ', or a kubernetesOnlineDeployment with matching `resources.requests`';
            return `use a v2 managedOnlineDeployment (\`az ml online-deployment create -f\`) ${migrationAdvice(cpu, mem)}${alt}`;
        },
    },
    /**
     * An unknown `computeType` yields no deployment: the `schema` rule reports it. Omitted sizes stay
     * undefined (the rules apply Azure's defaults and point at `computeType`).
     */
    normalise(m) {
        const ct = v1Type(m);
        if (!ct)
            return {};
        const target = v1_deployment_config_TARGETS[ct];
        const gpuCores = values_num(m, '/gpuCores');
        const crrGpu = values_num(m, '/containerResourceRequirements/gpu');
        const gpu = positive(gpuCores) ? gpuCores : positive(crrGpu) ? crrGpu : (gpuCores ?? crrGpu);
        const gpuAsks = [];
        for (const ptr of ['/gpuCores', '/containerResourceRequirements/gpu']) {
            const v = numberAt(m, ptr);
            if (v !== undefined && v > 0)
                gpuAsks.push(values_anchor(m, ptr));
        }
        if (gpu && gpu.value > 0 && !gpuAsks.some((a) => a.ptr === gpu.ptr))
            gpuAsks.unshift(values_anchor(m, gpu.ptr));
        const replicas = values_num(m, '/numReplicas');
        const autoscaleEnabled = bool(m, '/autoScaler/autoscaleEnabled');
        const d = {
            manifest: m,
            flavor: 'v1-web-service',
            target,
            mode: 'realtime',
            targetReason: `computeType: ${String(m.data.computeType).trim()}`,
            targetKey: values_anchor(m, targetKey(m)),
            cpu: values_num(m, '/containerResourceRequirements/cpu'),
            memoryGb: values_num(m, '/containerResourceRequirements/memoryInGB'),
            defaultMemory: target === 'local' ? undefined : { gb: V1_DEFAULT_MEMORY_GB, key: 'containerResourceRequirements.memoryInGB' },
            defaultCpu: V1_DEFAULT_CPU,
            gpu,
            gpuAsks,
            fpga: values_num(m, '/containerResourceRequirements/fpga'),
            autoscaleEnabled,
            minReplicas: values_num(m, '/autoScaler/minReplicas'),
            maxReplicas: values_num(m, '/autoScaler/maxReplicas'),
            replicas,
            // The v1 SDK autoscales an AKS service when no replica count is set (AZURE-ML-FACTS §2a).
            scaling: {
                maxKey: 'autoScaler.maxReplicas',
                replicasKey: 'numReplicas',
                defaultMax: V1_DEFAULT_AUTOSCALE_MAX,
                implicit: target === 'aks' && autoscaleEnabled === undefined && replicas === undefined,
            },
            computeRef: refAt(m, '/computeTargetName'),
            linksModelByFolder: true,
            tags: Object.create(null),
        };
        return { deployments: [prune(d)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/aml-deploy-action.ts







/** One schema for the file: keys for the other target kind are accepted (the action ignores them). */
const aml_deploy_action_FIELDS = Object.fromEntries([
    'name', 'deployment_compute_target', 'inference_source_directory', 'inference_entry_script', 'conda_file',
    'extra_docker_file_steps', 'enable_gpu', 'cuda_version', 'runtime', 'custom_base_image',
    'model_data_collection_enabled', 'authentication_enabled', 'app_insights_enabled', 'cpu_cores', 'memory_gb',
    'delete_service_after_deployment', 'description', 'test_enabled', 'test_file_path',
    'test_file_function_name', 'profiling_enabled', 'profiling_dataset', 'skip_deployment', 'create_image',
    // ACI only
    'location', 'ssl_enabled', 'ssl_cert_pem_file', 'ssl_key_pem_file', 'ssl_cname', 'dns_name_label',
    // AKS only
    'gpu_cores', 'autoscale_enabled', 'autoscale_min_replicas', 'autoscale_max_replicas',
    'autoscale_refresh_seconds', 'autoscale_target_utilization', 'scoring_timeout_ms',
    'replica_max_concurrent_requests', 'max_request_wait_time', 'num_replicas', 'period_seconds',
    'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold', 'namespace',
    'token_auth_enabled',
].map((k) => [k, true]));
aml_deploy_action_FIELDS.tags = 'map';
aml_deploy_action_FIELDS.properties = 'map';
/** Keys only an aml-deploy file has. */
const aml_deploy_action_KEYS = ['deployment_compute_target', 'inference_entry_script', 'inference_source_directory', 'enable_gpu', 'autoscale_enabled'];
/** Sizing keys that, with nothing but aml-deploy fields beside them, make a file an aml-deploy file. */
const SIZING_KEYS = ['cpu_cores', 'memory_gb', 'gpu_cores', 'num_replicas'];
function aml_deploy_action_schema() {
    const f = vocabulary(false, 'exact');
    const flags = Object.fromEntries(['enable_gpu', 'autoscale_enabled', 'skip_deployment', 'test_enabled', 'delete_service_after_deployment', 'profiling_enabled',
        'authentication_enabled', 'app_insights_enabled', 'model_data_collection_enabled', 'ssl_enabled', 'token_auth_enabled'].map((k) => [k, f.flag]));
    const ints1 = Object.fromEntries(['num_replicas', 'autoscale_min_replicas', 'autoscale_max_replicas', 'autoscale_refresh_seconds', 'scoring_timeout_ms',
        'replica_max_concurrent_requests', 'period_seconds', 'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold'].map((k) => [k, f.int(1)]));
    return schema_obj({
        ...flags,
        ...ints1,
        name: schema_text,
        deployment_compute_target: schema_text,
        cpu_cores: f.pos(SIZE_HINT),
        memory_gb: f.pos(SIZE_HINT),
        gpu_cores: f.int(0),
        autoscale_target_utilization: f.int(1, { max: 100 }),
        max_request_wait_time: f.int(0),
        runtime: f.oneOf(['python', 'spark-py']),
        create_image: f.oneOf(['docker', 'function_blob', 'function_http', 'function_service_bus_queue']),
        tags: schema_map,
        properties: schema_map,
    }, { mdgMinMax: [['autoscale_min_replicas', 'autoscale_max_replicas']] });
}
const amlDeployAction = family_define({
    id: 'aml-deploy-action',
    kinds: ['amlDeployAction'],
    v1: true,
    prefilter: { keys: [...aml_deploy_action_KEYS, ...SIZING_KEYS] },
    detect({ data }) {
        const has = (keys) => keys.some((k) => k in data);
        if (has(aml_deploy_action_KEYS))
            return 'amlDeployAction';
        // Real deploy.json files may hold only sizes (`{"cpu_cores": 1, "memory_gb": 0.5, "location": …}`):
        // an ACI deployment all the same. Every key must be an aml-deploy field, so other JSON stays out.
        if (has(SIZING_KEYS) && Object.keys(data).every((k) => fieldOf(aml_deploy_action_FIELDS, k) !== undefined))
            return 'amlDeployAction';
        return undefined;
    },
    label: () => 'aml-deploy parameters file',
    unknownKeyEffect: 'ignored by the action (the setting has no effect)',
    fields: () => ({ ...aml_deploy_action_FIELDS, $schema: true }),
    schema: aml_deploy_action_schema,
    targetKey: firstKeyPtr,
    secrets: [{ ptr: '/ssl_key_pem_file', what: 'ssl_key_pem_file', fix: '', pem: true }],
    deprecation: {
        what: 'an Azure/aml-deploy action parameters file (SDK v1)',
        replacement(m, d) {
            const cpu = d?.cpu?.value ?? numberAt(m, '/cpu_cores') ?? V1_DEFAULT_CPU;
            const mem = d?.memoryGb?.value ?? numberAt(m, '/memory_gb') ?? V1_DEFAULT_MEMORY_GB;
            return (`replace the action with \`az ml online-deployment create -f\` of a v2 managedOnlineDeployment ${migrationAdvice(cpu, mem)}, ` +
                'or a kubernetesOnlineDeployment for AKS');
        },
    },
    /** Table-level findings point at the file's first key (there is no `computeType`). */
    normalise(m) {
        const rawTarget = valueAt(m, '/deployment_compute_target');
        const hasTarget = typeof rawTarget === 'string' && rawTarget.trim() !== '';
        const gpuCores = values_num(m, '/gpu_cores');
        const enableGpu = bool(m, '/enable_gpu');
        let gpu = gpuCores;
        if (enableGpu?.value === true && !(gpuCores && gpuCores.value > 0))
            gpu = { value: 1, ptr: '/enable_gpu', manifest: m };
        const gpuAsks = [];
        if (gpu && gpu.value > 0)
            gpuAsks.push(values_anchor(m, gpu.ptr));
        if (valueAt(m, '/enable_gpu') === true && !gpuAsks.some((a) => a.ptr === '/enable_gpu'))
            gpuAsks.push(values_anchor(m, '/enable_gpu'));
        const g = numberAt(m, '/gpu_cores');
        if (g !== undefined && g > 0 && !gpuAsks.some((a) => a.ptr === '/gpu_cores'))
            gpuAsks.push(values_anchor(m, '/gpu_cores'));
        const replicas = values_num(m, '/num_replicas');
        const autoscaleEnabled = bool(m, '/autoscale_enabled');
        const d = {
            manifest: m,
            flavor: 'v1-web-service',
            name: values_text(m, '/name'),
            target: hasTarget ? 'aks' : 'aci',
            mode: 'realtime',
            targetReason: hasTarget
                ? `aml-deploy file with deployment_compute_target: ${rawTarget.trim()} ⇒ AKS`
                : 'aml-deploy file without deployment_compute_target ⇒ ACI',
            targetKey: values_anchor(m, firstKeyPtr(m)),
            computeRef: refAt(m, '/deployment_compute_target'),
            cpu: values_num(m, '/cpu_cores'),
            memoryGb: values_num(m, '/memory_gb'),
            defaultMemory: { gb: V1_DEFAULT_MEMORY_GB, key: 'memory_gb' },
            defaultCpu: V1_DEFAULT_CPU,
            gpu,
            gpuAsks,
            replicas,
            autoscaleEnabled,
            minReplicas: values_num(m, '/autoscale_min_replicas'),
            maxReplicas: values_num(m, '/autoscale_max_replicas'),
            scaling: {
                maxKey: 'autoscale_max_replicas',
                replicasKey: 'num_replicas',
                defaultMax: V1_DEFAULT_AUTOSCALE_MAX,
                implicit: hasTarget && autoscaleEnabled === undefined && replicas === undefined,
            },
            tags: tagsOf(m),
            skipDeployment: bool(m, '/skip_deployment')?.value === true ? true : undefined,
            linksModelByFolder: true,
            unresolvedComputeNote: 'The aml-deploy action falls back to ACI when `deployment_compute_target` is not an existing AKS compute (the ACI rules then apply).',
        };
        return { deployments: [prune(d)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/aml-compute-action.ts




const aml_compute_action_FIELDS = Object.fromEntries([
    'name', 'compute_type',
    // amlcluster
    'vm_size', 'vm_priority', 'min_nodes', 'max_nodes', 'idle_seconds_before_scaledown',
    'vnet_resource_group_name', 'vnet_name', 'subnet_name', 'remote_login_port_public_access',
    'identity_type', 'identity_id',
    // akscluster
    'agent_count', 'location', 'service_cidr', 'dns_service_ip', 'docker_bridge_cidr', 'cluster_purpose',
    'ssl_cname', 'ssl_cert_pem_file', 'ssl_key_pem_file', 'load_balancer_type', 'load_balancer_subnet',
].map((k) => [k, true]));
const aml_compute_action_KEYS = ['compute_type', 'vm_priority', 'cluster_purpose', 'agent_count', 'min_nodes'];
function aml_compute_action_schema() {
    const f = vocabulary(false, 'exact');
    return schema_obj({
        name: schema_text,
        compute_type: f.oneOf(['amlcluster', 'akscluster']),
        vm_size: schema_text,
        vm_priority: f.oneOf(['dedicated', 'lowpriority']),
        min_nodes: f.int(0),
        max_nodes: f.int(1),
        idle_seconds_before_scaledown: f.int(0),
        agent_count: f.int(1, { hint: 'An AKS cluster needs at least one node.' }),
        cluster_purpose: schema_text,
        load_balancer_type: f.oneOf(['PublicIp', 'InternalLoadBalancer']),
        remote_login_port_public_access: f.oneOf(['Enabled', 'Disabled', 'NotSpecified']),
        identity_type: f.oneOf(['SystemAssigned', 'UserAssigned']),
    }, { mdgMinMax: [['min_nodes', 'max_nodes']] });
}
/** `compute_type`, or the kind its keys imply when it is missing or unknown. */
function computeType(m) {
    const t = typeof m.data.compute_type === 'string' ? m.data.compute_type.trim().toLowerCase() : '';
    if (t === 'amlcluster')
        return 'amlcompute';
    if (t === 'akscluster')
        return 'aks';
    if ('vm_priority' in m.data || 'min_nodes' in m.data || 'max_nodes' in m.data)
        return 'amlcompute';
    if ('agent_count' in m.data || 'cluster_purpose' in m.data)
        return 'aks';
    return 'amlcompute';
}
const amlComputeAction = family_define({
    id: 'aml-compute-action',
    kinds: ['amlComputeAction'],
    v1: true,
    prefilter: { keys: aml_compute_action_KEYS },
    detect: ({ data }) => (aml_compute_action_KEYS.some((k) => k in data) ? 'amlComputeAction' : undefined),
    label: () => 'aml-compute parameters file',
    unknownKeyEffect: 'ignored by the action (the setting has no effect)',
    fields: () => ({ ...aml_compute_action_FIELDS, $schema: true }),
    schema: aml_compute_action_schema,
    targetKey: firstKeyPtr,
    secrets: [
        {
            ptr: '/admin_password',
            what: 'a compute administrator password (`admin_password`)',
            fix: 'remove it, rotate the password, and use `ssh_settings.ssh_key_value` with a public key or pass the password with `--set` from a secret',
        },
        { ptr: '/ssl_key_pem_file', what: 'ssl_key_pem_file', fix: '', pem: true },
    ],
    deprecation: {
        what: 'an Azure/aml-compute action parameters file (SDK v1)',
        replacement(m) {
            const raw = valueAt(m, '/compute_type');
            const t = typeof raw === 'string' ? raw.toLowerCase() : '';
            if (t === 'akscluster') {
                return 'replace the action with `az ml compute attach --type Kubernetes` (a v2 kubernetesCompute YAML)';
            }
            return 'replace the action with a v2 amlCompute YAML (`az ml compute create -f`: `size`, `tier`, `min_instances`, `max_instances`)';
        },
    },
    /** With the action's defaults (AZURE-ML-FACTS §2b). */
    normalise(m) {
        const type = computeType(m);
        const name = values_text(m, '/name') ?? '';
        let info;
        if (type === 'amlcompute') {
            const rawPr = valueAt(m, '/vm_priority');
            const pr = typeof rawPr === 'string' ? rawPr.trim().toLowerCase() : rawPr === undefined || rawPr === null ? undefined : '';
            const maxNodes = values_num(m, '/max_nodes')?.value ?? AML_ACTION_CLUSTER_DEFAULT_MAX_NODES;
            info = {
                name,
                type,
                vmSize: values_text(m, '/vm_size') ?? AML_COMPUTE_DEFAULT_SIZE,
                minNodes: values_num(m, '/min_nodes')?.value ?? 0,
                maxNodes,
                nodes: maxNodes,
                // Absent ⇒ the action's default; a placeholder or a bad value ⇒ unknown (the schema rule reports it).
                tier: pr === undefined ? 'dedicated' : pr === 'lowpriority' ? 'lowpriority' : pr === 'dedicated' ? 'dedicated' : undefined,
                manifest: m,
                source: 'repo',
            };
        }
        else {
            const purpose = values_text(m, '/cluster_purpose');
            info = {
                name,
                type,
                vmSize: values_text(m, '/vm_size') ?? AKS_DEFAULT_SIZE,
                nodes: values_num(m, '/agent_count')?.value ?? AKS_DEFAULT_NODES,
                // The action sets DEV_TEST when the string mentions dev or test, FAST_PROD otherwise.
                purpose: purpose !== undefined && /dev|test/i.test(purpose) ? 'DevTest' : 'FastProd',
                manifest: m,
                source: 'repo',
            };
        }
        return { computes: [prune(info)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/aml-registermodel-action.ts



const aml_registermodel_action_FIELDS = Object.fromEntries([
    'model_file_name', 'model_name', 'model_framework', 'model_framework_version', 'model_description',
    'datasets', 'sample_input_dataset', 'sample_output_dataset', 'pipeline_child_run_name', 'cpu_cores',
    'memory_gb', 'metrics_max', 'metrics_min', 'force_registration',
].map((k) => [k, true]));
aml_registermodel_action_FIELDS.model_tags = 'map';
aml_registermodel_action_FIELDS.model_properties = 'map';
const aml_registermodel_action_KEYS = ['model_file_name', 'model_name', 'model_framework'];
function aml_registermodel_action_schema() {
    const f = vocabulary(false, 'exact');
    return schema_obj({
        model_name: schema_text,
        model_file_name: schema_text,
        model_framework: f.oneOf(['scikitlearn', 'onnx', 'tensorflow', 'keras', 'custom']),
        cpu_cores: f.pos(SIZE_HINT),
        memory_gb: f.pos(SIZE_HINT),
        force_registration: f.flag,
        model_tags: schema_map,
        model_properties: schema_map,
    });
}
const amlRegisterModelAction = family_define({
    id: 'aml-registermodel-action',
    kinds: ['amlRegisterModelAction'],
    v1: true,
    prefilter: { keys: aml_registermodel_action_KEYS },
    detect: ({ data }) => (aml_registermodel_action_KEYS.some((k) => k in data) ? 'amlRegisterModelAction' : undefined),
    label: () => 'aml-registermodel parameters file',
    unknownKeyEffect: 'ignored by the action (the setting has no effect)',
    fields: () => ({ ...aml_registermodel_action_FIELDS, $schema: true }),
    schema: aml_registermodel_action_schema,
    targetKey: firstKeyPtr,
    deprecation: {
        what: 'an Azure/aml-registermodel action parameters file (SDK v1)',
        replacement: () => 'replace the action with a v2 model YAML (`az ml model create -f`), keeping `memory_gb` / `model_size_bytes` in its tags',
    },
    normalise(m) {
        const mem = values_num(m, '/memory_gb');
        const info = {
            name: values_text(m, '/model_name'),
            memoryGb: mem?.value,
            manifest: m,
            source: 'repo',
            rank: 1,
            memorySource: mem ? `memory_gb: ${mem.value} in ${m.file.path}` : undefined,
        };
        return { models: [prune(info)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/online-deployment.ts









const MANAGED = 'managedOnlineDeployment';
const KUBERNETES = 'kubernetesOnlineDeployment';
const ONLINE_DEPLOYMENT = {
    ...DEPLOYMENT_BASE,
    ...leaves('type', 'instance_type', 'instance_count', 'app_insights_enabled', 'model_mount_path', 'egress_public_network_access', 'private_network_connection'),
    scale_settings: leaves('type', 'min_instances', 'max_instances', 'polling_interval', 'target_utilization_percentage'),
    request_settings: leaves('request_timeout_ms', 'max_concurrent_requests_per_instance', 'max_queue_wait_ms'),
    liveness_probe: PROBE,
    readiness_probe: PROBE,
    data_collector: {
        ...leaves('sampling_rate', 'rolling_rate'),
        collections: 'map',
        request_logging: leaves('capture_headers'),
    },
};
const KUBERNETES_DEPLOYMENT = {
    ...ONLINE_DEPLOYMENT,
    resources: { requests: QUANTITIES, limits: QUANTITIES, instance_types: true },
};
function online_deployment_schema(kind) {
    const kube = kind === KUBERNETES;
    const f = V2;
    const probe = schema_obj({ initial_delay: f.int(0), period: f.int(1), timeout: f.int(1), success_threshold: f.int(1), failure_threshold: f.int(1) });
    const quantities = schema_obj({ cpu: { mdgQuantity: { kind: 'cpu' } }, memory: { mdgQuantity: { kind: 'memory' } }, 'nvidia.com/gpu': f.int(0), gpu: f.int(0) });
    return schema_obj({
        name: schema_text,
        endpoint_name: schema_text,
        instance_type: schema_text,
        instance_count: f.int(1, { hint: 'A deployment needs at least one instance.' }),
        type: f.oneOf(kube ? ['kubernetes'] : ['managed']),
        app_insights_enabled: f.flag,
        model_mount_path: schema_text,
        egress_public_network_access: f.oneOf(['enabled', 'disabled']),
        scale_settings: schema_obj({
            type: f.oneOf(kube ? ['default', 'target_utilization'] : ['default'], kube ? undefined : 'Managed online deployments scale through Azure Monitor autoscale, not in this file.'),
            min_instances: f.int(0),
            max_instances: f.int(1),
            polling_interval: f.int(1),
            target_utilization_percentage: f.int(1, { max: 100 }),
        }, { mdgMinMax: [['min_instances', 'max_instances']] }),
        request_settings: schema_obj({ request_timeout_ms: f.int(1), max_concurrent_requests_per_instance: f.int(1), max_queue_wait_ms: f.int(0) }),
        liveness_probe: probe,
        readiness_probe: probe,
        tags: schema_map,
        properties: schema_map,
        environment_variables: schema_map,
        ...(kube ? { resources: schema_obj({ requests: quantities, limits: quantities }) } : {}),
    }, kube ? { required: ['type'] } : { required: ['instance_type', 'instance_count'] });
}
function kubeResources(m, block) {
    if (!isMapping(valueAt(m, ptrOf('resources', block))))
        return undefined;
    return prune({
        cpu: quantityFact(m, ptrOf('resources', block, 'cpu')),
        memory: quantityFact(m, ptrOf('resources', block, 'memory')),
        // The SDK also accepts the pre-renamed `gpu`.
        gpu: values_num(m, ptrOf('resources', block, 'nvidia.com/gpu')) ?? values_num(m, ptrOf('resources', block, 'gpu')),
    });
}
function scaleSettings(m) {
    const s = valueAt(m, '/scale_settings');
    return isMapping(s) ? s : Object.create(null);
}
/**
 * What the CLI v2 loader (azure-ai-ml `OnlineDeployment._load`) picks, whatever `$schema` says:
 * exactly `type: kubernetes` is a Kubernetes online deployment; anything else is managed.
 */
const byType = ({ rawType }) => (rawType === 'kubernetes' ? KUBERNETES : MANAGED);
/**
 * Under a Kubernetes `$schema` a file without `type` means Kubernetes, and is judged so; the schema
 * rule says that the CLI would load it as managed until `type: kubernetes` is added.
 */
const byTypeKubernetesSchema = (input) => (input.rawType === undefined ? KUBERNETES : byType(input));
/** Keys only a job or a component has: a file with them is not a deployment. */
const JOB_KEYS = ['command', 'jobs', 'inputs', 'outputs', 'trial', 'search_space'];
const onlineDeployment = family_define({
    id: 'online-deployment',
    kinds: [MANAGED, KUBERNETES],
    schemas: { managedonlinedeployment: byType, kubernetesonlinedeployment: byTypeKubernetesSchema, onlinedeployment: byType },
    prefilter: { keys: ['endpoint_name'], types: ['kubernetes'] },
    detect(input) {
        const { data, type } = input;
        if (JOB_KEYS.some((k) => k in data) || 'compute' in data)
            return undefined;
        const endpointName = 'endpoint_name' in data;
        if (type === 'kubernetes' && endpointName)
            return byType(input);
        if (type === 'pipeline' && 'component' in data)
            return undefined;
        // A batch deployment also has `endpoint_name`; it has a `compute`.
        if (endpointName && 'instance_type' in data)
            return MANAGED;
        // Deployment files often leave `endpoint_name` to the command line (`--endpoint-name`).
        if ('instance_type' in data && 'instance_count' in data && ('model' in data || 'environment' in data || 'code_configuration' in data))
            return byType(input);
        return undefined;
    },
    ...V2_FAMILY,
    fields: (m) => ({ ...(m.kind === KUBERNETES ? KUBERNETES_DEPLOYMENT : ONLINE_DEPLOYMENT), $schema: true }),
    schema: online_deployment_schema,
    normalise(m) {
        const kube = m.kind === KUBERNETES;
        const d = {
            manifest: m,
            flavor: kube ? 'kubernetes-online' : 'managed-online',
            name: values_text(m, '/name'),
            endpointName: values_text(m, '/endpoint_name'),
            target: kube ? 'aks' : 'managed-online',
            mode: 'realtime',
            targetReason: kube ? `${kindReason(m)}: Azure ML Kubernetes online deployment` : kindReason(m),
            targetKey: values_anchor(m, v2TargetKey(m)),
            instanceType: values_str(m, '/instance_type'),
            instanceCount: values_num(m, '/instance_count'),
            requestTimeoutMs: values_num(m, '/request_settings/request_timeout_ms'),
            environmentImage: environmentImage(m),
            modelRef: modelRef(m),
            tags: tagsOf(m),
        };
        if (kube) {
            d.inheritsEndpointCompute = true;
            d.requests = kubeResources(m, 'requests');
            d.limits = kubeResources(m, 'limits');
            d.gpu = d.limits?.gpu ?? d.requests?.gpu;
            d.replicas = d.instanceCount;
            d.scaling = { maxKey: 'scale_settings.max_instances', defaultMax: KUBERNETES_DEFAULT_MAX_INSTANCES, implicit: false };
            const scaleType = values_text(m, '/scale_settings/type')?.toLowerCase();
            const s = scaleSettings(m);
            // Kubernetes scales by target utilisation when the type says so or min/max are set.
            if (scaleType === 'target_utilization' || (scaleType === undefined && ('min_instances' in s || 'max_instances' in s))) {
                d.autoscaleEnabled = { value: true, ptr: scaleType ? '/scale_settings/type' : '/scale_settings', manifest: m };
                d.minReplicas = values_num(m, '/scale_settings/min_instances');
                d.maxReplicas = values_num(m, '/scale_settings/max_instances');
            }
        }
        return { deployments: [prune(d)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/online-endpoint.ts






const online_endpoint_MANAGED = 'managedOnlineEndpoint';
const online_endpoint_KUBERNETES = 'kubernetesOnlineEndpoint';
const ONLINE_ENDPOINT = {
    ...ENDPOINT_BASE,
    ...leaves('public_network_access'),
    identity: IDENTITY,
    traffic: 'map',
    mirror_traffic: 'map',
};
const KUBERNETES_ENDPOINT = { ...ONLINE_ENDPOINT, compute: true };
function online_endpoint_schema(kind) {
    const f = V2;
    return schema_obj({
        name: schema_text,
        description: schema_text,
        auth_mode: f.oneOf(['key', 'aml_token', 'aad_token']),
        tags: schema_map,
        properties: schema_map,
        public_network_access: f.oneOf(['enabled', 'disabled']),
        identity: identitySchema(),
        traffic: schema_map,
        mirror_traffic: schema_map,
        ...(kind === online_endpoint_KUBERNETES ? { compute: schema_text } : {}),
    });
}
/**
 * What the CLI v2 loader (azure-ai-ml `OnlineEndpoint._load`) picks, whatever `$schema` says: an
 * endpoint with a (non-empty) `compute` is a Kubernetes online endpoint, any other one managed.
 */
const byCompute = ({ data }) => (data.compute !== undefined && data.compute !== null && data.compute !== '' ? online_endpoint_KUBERNETES : online_endpoint_MANAGED);
const AUTH_MODES = ['key', 'aml_token', 'aad_token'];
function endpoint(m, kind) {
    return prune({ manifest: m, name: values_text(m, '/name'), kind, computeRef: refAt(m, '/compute') });
}
const onlineEndpoint = family_define({
    id: 'online-endpoint',
    kinds: [online_endpoint_MANAGED, online_endpoint_KUBERNETES],
    schemas: { managedonlineendpoint: byCompute, kubernetesonlineendpoint: byCompute, onlineendpoint: byCompute },
    prefilter: { keys: ['auth_mode'] },
    /**
     * Without `$schema`: an endpoint is a file with `auth_mode` and no deployment or job keys. With a
     * `compute` it is a Kubernetes online endpoint; `key` / `aml_token` auth is online only. An
     * `aad_token` endpoint without compute may be a batch endpoint: only the deploying command tells.
     */
    detect(input) {
        const { data } = input;
        const auth = typeof data.auth_mode === 'string' ? data.auth_mode.trim().toLowerCase() : undefined;
        if (auth === undefined || !AUTH_MODES.includes(auth))
            return undefined;
        if (['endpoint_name', 'command', 'jobs', 'inputs', 'model', 'instance_type', 'component'].some((k) => k in data))
            return undefined;
        const kind = byCompute(input);
        return kind === online_endpoint_KUBERNETES || auth !== 'aad_token' ? kind : undefined;
    },
    ...V2_FAMILY,
    fields: (m) => ({ ...(m.kind === online_endpoint_KUBERNETES ? KUBERNETES_ENDPOINT : ONLINE_ENDPOINT), $schema: true }),
    schema: online_endpoint_schema,
    normalise: (m) => ({ endpoints: [endpoint(m, m.kind === online_endpoint_KUBERNETES ? 'kubernetes' : 'managed')] }),
});

;// CONCATENATED MODULE: ./src/formats/batch-deployment.ts







const BATCH = 'batchDeployment';
const MODEL = 'modelBatchDeployment';
const PIPELINE = 'pipelineComponentBatchDeployment';
/**
 * What `az ml batch-deployment create -f` loads, whatever `$schema` says: exactly `type: model` is a
 * model batch deployment, `type: pipeline` a pipeline component one, anything else the legacy layout.
 */
const batch_deployment_byType = ({ rawType }) => (rawType === 'model' ? MODEL : rawType === 'pipeline' ? PIPELINE : BATCH);
/** Keys only a job or a component has: a file with them is not a deployment. */
const batch_deployment_JOB_KEYS = ['command', 'jobs', 'inputs', 'outputs', 'trial', 'search_space'];
/** Keys of a batch deployment's own (current or legacy) layout. */
const BATCH_KEYS = ['mini_batch_size', 'output_action', 'output_file_name', 'retry_settings', 'error_threshold', 'max_concurrency_per_instance', 'settings', 'resources'];
const RETRY = leaves('max_retries', 'timeout');
const SETTINGS = {
    ...leaves('max_concurrency_per_instance', 'error_threshold', 'logging_level', 'mini_batch_size', 'output_action', 'output_file_name', 'instance_count'),
    retry_settings: RETRY,
    environment_variables: 'map',
};
const batch_deployment_FIELDS = {
    ...DEPLOYMENT_BASE,
    ...leaves('type', 'job_definition', 'component'),
    compute: leaves('target', 'instance_count', 'instance_type'),
    resources: { ...leaves('instance_count', 'instance_type', 'shm_size', 'docker_args', 'locations', 'max_instance_count'), properties: 'map' },
    settings: SETTINGS,
    // Legacy layout (CLI < 1.7): settings at the root.
    ...SETTINGS,
};
function batch_deployment_schema() {
    const f = V2;
    const settings = {
        max_concurrency_per_instance: f.int(1),
        error_threshold: f.int(-1, { hint: '-1 ignores all failed mini-batches.' }),
        logging_level: f.oneOf(['warning', 'info', 'debug']),
        mini_batch_size: f.int(1),
        output_action: f.oneOf(['append_row', 'summary_only']),
        output_file_name: schema_text,
        retry_settings: schema_obj({ max_retries: f.int(0), timeout: f.int(1) }),
        environment_variables: schema_map,
    };
    return schema_obj({
        ...settings, // legacy layout: settings at the root
        name: schema_text,
        endpoint_name: schema_text,
        type: f.oneOf(['model', 'pipeline']),
        resources: schema_obj({ instance_count: f.int(1, { hint: 'A batch deployment needs at least one node.' }), instance_type: schema_text }),
        settings: schema_obj(settings),
        tags: schema_map,
        properties: schema_map,
    });
}
/**
 * The compute of a batch deployment: `compute: azureml:NAME` or bare `NAME`; the 2021 preview
 * layout `compute: {target, instance_count}` too.
 */
function computeRef(m) {
    return refAt(m, isMapping(valueAt(m, '/compute')) ? '/compute/target' : '/compute');
}
const batchDeployment = family_define({
    id: 'batch-deployment',
    kinds: [BATCH, MODEL],
    schemas: { batchdeployment: batch_deployment_byType, modelbatchdeployment: batch_deployment_byType, pipelinecomponentbatchdeployment: batch_deployment_byType },
    prefilter: { keys: ['endpoint_name', 'mini_batch_size'] },
    detect(input) {
        const { data } = input;
        if (!('compute' in data) || batch_deployment_JOB_KEYS.some((k) => k in data))
            return undefined;
        const kind = batch_deployment_byType(input);
        if (kind === PIPELINE)
            return undefined; // a pipeline deployment has no `compute`: its family decides
        if ('endpoint_name' in data)
            return kind;
        // Deployment files often leave `endpoint_name` to the command line (`--endpoint-name`).
        return 'model' in data && BATCH_KEYS.some((k) => k in data) ? kind : undefined;
    },
    ...V2_FAMILY,
    fields: () => ({ ...batch_deployment_FIELDS, $schema: true }),
    schema: batch_deployment_schema,
    normalise(m) {
        const d = {
            manifest: m,
            flavor: 'model-batch',
            name: values_text(m, '/name'),
            endpointName: values_text(m, '/endpoint_name'),
            target: 'compute-cluster',
            mode: 'batch',
            targetReason: `${kindReason(m)}: batch scoring on its compute`,
            targetKey: values_anchor(m, v2TargetKey(m)),
            computeRef: computeRef(m),
            instanceCount: values_num(m, '/resources/instance_count') ?? values_num(m, '/compute/instance_count'),
            instanceType: values_str(m, '/resources/instance_type') ?? values_str(m, '/compute/instance_type'),
            environmentImage: environmentImage(m),
            modelRef: modelRef(m),
            tags: tagsOf(m),
        };
        return { deployments: [prune(d)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/pipeline-batch-deployment.ts






const pipeline_batch_deployment_KIND = 'pipelineComponentBatchDeployment';
const pipeline_batch_deployment_FIELDS = {
    $schema: true,
    ...leaves('name', 'endpoint_name', 'description', 'type', 'component', 'job_definition', 'provisioning_state', 'id'),
    tags: 'map',
    properties: 'map',
    // Pipeline job settings (default_compute, default_datastore, continue_on_step_failure, force_rerun, …).
    settings: 'map',
};
function pipeline_batch_deployment_schema() {
    const f = V2;
    return schema_obj({
        name: schema_text,
        endpoint_name: schema_text,
        type: f.oneOf(['pipeline']),
        settings: schema_obj({ default_compute: schema_text, continue_on_step_failure: f.flag, force_rerun: f.flag }),
        tags: schema_map,
    });
}
const pipelineBatchDeployment = family_define({
    id: 'pipeline-batch-deployment',
    kinds: [pipeline_batch_deployment_KIND],
    prefilter: { types: ['pipeline'] },
    detect: ({ data, type }) => (type === 'pipeline' && 'component' in data ? pipeline_batch_deployment_KIND : undefined),
    ...V2_FAMILY,
    fields: () => pipeline_batch_deployment_FIELDS,
    schema: pipeline_batch_deployment_schema,
    normalise(m) {
        const d = {
            manifest: m,
            flavor: 'pipeline-batch',
            name: values_text(m, '/name'),
            endpointName: values_text(m, '/endpoint_name'),
            target: 'compute-cluster',
            mode: 'batch',
            targetReason: `${kindReason(m)}: pipeline jobs run on settings.default_compute`,
            targetKey: values_anchor(m, v2TargetKey(m)),
            computeRef: refAt(m, '/settings/default_compute'),
            tags: tagsOf(m),
        };
        return { deployments: [prune(d)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/batch-endpoint.ts





const batch_endpoint_KIND = 'batchEndpoint';
const batch_endpoint_FIELDS = { ...ENDPOINT_BASE, defaults: leaves('deployment_name', 'model_deployment_name') };
function batch_endpoint_schema() {
    return schema_obj({
        name: schema_text,
        description: schema_text,
        auth_mode: V2.oneOf(['aad_token']),
        tags: schema_map,
        properties: schema_map,
        defaults: schema_obj({ deployment_name: schema_text }),
    });
}
const batchEndpoint = family_define({
    id: 'batch-endpoint',
    kinds: [batch_endpoint_KIND],
    schemas: { batchendpoint: batch_endpoint_KIND },
    prefilter: {},
    ...V2_FAMILY,
    fields: () => ({ ...batch_endpoint_FIELDS, $schema: true }),
    schema: batch_endpoint_schema,
    normalise: (m) => ({ endpoints: [prune({ manifest: m, name: values_text(m, '/name'), kind: 'batch' })] }),
});

;// CONCATENATED MODULE: ./src/formats/compute.ts






const KINDS = [
    {
        kind: 'amlCompute',
        type: 'amlcompute',
        typeValue: 'amlcompute',
        fields: {
            ...COMPUTE_BASE,
            ...leaves('size', 'tier', 'min_instances', 'max_instances', 'idle_time_before_scale_down', 'ssh_public_access_enabled', 'enable_node_public_ip', 'enable_os_patching'),
            ssh_settings: SSH,
            network_settings: NETWORK,
            identity: IDENTITY,
        },
        schema: () => ({
            size: schema_text,
            tier: V2.oneOf(['dedicated', 'low_priority']),
            min_instances: V2.int(0),
            max_instances: V2.int(1, { hint: 'A cluster that can never start a node runs nothing.' }),
            idle_time_before_scale_down: V2.int(0),
            ssh_public_access_enabled: V2.flag,
            enable_node_public_ip: V2.flag,
            identity: identitySchema(),
        }),
    },
    {
        kind: 'kubernetesCompute',
        type: 'kubernetes',
        typeValue: 'kubernetes',
        fields: { ...COMPUTE_BASE, namespace: true, identity: IDENTITY, properties: 'map' },
        schema: () => ({ namespace: schema_text, resource_id: schema_text, identity: identitySchema(), properties: schema_map }),
    },
    {
        kind: 'computeInstance',
        type: 'computeinstance',
        typeValue: 'computeinstance',
        fields: {
            ...COMPUTE_BASE,
            ...leaves('size', 'ssh_public_access_enabled', 'schedules', 'idle_time_before_shutdown', 'idle_time_before_shutdown_minutes', 'setup_scripts', 'enable_node_public_ip', 'custom_applications', 'os_image_metadata', 'enable_sso', 'enable_root_access', 'release_quota_on_stop', 'enable_os_patching'),
            create_on_behalf_of: leaves('user_object_id', 'user_tenant_id'),
            network_settings: NETWORK,
            ssh_settings: SSH,
            identity: IDENTITY,
        },
        schema: () => ({ size: schema_text, identity: identitySchema() }),
    },
    {
        kind: 'vmCompute',
        type: 'virtualmachine',
        typeValue: 'virtualmachine',
        fields: { ...COMPUTE_BASE, ssh_settings: SSH },
        schema: () => ({ resource_id: schema_text }),
    },
];
function kindOf(kind) {
    return KINDS.find((k) => k.kind === kind) ?? KINDS[0];
}
/** The kind a `type` value names (as `Compute._load` lower-cases it), if any. */
function compute_byType(type) {
    return KINDS.find((k) => k.typeValue === type)?.kind;
}
/** A cluster's tier: absent ⇒ dedicated (Azure's default); a placeholder or a bad value ⇒ unknown (schema reports it). */
function tierOf(m) {
    const raw = valueAt(m, '/tier');
    if (raw === undefined || raw === null)
        return 'dedicated';
    const t = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/[_-]/g, '') : undefined;
    return t === 'lowpriority' ? 'lowpriority' : t === 'dedicated' ? 'dedicated' : undefined;
}
const compute = family_define({
    id: 'compute',
    kinds: ['amlCompute', 'kubernetesCompute', 'computeInstance', 'vmCompute'],
    schemas: { amlcompute: 'amlCompute', kubernetescompute: 'kubernetesCompute', computeinstance: 'computeInstance', vmcompute: 'vmCompute' },
    prefilter: { types: KINDS.map((k) => k.typeValue) },
    // After the online deployment family: `type: kubernetes` with `endpoint_name` is a deployment.
    detect: ({ type }) => compute_byType(type),
    ...V2_FAMILY,
    fields: (m) => kindOf(m.kind).fields,
    schema: (kind) => {
        const k = kindOf(kind);
        return schema_obj(
        // `Compute._load` dispatches on `type.lower()` and the schemas' StringTransformedEnum lower-cases: any case.
        { name: schema_text, type: vocabulary(true, 'ci').oneOf([k.typeValue]), tags: schema_map, ...k.schema() }, k.kind === 'amlCompute' ? { mdgMinMax: [['min_instances', 'max_instances']] } : {});
    },
    secrets: ADMIN_PASSWORD_SECRETS,
    normalise(m) {
        const k = kindOf(m.kind);
        const base = { name: values_text(m, '/name') ?? '', type: k.type, manifest: m, source: 'repo' };
        let info;
        if (k.type === 'amlcompute') {
            const maxNodes = values_num(m, '/max_instances')?.value ?? AML_COMPUTE_DEFAULT_MAX_INSTANCES;
            info = {
                ...base,
                vmSize: values_text(m, '/size') ?? AML_COMPUTE_DEFAULT_SIZE,
                minNodes: values_num(m, '/min_instances')?.value ?? 0,
                maxNodes,
                nodes: maxNodes,
                tier: tierOf(m),
            };
        }
        else if (k.type === 'computeinstance') {
            info = { ...base, vmSize: values_text(m, '/size'), nodes: 1 };
        }
        else if (k.type === 'virtualmachine') {
            info = { ...base, nodes: 1 };
        }
        else {
            info = base;
        }
        return { computes: [prune(info)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/model.ts








const model_KIND = 'model';
const model_FIELDS = { $schema: true, ...MODEL_ASSET };
function declaredFacts(m) {
    const out = {};
    for (const block of ['tags', 'properties']) {
        const v = valueAt(m, `/${block}`);
        if (!isMapping(v))
            continue;
        const mem = toNumber(v.memory_gb);
        if (out.memoryGb === undefined && mem !== undefined) {
            out.memoryGb = mem;
            out.memorySource = `${block}.memory_gb: ${mem} in ${m.file.path}`;
        }
        const size = toNumber(v.model_size_bytes);
        if (out.sizeBytes === undefined && size !== undefined) {
            out.sizeBytes = size;
            out.sizeSource = `${block}.model_size_bytes: ${size} in ${m.file.path}`;
        }
        const acc = typeof v.accelerator === 'string' ? v.accelerator.trim().toLowerCase() : undefined;
        if (out.accelerator === undefined && (acc === 'gpu' || acc === 'fpga' || acc === 'none'))
            out.accelerator = acc;
    }
    return out;
}
function model_schema() {
    const f = V2;
    const facts = schema_obj({
        memory_gb: f.pos('It declares the memory the model needs, in GiB.'),
        model_size_bytes: f.int(1),
        accelerator: f.oneOf(['gpu', 'fpga', 'none']),
    });
    return schema_obj({
        name: schema_text,
        version: textOrNumber,
        path: schema_text,
        type: f.oneOf(['custom_model', 'mlflow_model', 'triton_model']),
        description: schema_text,
        tags: facts,
        properties: facts,
        flavors: schema_map,
    });
}
const model = family_define({
    id: 'model',
    kinds: [model_KIND],
    schemas: { model: model_KIND },
    prefilter: { types: ['custom_model', 'mlflow_model', 'triton_model'] },
    // Without `$schema`: a named asset whose `type` is one of the model types (not any `model.yml`).
    detect: ({ data, type }) => (type === 'custom_model' || type === 'mlflow_model' || type === 'triton_model') && typeof data.name === 'string' && ('path' in data || 'version' in data)
        ? model_KIND
        : undefined,
    ...V2_FAMILY,
    fields: () => model_FIELDS,
    schema: model_schema,
    normalise(m) {
        const p = values_text(m, '/path') ?? values_text(m, '/local_path');
        const rawVersion = valueAt(m, '/version');
        const version = (typeof rawVersion === 'string' || typeof rawVersion === 'number') && String(rawVersion).trim() !== '' && !isPlaceholder(rawVersion)
            ? String(rawVersion).trim()
            : undefined;
        const info = {
            name: values_text(m, '/name'),
            version,
            type: values_text(m, '/type')?.toLowerCase() ?? 'custom_model',
            localPath: p !== undefined && !hasUriScheme(p) ? modelLocalPath(resolveLocal(m.file.path, p)) : undefined,
            manifest: m,
            source: 'repo',
            rank: 0,
            ...declaredFacts(m),
        };
        return { models: [prune(info)] };
    },
});

;// CONCATENATED MODULE: ./src/formats/index.ts












const formats_FAMILIES = [
    mlflowModel,
    v1DeploymentConfig,
    amlDeployAction,
    amlComputeAction,
    amlRegisterModelAction,
    onlineDeployment,
    onlineEndpoint,
    batchDeployment,
    pipelineBatchDeployment,
    batchEndpoint,
    compute,
    model,
];

;// CONCATENATED MODULE: ./src/formats/prefilter.ts
// The cheap text pre-filter (SPEC §2): a file that holds none of the words any family looks for is
// not parsed. Its words come from the families; nothing here names a key of its own.


function prefilter_escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
let tests;
function prefilter_build() {
    const keys = new Set();
    const types = new Set();
    const schemas = new Set(['azureml']);
    const fileNames = new Set();
    for (const f of formats_FAMILIES) {
        for (const k of f.prefilter.keys ?? [])
            keys.add(k);
        for (const t of f.prefilter.types ?? [])
            types.add(t);
        for (const n of f.prefilter.fileNames ?? [])
            fileNames.add(n);
        for (const s of Object.keys(f.schemas ?? {}))
            schemas.add(s === 'model' ? 'model.schema' : s);
    }
    const alt = (set) => [...set].map(prefilter_escape).join('|');
    return {
        key: new RegExp(`(?:^|[\\s{,"'])(?:${alt(keys)})["']?\\s*:`),
        schema: new RegExp(`\\$schema["']?\\s*:\\s*["']?[^\\n]*(?:${alt(schemas)})`, 'i'),
        type: new RegExp(`(?:^|[\\s{,"'])type["']?\\s*:\\s*["']?(?:${alt(types)})\\b`, 'i'),
        fileNames,
    };
}
/**
 * Text in which a key can be spelled without its letters appearing literally, as Azure's loaders
 * (PyYAML, Python json) read it: an escape inside a double-quoted string (`"compute\u0054ype"`,
 * `"\x24schema"`), a tag (`!!str`, `!<…>`, `%TAG`), an alias used as a key (`*k : ACI`), an explicit
 * key (`? computeType`). Such a file cannot be ruled out by words: it is parsed.
 */
const MAY_HIDE_WORDS = /"[^"\n]*\\|(?:^|[\s[{,:-])!|^%TAG|\*[^\s,[\]{}]+[ \t]*:(?:\s|$)|^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;
/**
 * Could this YAML/JSON file be an Azure ML manifest? Keeps workflows, package.json … unparsed. A strict
 * superset of what the families recognise: a file it cannot rule out cheaply goes to the full parse.
 */
function looksLikeManifest(relPath, text) {
    const t = (tests ??= prefilter_build());
    if (t.fileNames.has(external_node_path_.posix.basename(relPath)))
        return true;
    return t.key.test(text) || t.schema.test(text) || t.type.test(text) || MAY_HIDE_WORDS.test(text);
}
/** `$schema` basenames of Azure ML assets that are not deployments, endpoints, computes or models. */
const OUT_OF_SCOPE_SCHEMAS = new Set([
    'environment', 'data', 'mltable', 'schedule', 'workspace', 'registry', 'index', 'modelversionpackage',
    'featureset', 'featuresetspec', 'featurestore', 'featurestoreentity', 'capabilityhost',
]);
const OUT_OF_SCOPE_SUFFIX = /(job|component|datastore|connection|workspaceconnection)$/;
/**
 * What kind of Azure ML asset outside the gate's scope a file's text says it is (a pipeline job, a
 * component, an environment…), judged from the text alone (for files that do not parse).
 */
function outOfScopeAsset(text) {
    // A file that also holds a key only a gated family uses (`computeType`, `endpoint_name`,
    // `auth_mode`…) is not excused by its `$schema` or `command:`: Azure's deploying command ignores
    // `$schema`, so the words the gate cannot read may be a deployment's (fail closed).
    if ((tests ??= prefilter_build()).key.test(text))
        return undefined;
    const m = /^\s*["']?\$schema["']?\s*:\s*["']?([^\s"'#]+)/m.exec(text);
    if (m) {
        const noQuery = m[1].replace(/[?#].*$/, '');
        const name = noQuery.slice(noQuery.lastIndexOf('/') + 1).replace(/(\.schema)?\.(json|ya?ml)$/i, '').replace(/\.schema$/i, '');
        const base = name.toLowerCase();
        if (OUT_OF_SCOPE_SCHEMAS.has(base) || OUT_OF_SCOPE_SUFFIX.test(base))
            return `${name} (\`$schema\`)`;
        return undefined;
    }
    if (/^jobs\s*:/m.test(text) && /^type\s*:\s*["']?pipeline\b/m.test(text))
        return 'pipeline job (`type: pipeline` with `jobs:`)';
    if (/^command\s*:/m.test(text))
        return 'command job or component (`command:`)';
    return undefined;
}

;// CONCATENATED MODULE: ./src/formats/recognise.ts


/** `https://host/latest/managedOnlineDeployment.schema.json` → `managedonlinedeployment`. */
function schemaBasename(url) {
    const noQuery = url.trim().replace(/[?#].*$/, '');
    const base = noQuery.slice(noQuery.lastIndexOf('/') + 1).toLowerCase();
    return base.replace(/(\.schema)?(\.template)?\.(json|ya?ml)$/, '').replace(/\.schema$/, '');
}
let index;
/** `$schema` basename → how its loader picks the kind; kind → family (built once, from FAMILIES). */
function indexes() {
    if (!index) {
        index = { claims: new Map(), byKind: new Map() };
        for (const family of formats_FAMILIES) {
            for (const [base, kind] of Object.entries(family.schemas ?? {}))
                index.claims.set(base, kind);
            for (const kind of family.kinds)
                index.byKind.set(kind, family);
        }
    }
    return index;
}
/** The family and kind of one document, or undefined when it is not a manifest. */
function detect(filePath, data) {
    const input = { path: filePath, data, type: typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined, rawType: data.type };
    for (const family of formats_FAMILIES) {
        if (!family.detectFirst)
            continue;
        const kind = family.detect?.(input);
        if (kind)
            return { family, kind };
    }
    const schema = data.$schema;
    if (typeof schema === 'string' && schema.trim() !== '') {
        const { claims, byKind } = indexes();
        const claim = claims.get(schemaBasename(schema));
        if (claim) {
            const kind = typeof claim === 'string' ? claim : claim(input);
            const family = byKind.get(kind);
            if (family)
                return { family, kind };
        }
        // Another Azure ML asset (environment, job, component, ModelVersionPackage…) or a foreign schema.
        for (const family of formats_FAMILIES) {
            if (!family.detectUnderForeignSchema)
                continue;
            const kind = family.detect?.(input);
            if (kind)
                return { family, kind };
        }
        return undefined;
    }
    for (const family of formats_FAMILIES) {
        if (family.detectFirst)
            continue;
        const kind = family.detect?.(input);
        if (kind)
            return { family, kind };
    }
    return undefined;
}
/** Kind of one document (detection by content), or undefined. */
function detectKind(filePath, data) {
    return detect(filePath, data)?.kind;
}
/**
 * How a deploy command loads its file: by the loader of a `$schema` basename (which picks the kind
 * from the document, as `OnlineDeployment._load` does by `type`), or as one kind.
 */
const LOADED_AS = {
    'online-deployment': { schema: 'onlinedeployment' },
    'online-endpoint': { schema: 'onlineendpoint' },
    'batch-deployment': { schema: 'batchdeployment' },
    'batch-endpoint': { schema: 'batchendpoint' },
    // `Compute._load` dispatches on `type`; the compute family's detection does the same.
    compute: { kind: 'amlCompute' },
    model: { schema: 'model' },
    'v1-model-deploy': { kind: 'v1DeploymentConfig' },
    'aml-deploy': { kind: 'amlDeployAction' },
    'aml-compute': { kind: 'amlComputeAction' },
    'aml-registermodel': { kind: 'amlRegisterModelAction' },
};
/** The family and kind a deploy command loads a document as, whatever the document's `$schema` says. */
function loadedAs(command, filePath, data) {
    const { claims, byKind } = indexes();
    const how = LOADED_AS[command];
    const input = { path: filePath, data, type: typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined, rawType: data.type };
    let kind;
    if ('schema' in how) {
        const claim = claims.get(how.schema);
        kind = claim === undefined ? undefined : typeof claim === 'string' ? claim : claim(input);
    }
    else {
        kind = how.kind;
        const family = byKind.get(kind);
        if (command === 'compute')
            kind = family?.detect?.(input) ?? kind;
    }
    const family = kind === undefined ? undefined : byKind.get(kind);
    return family && kind ? { family, kind } : undefined;
}
/**
 * Recognises every document of a file whose value is a mapping. Never throws. `deployedAs`: the
 * commands pipelines deploy the file with; the command, not the content, decides the family (the
 * content's own kind is kept when it is one of those the commands load).
 */
function recognise(file, deployedAs = []) {
    const out = [];
    for (const doc of file.docs) {
        const m = recogniseDoc(file, doc, deployedAs);
        if (m)
            out.push(m);
    }
    return out;
}
function recogniseDoc(file, doc, deployedAs) {
    if (!isMapping(doc.value))
        return undefined;
    let found = detect(file.path, doc.value);
    if (deployedAs.length > 0) {
        const loaded = deployedAs.map((c) => loadedAs(c, file.path, doc.value)).filter((x) => x !== undefined);
        if (loaded.length > 0 && !loaded.some((l) => l.kind === found?.kind))
            found = loaded[0];
    }
    if (!found)
        return undefined;
    return { kind: found.kind, family: found.family, file, doc, data: doc.value };
}
/** The family a manifest was recognised as (its own object, typed for the formats). */
function familyOf(m) {
    return m.family;
}
/** Turns manifests into typed records, each by its family. Never throws on odd values. */
function normalise(manifests) {
    const out = { deployments: [], endpoints: [], models: [], computes: [] };
    for (const m of manifests) {
        const part = familyOf(m).normalise(m);
        if (part.deployments)
            out.deployments.push(...part.deployments);
        if (part.endpoints)
            out.endpoints.push(...part.endpoints);
        if (part.models)
            out.models.push(...part.models);
        if (part.computes)
            out.computes.push(...part.computes);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/inventory/models.ts
// What the repository and the config know about each model: metadata files merged in SPEC §2 order,
// config `models:` on top, and the size of the model's files on disk (bounded walk, no links).


const DISK_WALK_MAX_ENTRIES = 20_000;
function dirOf(p) {
    const i = p.lastIndexOf('/');
    return i === -1 ? '' : p.slice(0, i);
}
function mergeInto(target, src) {
    if (target.memoryGb === undefined && src.memoryGb !== undefined) {
        target.memoryGb = src.memoryGb;
        target.memorySource = src.memorySource;
    }
    if (target.sizeBytes === undefined && src.sizeBytes !== undefined) {
        target.sizeBytes = src.sizeBytes;
        target.sizeSource = src.sizeSource;
    }
    target.accelerator ??= src.accelerator;
    target.type ??= src.type;
    target.localPath ??= src.localPath;
    target.name ??= src.name;
    target.version ??= src.version;
}
class ModelIndex {
    root;
    named = new Map();
    configByName = new Map();
    local = new Map();
    folder = new Map();
    diskCache = new Map();
    constructor(root, models) {
        this.root = root;
        // SPEC §2 order of model facts: metadata tags/properties, then aml-registermodel, then MLflow
        // (config `models:` is applied on top by withConfig). mergeInto keeps the first value it sees.
        for (const m of [...models].sort((a, b) => factRank(a) - factRank(b))) {
            if (m.source === 'config' && m.name) {
                this.configByName.set(m.name, m);
                continue;
            }
            if (m.name)
                push(this.named, m.name, m);
            if (m.localPath !== undefined)
                push(this.local, m.localPath, m);
            if (m.manifest)
                push(this.folder, dirOf(m.manifest.file.path), m);
        }
    }
    inFolder(dir) {
        return this.folder.get(dir) ?? [];
    }
    byLocalPath(p) {
        const list = this.local.get(p);
        if (!list)
            return undefined;
        // Lists are in SPEC fact order (metadata first, MLmodel last): merged, the first value of each fact wins.
        const merged = { ...list[0] };
        for (const m of list.slice(1))
            mergeInto(merged, m);
        return merged;
    }
    /** The model with config `models:` facts for its name applied over it (config wins). */
    withConfig(m) {
        const cfg = m.name ? this.configByName.get(m.name) : undefined;
        if (!cfg)
            return m;
        const out = { ...m, ...definedOnly(cfg), source: m.source };
        if (cfg.memoryGb !== undefined)
            out.memorySource = 'config models:';
        if (cfg.sizeBytes !== undefined)
            out.sizeSource = 'config models:';
        return out;
    }
    byName(name, version) {
        const list = this.named.get(name) ?? [];
        const cfg = this.configByName.get(name);
        let match;
        const versions = [];
        for (const m of list) {
            if (version === undefined || m.version === undefined || String(m.version) === version) {
                match ??= { ...m };
                if (match !== m)
                    mergeInto(match, m);
            }
            else {
                versions.push(String(m.version));
            }
        }
        if (cfg)
            return { match: match ? this.withConfig(match) : { ...cfg }, versions };
        return { match, versions: [...new Set(versions)].sort() };
    }
    /** Fills the size from the MLmodel at the model's path, else from the files on disk. */
    complete(m) {
        const out = { ...m };
        if (out.localPath !== undefined) {
            const other = this.local.get(out.localPath);
            if (other)
                for (const o of other)
                    if (o !== m)
                        mergeInto(out, o);
            if (out.sizeBytes === undefined) {
                const size = this.diskSize(out.localPath);
                if (size !== undefined) {
                    out.sizeBytes = size;
                    out.sizeSource = `files on disk under ${out.localPath || '.'}`;
                }
            }
        }
        return out;
    }
    diskSize(rel) {
        if (this.diskCache.has(rel))
            return this.diskCache.get(rel);
        const size = sumFilesInside(this.root, rel);
        this.diskCache.set(rel, size);
        return size;
    }
}
/** SPEC §2 order of model facts: metadata tags/properties, then aml-registermodel, then MLflow (the families rank them). */
function factRank(m) {
    return m.rank ?? 3;
}
function definedOnly(m) {
    const out = {};
    if (m.memoryGb !== undefined)
        out.memoryGb = m.memoryGb;
    if (m.sizeBytes !== undefined)
        out.sizeBytes = m.sizeBytes;
    if (m.accelerator !== undefined)
        out.accelerator = m.accelerator;
    if (m.name !== undefined)
        out.name = m.name;
    return out;
}
function push(map, k, v) {
    const list = map.get(k);
    if (list)
        list.push(v);
    else
        map.set(k, [v]);
}
/**
 * Sum of file sizes under `rel`, only when its real path stays inside the repository: a folder link
 * on the way (`escape -> /`) must not lead the walk to the runner's files.
 */
function sumFilesInside(root, rel) {
    let realRoot;
    let real;
    try {
        // One realpath(3) call each (the JS realpathSync lstats every path component).
        realRoot = external_node_fs_.realpathSync.native(root);
        real = external_node_fs_.realpathSync.native(external_node_path_.join(root, rel));
    }
    catch {
        return undefined;
    }
    const r = external_node_path_.relative(realRoot, real);
    if (r.startsWith('..') || external_node_path_.isAbsolute(r))
        return undefined;
    return sumFiles(real);
}
/** Sum of file sizes under a path: bounded, links not followed. undefined when nothing is there. */
function sumFiles(abs) {
    let total = 0;
    let seen = 0;
    let found = false;
    const stack = [abs];
    while (stack.length > 0 && seen < DISK_WALK_MAX_ENTRIES) {
        const p = stack.pop();
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(p);
        }
        catch {
            continue;
        }
        seen++;
        if (st.isSymbolicLink())
            continue;
        if (st.isFile()) {
            total += st.size;
            found = true;
        }
        else if (st.isDirectory()) {
            try {
                for (const e of (0,external_node_fs_.readdirSync)(p))
                    stack.push(external_node_path_.join(p, e));
            }
            catch {
                // unreadable folder: counted as empty
            }
        }
    }
    return found ? total : undefined;
}

;// CONCATENATED MODULE: ./src/inventory/build.ts



/**
 * Links deployments to their models, computes and endpoints, and decides each deployment's stage.
 * `deployed`: repo-relative path → the pipeline steps that deploy that file.
 */
function buildInventory(root, files, manifests, norm, config, deployed = new Map()) {
    const models = [...norm.models];
    for (const [name, m] of Object.entries(config.models)) {
        models.push({
            name,
            memoryGb: m.memoryGb,
            sizeBytes: m.sizeBytes,
            accelerator: m.accelerator,
            source: 'config',
            memorySource: m.memoryGb !== undefined ? 'config models:' : undefined,
            sizeSource: m.sizeBytes !== undefined ? 'config models:' : undefined,
        });
    }
    const computes = [...norm.computes];
    for (const [name, c] of Object.entries(config.computes))
        computes.push({ name, ...c, source: 'config' });
    const index = new ModelIndex(root, models);
    const computeByName = new Map();
    // Config facts win over repository definitions (SPEC §2: config first).
    for (const c of computes) {
        const k = c.name.toLowerCase();
        const prev = computeByName.get(k);
        if (!prev || c.source === 'config')
            computeByName.set(k, c);
    }
    const endpointsByName = new Map();
    for (const e of norm.endpoints) {
        if (!e.name)
            continue;
        const list = endpointsByName.get(e.name) ?? [];
        list.push(e);
        endpointsByName.set(e.name, list);
    }
    const stages = new StageResolver({
        production: config.stages.production,
        nonproduction: config.stages.nonproduction,
        defaultStage: config.defaultStage,
    });
    // Endpoints' own references (a Kubernetes endpoint's `compute`), also when no deployment uses them.
    for (const e of norm.endpoints)
        if (e.computeRef)
            resolveComputeRef(e.computeRef, computeByName);
    const deployments = norm.deployments.map((draft) => {
        // A variant made by a command line is deployed by its own steps only (inventory/overrides.ts).
        const all = deployed.get(draft.manifest.file.path) ?? [];
        const steps = draft.manifest.deployedSteps;
        const evidence = steps ? steps.map((i) => all[i]).filter((e) => e !== undefined) : all;
        const d = {
            ...draft,
            stage: 'unknown',
            stageReason: '',
            deployedBy: evidence.map((e) => ({ pipeline: e.pipeline, line: e.line, command: e.command, stage: e.stage, reason: e.reason, overrides: { ...e.overrides } })),
        };
        resolveModel(d, index);
        resolveCompute(d, computeByName, endpointsByName, norm.endpoints);
        if (d.mode === 'batch' && d.compute?.type === 'kubernetes') {
            d.target = 'aks';
            d.targetReason = `batch deployment on Azure ML Kubernetes compute ${d.compute.name}`;
        }
        const pipeline = evidence.length > 0 ? pipelines_stageFromPipelines([...evidence]) : undefined;
        const s = stages.resolve({ path: d.manifest.file.path, tags: d.tags, names: [d.name, d.endpointName], pipeline });
        d.stage = s.stage;
        d.stageReason = s.reason;
        return d;
    });
    return { files, manifests, deployments, endpoints: norm.endpoints, models, computes };
}
function resolveCompute(d, byName, endpointsByName, endpoints) {
    if (!d.computeRef && d.inheritsEndpointCompute) {
        // A Kubernetes online deployment runs on its endpoint's compute.
        let ep = d.endpointName ? endpointsByName.get(d.endpointName)?.find((e) => e.kind === 'kubernetes') : undefined;
        if (!ep) {
            const dir = dirOf(d.manifest.file.path);
            const local = endpoints.filter((e) => e.kind === 'kubernetes' && dirOf(e.manifest.file.path) === dir);
            if (local.length === 1)
                ep = local[0];
        }
        if (ep?.computeRef)
            d.computeRef = { ...ep.computeRef };
    }
    if (d.computeRef)
        d.compute = resolveComputeRef(d.computeRef, byName);
}
/** Sets the reference's resolution; returns the compute it names when that is defined. */
function resolveComputeRef(ref, byName) {
    if (ref.placeholder) {
        ref.resolution = 'placeholder';
        return undefined;
    }
    if (ref.external) {
        ref.resolution = 'external';
        return undefined;
    }
    const c = byName.get(ref.name.toLowerCase());
    ref.resolution = c ? 'resolved' : 'missing';
    return c;
}
function resolveModel(d, index) {
    const ref = d.modelRef;
    if (!ref) {
        if (d.linksModelByFolder) {
            const local = index.inFolder(dirOf(d.manifest.file.path));
            if (local.length === 1) {
                // Config `models:` facts apply to a folder-linked model too (a v1 model's ResourceConfiguration
                // lives in the workspace: config is where it is declared).
                d.model = index.complete(index.withConfig(local[0]));
                d.modelByFolder = true;
            }
        }
        return;
    }
    if (ref.placeholder) {
        ref.resolution = 'placeholder';
        return;
    }
    if (ref.external) {
        ref.resolution = 'external';
        return;
    }
    if (ref.path !== undefined) {
        // ref.path is repo-relative already (formats resolve it from the manifest's folder).
        const localPath = ref.path === '.' ? '' : ref.path.startsWith('..') ? undefined : ref.path;
        const found = localPath !== undefined ? index.byLocalPath(localPath) : undefined;
        const inline = found
            ? { ...found }
            : { name: ref.name !== ref.raw ? ref.name : undefined, version: ref.version, localPath, source: 'inline' };
        if (ref.type)
            inline.type ??= ref.type;
        if (ref.name && ref.name !== ref.raw) {
            const named = index.byName(ref.name, ref.version);
            if (named.match)
                mergeInto(inline, named.match);
        }
        d.model = index.complete(inline);
        ref.resolution = 'resolved';
        return;
    }
    const r = index.byName(ref.name, ref.version);
    if (r.match) {
        d.model = index.complete(r.match);
        ref.resolution = 'resolved';
    }
    else if (r.versions.length > 0) {
        ref.resolution = 'version-mismatch';
        ref.versionsFound = r.versions;
    }
    else {
        ref.resolution = 'missing';
    }
}

;// CONCATENATED MODULE: ./src/inventory/mentions.ts
// What a file's text can say about names and local paths before it is parsed: a pull-request run
// parses only the files that can define, reference or sit next to what the changed files need
// (dependents.ts). Every test here is a superset of what a parse would find: a file whose text cannot
// be read this way (escapes, tags, aliases, block scalars, multi-line values, numbers) counts as a hit.

/** Characters that end a name's first token in raw text and in the parsed value alike. */
const STOP = /[\s'",\]}#]/;
/** First characters of a YAML value this reader does not follow: block scalars, anchors, aliases, tags, flow collections. */
const COMPLEX_START = /[|>&*![{]/;
/** A plain YAML value that does not stay a string as written (numbers, booleans, null). */
const NOT_A_STRING = /^(?:[-+]?(?:[0-9]|\.[0-9]).*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMERIC_START = /^[-+.0-9]/;
/** The lower-cased first token of a name (what any text that holds the name holds), or undefined when it has none. */
function nameToken(name) {
    const t = name.trim();
    const m = STOP.exec(t);
    const tok = (m ? t.slice(0, m.index) : t).toLowerCase();
    return tok === '' ? undefined : tok;
}
/** True when a name may be written in another form than its value (YAML numbers: `0x1F` is 31). */
function numericName(name) {
    return NUMERIC_START.test(name.trim());
}
const KEY_BOUNDARY = /[\s{,"'[]/;
const NAME_PREFIX = /[A-Za-z0-9_$.-]/;
/**
 * For a key that starts at `start` (at line start or after a space, `{`, `,`, a quote or `[`) and whose
 * word ends at `wordEnd`: where its value starts (after an optional closing quote and the `:`), or -1.
 */
function valueStart(text, start, wordEnd) {
    if (start > 0 && !KEY_BOUNDARY.test(text[start - 1]))
        return -1;
    let i = wordEnd;
    if (text[i] === '"' || text[i] === "'")
        i++;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')
        i++;
    return text[i] === ':' ? i + 1 : -1;
}
function textFacts(text) {
    const facts = { mayHide: MAY_HIDE_WORDS.test(text), names: new Set(), oddName: false, paths: [], oddPath: false };
    for (let at = text.indexOf('name'); at !== -1; at = text.indexOf('name', at + 4)) {
        let k = at;
        while (k > 0 && NAME_PREFIX.test(text[k - 1]))
            k--;
        let i = valueStart(text, k, at + 4);
        if (i === -1)
            continue;
        while (text[i] === ' ' || text[i] === '\t')
            i++;
        const c = text[i];
        if (c === undefined || c === '\n' || c === '\r' || c === '#' || COMPLEX_START.test(c)) {
            facts.oddName = true;
            continue;
        }
        if (c === '"' || c === "'") {
            i++;
            while (text[i] === ' ' || text[i] === '\t')
                i++;
        }
        let j = i;
        while (j < text.length && !STOP.test(text[j]))
            j++;
        const tok = text.slice(i, j).toLowerCase();
        if (tok === '' || NUMERIC_START.test(tok))
            facts.oddName = true;
        else
            facts.names.add(tok);
    }
    for (let at = text.indexOf('path'); at !== -1; at = text.indexOf('path', at + 4)) {
        // `path` or `local_path`, nothing else before it in the key.
        const start = at >= 6 && text.startsWith('local_', at - 6) ? at - 6 : at;
        const i = valueStart(text, start, at + 4);
        if (i === -1)
            continue;
        const v = pathValue(text, i);
        if (v === undefined)
            facts.oddPath = true;
        else
            facts.paths.push(v);
    }
    return facts;
}
/** The value of a `path:` key starting at `i` when the text alone says what it is, else undefined. */
function pathValue(text, i) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    let keyColumn = lineStart;
    while (text[keyColumn] === ' ' || text[keyColumn] === '-' || text[keyColumn] === '\t')
        keyColumn++;
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    const c = text[i];
    if (c === undefined || c === '\n' || c === '\r' || c === '#' || COMPLEX_START.test(c))
        return undefined;
    let end = text.indexOf('\n', i);
    if (end === -1)
        end = text.length;
    const line = text.slice(i, end).replace(/\r$/, '');
    let value;
    if (c === '"' || c === "'") {
        const close = line.indexOf(c, 1);
        if (close === -1)
            return undefined;
        value = line.slice(1, close);
        if (value.includes('\\') || (c === "'" && line[close + 1] === "'"))
            return undefined;
    }
    else {
        value = line.replace(/\s+#.*$/, '').trimEnd();
        if (/[,[\]{}]/.test(value) || NOT_A_STRING.test(value))
            return undefined;
        // A plain value continued on a more indented next line is one folded value.
        if (end < text.length) {
            let k = end + 1;
            let indent = 0;
            while (text[k] === ' ' || text[k] === '\t') {
                k++;
                indent++;
            }
            if (k < text.length && text[k] !== '\n' && text[k] !== '\r' && indent > keyColumn - lineStart)
                return undefined;
        }
    }
    value = value.trim();
    return value === '' ? undefined : value;
}
/** A test for any of the tokens anywhere in a text (case-insensitive), or undefined when there are none. */
function mentionTest(tokens) {
    const list = [...new Set(tokens)];
    if (list.length === 0)
        return undefined;
    const re = new RegExp(list.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
    return (text) => re.test(text);
}

;// CONCATENATED MODULE: ./src/inventory/dependents.ts


/**
 * Changed files plus every manifest whose deployment uses a changed definition: any model metadata
 * of its model's name (facts merge from several files), any compute definition of its compute's
 * name, the files under its model's local path, and (Kubernetes) its endpoint.
 */
function dependents(changed, inv) {
    const scope = new Set(changed);
    const touches = (p) => p !== undefined && changed.has(p);
    const changedList = [...changed];
    const under = (dir) => dir !== undefined && changedList.some((c) => dir === '' || c === dir || c.startsWith(dir + '/'));
    // Names defined by changed files: a new or edited definition can resolve (or break) a reference.
    const modelNames = new Set(inv.models.filter((m) => m.name && touches(m.manifest?.file.path)).map((m) => m.name));
    const computeNames = new Set(inv.computes.filter((c) => touches(c.manifest?.file.path)).map((c) => c.name.toLowerCase()));
    const endpointNames = new Set(inv.endpoints.filter((e) => e.name && touches(e.manifest.file.path)).map((e) => e.name));
    const named = (ref, names, fold = false) => ref !== undefined && !ref.external && names.has(fold ? ref.name.toLowerCase() : ref.name);
    for (const d of inv.deployments) {
        const file = d.manifest.file.path;
        if (scope.has(file))
            continue;
        if (touches(d.model?.manifest?.file.path) ||
            (d.model?.name !== undefined && modelNames.has(d.model.name)) ||
            named(d.modelRef, modelNames) ||
            touches(d.compute?.manifest?.file.path) ||
            named(d.computeRef, computeNames, true) ||
            touches(d.computeRef?.at.manifest.file.path) ||
            (d.inheritsEndpointCompute === true && d.endpointName !== undefined && endpointNames.has(d.endpointName)) ||
            under(d.model?.localPath)) {
            scope.add(file);
        }
    }
    // Findings about an in-scope deployment may sit in its endpoint file (inherited compute key).
    for (const d of inv.deployments) {
        const ep = d.computeRef?.at.manifest.file.path;
        if (ep && scope.has(d.manifest.file.path))
            scope.add(ep);
    }
    return scope;
}
/** Every folder above a changed path, the root ('') included, and the changed paths themselves. */
function ancestorsOf(changed) {
    const out = new Set(['']);
    for (const c of changed) {
        out.add(c);
        for (let i = c.indexOf('/'); i !== -1; i = c.indexOf('/', i + 1))
            out.add(c.slice(0, i));
    }
    return out;
}
/**
 * Needs of the parsed part of the checkout (see Needs); `inv` is built from the parsed files only,
 * `above` is `ancestorsOf(changed)`.
 */
function needsOf(changed, above, inv) {
    const needs = { mention: new Set(), define: new Set(), numeric: false, everything: false, paths: new Set(), dirs: new Set() };
    const token = (name, into) => {
        if (name === undefined)
            return;
        const t = nameToken(name);
        if (t === undefined)
            needs.everything = true;
        else
            into.add(t);
        if (numericName(name))
            needs.numeric = true;
    };
    const inChanged = (p) => p !== undefined && changed.has(p);
    for (const c of changed)
        needs.dirs.add(dirOf(c));
    // Dependents: what the changed files define, and the definitions tied to it.
    const modelNames = new Set();
    const computeNames = new Set();
    for (const m of inv.models)
        if (m.name && inChanged(m.manifest?.file.path))
            modelNames.add(m.name);
    for (const c of inv.computes) {
        if (!inChanged(c.manifest?.file.path))
            continue;
        computeNames.add(c.name.toLowerCase());
        token(c.name, needs.mention);
    }
    for (const m of inv.models) {
        if (!m.manifest)
            continue;
        const tied = inChanged(m.manifest.file.path) || (m.name !== undefined && modelNames.has(m.name)) || (m.localPath !== undefined && above.has(m.localPath));
        if (!tied)
            continue;
        token(m.name, needs.mention);
        if (m.localPath !== undefined)
            needs.paths.add(m.localPath);
        needs.dirs.add(dirOf(m.manifest.file.path));
    }
    for (const e of inv.endpoints) {
        const onChangedCompute = e.computeRef !== undefined && !e.computeRef.external && computeNames.has(e.computeRef.name.toLowerCase());
        if (!inChanged(e.manifest.file.path) && !onChangedCompute)
            continue;
        token(e.name, needs.mention);
        needs.dirs.add(dirOf(e.manifest.file.path));
    }
    // Definitions: what every parsed deployment and endpoint resolves against.
    for (const d of inv.deployments) {
        needs.dirs.add(dirOf(d.manifest.file.path));
        const mr = d.modelRef;
        if (mr && !mr.external) {
            token(mr.name, needs.define);
            if (mr.path !== undefined) {
                const local = mr.path === '.' ? '' : mr.path.startsWith('..') ? undefined : mr.path;
                if (local !== undefined)
                    needs.paths.add(local);
            }
        }
        if (d.model?.localPath !== undefined)
            needs.paths.add(d.model.localPath);
        if (d.computeRef && !d.computeRef.external)
            token(d.computeRef.name, needs.define);
        token(d.endpointName, needs.define);
    }
    for (const e of inv.endpoints) {
        token(e.name, needs.define);
        if (e.computeRef && !e.computeRef.external)
            token(e.computeRef.name, needs.define);
        if (e.kind === 'kubernetes')
            needs.dirs.add(dirOf(e.manifest.file.path));
    }
    return needs;
}
/**
 * Does a file not parsed yet hold something the needs ask for? A superset: `mentions` tests the
 * `mention` tokens, `above` holds the folders at or above a changed path (ancestorsOf), `facts` is what
 * its text says (mentions.ts), `local` resolves a model path written in the file as the formats do.
 */
function wanted(path, facts, needs, above, mentions, text, local) {
    if (needs.everything || facts.mayHide)
        return true;
    if (needs.dirs.has(dirOf(path)))
        return true;
    const hit = (x) => x !== undefined && (above.has(x) || needs.paths.has(x));
    if (facts.oddPath)
        return true;
    if (!facts.locals) {
        facts.locals = facts.paths.map((v) => local(path, v));
        // An MLmodel file is the model of its own folder.
        if (path === 'MLmodel' || path.endsWith('/MLmodel'))
            facts.locals.push(local(path, '.'));
    }
    for (const x of facts.locals)
        if (hit(x))
            return true;
    if (needs.mention.size > 0 && (needs.numeric || (mentions !== undefined && mentions(text))))
        return true;
    if (needs.define.size > 0) {
        if (facts.oddName)
            return true;
        for (const t of facts.names)
            if (needs.define.has(t))
                return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/inventory/overrides.ts


/** The flag a value was given with, for messages (`--set` for every other key). */
const FLAG_OF = {
    name: '--name',
    endpoint_name: '--endpoint-name',
    type: '--type',
    size: '--size',
    tier: '--tier',
    min_instances: '--min-instances',
    max_instances: '--max-instances',
    computeTargetName: '--compute-target',
};
/** A value the pipeline reader resolved to text: no variable, expression or placeholder left in it. */
function isLiteral(value) {
    // \x60: a backtick (a command substitution).
    return !/[$\x60]|%[A-Za-z_][A-Za-z0-9_]*%|#\{|\{\{/.test(value) && !isPlaceholder(value);
}
/** `k.sub.0` → its pointer, `/k/sub/0` (azure-ai-ml splits `--set` keys on dots). Undefined for an empty segment. */
function pointerOfKey(key) {
    const segs = key.split('.');
    if (segs.some((s) => s === ''))
        return undefined;
    return segs.reduce((acc, s) => pointerJoin(acc, s), '');
}
/** How the command line gives `key=value`, for messages. */
function flagText(key, value) {
    const flag = FLAG_OF[key];
    return flag ? `${flag} ${value}` : `--set ${key}=${value}`;
}
/**
 * The CLI v2 commands: their values are keys of the file (`params_override`). The CLI v1's `--name`
 * and `--ct` name the service and the compute target, which a v1 deployment config does not hold;
 * the aml-* actions take no values.
 */
const SETS_FILE_KEYS = new Set(['online-deployment', 'online-endpoint', 'batch-deployment', 'batch-endpoint', 'compute', 'model']);
/** The literal command-line values of one step, by pointer, in key order. */
function commandValuesOf(e) {
    const out = [];
    if (!SETS_FILE_KEYS.has(e.command))
        return out;
    for (const key of Object.keys(e.overrides).sort()) {
        const value = e.overrides[key];
        const ptr = pointerOfKey(key);
        if (ptr === undefined || typeof value !== 'string' || !isLiteral(value))
            continue;
        out.push({ ptr, value, flag: flagText(key, value), pipeline: e.pipeline, line: e.line });
    }
    return out;
}
/** `data` with `values` set over it (a copy: the parsed document is not touched). */
function applied(data, values) {
    const root = copy(data);
    for (const v of values) {
        const segs = pointerSplit(v.ptr);
        let cur = root;
        for (let i = 0; i < segs.length; i++) {
            const seg = segs[i];
            const last = i === segs.length - 1;
            if (Array.isArray(cur)) {
                // pydash.set_ (what azure-ai-ml's params_override uses) indexes lists by number.
                if (!/^(0|[1-9]\d*)$/.test(seg))
                    break;
                const k = Number(seg);
                if (last)
                    cur[k] = v.value;
                else {
                    const next = cur[k];
                    cur = isMapping(next) || Array.isArray(next) ? next : (cur[k] = dict());
                }
            }
            else {
                if (last)
                    cur[seg] = v.value;
                else {
                    const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
                    cur = isMapping(next) || Array.isArray(next) ? next : (cur[seg] = dict());
                }
            }
        }
    }
    return root;
}
/** A copy of a parsed value down to its scalars (mappings keep their null prototype). */
function copy(v) {
    if (Array.isArray(v))
        return v.map(copy);
    if (isMapping(v)) {
        const out = Object.getPrototypeOf(v) === null ? dict() : {};
        for (const k of Object.keys(v))
            out[k] = copy(v[k]);
        return out;
    }
    return v;
}
/**
 * The manifests Azure gets from one file's documents, given the steps that deploy the file: the
 * manifests themselves when no step sets a literal value; else one variant per distinct set of values,
 * each naming the steps (indexes into `evidence`) that deploy it.
 */
function withCommandValues(found, evidence) {
    if (!evidence || evidence.length === 0 || found.length === 0)
        return [...found];
    const groups = new Map();
    evidence.forEach((e, i) => {
        const values = commandValuesOf(e);
        const key = JSON.stringify(values.map((v) => [v.ptr, v.value]));
        const g = groups.get(key);
        if (g)
            g.steps.push(i);
        else
            groups.set(key, { values, steps: [i] });
    });
    if (groups.size === 1 && [...groups.values()][0].values.length === 0)
        return [...found];
    const out = [];
    for (const m of found) {
        for (const { values, steps } of groups.values()) {
            if (values.length === 0)
                out.push({ ...m, deployedSteps: steps });
            else
                out.push({ ...m, data: applied(m.data, values), deployedSteps: steps, commandValues: values });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/parse/jsonc.ts




/**
 * Parses JSON with comments and trailing commas (real aml-deploy and v1 files have both) into a
 * plain value plus the positions of every key and value (JSON-Pointer → span views). Objects inherit
 * nothing.
 */
function parseJsonc(text, lines, maxDepth = 64) {
    // jsonc-parser recurses per nesting level: refuse absurd depth before it can overflow the stack.
    const deep = firstTooDeep(text, maxDepth);
    if (deep !== -1) {
        const p = lines.position(deep);
        return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
    }
    const errors = [];
    const problems = [];
    // One pass over jsonc-parser's events builds the value and its positions (no syntax tree).
    const positions = new PositionBuilder();
    const stack = [];
    let root;
    let haveRoot = false;
    let firstKeyStart = -1;
    let firstKeyEnd = -1;
    let depthError = -1;
    let rootOffset = 0;
    /** Opens the node of the next value (a member of the current container, or the root). */
    const openValue = (offset) => {
        const top = stack[stack.length - 1];
        if (!top) {
            if (positions.count === 0)
                rootOffset = offset;
            return positions.open(-1, '', -1, -1);
        }
        if (top.arr)
            return positions.open(top.node, top.arr.length, -1, -1);
        return positions.open(top.node, top.key ?? '', top.keyStart, top.keyEnd);
    };
    const place = (value) => {
        const top = stack[stack.length - 1];
        if (!top) {
            if (!haveRoot) {
                root = value;
                haveRoot = true;
            }
        }
        else if (top.arr) {
            top.arr.push(value);
        }
        else if (top.obj && top.key !== undefined) {
            top.obj[top.key] = value;
            top.key = undefined;
        }
    };
    const tooDeep = (offset) => {
        if (stack.length > maxDepth && depthError === -1)
            depthError = offset;
        return depthError !== -1;
    };
    const begin = (offset, container) => {
        const node = openValue(offset);
        tooDeep(offset);
        stack.push({ node, start: offset, ...container, keyStart: -1, keyEnd: -1 });
    };
    const finish = (offset, length) => {
        const f = stack.pop();
        if (!f)
            return;
        positions.value(f.node, f.start, offset + length);
        positions.close(f.node);
        place(f.obj ?? f.arr);
    };
    (0,main.visit)(text, {
        onObjectBegin: (offset) => begin(offset, { obj: newMapping() }),
        onObjectEnd: finish,
        onArrayBegin: (offset) => begin(offset, { arr: [] }),
        onArrayEnd: finish,
        onObjectProperty: (key, offset, length) => {
            const top = stack[stack.length - 1];
            if (!top?.obj)
                return;
            if (stack.length === 1 && firstKeyStart === -1) {
                firstKeyStart = offset;
                firstKeyEnd = offset + length;
            }
            if (Object.hasOwn(top.obj, key) || top.key === key) {
                const prev = positions.lastChildWithKey(top.node, key);
                const here = lines.position(offset);
                problems.push({
                    message: `duplicate key "${key}" (first at line ${prev === -1 ? here.line : lines.lineOf(positions.keyStart(prev))}); Azure's loaders disagree on which value wins`,
                    line: here.line,
                    column: here.column,
                });
            }
            top.key = key;
            top.keyStart = offset;
            top.keyEnd = offset + length;
        },
        onLiteralValue: (value, offset, length) => {
            const node = openValue(offset);
            positions.value(node, offset, offset + length);
            positions.close(node);
            tooDeep(offset);
            place(value);
        },
        onError: (error, offset, length) => {
            errors.push({ error, offset, length });
        },
    }, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    if (errors.length > 0) {
        positions.release();
        const e = errors[0];
        const tpl = templateProblem(text, lines, e.offset, 'JSON parser', (0,main.printParseErrorCode)(e.error));
        if (tpl)
            return { docs: [], problems: [tpl] };
        const p = lines.position(e.offset);
        return { docs: [], problems: [{ message: `invalid JSON: ${jsonc_describe((0,main.printParseErrorCode)(e.error))}`, line: p.line, column: p.column, syntax: true }] };
    }
    if (depthError !== -1) {
        positions.release();
        const p = lines.position(depthError);
        return { docs: [], problems: [{ message: `JSON nested deeper than ${maxDepth} levels`, line: p.line, column: p.column }] };
    }
    if (!haveRoot) {
        positions.release();
        return { docs: [], problems };
    }
    const table = positions.finish(lines);
    const start = firstKeyStart >= 0 ? lines.span(firstKeyStart, firstKeyEnd) : lines.span(rootOffset, rootOffset + 1);
    return { docs: [new Doc(root, table, start, 0)], problems };
}
class DepthError extends Error {
    offset;
    constructor(offset) {
        super('too deep');
        this.offset = offset;
    }
}
function jsonc_describe(code) {
    const map = {
        InvalidSymbol: 'unexpected character',
        InvalidNumberFormat: 'malformed number',
        PropertyNameExpected: 'a property name (in double quotes) was expected',
        ValueExpected: 'a value was expected',
        ColonExpected: "':' was expected",
        CommaExpected: "',' was expected",
        CloseBraceExpected: "'}' was expected",
        CloseBracketExpected: "']' was expected",
        EndOfFileExpected: 'text after the end of the JSON value',
        InvalidCommentToken: 'malformed comment',
        UnexpectedEndOfComment: 'unterminated comment',
        UnexpectedEndOfString: 'unterminated string',
        UnexpectedEndOfNumber: 'malformed number',
        InvalidUnicode: 'invalid unicode escape',
        InvalidEscapeCharacter: 'invalid escape character',
        InvalidCharacter: 'invalid character in string',
    };
    return map[code] ?? code;
}
/** Offset of the first bracket deeper than `max` (outside strings and comments), or -1. */
function firstTooDeep(text, max) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            // string: skip to the closing quote
            for (i++; i < text.length; i++) {
                const d = text.charCodeAt(i);
                if (d === 0x5c)
                    i++;
                else if (d === 0x22 || d === 0x0a)
                    break;
            }
        }
        else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
            const nl = text.indexOf('\n', i);
            i = nl === -1 ? text.length : nl;
        }
        else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
            const end = text.indexOf('*/', i + 2);
            i = end === -1 ? text.length : end + 1;
        }
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                return i;
        }
        else if (c === 0x5d || c === 0x7d) {
            depth--;
        }
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/load/read.ts
// Reading one candidate file: bytes → text (encodings, BOM, NUL) → parsed documents with positions.
// Never throws: what cannot be read becomes a problem of the file (a `parse-error`).






const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files read with `defer` whose text is still to be parsed. */
const awaiting = new WeakSet();
/** True for a file read with `defer` that `parseLoaded` has not parsed yet. */
function awaitingParse(f) {
    return awaiting.has(f);
}
/** Parses a file read with `defer` (no-op for any other file). */
function parseLoaded(f) {
    if (awaiting.delete(f))
        parseText(f);
}
function parseText(base) {
    const text = base.text;
    if (text.trim() === '')
        return;
    const lines = new LineIndex(text);
    const r = base.syntax === 'json' ? parseJsonc(text, lines) : parseYaml(text, lines);
    base.docs = r.docs;
    base.problems = r.problems;
}
const read_decoder = new TextDecoder('utf-8', { fatal: true });
/** Files are read with one call into this buffer; parseBuffer never keeps a reference to it. */
const READ_AHEAD = 256 * 1024;
const readAhead = Buffer.allocUnsafeSlow(READ_AHEAD);
/** Files over the parse cap are still scanned for manifest words up to this size. */
const SCAN_MAX_BYTES = 64 * 1024 * 1024;
const SCAN_CHUNK = 1024 * 1024;
/** Chunks overlap so that a word split across two chunks is still seen. */
const SCAN_OVERLAP = 4096;
function scanLooksLikeManifest(fd, size, relPath, looksLikeManifest) {
    const buf = Buffer.alloc(SCAN_CHUNK + SCAN_OVERLAP);
    let carry = 0;
    for (let pos = 0; pos < size;) {
        const n = (0,external_node_fs_.readSync)(fd, buf, carry, SCAN_CHUNK, pos);
        if (n === 0)
            break;
        pos += n;
        const chunk = buf.subarray(0, carry + n);
        if (looksLikeManifest(relPath, chunk.toString('latin1')))
            return true;
        carry = Math.min(SCAN_OVERLAP, chunk.length);
        chunk.copy(buf, 0, chunk.length - carry);
    }
    return false;
}
/** Reads and parses one candidate. Returns null for files that are not manifests (pre-filter). Never throws. */
function loadCandidate(c, opts) {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    const looksLikeManifest = opts.prefilter;
    const syntax = /\.json$/i.test(c.path) ? 'json' : 'yaml';
    const file = (problems, size = 0) => ({
        path: c.path,
        abs: c.abs,
        text: '',
        syntax,
        size,
        docs: [],
        problems,
    });
    if (c.problem)
        return file([{ message: c.problem, line: 1, column: 1 }]);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(c.abs, 'r');
    }
    catch (err) {
        return file([{ message: `cannot read file: ${err.code ?? err.message}`, line: 1, column: 1 }]);
    }
    try {
        // One read into a reused buffer is the whole file for all but the rare file of READ_AHEAD bytes
        // or more; only those are measured (size cap, FIFO guard) and read in full.
        const n = (0,external_node_fs_.readSync)(fd, readAhead, 0, READ_AHEAD, 0);
        if (n < READ_AHEAD && n <= maxBytes)
            return parseBuffer(c, readAhead.subarray(0, n), opts.prefilter, syntax, opts.onText, opts.defer);
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            return null; // a FIFO or device named like a manifest: never block on it
        if (st.size > maxBytes) {
            // Only report files that look like manifests, wherever the words are: scan the whole file in
            // chunks (a key after megabytes of padding must not hide the file). Past the scan cap the gate
            // cannot look at all, and says so.
            if (st.size > SCAN_MAX_BYTES) {
                return file([
                    {
                        message: `file too large: ${st.size} bytes is over the ${maxBytes}-byte cap and the ${SCAN_MAX_BYTES}-byte scan cap, so the gate cannot check whether it is a manifest; exclude it in the config if it is not one`,
                        line: 1,
                        column: 1,
                    },
                ], st.size);
            }
            if (!scanLooksLikeManifest(fd, st.size, c.path, looksLikeManifest))
                return null;
            return file([{ message: `file too large: ${st.size} bytes is over the ${maxBytes}-byte cap; not read (raise the cap or exclude the file)`, line: 1, column: 1 }], st.size);
        }
        return parseBuffer(c, readOpen(fd, st.size), opts.prefilter, syntax, opts.onText, opts.defer);
    }
    catch (err) {
        return file([{ message: `cannot read file: ${err.code ?? err.message}`, line: 1, column: 1 }]);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Parses bytes already read (also the entry point for tests and the fuzzer). */
function parseBuffer(c, buf, looksLikeManifest, syntax = /\.json$/i.test(c.path) ? 'json' : 'yaml', onText, defer = false) {
    const base = { path: c.path, abs: c.abs, text: '', syntax, size: buf.length, docs: [], problems: [] };
    const utf32 = utf32Kind(buf);
    if (utf32) {
        // Python's json reads UTF-32 when it sees the byte order mark; nothing here gates it, so it is reported.
        if (!looksLikeManifest(c.path, decodeUtf32(buf, utf32)))
            return null;
        base.problems.push({
            message: `file is UTF-32 (${utf32 === 'le' ? 'little' : 'big'}-endian) encoded; the gate reads UTF-8 and UTF-16 only, so it cannot check it. Re-save it as UTF-8`,
            line: 1,
            column: 1,
        });
        return base;
    }
    const utf16 = utf16Kind(buf);
    if (utf16) {
        const decoded = utf16 === 'le' ? buf.subarray(2).toString('utf16le') : swap16(buf.subarray(2)).toString('utf16le');
        if (!looksLikeManifest(c.path, decoded))
            return null;
        base.problems.push({
            message: `file is UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) encoded; the Azure ML CLIs read UTF-8, so Azure cannot load it. Re-save it as UTF-8`,
            line: 1,
            column: 1,
        });
        return base;
    }
    const nul = buf.indexOf(0);
    let text;
    try {
        text = read_decoder.decode(buf);
    }
    catch {
        // Binary or not UTF-8: report only if the readable part looks like a manifest.
        const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
        const loose = buf.toString('latin1', hasBom ? 3 : 0);
        if (!looksLikeManifest(c.path, loose))
            return null;
        base.problems.push({ message: 'file is not valid UTF-8 text (binary or another encoding); not read', line: lineOfByte(buf, firstInvalidUtf8(buf)), column: 1 });
        return base;
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (onText && nul === -1)
        onText(c.path, text);
    if (!looksLikeManifest(c.path, text))
        return null;
    if (nul !== -1) {
        base.text = text;
        base.problems.push({ message: 'file contains NUL bytes (binary); not read', line: lineOfByte(buf, nul), column: 1 });
        return base;
    }
    base.text = text;
    if (defer)
        awaiting.add(base);
    else
        parseText(base);
    return base;
}
function firstInvalidUtf8(buf) {
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        try {
            read_decoder.decode(buf.subarray(0, mid));
            lo = mid + 1;
        }
        catch {
            hi = mid;
        }
    }
    return Math.max(0, lo - 4);
}
function lineOfByte(buf, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < buf.length; i++)
        if (buf[i] === 10)
            line++;
    return line;
}
/** Loads candidates in order; files the pre-filter rules out are left out. */
function loadAll(cands, opts) {
    const out = [];
    let n = 0;
    for (const c of cands) {
        // A young generation allowed to grow (core/heap.ts) is stopped at its cap.
        if ((++n & 63) === 0)
            (0,heap/* checkYoungGeneration */.ZB)();
        const f = loadCandidate(c, opts);
        if (f)
            out.push(f);
    }
    return out;
}
function utf32Kind(buf) {
    if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0)
        return 'le';
    if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff)
        return 'be';
    return undefined;
}
/** UTF-32 text as a string (for the pre-filter only). */
function decodeUtf32(buf, kind) {
    let out = '';
    for (let i = 4; i + 3 < buf.length; i += 4) {
        const cp = kind === 'le' ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return out;
}
function utf16Kind(buf) {
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
        return 'le';
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
        return 'be';
    return undefined;
}
function swap16(buf) {
    const out = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
    return out.swap16();
}

;// CONCATENATED MODULE: ./src/engine/needed.ts









/**
 * A pull-request run parses the changed files (and those a changed pipeline deploys), then, until
 * nothing new is needed, every file that can define what the parsed ones reference, reference what
 * the changed ones define, or share a folder or a model path with them (`needsOf`, `wanted`: tests
 * on the raw text that are a superset of what a parse finds). What stays unparsed cannot change a
 * verdict in the scope: `judge` over these files equals `judge` over the whole checkout kept to the
 * scope (tested exhaustively). Then the files that may hold a managed online deployment are parsed
 * for the quota alone: their manifests are returned and the files left unparsed for `judge`.
 */
function parseNeeded(root, files, config, deployed, seed, onParse) {
    const pending = new Set(files.filter(awaitingParse));
    const found = new Map();
    const facts = new Map();
    const above = ancestorsOf(seed);
    const local = (file, value) => modelLocalPath(resolveLocal(file, value));
    const parse = (f) => {
        pending.delete(f);
        parseLoaded(f);
        onParse?.(f.path);
        const m = withCommandValues(recognise(f, deployedAs(deployed, f.path)), deployed.get(f.path));
        if (m.length > 0)
            found.set(f, m);
        return m;
    };
    for (const f of files)
        if (seed.has(f.path) && pending.has(f))
            parse(f);
    for (;;) {
        const manifests = [];
        for (const f of files)
            for (const m of found.get(f) ?? [])
                manifests.push(m);
        const needs = needsOf(seed, above, buildInventory(root, [], manifests, normalise(manifests), config, deployed));
        const mentions = mentionTest(needs.mention);
        const next = [];
        for (const f of pending) {
            let t = facts.get(f);
            if (!t)
                facts.set(f, (t = textFacts(f.text)));
            if (wanted(f.path, t, needs, above, mentions, f.text, local))
                next.push(f);
        }
        if (next.length === 0)
            break;
        for (const f of next)
            parse(f);
    }
    const quota = [];
    for (const f of files) {
        if (!pending.has(f) || !(f.text.includes('instance_type') || (facts.get(f)?.mayHide ?? MAY_HIDE_WORDS.test(f.text))))
            continue;
        for (const m of parse(f))
            quota.push(m);
        f.docs = [];
        f.problems = [];
    }
    return quota;
}

;// CONCATENATED MODULE: ./src/inventory/rows.ts
function rows_round(n) {
    return Math.round(n * 1000) / 1000;
}
/** `fraud-detector:3`, `fraud-detector@latest` (SPEC §8); registry/ARM ids and local paths as written. */
function refLabel(ref) {
    if (ref.external || ref.path !== undefined || !/^azureml:/i.test(ref.raw))
        return ref.raw;
    return `${ref.name}${ref.version ? `:${ref.version}` : ''}${ref.label ? `@${ref.label}` : ''}`;
}
/** What the deployment really runs on: a batch deployment pointed at a compute instance runs on that instance. */
function runsOn(d) {
    if (d.mode === 'batch' && d.compute?.type === 'computeinstance')
        return 'compute-instance';
    if (d.mode === 'batch' && d.compute?.type === 'virtualmachine')
        return 'virtual-machine';
    if (d.mode === 'batch' && d.compute?.type === 'aks')
        return 'aks';
    return d.target;
}
function inventoryRow(d, skus) {
    const sku = d.target === 'managed-online' ? skus.get(d.instanceType?.value) : d.target === 'compute-cluster' ? skus.get(d.compute?.vmSize) : undefined;
    const model = d.modelRef
        ? refLabel(d.modelRef)
        : d.model
            ? [d.model.name, d.model.version].filter(Boolean).join(':') || d.model.localPath || null
            : null;
    const memoryGb = d.memoryGb?.value ??
        (d.requests?.memory ? rows_round(d.requests.memory.value / 2 ** 30) : undefined) ??
        (sku && sku.memoryGb > 0 ? sku.memoryGb : undefined) ??
        d.defaultMemory?.gb ??
        null;
    return {
        file: d.manifest.file.path,
        line: d.manifest.doc.start.line,
        kind: d.manifest.kind,
        name: d.name ?? d.endpointName ?? null,
        target: runsOn(d),
        stage: d.stage,
        stageSource: d.stageReason,
        mode: d.mode,
        instanceType: d.instanceType?.value ?? d.compute?.vmSize ?? null,
        instances: d.instanceCount?.value ?? d.replicas?.value ?? d.maxReplicas?.value ?? null,
        memoryGb,
        gpus: d.gpu?.value ?? sku?.gpus ?? null,
        model: model || null,
        modelSizeBytes: d.model?.sizeBytes ?? null,
        compute: d.computeRef?.raw ?? null,
        modelResolution: d.modelRef?.resolution ?? (d.model ? 'resolved' : null),
        computeResolution: d.computeRef?.resolution ?? null,
        deployedBy: d.deployedBy.map((e) => ({ ...e, overrides: { ...e.overrides } })),
    };
}
/** Deployments per endpoint name, counted once per deployment list (a row per endpoint stays O(1)). */
const countsByList = new WeakMap();
function deploymentsNaming(name, deployments) {
    let counts = countsByList.get(deployments);
    if (!counts) {
        counts = new Map();
        for (const d of deployments)
            if (d.endpointName !== undefined)
                counts.set(d.endpointName, (counts.get(d.endpointName) ?? 0) + 1);
        countsByList.set(deployments, counts);
    }
    return counts.get(name) ?? 0;
}
function endpointRow(e, deployments) {
    return {
        file: e.manifest.file.path,
        line: e.manifest.doc.start.line,
        kind: e.manifest.kind,
        name: e.name ?? null,
        compute: e.computeRef?.raw ?? null,
        computeResolution: e.computeRef?.resolution ?? null,
        deployments: e.name ? deploymentsNaming(e.name, deployments) : 0,
    };
}
/** Where a model or compute is defined: its manifest's file and line, or config (null). */
function origin(x) {
    return { file: x.manifest?.file.path ?? null, line: x.manifest?.doc.start.line ?? null, kind: x.manifest?.kind ?? 'config' };
}
/** The listed facts, each `null` when unknown. */
function facts(x, keys) {
    const out = {};
    for (const k of keys)
        out[k] = x[k] ?? null;
    return out;
}
function modelRow(m) {
    return { ...origin(m), ...facts(m, ['name', 'version', 'type', 'memoryGb', 'sizeBytes', 'accelerator', 'localPath']) };
}
function computeRow(c) {
    return { ...origin(c), name: c.name, type: c.type, ...facts(c, ['vmSize', 'nodes', 'minNodes', 'maxNodes', 'tier', 'purpose']) };
}
/** Rows with a file first (by file and line), then those declared in config (by name). */
function compareAssetRows(a, b) {
    if (a.file !== b.file)
        return a.file === null ? 1 : b.file === null ? -1 : a.file < b.file ? -1 : 1;
    return (a.line ?? 0) - (b.line ?? 0) || String(a.name).localeCompare(String(b.name));
}
function compareRows(a, b) {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

;// CONCATENATED MODULE: ./src/load/files.ts
// Which files a run reads: a walk of the checkout, links never followed out of it.



/** Folder links followed in one walk, at most (a farm of links must not make the walk explode). */
const MAX_LINKED_FOLDERS = 1000;
/**
 * `path.join(dir, rel)` for an absolute, normalised `dir` and a `rel` made of names a folder listing
 * returned (never empty, `.` or `..`): the same string without normalising it again (path.join's
 * normalisation allocated more than the rest of the walk).
 */
function under(dir, rel) {
    if (external_node_path_.sep !== '/')
        return external_node_path_.join(dir, rel);
    return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}
function toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}
/**
 * Lists candidate files under root (links are not followed out of the workspace, link loops cannot
 * occur). Synchronous I/O on purpose: one thread-pool round trip per call costs more than the call.
 */
function files_walk(opts) {
    const root = external_node_path_.resolve(opts.root);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const exclude = [...opts.exclude];
    // Azure's CLIs load a manifest whatever the case of its extension (`deploy.YML`). `s`: a path with a
    // line break (a folder name the PR author chose) is matched like any other (picomatch's `flags`
    // replaces `nocase`, hence `i`).
    const isIncluded = picomatch_default()([...opts.include], { dot: true, flags: 'si' });
    const isExcluded = picomatch_default()(exclude, { dot: true, flags: 's' });
    const prune = exclude.filter((g) => g.endsWith('/**')).map((g) => picomatch_default()(g.slice(0, -3), { dot: true, flags: 's' }));
    const onFile = opts.onFile;
    const only = (opts.paths ?? []).map((p) => toPosix(p).replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
    const inScope = (rel) => only.length === 0 || only.some((p) => rel === p || rel.startsWith(p + '/'));
    const underScope = (relDir) => only.length === 0 || only.some((p) => p === relDir || p.startsWith(relDir + '/') || relDir.startsWith(p + '/'));
    const out = [];
    const inside = (real) => real === realRoot || real.startsWith(realRoot + external_node_path_.sep);
    // A folder link inside the workspace is walked (a pipeline may deploy `deploy/prod/x.yml` through it);
    // `real` is the folder's real path; a link to it or to a folder above it is a loop and is not followed;
    // `chain` holds the link targets above, so a ring of links ends; `linked` bounds how many links are followed.
    const stack = [{ rel: '', real: realRoot, chain: new Set([realRoot]) }];
    let linked = 0;
    while (stack.length > 0) {
        const { rel: relDir, real: realDir, chain } = stack.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(relDir === '' ? root : `${root}/${relDir}`, { withFileTypes: true });
        }
        catch {
            continue;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const ent of entries) {
            const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
            if (ent.isDirectory()) {
                if (prune.some((m) => m(rel)) || !underScope(rel))
                    continue;
                stack.push({ rel, real: under(realDir, ent.name), chain });
                continue;
            }
            if (!ent.isFile() && !ent.isSymbolicLink())
                continue;
            const abs = under(root, rel);
            let real;
            let isDir = false;
            let isFile = false;
            if (ent.isSymbolicLink()) {
                try {
                    real = (0,external_node_fs_.realpathSync)(abs);
                    // What a link outside points at is none of the gate's business: not even its type is looked at.
                    if (inside(real)) {
                        const st = (0,external_node_fs_.statSync)(real);
                        isDir = st.isDirectory();
                        isFile = st.isFile();
                    }
                }
                catch {
                    real = undefined;
                }
                if (isDir && real !== undefined) {
                    const above = realDir === real || realDir.startsWith(real + external_node_path_.sep);
                    if (!inside(real) || above || chain.has(real) || prune.some((m) => m(rel)) || !underScope(rel))
                        continue;
                    if (++linked > MAX_LINKED_FOLDERS) {
                        out.push({ path: rel, abs, problem: `more than ${MAX_LINKED_FOLDERS} linked folders in the workspace; the files under this one were not read` });
                        continue;
                    }
                    stack.push({ rel, real, chain: new Set([...chain, real]) });
                    continue;
                }
            }
            const excluded = isExcluded(rel);
            const included = inScope(rel) && isIncluded(rel) && !excluded;
            if (!included && !onFile)
                continue;
            if (ent.isSymbolicLink()) {
                if (real === undefined) {
                    if (included)
                        out.push({ path: rel, abs, problem: 'symbolic link that cannot be resolved (dangling or a loop); not read' });
                    continue;
                }
                if (!inside(real)) {
                    if (included)
                        out.push({ path: rel, abs, problem: 'symbolic link pointing outside the workspace; not read' });
                    continue;
                }
                // A link to a FIFO or a device named like a manifest: never open it (it could block the run).
                if (!isFile)
                    continue;
            }
            onFile?.(rel, abs, excluded);
            if (included)
                out.push({ path: rel, abs });
        }
    }
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
}

;// CONCATENATED MODULE: ./src/policy/suppress/inline.ts

const SUPPRESSION_MARKER = 'model-deploy-gate:';
const MARKER = SUPPRESSION_MARKER;
const SYNTAX = '# model-deploy-gate: ignore <rule-id>[,<rule-id>] -- <reason>';
/**
 * The directives of one file, and what is wrong with the ones that are not honoured.
 * `unsuppressible` rules are refused (their findings say the gate could not look or its own rules broke).
 */
function scanDirectives(file, known, unsuppressible) {
    const problems = [];
    const directives = file.syntax === 'yaml' ? scanYaml(file, known, unsuppressible, problems) : scanJson(file, problems);
    return { directives, problems };
}
function scanYaml(file, known, unsuppressible, problems) {
    const lines = file.text.split('\n');
    const out = [];
    for (const c of comments(lines, /#/g)) {
        // A `#` inside a quoted or block scalar is data, not a comment.
        if (insideScalar(file, c.index + 1, c.column))
            continue;
        const span = { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 };
        const bad = (message) => problems.push({ span, message });
        const m = /^ignore(?:\s+|$)(.*)$/.exec(c.body);
        if (!m) {
            bad(`Unknown model-deploy-gate directive "${c.body.split(/\s/)[0] ?? ''}": write \`${SYNTAX}\``);
            continue;
        }
        const sep = m[1].indexOf('--');
        const idsPart = sep === -1 ? m[1] : m[1].slice(0, sep);
        const reason = sep === -1 ? '' : m[1].slice(sep + 2).trim();
        const ids = idsPart.split(/[\s,]+/).filter(Boolean);
        if (ids.length === 0) {
            bad(`Inline suppression names no rule, so it suppresses nothing: write \`${SYNTAX}\``);
            continue;
        }
        if (reason === '') {
            bad(`Inline suppression of ${ids.join(', ')} has no reason, so it is not honoured: add one after " -- ", e.g. ` +
                `\`# model-deploy-gate: ignore ${ids.join(',')} -- <why this is acceptable, ticket>\``);
            continue;
        }
        const valid = new Set();
        for (const id of ids) {
            if (unsuppressible.has(id)) {
                bad(`\`${id}\` cannot be suppressed inline: fix the cause (an expired waiver must be renewed or removed in the config; a broken suppression must be corrected)`);
            }
            else if (!known.has(id)) {
                const near = nearest(id, [...known]);
                bad(`Inline suppression names an unknown rule id "${id}", so it suppresses nothing: ` +
                    (near ? `did you mean "${near}"?` : 'use a rule id that `model-deploy-gate --list-rules` lists'));
            }
            else {
                valid.add(id);
            }
        }
        if (valid.size === 0)
            continue;
        out.push({ target: c.ownLine ? nextCodeLine(lines, c.index) : c.index + 1, ids: valid, reason });
    }
    return out;
}
/** JSON has no place for these comments (SPEC §5: JSON uses waivers): say so instead of silently ignoring them. */
function scanJson(file, problems) {
    const lines = file.text.split('\n');
    for (const c of comments(lines, /\/\/|\/\*|#/g)) {
        if (!/^ignore\b/.test(c.body))
            continue;
        problems.push({
            message: 'Inline suppressions are honoured in YAML files only: for a JSON file add a waiver to the config ' +
                '(`waivers:` with rule, path, reason, owner and expires)',
            span: { line: c.index + 1, column: c.column, endLine: c.index + 1, endColumn: c.lineLength + 1 },
        });
    }
    return [];
}
/** Lines holding `<comment-start> model-deploy-gate: …` where the comment start begins a line or follows whitespace. */
function* comments(lines, starts) {
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        const at = line.indexOf(MARKER);
        if (at === -1)
            continue;
        starts.lastIndex = 0;
        let m;
        while ((m = starts.exec(line)) !== null && m.index < at) {
            const before = line.slice(0, m.index);
            const between = line.slice(m.index + m[0].length, at);
            if ((before === '' || /\s$/.test(before)) && /^[\s*]*$/.test(between)) {
                yield {
                    index: i,
                    column: m.index + 1,
                    body: line.slice(at + MARKER.length).replace(/\*\/\s*$/, '').trim(),
                    ownLine: before.trim() === '',
                    lineLength: line.length,
                };
                break;
            }
        }
    }
}
/** An own-line directive applies to the next line that is not a comment (stacked directives share it). */
function nextCodeLine(lines, index) {
    let j = index + 1;
    while (j < lines.length && /^\s*#/.test(lines[j]))
        j++;
    return j + 1;
}
function insideScalar(file, line, column) {
    for (const doc of file.docs) {
        for (const s of doc.values.values()) {
            if (line < s.line || line > s.endLine)
                continue;
            const afterStart = line > s.line || column > s.column;
            const beforeEnd = line < s.endLine || column < s.endColumn;
            if (afterStart && beforeEnd)
                return true;
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./src/policy/suppress/waivers.ts
// Config waivers (SPEC §5): accepted findings by rule and path, each with a reason, an owner and an
// expiry date. An expired waiver stops waiving; its findings come back and it is itself reported.



/** Days before expiry from which a waiver in force is flagged in the reports. */
const EXPIRING_SOON_DAYS = 30;
/** YYYY-MM-DD of a date in UTC. */
function utcDay(d) {
    return d.toISOString().slice(0, 10);
}
function waiverEntries(config, now) {
    const today = utcDay(now);
    return config.waivers.map((w) => ({
        waiver: w,
        expired: w.expires < today,
        matches: picomatch_default()(w.path.replace(/^\.\//, ''), { dot: true, flags: 's' }),
        matched: 0,
    }));
}
/** The waiver in force for a finding, if any; an expired waiver that matches counts what came back. */
function waiverFor(entries, f) {
    const matching = entries.filter((e) => e.waiver.rule === f.ruleId && e.matches(f.file));
    const inForce = matching.find((e) => !e.expired);
    if (inForce)
        inForce.matched++;
    else
        for (const e of matching)
            e.matched++;
    return inForce;
}
function inForce(entries, now) {
    const soon = utcDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + EXPIRING_SOON_DAYS)));
    return entries
        .filter((e) => !e.expired)
        .map((e) => ({
        rule: e.waiver.rule,
        path: e.waiver.path,
        reason: e.waiver.reason,
        owner: e.waiver.owner,
        expires: e.waiver.expires,
        expiringSoon: e.waiver.expires <= soon,
        matched: e.matched,
    }));
}
/** Where and what a `waiver-expired` finding says: the first line of the waiver entry in the config file. */
function expiredWaiver(config, e) {
    const w = e.waiver;
    const file = config.source?.path ?? CONFIG_FILES[0];
    const doc = config.source?.doc;
    const item = doc?.values.get(`/waivers/${w.index}`);
    const key = doc?.keys.get(`/waivers/${w.index}/rule`);
    const span = item
        ? { line: item.line, column: item.column, endLine: item.line, endColumn: key && key.line === item.line ? key.endColumn : item.column + 1 }
        : { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const what = `Waiver for ${w.rule} on "${w.path}" (owner ${w.owner}) expired on ${w.expires}`;
    const waived = e.matched === 1 ? 'the finding it waived counts' : `the ${plural(e.matched, 'finding')} it waived count`;
    return {
        file,
        span,
        message: e.matched === 0
            ? `${what} and matches no finding now: delete it.`
            : `${what}, so ${waived} again: fix ${e.matched === 1 ? 'it' : 'them'} and delete the waiver, or renew it with a new \`expires\` date if the reason still holds.`,
    };
}

;// CONCATENATED MODULE: ./src/policy/suppress/apply.ts


const INVALID_SUPPRESSION = 'invalid-suppression';
const WAIVER_EXPIRED = 'waiver-expired';
/**
 * The suppression machinery cannot silence itself: an inline comment (or a waiver) for an
 * expired waiver would defeat the expiry, one for a broken suppression would hide the breakage;
 * nor can a rule that says the gate could not look.
 */
function unsuppressible(registry) {
    return new Set([INVALID_SUPPRESSION, WAIVER_EXPIRED, ...registry.rules.filter((r) => r.unsilenceable).map((r) => r.id)]);
}
/**
 * Returns the findings (copies; suppressed ones marked, none removed) followed by the
 * `invalid-suppression` and `waiver-expired` findings it produced (unsorted), and the waivers in force.
 */
function applySuppressions(findings, files, config, now, registry) {
    const extra = [];
    const known = new Set(registry.rules.map((r) => r.id));
    const never = unsuppressible(registry);
    // Inline directives, by file then target line.
    const directives = new Map();
    for (const file of files) {
        if (!file.text.includes(SUPPRESSION_MARKER))
            continue;
        const found = scanDirectives(file, known, never);
        for (const p of found.problems) {
            const f = registry.make(INVALID_SUPPRESSION, file.path, p.span, p.message);
            if (f)
                extra.push(f);
        }
        if (found.directives.length === 0)
            continue;
        const byLine = new Map();
        for (const d of found.directives) {
            const list = byLine.get(d.target) ?? [];
            list.push(d);
            byLine.set(d.target, list);
        }
        directives.set(file.path, byLine);
    }
    const out = findings.map((f) => {
        if (f.suppressed || never.has(f.ruleId))
            return f;
        const d = directives.get(f.file)?.get(f.line)?.find((x) => x.ids.has(f.ruleId));
        return d ? { ...f, suppressed: { by: 'inline', reason: d.reason } } : f;
    });
    // Waivers: the first matching waiver in force suppresses; expired ones only count what came back.
    const entries = waiverEntries(config, now);
    for (let i = 0; i < out.length; i++) {
        const f = out[i];
        if (f.suppressed || never.has(f.ruleId))
            continue;
        const w = waiverFor(entries, f);
        if (w)
            out[i] = { ...f, suppressed: { by: 'waiver', reason: w.waiver.reason, owner: w.waiver.owner, expires: w.waiver.expires } };
    }
    for (const e of entries) {
        if (!e.expired)
            continue;
        const x = expiredWaiver(config, e);
        const f = registry.make(WAIVER_EXPIRED, x.file, x.span, x.message);
        if (f)
            extra.push(f);
    }
    return { findings: [...out, ...extra], waivers: inForce(entries, now) };
}


;// CONCATENATED MODULE: ./src/engine.ts
// The one function both entry points call: config → load → formats → inventory → policy → Result.
// On a pull request the policy is the base branch's; a config the PR changes is evaluated too and
// compared (policy-change).
























/** The young generation's cap during a full audit's read (both semi-spaces, MiB). */
const YOUNG_GENERATION_MIB = 16;
const engine_RULE_IDS = ALL_RULES.map((r) => r.id);
function engine_evaluate(opts) {
    const prepared = prepare(opts);
    if (!prepared.ok)
        return prepared;
    const { root, config, meta } = prepared;
    const result = finish(read(root, config, opts, meta, opts.changed !== undefined), config, opts, meta);
    return { ok: true, result: withPolicyChange(root, config, opts, meta, result) };
}
/**
 * `evaluate` for a changed-file list that is still being computed: the CLI's git calls run while the
 * checkout is walked and read. A failure of `changed` wins over config problems, as if it ran first.
 */
async function evaluateAsync(opts, changed) {
    const prepared = prepare(opts);
    if (!prepared.ok) {
        await changed;
        return prepared;
    }
    const { root, config, meta } = prepared;
    const state = read(root, config, opts, meta, true);
    const all = { ...opts, changed: await changed };
    const result = finish(state, config, all, meta);
    return { ok: true, result: withPolicyChange(root, config, all, meta, result) };
}
function prepare(opts) {
    const root = external_node_path_.resolve(opts.root);
    let config = opts.config;
    const policy = opts.policy;
    if (!config) {
        let source;
        if (policy)
            source = policy.source;
        else {
            const found = readConfigSource(root, opts.configPath);
            if (!found.ok)
                return found;
            source = found.source;
        }
        const loaded = configFrom(source, engine_RULE_IDS);
        if (!loaded.ok)
            return loaded;
        config = loaded.config;
    }
    if (opts.defaultStage)
        config = { ...config, defaultStage: opts.defaultStage };
    const change = configChange(policy);
    const meta = { from: policy?.from ?? 'checkout', commit: policy?.commit, note: policy?.note, changed: change.changed, changedPath: change.path, deleted: change.deleted };
    return { ok: true, root, config, meta };
}
/** A pull request that changes the base branch's policy is also judged by its own (policy-change). */
function withPolicyChange(root, config, opts, meta, result) {
    const policy = opts.policy;
    if (policy?.from === 'base' && meta.changed) {
        const full = (next) => finish(read(root, next, opts, { from: 'head', changed: true }, false), next, { ...opts, changed: undefined }, { from: 'head', changed: true });
        addPolicyChange(config, policy, opts, meta, result, full);
    }
    return result;
}
function read(root, config, opts, meta, diffAware) {
    // Files kept out by the config's own excludes are counted (SPEC §5: always reported), so the walk
    // applies only the built-in excludes and the config's are applied here.
    const extra = extraExcludes(config);
    const isExcluded = extra.length ? picomatch_default()(extra, { dot: true, flags: 's' }) : () => false;
    // Pipelines are read wherever the built-in excludes let the walk go, also under the config's own
    // excludes: they say which stage a file is deployed to, they are not gated themselves.
    const pipelines = new PipelineCollector();
    let candidates = files_walk({ root, include: config.include, exclude: extra.length ? BUILTIN_EXCLUDES : config.exclude, onFile: pipelines.onFile });
    let excludedFiles = 0;
    if (extra.length) {
        const before = candidates.length;
        candidates = candidates.filter((c) => !isExcluded(c.path));
        excludedFiles = before - candidates.length;
    }
    const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    // A diff-aware run reads and pre-filters the whole checkout, and may then parse only what the
    // changed files need (finish). Not when the whole checkout is gated anyway (a changed policy),
    // when waivers count their findings over it, or when `--fix` gates its edits in memory.
    const defer = diffAware && !opts.exhaustive && !opts.overlay && !meta.changed && config.waivers.length === 0;
    // A full audit keeps every parsed document until the report: a larger young generation copies
    // them fewer times (core/heap.ts). A pull-request run keeps only texts and gains nothing from it.
    if (!defer)
        (0,heap/* growYoungGeneration */.mC)(YOUNG_GENERATION_MIB);
    const loaded = loadAll(candidates, { prefilter: looksLikeManifest, maxBytes, onText: pipelines.onText, defer });
    pipelines.readRest();
    const deployed = pipelines.deployed();
    // A file a pipeline deploys is gated whatever its name or content looks like (`deploy.yml.j2`, a
    // file the pre-filter passed over): Azure loads it. The config's excludes still hold.
    const have = new Set(loaded.map((f) => f.path));
    for (const rel of deployed.keys()) {
        if (have.has(rel) || isExcluded(rel))
            continue;
        const f = loadCandidate({ path: rel, abs: external_node_path_.join(root, rel) }, { prefilter: () => true, maxBytes, defer });
        if (f)
            loaded.push(f);
    }
    // `--fix` gates its edited texts in memory.
    const overlay = opts.overlay;
    const files = overlay
        ? loaded.map((f) => {
            const text = overlay.get(f.path);
            return text === undefined ? f : (parseBuffer({ path: f.path, abs: f.abs }, Buffer.from(text, 'utf8'), looksLikeManifest) ?? f);
        })
        : loaded;
    return { root, candidates: candidates.length, files, excludedFiles, deployed, pipelines: pipelines.sources.map((s) => s.path), deferred: defer };
}
function finish(state, config, opts, meta) {
    const { root, files, deployed, pipelines } = state;
    const input = { candidates: state.candidates, files, excludedFiles: state.excludedFiles, deployed, pipelines };
    if (state.deferred) {
        // The whole checkout is gated when the changed files include the config (judge says so).
        const configPath = config.source?.path;
        const changed = opts.changed;
        if (changed && (configPath === undefined || !changed.includes(configPath))) {
            // Files deployed with values on the command line are parsed as if changed: a name the command
            // line gives is in no file's text, so no text test could find what it defines or references.
            const seed = new Set([...changed, ...deployedBy(changed, deployed, pipelines), ...withLiteralCommandValues(deployed)]);
            input.quotaManifests = parseNeeded(root, files, config, deployed, seed, opts.onParse);
        }
        else {
            for (const f of files)
                parseLoaded(f);
        }
    }
    return engine_judge(root, input, config, opts, meta);
}
/** The files a step deploys with a literal value on the command line. */
function withLiteralCommandValues(deployed) {
    const out = [];
    for (const [rel, list] of deployed)
        if (list.some((e) => commandValuesOf(e).length > 0))
            out.push(rel);
    return out;
}
/**
 * The files whose stage a change to pipelines may change: those a changed workflow or Azure DevOps
 * pipeline deploys; every deployed file when a changed file is a template, variable file or script
 * (the evidence names only the top pipeline).
 */
function deployedBy(changed, deployed, pipelines) {
    const sources = new Set(pipelines);
    const touched = changed.filter((p) => sources.has(p));
    if (touched.length === 0)
        return [];
    const top = new Set();
    for (const list of deployed.values())
        for (const e of list)
            top.add(e.pipeline);
    const changedSet = new Set(touched);
    if (touched.some((p) => !top.has(p)))
        return [...deployed.keys()];
    return [...deployed].filter(([, list]) => list.some((e) => changedSet.has(e.pipeline))).map(([rel]) => rel);
}
/**
 * Everything after reading: recognition, inventory, rules, suppressions, scope. Exported for the
 * in-memory test harness, which feeds it files that never touch the disk.
 */
function engine_judge(root, input, config, opts, meta = { from: opts.policy?.from ?? 'checkout', changed: false }) {
    const { candidates, files } = input;
    const excludedFiles = input.excludedFiles ?? 0;
    const deployed = input.deployed ?? new Map();
    const registry = new Registry(ALL_RULES, config);
    const findings = [];
    for (const f of files) {
        // A syntax error in an Azure ML asset the gate does not judge (a pipeline job, a component) is
        // visible but not an error: Azure's own loader stops at it too, so nothing it deploys is hidden.
        // Unless a pipeline deploys the file: then it is what Azure gets.
        const deployer = firstDeployer(deployed, f.path);
        const outOfScope = !deployer && f.problems.every((p) => p.syntax) ? outOfScopeAsset(f.text) : undefined;
        for (const p of f.problems) {
            const span = { line: p.line, column: p.column, endLine: p.line, endColumn: p.column };
            const message = outOfScope
                ? `${p.message}. The file looks like an Azure ML ${outOfScope}, which the gate does not gate, so this is a notice`
                : deployer
                    ? `${p.message} (${deployer})`
                    : p.message;
            const finding = registry.make('parse-error', f.path, span, message, outOfScope ? 'notice' : undefined);
            if (finding)
                findings.push(finding);
        }
    }
    const manifests = [];
    for (const f of files) {
        const found = recognise(f, deployedAs(deployed, f.path));
        // What Azure gets: the command line's values over the file's (one variant per distinct set).
        manifests.push(...withCommandValues(found, deployed.get(f.path)));
        const deployer = found.length === 0 && f.problems.length === 0 ? firstDeployer(deployed, f.path) : undefined;
        if (deployer) {
            // Deployed, yet nothing in it Azure could load: the gate cannot check what Azure will do with it.
            const at = f.docs[0]?.start ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
            const finding = registry.make('parse-error', f.path, at, `${deployer}, but the file holds no YAML or JSON mapping the Azure ML CLI could load, so the gate cannot check it. Fix: deploy a rendered manifest`);
            if (finding)
                findings.push(finding);
        }
        // Keep memory flat on large repos: parsed documents that are not manifests, and texts without an
        // inline suppression, are not needed past this point (manifest texts stay until the rules have
        // made their fixes: a fix is an edit of the text).
        if (found.length === 0)
            f.docs = [];
        if (found.length === 0 && !f.text.includes(SUPPRESSION_MARKER))
            f.text = '';
    }
    const inventory = buildInventory(root, files, manifests, normalise(manifests), config, deployed);
    if (input.quotaManifests)
        inventory.quotaPool = [...inventory.deployments, ...normalise(input.quotaManifests).deployments];
    const skus = new SkuCatalog(config.skus);
    const ruleRun = registry.run(inventory, skus, opts.now ?? new Date());
    findings.push(...ruleRun.findings);
    for (const f of files)
        if (!f.text.includes(SUPPRESSION_MARKER))
            f.text = '';
    const suppressed = applySuppressions(findings, files, config, opts.now ?? new Date(), registry);
    // A suppressed or waived finding is accepted as it is: it offers no fix.
    let all = suppressed.findings.map(({ fix, ...f }) => (fix && !f.suppressed ? { ...f, fix } : f));
    // Scope: a diff-aware run keeps findings of changed files and of the manifests that depend on them.
    let deployments = inventory.deployments;
    let inScopeFiles = files;
    // A changed config file changes every verdict: the run gates everything (SPEC §6). So does a
    // config the pull request adds, changes or deletes (the action compares the base and head texts).
    const configPath = config.source?.path;
    const listed = opts.changed !== undefined && configPath !== undefined && opts.changed.includes(configPath);
    const changed = opts.changed && (listed || meta.changed) ? undefined : opts.changed;
    const changedConfig = (listed ? configPath : meta.changedPath) ?? configPath ?? 'file';
    const scopeReason = changed === opts.changed
        ? opts.scopeReason
        : `${opts.scopeReason}; the config ${changedConfig} ${meta.deleted ? 'is deleted' : 'changed'}, so everything is gated`;
    const keepConfigFinding = (f) => (f.ruleId === 'waiver-expired' && f.file === configPath) || f.ruleId === POLICY_CHANGE;
    if (changed) {
        const scope = dependents(new Set([...changed, ...deployedBy(changed, deployed, input.pipelines ?? [])]), inventory);
        all = all.filter((f) => scope.has(f.file) || keepConfigFinding(f));
        deployments = deployments.filter((d) => scope.has(d.manifest.file.path));
        inScopeFiles = files.filter((f) => scope.has(f.path));
    }
    // `.` or the root itself selects everything.
    const only = (opts.paths ?? []).filter((p) => p !== '' && p !== '.');
    if (only.length > 0) {
        const wanted = (p) => only.some((x) => p === x || p.startsWith(`${x}/`));
        all = all.filter((f) => wanted(f.file) || keepConfigFinding(f));
        deployments = deployments.filter((d) => wanted(d.manifest.file.path));
        inScopeFiles = inScopeFiles.filter((f) => wanted(f.path));
    }
    const inScopeFileSet = new Set(inScopeFiles);
    const inScopePaths = new Set(inScopeFiles.map((f) => f.path));
    const deploymentFiles = new Set(deployments.map((d) => d.manifest.file.path));
    all.sort(compareFindings);
    const narrowed = changed !== undefined || only.length > 0;
    return {
        version: 1,
        tool: { name: 'model-deploy-gate', version: VERSION },
        scope: {
            mode: changed ? 'changed' : 'all',
            reason: scopeReason,
            filesScanned: inScopeFiles.length,
            // Documents, not the variants a command line makes of them.
            manifests: new Set((narrowed ? inventory.manifests.filter((m) => inScopeFileSet.has(m.file)) : inventory.manifests).map((m) => m.doc)).size,
            candidates,
            prefiltered: candidates - files.length,
        },
        summary: summarise(all, opts.failOn),
        findings: all,
        inventory: deployments.map((d) => inventoryRow(d, skus)).sort(compareRows),
        endpoints: inventory.endpoints
            .filter((e) => !narrowed || inScopePaths.has(e.manifest.file.path))
            .map((e) => endpointRow(e, inventory.deployments))
            .sort(compareAssetRows),
        models: inventory.models.filter((m) => !narrowed || !m.manifest || inScopePaths.has(m.manifest.file.path)).map(modelRow).sort(compareAssetRows),
        computes: inventory.computes.filter((c) => !narrowed || !c.manifest || inScopePaths.has(c.manifest.file.path)).map(computeRow).sort(compareAssetRows),
        skipped: ruleRun.skipped.filter((s) => !narrowed || deploymentFiles.has(s.file)),
        waivers: suppressed.waivers,
        failOn: opts.failOn,
        quota: quotaNeeds(inventory.quotaPool ?? inventory.deployments, skus, config.quota),
        policy: policyInfo(config, meta, excludedFiles, suppressed.waivers.length, opts.now ?? new Date()),
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts
/**
 * The report object with a fixed key order (objects are rebuilt field by field, so extra
 * properties a caller may have attached never leak and diffs between runs stay minimal).
 */
function toJsonReport(result) {
    return {
        version: 1,
        tool: { name: result.tool.name, version: result.tool.version },
        scope: {
            mode: result.scope.mode,
            reason: result.scope.reason,
            filesScanned: result.scope.filesScanned,
            manifests: result.scope.manifests,
            ...(result.scope.candidates !== undefined ? { candidates: result.scope.candidates } : {}),
            ...(result.scope.prefiltered !== undefined ? { prefiltered: result.scope.prefiltered } : {}),
        },
        summary: {
            result: result.summary.result,
            errors: result.summary.errors,
            warnings: result.summary.warnings,
            notices: result.summary.notices,
            suppressed: result.summary.suppressed,
        },
        findings: result.findings.map(finding),
        inventory: result.inventory.map(json_row),
        endpoints: result.endpoints.map((e) => ({ ...e })),
        models: result.models.map((m) => ({ ...m })),
        computes: result.computes.map((c) => ({ ...c })),
        skipped: result.skipped.map((s) => ({ file: s.file, rules: [...s.rules], why: s.why })),
        waivers: result.waivers.map((w) => ({
            rule: w.rule,
            path: w.path,
            reason: w.reason,
            owner: w.owner,
            expires: w.expires,
            expiringSoon: w.expiringSoon,
            matched: w.matched,
        })),
        ...(result.quota && result.quota.length > 0 ? { quota: result.quota.map(quota) } : {}),
        ...(result.policy ? { policy: policy(result.policy) } : {}),
    };
}
/** The policy that judged the run: always in the report (SPEC §6), so nothing it silences is invisible. */
function policy(p) {
    const out = {
        from: p.from,
        file: p.file,
        ...(p.commit !== undefined ? { commit: p.commit } : {}),
        off: [...p.off],
        lowered: p.lowered.map((l) => ({ rule: l.rule, from: l.from, to: l.to })),
        limits: p.limits.map((l) => ({ limit: l.limit, value: l.value, default: l.default })),
        defaultStage: p.defaultStage,
        excluded: { patterns: [...p.excluded.patterns], files: p.excluded.files },
        waivers: { inForce: p.waivers.inForce, expired: p.waivers.expired },
    };
    if (p.note !== undefined)
        out.note = p.note;
    if (p.change)
        out.change = change(p.change);
    return out;
}
function change(c) {
    const out = { file: c.file, kind: c.kind, relaxes: [...c.relaxes], other: [...c.other], hidden: c.hidden };
    if (c.wouldResult !== undefined)
        out.wouldResult = c.wouldResult;
    if (c.invalid !== undefined)
        out.invalid = c.invalid;
    return out;
}
/** The JSON report as text (2-space indent, trailing newline). */
function renderJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
/** The members of `o` named by `keys`, in that order (the report's documented key order). */
function json_pick(o, keys) {
    const out = {};
    for (const k of keys)
        out[k] = o[k];
    return out;
}
const FINDING_KEYS = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'helpUri'];
function finding(f) {
    return {
        ...json_pick(f, FINDING_KEYS),
        suppressed: f.suppressed ? suppression(f.suppressed) : null,
        ...(f.fix ? { fix: json_fixOf(f.fix) } : {}),
    };
}
function json_fixOf(x) {
    return {
        description: x.description,
        ...(x.file !== undefined ? { file: x.file } : {}),
        edits: x.edits.map((e) => ({ start: e.start, end: e.end, text: e.text, ...(e.span ? { span: { ...e.span } } : {}) })),
    };
}
function quota(q) {
    return { family: q.family, vcpus: q.vcpus, ...(q.quota !== undefined ? { quota: q.quota } : {}), deployments: q.deployments.map((d) => ({ ...d })) };
}
function suppression(s) {
    const out = { by: s.by, reason: s.reason };
    if (s.owner !== undefined)
        out.owner = s.owner;
    if (s.expires !== undefined)
        out.expires = s.expires;
    return out;
}
const ROW_KEYS = [
    'file', 'line', 'kind', 'name', 'target', 'stage', 'stageSource', 'mode', 'instanceType', 'instances', 'memoryGb', 'gpus',
    'model', 'modelSizeBytes', 'compute', 'modelResolution', 'computeResolution',
];
const DEPLOYED_BY_KEYS = ['pipeline', 'line', 'command', 'stage', 'reason'];
function json_row(r) {
    return { ...json_pick(r, ROW_KEYS), deployedBy: r.deployedBy.map((e) => ({ ...json_pick(e, DEPLOYED_BY_KEYS), overrides: { ...e.overrides } })) };
}

;// CONCATENATED MODULE: ./src/core/github-limits.ts
// GitHub's documented size limits, in one place (the reports and the action both keep within them).
/** Job summary per step: bytes (the runner drops a larger one entirely). */
const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** Check run `output.summary` and `output.text`: characters. */
const CHECK_SUMMARY_MAX_CHARS = 65_535;
/** Issue/PR comment body: characters. */
const COMMENT_MAX_CHARS = 65_536;
/** Check run annotations per create/update request. */
const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/** Check run annotation `message` and `raw_details`: bytes. */
const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;
/** Check run annotation `title`: characters. */
const ANNOTATION_TITLE_MAX_CHARS = 255;
/** Workflow-command annotations GitHub shows per step and per level. */
const ANNOTATIONS_PER_STEP = 10;
/** GitHub code scanning: SARIF results per run. */
const SARIF_MAX_RESULTS = 25_000;
/** `pulls.listFiles` lists at most this many files. */
const PULL_FILES_CAP = 3000;

;// CONCATENATED MODULE: ./src/report/inert.ts
// Repository text made inert for GitHub markdown (job summary, check run, PR comment).
//
// Every string from the repository (names, keys, values, paths, reasons, owners, messages that quote
// them) is written so that GitHub renders it as text: no raw HTML, no images or links, no @-mentions
// or #-references, no autolinks, no table cell broken out of, whatever backticks it holds.
/** One very long cell (a pasted PEM, a huge path) must not eat the whole budget. */
const MAX_CELL_CHARS = 1000;
/** Zero-width space: breaks mentions, references and autolinks without changing what is shown. */
const ZWSP = '\u200b';
/** C0/C1 controls (but tab and line breaks) and bidirectional overrides ("Trojan source"): shown as U+FFFD. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Plain text, inert: entities for HTML, backslashes for markdown punctuation, mentions and links broken. */
function inertText(s, breaks) {
    let t = s.replace(CONTROL, '\ufffd').replace(/\r\n?/g, '\n');
    // `_` between two letters or digits cannot open or close emphasis (GFM): left as is, for readable sources.
    // No `<` survives, so no tag (and no attribute, hence `"` needs nothing); `!` needs no escape once `[` has one.
    t = t.replace(/[&<>\\`*[\]~|$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => {
        switch (c) {
            case '&':
                return '&amp;';
            case '<':
                return '&lt;';
            case '>':
                return '&gt;';
            default:
                return `\\${c}`;
        }
    });
    t = t
        .replace(/@/g, `@${ZWSP}`)
        .replace(/#(?=[\p{L}\p{N}_-])/gu, `#${ZWSP}`)
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\b(www)\./gi, `$1${ZWSP}.`)
        .replace(/\b(mailto|xmpp):/gi, `$1${ZWSP}:`);
    return t.replace(/\n/g, breaks ? '<br>' : ' ');
}
/**
 * A code span holding `s` literally: fenced with one more backtick than its longest run, padded when
 * it starts or ends with a backtick or a space. GitHub renders code spans as text (no HTML, mentions
 * or links). In a table cell a `|` would still end the cell (and a backslash before it cannot be
 * escaped inside code), so such text is written as inert plain text instead.
 */
function codeSpan(s, cell) {
    const t = s.replace(CONTROL, '\ufffd').replace(/\r\n?|\n/g, ' ');
    if (t === '')
        return '';
    if (cell && t.includes('|'))
        return inertText(t, false);
    const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(t) ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/**
 * Splits text into plain and code parts as CommonMark reads backticks: a run of n backticks opens a
 * code span closed by the next run of exactly n; an unmatched run is literal text.
 */
function inert_parts(s) {
    const out = [];
    let plain = '';
    let i = 0;
    while (i < s.length) {
        if (s[i] !== '`') {
            const next = s.indexOf('`', i);
            const stop = next === -1 ? s.length : next;
            plain += s.slice(i, stop);
            i = stop;
            continue;
        }
        let n = 0;
        while (s[i + n] === '`')
            n++;
        const fence = '`'.repeat(n);
        let j = i + n;
        let close = -1;
        while (j < s.length) {
            const k = s.indexOf(fence, j);
            if (k === -1)
                break;
            let m = 0;
            while (s[k + m] === '`')
                m++;
            if (m === n) {
                close = k;
                break;
            }
            j = k + m;
        }
        if (close === -1) {
            plain += fence;
            i += n;
            continue;
        }
        if (plain)
            out.push({ code: false, text: plain });
        plain = '';
        let body = s.slice(i + n, close).replace(/\r\n?|\n/g, ' ');
        if (body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '')
            body = body.slice(1, -1);
        out.push({ code: true, text: body });
        i = close + n;
    }
    if (plain)
        out.push({ code: false, text: plain });
    return out;
}
/**
 * Text safe in a table cell (and anywhere else): no `|` or line break ends the cell (breaks become
 * `<br>`), nothing from the repository renders as HTML, a link, an image or a mention. Code spans
 * (the messages use them for keys and values) stay code spans, re-fenced.
 */
function esc(s) {
    const t = s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}…` : s;
    return inert_parts(t)
        .map((p) => (p.code ? codeSpan(p.text, true) : inertText(p.text, true)))
        .join('');
}
/** The same, for a line of running text (outside tables): line breaks become spaces. */
function escLine(s) {
    return inert_parts(s)
        .map((p) => (p.code ? codeSpan(p.text, false) : inertText(p.text, false)))
        .join('');
}
/** A code span in a table cell (inert text when it cannot be one). */
function inert_code(s) {
    const t = s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}…` : s;
    return codeSpan(t, true);
}
function bytes(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** Last resort when even the headings do not fit: cut on a character boundary, with a marker. */
function cutToBytes(s, max) {
    const marker = '\n\n_… report cut to fit._\n';
    const room = max - bytes(marker);
    if (room <= 0)
        return Buffer.from(s, 'utf8').subarray(0, Math.max(0, max)).toString('utf8').replace(/\uFFFD+$/, '');
    const cut = Buffer.from(s, 'utf8').subarray(0, room).toString('utf8').replace(/\uFFFD+$/, '');
    return cut + marker;
}

;// CONCATENATED MODULE: ./src/report/format.ts
// Cell formatting shared by the text and markdown reports.


/** `3 errors, 5 warnings, 1 notice` */
function counts(s) {
    return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')}`;
}
/** Binary units, as Azure's GB (GiB) and the rest of the product. */
function format_bytes(n) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return i === 0 ? `${n} bytes` : `${Math.round(v * 100) / 100} ${units[i]}`;
}
function modeLabel(r) {
    return r.mode === 'realtime' ? 'real-time' : 'batch';
}
/** `Standard_DS3_v2 × 3`, `× 2` (count without SKU), `Standard_F4s_v2`, or empty. */
function skuCell(r) {
    if (r.instanceType && r.instances !== null)
        return `${r.instanceType} × ${r.instances}`;
    if (r.instanceType)
        return r.instanceType;
    if (r.instances !== null)
        return `× ${r.instances}`;
    return '';
}
function memoryCell(r) {
    return r.memoryGb === null ? '' : `${Math.round(r.memoryGb * 1000) / 1000} GiB`;
}
function modelCell(r) {
    if (r.model === null && r.modelSizeBytes === null)
        return '';
    const size = r.modelSizeBytes === null ? '' : format_bytes(r.modelSizeBytes);
    if (r.model === null)
        return size;
    return size ? `${r.model} (${size})` : r.model;
}
function gpuCell(r) {
    return r.gpus === null ? '' : r.gpus === 0 ? 'no' : String(r.gpus);
}
/** A value quoted as code (the markdown report renders code spans inert). */
function format_q(s) {
    return `\`${s}\``;
}
/** Which policy judged the run, in a phrase (`the base branch's config `x` at abc123`). */
function policyHeadline(p) {
    const at = p.commit ? ` at ${p.commit.slice(0, 12)}` : '';
    switch (p.from) {
        case 'base':
            return p.file ? `the base branch's config ${format_q(p.file)}${at}` : `the built-in defaults (the base branch${at} has no config)`;
        case 'head':
            return p.file ? `the pull request's own config ${format_q(p.file)} (policy-from: head)` : 'the built-in defaults (the pull request has no config; policy-from: head)';
        case 'checkout':
            return p.file ? `the config ${format_q(p.file)}` : 'the built-in defaults (no config file)';
    }
}
/** Everything the policy silences or relaxes, one line each (SPEC §6: always listed). */
function policyItems(p) {
    const out = [];
    if (p.note)
        out.push(p.note);
    if (p.off.length)
        out.push(`Rules turned off: ${p.off.map(format_q).join(', ')}`);
    if (p.lowered.length)
        out.push(`Severities lowered: ${p.lowered.map((l) => `${format_q(l.rule)} ${l.from} → ${l.to}`).join(', ')}`);
    if (p.limits.length)
        out.push(`Limits changed: ${p.limits.map((l) => `${format_q(l.limit)} ${l.value} (default ${l.default})`).join(', ')}`);
    if (p.defaultStage !== 'unknown')
        out.push(`Default stage: ${p.defaultStage}`);
    if (p.excluded.patterns.length) {
        out.push(`Excluded by the config: ${plural(p.excluded.files, 'file')} (${p.excluded.patterns.map(format_q).join(', ')})`);
    }
    if (p.waivers.inForce || p.waivers.expired) {
        out.push(`Waivers: ${p.waivers.inForce} in force${p.waivers.expired ? `, ${p.waivers.expired} expired` : ''}`);
    }
    if (out.length === 0)
        out.push('Nothing is turned off, lowered, relaxed, excluded or waived');
    const c = p.change;
    if (c) {
        const verb = c.kind === 'deleted' ? 'deletes' : c.kind === 'added' ? 'adds' : 'changes';
        const head = `The pull request ${verb} the config ${format_q(c.file)} (not in effect until merged; see the policy-change finding)`;
        out.push(c.invalid
            ? `${head}: its version is invalid`
            : `${head}: it relaxes ${plural(c.relaxes.length, 'setting')} and would hide ${plural(c.hidden, 'finding')} of this run` +
                (c.wouldResult ? `; with it this run would ${c.wouldResult}` : ''));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts



/** GitHub drops a step summary over 1 MiB. */
const SUMMARY_MAX_BYTES = STEP_SUMMARY_MAX_BYTES;
/** Check-run summaries and PR comments: 65,535 characters (bytes are a safe upper bound). */
const CHECK_RUN_MAX_BYTES = CHECK_SUMMARY_MAX_CHARS;
const SEVERITY_CELL = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
/**
 * The job summary / check-run summary / PR comment body: verdict and counts, findings, deployment
 * inventory, skipped checks, waivers in force, suppressed count. Tables are cut (findings last) to
 * keep the output within `opts.maxBytes`.
 */
function renderMarkdown(result, opts) {
    const sections = buildSections(result, opts);
    const tables = sections.map((s) => s.table).filter((t) => t !== undefined && t.rows.length > 0);
    const kept = new Map(tables.map((t) => [t, t.rows.length]));
    if (bytes(assemble(sections, kept, opts.maxBytes)) > opts.maxBytes) {
        // Budget for rows = ceiling − everything else (with room reserved for each truncation note).
        for (const t of tables)
            kept.set(t, 0);
        const fixed = bytes(assemble(sections, kept, opts.maxBytes)) + tables.length * NOTE_RESERVE;
        let budget = Math.max(0, opts.maxBytes - fixed);
        const used = new Map(tables.map((t) => [t, 0]));
        const take = (t, limit) => {
            let n = kept.get(t) ?? 0;
            let u = used.get(t) ?? 0;
            while (n < t.rows.length) {
                const cost = bytes(t.rows[n]) + 1;
                if (u + cost > limit || cost > budget)
                    break;
                u += cost;
                budget -= cost;
                n++;
            }
            kept.set(t, n);
            used.set(t, u);
        };
        // Pass 1: an equal share each, so a flood of findings cannot hide the inventory or waivers.
        const share = Math.floor(budget / Math.max(1, tables.length));
        for (const t of byPriority(tables))
            take(t, share);
        // Pass 2: what is left, in priority order.
        for (const t of byPriority(tables))
            take(t, Infinity);
    }
    let out = assemble(sections, kept, opts.maxBytes);
    if (bytes(out) > opts.maxBytes)
        out = cutToBytes(out, opts.maxBytes);
    return out;
}
/** Room kept for each "… N more rows not shown" note. */
const NOTE_RESERVE = 256;
const PRIORITY = ['findings', 'waivers in force', 'skipped checks', 'deployments', 'VM families'];
function byPriority(tables) {
    return [...tables].sort((a, b) => PRIORITY.indexOf(a.noun) - PRIORITY.indexOf(b.noun));
}
function assemble(sections, kept, maxBytes) {
    const parts = [];
    for (const s of sections) {
        if (s.heading)
            parts.push(s.heading, '');
        for (const l of s.before)
            parts.push(l);
        if (s.before.length)
            parts.push('');
        const t = s.table;
        if (t && t.rows.length > 0) {
            const n = kept.get(t) ?? t.rows.length;
            parts.push(markdown_row(t.header), markdown_row(t.header.map(() => '---')));
            for (let i = 0; i < n; i++)
                parts.push(t.rows[i]);
            parts.push('');
            if (n < t.rows.length) {
                parts.push(`_… ${t.rows.length - n} more ${t.noun} not shown: this report is limited to ${maxBytes} bytes. ` +
                    'The JSON and SARIF reports list everything._', '');
            }
        }
        for (const l of s.after)
            parts.push(l);
        if (s.after.length)
            parts.push('');
    }
    return `${parts.join('\n').trimEnd()}\n`;
}
function buildSections(result, opts) {
    const s = result.summary;
    const pass = s.result === 'pass';
    const sections = [];
    const scope = result.scope.mode === 'changed'
        ? `changed files and the manifests that depend on them (${result.scope.reason})`
        : `all files (${result.scope.reason})`;
    sections.push({
        heading: `## ${pass ? '✅' : '❌'} model-deploy-gate: ${pass ? 'passed' : 'failed'}`,
        before: [
            `**${counts(s)}**${s.suppressed ? ` · ${s.suppressed} suppressed` : ''} · fails on: ${result.failOn === 'never' ? 'never' : `${result.failOn} or worse`}`,
            '',
            `Scope: ${escLine(scope)} — ${plural(result.scope.filesScanned, 'file')} scanned, ${plural(result.scope.manifests, 'manifest')}.`,
            ...(result.policy ? ['', `Policy: ${escLine(policyHeadline(result.policy))}.`] : []),
        ],
        after: [],
    });
    const active = result.findings.filter((f) => !f.suppressed);
    sections.push({
        heading: `### Findings (${active.length})`,
        before: active.length === 0 ? ['No findings.'] : fixNote(active),
        table: {
            noun: 'findings',
            header: ['Severity', 'Rule', 'Location', 'Message'],
            rows: active.map((f) => markdown_row([SEVERITY_CELL[f.severity], `[${esc(f.ruleId)}](${f.helpUri})`, markdown_location(f, opts), esc(f.message)])),
        },
        after: [],
    });
    sections.push({
        heading: `### Deployments (${result.inventory.length})`,
        before: result.inventory.length === 0 ? ['No deployments found in scope.'] : [],
        table: {
            noun: 'deployments',
            header: ['File', 'Name', 'Target', 'Stage', 'Mode', 'SKU × count', 'Memory', 'Model (size)', 'GPU', 'Stage from'],
            rows: result.inventory.map((r) => markdown_row([
                markdown_link(`${r.file}:${r.line}`, opts.links?.(r.file, r.line)),
                esc(r.name ?? ''),
                esc(r.target),
                esc(r.stage),
                modeLabel(r),
                esc(skuCell(r)),
                memoryCell(r),
                esc(modelCell(r)),
                gpuCell(r),
                esc(r.stageSource),
            ])),
        },
        after: [],
    });
    if (result.quota && result.quota.length > 0) {
        sections.push({
            heading: '### vCPU quota of managed online deployments',
            before: [
                'Azure reserves ⌈1.2 × instances⌉ × vCPUs per deployment (20 % for upgrades; A100, H100, ND40rs_v2 and ND96* sizes: instances × vCPUs). ' +
                    'Declare the quota of each family in config `quota:` to check it (`quota-exceeded`).',
            ],
            table: {
                noun: 'VM families',
                header: ['VM family', 'vCPUs needed', 'Quota', 'Deployments'],
                rows: result.quota.map((q) => markdown_row([
                    esc(q.family),
                    String(q.vcpus),
                    q.quota === undefined ? '—' : q.quota < q.vcpus ? `⚠ ${q.quota}` : String(q.quota),
                    q.deployments.map((d) => `${inert_code(d.file)} ${esc(`${d.instances} × ${d.instanceType}`)}: ${d.vcpus}`).join('<br>'),
                ])),
            },
            after: [],
        });
    }
    if (result.skipped.length > 0) {
        sections.push({
            heading: '### Skipped checks',
            before: ['These rules could not be evaluated, so a pass does not cover them:'],
            table: {
                noun: 'skipped checks',
                header: ['File', 'Rules not evaluated', 'Why'],
                rows: result.skipped.map((k) => markdown_row([inert_code(k.file), k.rules.map(inert_code).join(', '), esc(k.why)])),
            },
            after: [
                'Declare the stage in the manifest (`tags: { stage: production }` or `nonproduction`), or in the config ' +
                    '(`stages: { production: [...], nonproduction: [...] }` globs, or `default-stage`). Declare facts about models, ' +
                    'computes and VM sizes defined outside the repository under `models:`, `computes:` and `skus:` in ' +
                    '`.github/model-deploy-gate.yml`.',
            ],
        });
    }
    if (result.waivers.length > 0) {
        sections.push({
            heading: `### Waivers in force (${result.waivers.length})`,
            before: [],
            table: {
                noun: 'waivers in force',
                header: ['Rule', 'Path', 'Owner', 'Expires', 'Findings waived', 'Reason'],
                rows: result.waivers.map((w) => markdown_row([
                    inert_code(w.rule),
                    inert_code(w.path),
                    // In a code span so that a team or user handle does not notify anyone on every update.
                    inert_code(w.owner),
                    w.expiringSoon ? `⚠ ${esc(w.expires)} (within 30 days)` : esc(w.expires),
                    String(w.matched),
                    esc(w.reason),
                ])),
            },
            after: [],
        });
    }
    if (result.policy) {
        sections.push({
            heading: '### Policy',
            before: [
                `Judged by ${escLine(policyHeadline(result.policy))}.`,
                '',
                ...policyItems(result.policy).map((i) => `- ${escLine(i)}`),
            ],
            after: [],
        });
    }
    const suppressed = result.findings.filter((f) => f.suppressed);
    if (suppressed.length > 0 || s.suppressed > 0) {
        const inline = suppressed.filter((f) => f.suppressed?.by === 'inline').length;
        const waived = suppressed.length - inline;
        const n = Math.max(s.suppressed, suppressed.length);
        sections.push({
            heading: '### Suppressed findings',
            before: [
                `${plural(n, 'finding')} ${n === 1 ? 'is' : 'are'} suppressed (${inline} inline, ${waived} by waivers) and do not count toward the result; ` +
                    'the JSON and SARIF reports list them, marked as suppressed.',
            ],
            after: [],
        });
    }
    return sections;
}
/** How many of the findings `--fix` repairs (review suggestions carry them on the PR's lines). */
function fixNote(active) {
    const n = active.filter((f) => f.fix).length;
    return n === 0 ? [] : [`${plural(n, 'finding')} can be fixed automatically: run \`npx model-deploy-gate --fix\` (or \`--fix-dry-run\` for the diff).`];
}
function markdown_location(f, opts) {
    return markdown_link(`${f.file}:${f.line}`, opts.links?.(f.file, f.line));
}
function markdown_link(text, url) {
    // The URL is the gate's own (a blob URL with the path percent-encoded); the text is inert.
    return url ? `[${inertText(text, false)}](${url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)})` : inert_code(text);
}
function markdown_row(cells) {
    return `| ${cells.join(' | ')} |`;
}


;// CONCATENATED MODULE: ./src/report/github.ts
function github_esc(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escProp(s) {
    return github_esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
const COMMAND = { error: 'error', warning: 'warning', notice: 'notice' };
/** `--format github`: one workflow command per unsuppressed finding (for use in any CI step). */
function githubCommands(result) {
    const lines = [];
    for (const f of result.findings) {
        if (f.suppressed)
            continue;
        lines.push(`::${COMMAND[f.severity]} file=${escProp(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escProp(f.ruleId)}::${github_esc(f.message)}`);
    }
    return lines.join('\n') + (lines.length ? '\n' : '');
}

;// CONCATENATED MODULE: ./src/report/sarif.ts




const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our entry in `partialFingerprints` (versioned: a new scheme gets a new key). */
const FINGERPRINT_KEY = 'modelDeployGate/v1';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
const sarif_RANK = { error: 0, warning: 1, notice: 2 };
/** SARIF 2.1.0 log with one run (for github/codeql-action/upload-sarif). */
function toSarif(result, rules, opts = {}) {
    const max = Math.max(0, opts.maxResults ?? SARIF_MAX_RESULTS);
    const metas = [...rules];
    const known = new Set(metas.map((r) => r.id));
    // A finding of a rule the caller did not list (e.g. an internal one) still needs a driver rule.
    for (const f of result.findings) {
        if (!known.has(f.ruleId)) {
            known.add(f.ruleId);
            const see = `See ${helpUri(f.ruleId)}`;
            metas.push({ id: f.ruleId, defaultSeverity: f.severity, description: f.ruleId, remediation: see, help: see });
        }
    }
    const index = new Map(metas.map((r, i) => [r.id, i]));
    const prints = fingerprints(result.findings);
    let keep = result.findings.map((_, i) => i);
    let properties;
    if (keep.length > max) {
        const ranked = [...keep].sort((a, b) => priority(result.findings[a]) - priority(result.findings[b]) || a - b);
        const chosen = new Set(ranked.slice(0, max));
        keep = keep.filter((i) => chosen.has(i));
        properties = {
            truncated: true,
            totalResults: result.findings.length,
            includedResults: keep.length,
            note: `Only ${keep.length} of ${result.findings.length} results are included (GitHub accepts at most ${SARIF_MAX_RESULTS} per run); ` +
                'errors and unsuppressed findings were kept first. The JSON report lists every finding.',
        };
    }
    const run = {
        tool: {
            driver: {
                name: result.tool.name,
                version: result.tool.version,
                semanticVersion: result.tool.version,
                informationUri: PROJECT_URL,
                rules: metas.map(driverRule),
            },
        },
        columnKind: 'utf16CodeUnits',
        results: keep.map((i) => sarifResult(result.findings[i], index.get(result.findings[i].ruleId) ?? 0, prints[i])),
    };
    if (properties)
        run.properties = properties;
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
function renderSarif(result, rules, opts) {
    return `${JSON.stringify(toSarif(result, rules, opts), null, 2)}\n`;
}
function priority(f) {
    return (f.suppressed ? 3 : 0) + sarif_RANK[f.severity];
}
function driverRule(r) {
    const uri = helpUri(r.id);
    const name = r.id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());
    return {
        id: r.id,
        // SARIF1001: a name equal to the id (ignoring case, e.g. `schema`) must be omitted.
        ...(name.toLowerCase() === r.id.toLowerCase() ? {} : { name }),
        shortDescription: { text: r.description },
        fullDescription: { text: `${r.description} ${r.remediation}` },
        // The why and its source, once per rule: finding messages say only what is wrong and the fix.
        help: {
            text: `${r.help}\n\nHow to fix: ${r.remediation}\n\nDocs: ${uri}`,
            markdown: `${r.help}\n\n**How to fix:** ${r.remediation}\n\n[Rule documentation](${uri})`,
        },
        helpUri: uri,
        defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
        properties: { tags: ['azure-ml', 'deployment'] },
    };
}
function sarifResult(f, ruleIndex, print) {
    const startLine = Math.max(1, f.line);
    const startColumn = Math.max(1, f.column);
    const region = { startLine, startColumn };
    // A region must not end before it starts; a degenerate end is dropped rather than invented.
    if (f.endLine > startLine || (f.endLine === startLine && f.endColumn > startColumn)) {
        region.endLine = f.endLine;
        region.endColumn = Math.max(1, f.endColumn);
    }
    const r = {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' }, region } }],
        partialFingerprints: { [FINGERPRINT_KEY]: print },
    };
    if (f.suppressed) {
        const s = f.suppressed;
        const justification = s.by === 'waiver' ? `${s.reason} (waiver; owner ${s.owner ?? 'unknown'}, expires ${s.expires ?? 'unknown'})` : s.reason;
        r.suppressions = [{ kind: s.by === 'inline' ? 'inSource' : 'external', status: 'accepted', justification }];
    }
    const fix = f.suppressed ? undefined : sarifFix(f);
    if (fix)
        r.fixes = [fix];
    return r;
}
/** A fix as SARIF: each edit replaces a region (empty for an insertion) with new text; columns are UTF-16 units. */
function sarifFix(f) {
    const x = f.fix;
    if (!x || x.edits.length === 0 || x.edits.some((e) => !e.span))
        return undefined;
    return {
        description: { text: x.description },
        artifactChanges: [
            {
                artifactLocation: { uri: fileUri(x.file ?? f.file), uriBaseId: '%SRCROOT%' },
                replacements: x.edits.map((e) => ({
                    deletedRegion: { startLine: e.span.line, startColumn: e.span.column, endLine: e.span.endLine, endColumn: e.span.endColumn },
                    insertedContent: { text: e.text },
                })),
            },
        ],
    };
}
/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%` in file names). */
function fileUri(file) {
    return file
        .split('/')
        .map((s) => encodeURIComponent(s))
        .join('/');
}
/**
 * Fingerprints stable across runs and line moves: rule, file and message with its numbers blanked
 * (values and line references change without the finding becoming a new one), plus an occurrence
 * counter so that equal findings in one file (two documents of a multi-document file) stay distinct.
 */
function fingerprints(findings) {
    const order = findings.map((_, i) => i).sort((a, b) => findings[a].line - findings[b].line || findings[a].column - findings[b].column || a - b);
    const seen = new Map();
    const out = new Array(findings.length);
    for (const i of order) {
        const f = findings[i];
        const base = `${f.ruleId}\u0000${f.file}\u0000${f.message.replace(/\d+(?:\.\d+)?/g, '0')}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        out[i] = (0,external_node_crypto_.createHash)('sha256').update(`${base}\u0000${n}`).digest('hex');
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/text.ts

const COLOR = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    notice: '\u001b[36m',
    dim: '\u001b[2m',
    bold: '\u001b[1m',
    pass: '\u001b[32m',
};
const RESET = '\u001b[0m';
/**
 * Terminal listing: `file:line:col  severity  rule-id  message` grouped by file (suppressed findings
 * are counted, not listed), then the deployment inventory, skipped checks, waivers in force, and the
 * summary line `N errors, N warnings, N notices (N suppressed) — result: FAIL`.
 */
function renderText(result, opts = {}) {
    const paint = (k, s) => (opts.color ? `${COLOR[k]}${s}${RESET}` : s);
    const out = [];
    const active = result.findings.filter((f) => !f.suppressed);
    const byFile = new Map();
    for (const f of active) {
        const list = byFile.get(f.file) ?? [];
        list.push(f);
        byFile.set(f.file, list);
    }
    for (const [file, list] of byFile) {
        out.push(paint('bold', file));
        const locs = list.map((f) => `${f.file}:${f.line}:${f.column}`);
        const locW = Math.max(...locs.map((l) => l.length));
        const ruleW = Math.max(...list.map((f) => f.ruleId.length));
        list.forEach((f, i) => {
            const head = `  ${locs[i].padEnd(locW)}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.ruleId.padEnd(ruleW)}  `;
            const indent = ' '.repeat(2 + locW + 2 + 7 + 2 + ruleW + 2);
            out.push(head + f.message.split(/\r?\n/).join(`\n${indent}`));
        });
        out.push('');
    }
    if (result.inventory.length > 0) {
        out.push(paint('bold', `Deployments (${result.inventory.length})`));
        const header = ['FILE', 'NAME', 'TARGET', 'STAGE', 'MODE', 'SKU × COUNT', 'MEMORY', 'MODEL (SIZE)', 'GPU', 'STAGE FROM'];
        const rows = result.inventory.map((r) => [
            `${r.file}:${r.line}`,
            r.name ?? '',
            r.target,
            r.stage,
            modeLabel(r),
            skuCell(r),
            memoryCell(r),
            modelCell(r),
            gpuCell(r),
            r.stageSource,
        ]);
        out.push(...table(header, rows).map((l, i) => (i === 0 ? paint('dim', l) : l)));
        out.push('');
    }
    if (result.skipped.length > 0) {
        out.push(paint('bold', 'Skipped checks (not evaluated, so not covered by a pass)'));
        for (const k of result.skipped)
            out.push(`  ${k.file}: ${k.rules.join(', ')} — ${k.why}`);
        out.push('  Declare the stage (manifest `tags.stage`, config `stages:` / `default-stage`) or the missing facts (config `models:`, `computes:`, `skus:`).');
        out.push('');
    }
    if (result.waivers.length > 0) {
        out.push(paint('bold', `Waivers in force (${result.waivers.length})`));
        for (const w of result.waivers) {
            const exp = w.expiringSoon ? paint('warning', `expires ${w.expires} (within 30 days)`) : `expires ${w.expires}`;
            out.push(`  ${w.rule} on ${w.path} — owner ${w.owner}, ${exp}, ${w.matched} waived — ${w.reason}`);
        }
        out.push('');
    }
    const fixable = active.filter((f) => f.fix).length;
    if (fixable > 0)
        out.push(`${plural(fixable, 'finding')} can be fixed automatically: rerun with --fix (or --fix-dry-run for the diff).`, '');
    if (result.policy) {
        out.push(paint('bold', `Policy: ${policyHeadline(result.policy)}`));
        for (const item of policyItems(result.policy))
            out.push(`  ${item}`);
        out.push('');
    }
    out.push(summaryLine(result, paint));
    return `${out.join('\n')}\n`;
}
/** The closing line: counts, verdict, scope. */
function summaryLine(result, paint = (_k, s) => s) {
    const s = result.summary;
    const verdict = s.result === 'pass' ? paint('pass', 'PASS') : paint('error', 'FAIL');
    return (`${counts(s)} (${s.suppressed} suppressed) — result: ${verdict}` +
        paint('dim', ` [${plural(result.scope.filesScanned, 'file')} scanned, ${plural(result.scope.manifests, 'manifest')}, fail-on: ${result.failOn}]`));
}
/** Left-aligned columns separated by two spaces; trailing blanks trimmed. */
function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
    return [line(header), ...rows.map(line)];
}

;// CONCATENATED MODULE: ./src/report/index.ts





const REPORT_FORMATS = (/* unused pure expression or super */ null && (['text', 'json', 'sarif', 'markdown', 'github']));
/** One report as text. `rules` feeds the SARIF driver's rule list (every rule, not only those with findings). */
function render(format, result, rules, opts = {}) {
    switch (format) {
        case 'json':
            return renderJson(result);
        case 'sarif':
            return renderSarif(result, rules);
        case 'markdown':
            return renderMarkdown(result, { maxBytes: opts.maxBytes ?? SUMMARY_MAX_BYTES, links: opts.links });
        case 'text':
            return renderText(result, { color: opts.color });
        case 'github':
            return githubCommands(result);
    }
}





;// CONCATENATED MODULE: ./src/core/inert.ts
// Text that may hold repository content, printed where a GitHub runner reads it (a step's stdout and
// stderr). The runner looks at every line, after stripping leading whitespace, for `::command …::`
// and, anywhere in the line, for the legacy `##[command …]` form; it splits lines at \n and \r alike.
// A text that could hold either is printed inside a `::stop-commands::<token>` … `::<token>::` block
// with a fresh random token, which the runner honours for both forms.

/** What the runner could take for a command in some line of `text`. */
const COMMANDISH = /::|##\[/;
/** A token that does not occur in `text` (128 random bits: a clash is an accident, still checked). */
function stopToken(text) {
    for (;;) {
        const t = `mdg-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
        if (!text.includes(t))
            return t;
    }
}
/** The lines to print for `text` so that none of it is a workflow command. */
function inertLines(text) {
    if (!COMMANDISH.test(text))
        return [text];
    const token = stopToken(text);
    return [`::stop-commands::${token}`, text, `::${token}::`];
}
/** `text` (ending in a line break if it had one) inside a stop-commands block when it needs one. */
function inert_inertText(text) {
    if (!COMMANDISH.test(text))
        return text;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const token = stopToken(text);
    return `::stop-commands::${token}\n${body}::${token}::\n`;
}
/**
 * A JSON text with no workflow command in it and the same value: no line of `JSON.stringify` output
 * starts with `::`, and `##[` occurs only inside strings, where `[` may be written `\u005b`.
 */
function inertJson(text) {
    return text.replace(/##\[/g, '##\\u005b');
}

;// CONCATENATED MODULE: ./src/github/log.ts
// Log lines that hold repository text (names, keys, values, file names, messages, the text report)
// must never be read by the runner as workflow commands. The runner looks at every line of stdout
// and stderr, after stripping leading whitespace, for `::command …::` and, anywhere in the line, for
// the legacy `##[command …]` form; it splits lines at \n and \r alike. A line that could hold either
// is printed inside a `::stop-commands::<token>` … `::<token>::` block with a fresh random token,
// which the runner honours for both forms. The gate's own annotations go through runner.ts,
// which escapes their data (`%`, `\r`, `\n`) and properties (also `:` and `,`).



/** core.info for text that may hold repository content. */
function info(text) {
    for (const line of inertLines(text))
        runner/* info */.pq(line);
}

;// CONCATENATED MODULE: ./src/github/client.ts
// The REST client, built only when API work is actually needed: @actions/github and its plugins
// are loaded with a dynamic import() so a run that needs no API pays nothing for them.


/** Secondary-rate-limit retries per request (each waits the `retry-after` GitHub sends). */
const SECONDARY_LIMIT_RETRIES = 2;
/**
 * A 2xx answer whose body is not a JSON object or array: malformed JSON, an HTML page from a proxy,
 * or a body cut off by a connection reset (octokit then hands back the text, or '', as `data`).
 * It carries a 5xx `status` and the request so that plugin-retry retries it like a network failure.
 */
class MalformedResponseError extends Error {
    request;
    status = 500;
    constructor(message, request) {
        super(message);
        this.request = request;
        this.name = 'MalformedResponseError';
    }
}
const MIN_REDACTED_TOKEN_CHARS = 8;
/**
 * A request addressed to another origin than the API's (a pagination `Link` pointing elsewhere, a
 * tampered or misconfigured response): refused before it is sent, so the token never leaves the API
 * host and nothing another host answers is trusted. Not retried; callers fall back as for any failure.
 */
class ForeignOriginError extends Error {
    url;
    constructor(url, apiOrigin) {
        super(`the GitHub API sent a link to ${url}, outside the API origin ${apiOrigin}; it was not followed`);
        this.url = url;
        this.name = 'ForeignOriginError';
    }
}
/** scheme://host:port of a URL (default ports made explicit), or undefined when it is not one. */
function originOf(url) {
    try {
        const u = new URL(url);
        const port = u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
        return `${u.protocol}//${u.hostname.toLowerCase()}:${port}`;
    }
    catch {
        return undefined;
    }
}
/**
 * Registered before plugin-retry, so it runs inside it: a malformed 2xx body is retried, and every
 * API error message has the token cut out (a proxy may echo the Authorization header back).
 * Registered after octokit's auth hook, so it runs before the token is added: a request to another
 * origin is refused before it carries the token.
 */
function guard(token, timeoutMs, apiUrl) {
    const apiOrigin = originOf(apiUrl);
    return (octokit) => {
        octokit.hook.before('request', (options) => {
            const o = options;
            const url = o.url ?? '';
            const target = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${o.baseUrl ?? apiUrl}${url}`;
            if (apiOrigin === undefined || originOf(target) !== apiOrigin)
                throw new ForeignOriginError(url, apiOrigin ?? apiUrl);
            // A fresh deadline for every attempt (this hook runs inside plugin-retry).
            options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs) };
        });
        octokit.hook.after('request', (response, options) => {
            const data = response.data;
            if (response.status === 204 || (data !== null && typeof data === 'object'))
                return;
            const what = data === '' || data === undefined ? 'an empty or cut-off body' : 'a body that is not JSON';
            const path = response.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
            throw new MalformedResponseError(`${options.method ?? 'GET'} ${path} answered HTTP ${response.status} with ${what}`, options);
        });
        // Real tokens are 40+ characters; cutting out a toy token (tests use 't') would mangle every message.
        const secret = token.length >= MIN_REDACTED_TOKEN_CHARS ? token : undefined;
        octokit.hook.error('request', (error) => {
            if (secret && error instanceof Error && error.message.includes(secret))
                error.message = error.message.split(secret).join('***');
            throw error;
        });
    };
}
/**
 * GitHub asks for at least a second between write requests; plugin-throttling spaces them by 1000 ms.
 * When the wait unit is not GitHub's second (tests set MODEL_DEPLOY_GATE_RETRY_BASE_MS), writes are
 * spaced by one unit instead, with a limiter of the same shape (`key(id).schedule(options, fn, …args)`).
 */
function writeSpacing(unitMs) {
    let last = 0;
    let queue = Promise.resolve();
    const schedule = (_options, fn, ...args) => {
        const run = queue.then(async () => {
            const wait = last + unitMs - Date.now();
            if (wait > 0)
                await new Promise((r) => setTimeout(r, wait));
            last = Date.now();
            return fn(...args);
        });
        queue = run.catch(() => undefined);
        return run;
    };
    return { key: () => ({ schedule }) };
}
async function createClient(token, apiUrl, timing) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
    ]);
    const base = timing.retryBaseMs;
    return getOctokit(token, {
        // No `request` key here: it would replace @actions/github's proxy-aware fetch.
        baseUrl: apiUrl,
        userAgent: `model-deploy-gate/${VERSION}`,
        retry: { retryAfterBaseValue: base },
        throttle: {
            retryAfterBaseValue: base,
            // The plugin reads only `key(id).schedule(…)` of its write group.
            ...(base !== 1000 ? { write: writeSpacing(base) } : {}),
            onRateLimit: (retryAfter, options, _o, retryCount) => {
                info(`GitHub API rate limit hit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
                return retryCount < 1;
            },
            onSecondaryRateLimit: (retryAfter, options, _o, retryCount) => {
                info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retry after ${retryAfter} s.`);
                return retryCount < SECONDARY_LIMIT_RETRIES;
            },
        },
    }, guard(token, timing.requestTimeoutMs, apiUrl), retry, throttling);
}
/** HTTP status of an octokit RequestError, if it is one. */
function httpStatus(error) {
    if (error !== null && typeof error === 'object' && 'status' in error) {
        const s = error.status;
        return typeof s === 'number' ? s : undefined;
    }
    return undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/github/api/pages.ts

/**
 * The entries of a paginated list, page by page, checked as they arrive: a page that is not a
 * JSON array, an entry `valid` rejects, or a malformed response all fail the listing with one
 * error naming the page — a list read only in part must never pass for a whole one.
 */
async function* checkedPages(pages, what, valid) {
    let n = 1;
    const malformed = (why) => new Error(`the GitHub API sent a malformed page ${n} of ${what} (${why})`);
    try {
        for await (const page of pages) {
            const data = page.data;
            if (!Array.isArray(data))
                throw malformed('not a JSON array');
            const entries = data.map((e) => (e ?? {}));
            for (const e of entries) {
                const why = valid(e);
                if (why)
                    throw malformed(why);
            }
            yield entries;
            n++;
        }
    }
    catch (e) {
        if (e instanceof MalformedResponseError)
            throw malformed(e.message);
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/github/api/list-pull-files.ts



async function listPullFiles(client, repo, pullNumber, cap = PULL_FILES_CAP) {
    const files = [];
    const pages = client.paginate.iterator(client.rest.pulls.listFiles, {
        owner: repo.owner,
        repo: repo.name,
        pull_number: pullNumber,
        per_page: 100,
    });
    // A page that cannot be read must fail the listing: gating the pages before it alone would pass unseen files.
    const valid = (f) => typeof f['filename'] === 'string' && typeof f['status'] === 'string' ? undefined : 'an entry without filename or status';
    for await (const entries of checkedPages(pages, 'the file list', valid)) {
        for (const r of entries) {
            const patch = typeof r['patch'] === 'string' ? r['patch'] : undefined;
            const previous = typeof r['previous_filename'] === 'string' ? r['previous_filename'] : undefined;
            files.push({ filename: r['filename'], status: r['status'], previous_filename: previous, patch });
        }
        // Reaching the cap means GitHub stopped listing: a PR of exactly `cap` files is treated the same (fail safe).
        if (files.length >= cap)
            return { files, capped: true };
    }
    return { files, capped: false };
}

;// CONCATENATED MODULE: ./src/github/limits.ts
// Cutting text and lists to fit GitHub's size limits (core/github-limits.ts).

function limits_chunk(items, size) {
    if (size < 1)
        throw new RangeError(`chunk size ${size} < 1`);
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** `text` when it fits in `maxChars` (UTF-16 units, as GitHub counts); else cut at a line and end with `note`. */
function fitChars(text, maxChars, note = '\n\n_…truncated to fit GitHub’s size limit._\n') {
    if (text.length <= maxChars)
        return text;
    let cut = text.slice(0, Math.max(0, maxChars - note.length));
    const nl = cut.lastIndexOf('\n');
    if (nl > 0)
        cut = cut.slice(0, nl);
    // Never end on half a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(cut))
        cut = cut.slice(0, -1);
    return cut + note;
}
/**
 * `text` when its UTF-8 form fits in `maxBytes`; else cut on a code-point boundary and ended with
 * `note` (GitHub counts annotation `message` and `raw_details` in bytes).
 */
function fitBytes(text, maxBytes, note = '… (truncated to fit GitHub’s size limit)') {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const room = Math.max(0, maxBytes - Buffer.byteLength(note, 'utf8'));
    let bytes = 0;
    let out = '';
    for (const ch of text) {
        const n = Buffer.byteLength(ch, 'utf8');
        if (bytes + n > room)
            break;
        bytes += n;
        out += ch;
    }
    return out + note;
}
/** `text` cut to `maxChars` characters (code points, as GitHub counts them), ending with `…` when cut. */
function fitCodePoints(text, maxChars) {
    const points = [...text];
    if (points.length <= maxChars)
        return text;
    return `${points.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

;// CONCATENATED MODULE: ./src/github/annotations.ts
// Which findings become workflow-command annotations. GitHub shows at most 10 errors, 10 warnings
// and 10 notices per step and silently drops the rest, so the most useful ones are chosen here.


/** Shown per step and per level by GitHub. */
const PER_STEP_LIMIT = ANNOTATIONS_PER_STEP;
const LEVELS = ['error', 'warning', 'notice'];
function rank(f, changedLines) {
    const lines = changedLines?.get(f.file);
    if (lines?.has(f.line))
        return 0;
    if (lines)
        return 1;
    return 2;
}
function toCommand(f) {
    return {
        level: f.severity,
        // runner.ts escapes the message and properties (%, \r, \n; and : , in properties): no command can be forged.
        message: fitBytes(`${f.message}\n${f.helpUri}`, ANNOTATION_MESSAGE_MAX_BYTES),
        properties: { title: f.ruleId, file: f.file, startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
    };
}
/**
 * Errors first, then warnings, then notices; within a level, findings on lines the PR changed,
 * then other findings in changed files, then the rest (stable: the engine's order).
 * `budget` is what is left per level after the caller's own messages (and its failure message).
 * When findings are left out, one notice slot is kept for the closing "N more" notice (`seeAlso`).
 */
function planAnnotations(findings, budget, opts) {
    const open = findings.filter((f) => !f.suppressed);
    const byLevel = new Map(LEVELS.map((l) => [l, []]));
    for (const f of open)
        byLevel.get(f.severity).push(f);
    for (const list of byLevel.values()) {
        const keyed = list.map((f, i) => ({ f, i, r: rank(f, opts.changedLines) }));
        keyed.sort((a, b) => a.r - b.r || a.i - b.i);
        list.splice(0, list.length, ...keyed.map((k) => k.f));
    }
    const take = (b) => LEVELS.map((l) => byLevel.get(l).slice(0, Math.max(0, b[l])));
    let chosen = take(budget);
    let shown = chosen.reduce((n, l) => n + l.length, 0);
    if (shown < open.length && budget.notice > 0) {
        chosen = take({ ...budget, notice: budget.notice - 1 });
        shown = chosen.reduce((n, l) => n + l.length, 0);
    }
    const commands = chosen.flat().map(toCommand);
    const omitted = open.length - shown;
    if (omitted > 0 && budget.notice > 0) {
        commands.push({
            level: 'notice',
            message: `${omitted} more finding${omitted === 1 ? '' : 's'} not shown as annotations here ` +
                `(GitHub shows at most ${PER_STEP_LIMIT} errors, ${PER_STEP_LIMIT} warnings and ${PER_STEP_LIMIT} notices per step). ` +
                `All ${open.length} are in ${opts.seeAlso}.`,
            properties: { title: 'model-deploy-gate: more findings' },
        });
    }
    return { commands, omitted };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/github/checkout.ts
// Which commit the workspace holds, checked against the event before anything is judged. With
// pull_request_target, actions/checkout checks out the BASE branch by default: gating that workspace
// would put a green check on the pull request's head for content that was never read.


/** `git rev-parse HEAD` in the workspace, or undefined when it is not a git checkout (or git is missing). */
async function checkedOutCommit(workspace) {
    try {
        const { stdout } = await (0,external_node_util_.promisify)(external_node_child_process_.execFile)('git', ['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd: workspace, encoding: 'utf8' });
        const sha = stdout.trim().toLowerCase();
        return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined;
    }
    catch {
        return undefined;
    }
}
/** True when the event is a pull request whose head the workspace must hold (checkoutProblem has something to check). */
function checkoutMatters(settings) {
    const e = settings.event;
    return e.pullRequest !== undefined && (e.name === 'pull_request' || e.name === 'pull_request_target');
}
/** Why the workspace cannot stand for the pull request, or undefined when it can. */
function checkoutProblem(settings, head) {
    const e = settings.event;
    const pr = e.pullRequest;
    if (!pr || !checkoutMatters(settings))
        return undefined;
    const accepted = new Set([pr.headSha, ...(pr.mergeSha ? [pr.mergeSha] : []), ...(e.name === 'pull_request' && e.sha ? [e.sha] : [])]);
    const guidance = e.name === 'pull_request_target'
        ? 'With pull_request_target, actions/checkout checks out the base branch unless told otherwise. Check out the pull request as data ' +
            '(`ref: ${{ github.event.pull_request.head.sha }}`, `persist-credentials: false`, and run nothing from it), or use the pull_request event.'
        : 'Check out the commit the event names (the default of actions/checkout).';
    if (head === undefined) {
        if (e.name === 'pull_request')
            return undefined;
        return (`cannot tell which commit the workspace holds (it is not a git checkout), so it cannot be verified to be pull request #${pr.number}'s head ` +
            `${pr.headSha.slice(0, 12)}; nothing was judged. ${guidance}`);
    }
    if (accepted.has(head))
        return undefined;
    return (`the workspace holds commit ${head.slice(0, 12)}, not pull request #${pr.number}'s head ${pr.headSha.slice(0, 12)}` +
        `${pr.mergeSha ? ` or its merge commit ${pr.mergeSha.slice(0, 12)}` : ''}: its files were not read, so nothing was judged. ${guidance}`);
}

;// CONCATENATED MODULE: ./src/github/api/post-once.ts

/**
 * A request that failed in a way that may have taken effect: no answer in time, a reset connection,
 * a 5xx or a cut-off body. GitHub may have created the resource anyway.
 */
function mayHaveTakenEffect(error) {
    const status = httpStatus(error);
    return status === undefined || status >= 500;
}
/**
 * Creates something at most once. A POST is not idempotent: retried blindly after a timeout, it
 * creates a duplicate (a second sticky comment, a second check run). So `post` is sent without
 * octokit's retries, and after a failure that may have taken effect, `look` checks whether it was
 * created before posting again. If looking fails too, nothing is re-posted (the error stands).
 */
async function postOnce(post, look, opts) {
    for (let attempt = 1;; attempt++) {
        try {
            return await post();
        }
        catch (error) {
            if (!mayHaveTakenEffect(error))
                throw error;
            let found;
            try {
                found = await look();
            }
            catch {
                throw error;
            }
            if (found !== undefined)
                return found;
            if (attempt >= opts.attempts)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, opts.waitMs * attempt * attempt));
        }
    }
}
/** Per-request options that turn plugin-retry off (postOnce retries, after looking). */
const NO_RETRY = { retries: 0 };

;// CONCATENATED MODULE: ./src/github/api/create-check-run.ts

/**
 * Creates a check run: completed when `conclusion` is given, else in progress (more batches follow).
 * Sent once (no automatic retry: see postOnce); `externalId` lets a later look find it.
 */
async function createCheckRun(client, repo, args) {
    const res = await client.rest.checks.create({
        owner: repo.owner,
        repo: repo.name,
        name: args.name,
        head_sha: args.headSha,
        details_url: args.detailsUrl,
        external_id: args.externalId,
        ...(args.conclusion ? { status: 'completed', conclusion: args.conclusion } : { status: 'in_progress' }),
        output: args.output,
        request: NO_RETRY,
    });
    return { id: res.data.id, htmlUrl: res.data.html_url ?? '' };
}
/** The check run of this name on `headSha` whose `external_id` is `externalId`, if GitHub has it. */
async function findCheckRun(client, repo, args) {
    const res = await client.rest.checks.listForRef({
        owner: repo.owner,
        repo: repo.name,
        ref: args.headSha,
        check_name: args.name,
        filter: 'all',
        per_page: 100,
    });
    const runs = Array.isArray(res.data?.check_runs) ? res.data.check_runs : [];
    const run = runs.find((r) => r.name === args.name && r.external_id === args.externalId);
    return run ? { id: run.id, htmlUrl: run.html_url ?? '' } : undefined;
}

;// CONCATENATED MODULE: ./src/github/api/update-check-run.ts
/** Appends `output.annotations` to a check run; completes it when `conclusion` is given. */
async function updateCheckRun(client, repo, checkRunId, args) {
    await client.rest.checks.update({
        owner: repo.owner,
        repo: repo.name,
        check_run_id: checkRunId,
        ...(args.conclusion ? { status: 'completed', conclusion: args.conclusion } : {}),
        output: args.output,
    });
}

;// CONCATENATED MODULE: ./src/github/checks.ts







const CHECK_NAME = 'model-deploy-gate';
const checks_LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
/**
 * Suppressed and waived findings are not problems: they stay in the reports, not on the diff. The
 * message is the finding's (what is wrong and the fix); `raw_details`, which GitHub shows folded
 * under it, is the rule's help (why, and the source it cites) with its remediation.
 */
function toCheckAnnotations(findings, rules = ALL_RULES) {
    const details = new Map(rules.map((r) => [r.id, `${r.help}\n\nHow to fix: ${r.remediation}`]));
    return findings
        .filter((f) => !f.suppressed)
        .map((f) => {
        const startLine = Math.max(1, f.line);
        const endLine = Math.max(startLine, f.endLine || startLine);
        const a = {
            path: f.file,
            start_line: startLine,
            end_line: endLine,
            annotation_level: checks_LEVEL[f.severity],
            // GitHub refuses the whole request when one message is over 64 KB (UTF-8) or a title over 255 characters.
            message: fitBytes(`${f.message}\n${f.helpUri}`, ANNOTATION_MESSAGE_MAX_BYTES),
            title: fitCodePoints(f.ruleId, ANNOTATION_TITLE_MAX_CHARS),
        };
        const raw = details.get(f.ruleId);
        if (raw)
            a.raw_details = fitBytes(raw, ANNOTATION_MESSAGE_MAX_BYTES);
        if (startLine === endLine && f.column >= 1) {
            a.start_column = f.column;
            a.end_column = Math.max(f.column, f.endColumn || f.column);
        }
        return a;
    });
}
function checkTitle(result) {
    const s = result.summary;
    return `${s.result === 'fail' ? 'Failed' : 'Passed'}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')}`;
}
function conclusionOf(result) {
    return result.summary.result === 'fail' ? 'failure' : 'success';
}
/** Creates the check run with the first 50 annotations and appends the rest, 50 per update. */
async function publishCheckRun(client, repo, args) {
    const batches = limits_chunk(toCheckAnnotations(args.result.findings), CHECK_ANNOTATIONS_PER_REQUEST);
    const summary = fitChars(args.summaryMarkdown, CHECK_SUMMARY_MAX_CHARS);
    const output = (annotations) => ({ title: checkTitle(args.result), summary, annotations });
    const conclusion = conclusionOf(args.result);
    const first = batches[0] ?? [];
    const rest = batches.slice(1);
    let requests = 0;
    const run = await postOnce(() => {
        requests++;
        return createCheckRun(client, repo, {
            name: CHECK_NAME,
            headSha: args.headSha,
            detailsUrl: args.detailsUrl,
            externalId: args.externalId,
            output: output(first),
            // Completed at once when everything fits; else the last update completes it.
            conclusion: rest.length === 0 ? conclusion : undefined,
        });
    }, async () => {
        requests++;
        return findCheckRun(client, repo, { name: CHECK_NAME, headSha: args.headSha, externalId: args.externalId });
    }, args.retry);
    // A run found after a lost answer may hold the first batch or not: it is completed by the updates below.
    for (const [i, batch] of rest.entries()) {
        try {
            requests++;
            await updateCheckRun(client, repo, run.id, {
                output: output(batch),
                conclusion: i === rest.length - 1 ? conclusion : undefined,
            });
        }
        catch (e) {
            const sent = first.length + i * CHECK_ANNOTATIONS_PER_REQUEST;
            const total = batches.flat().length;
            // Never leave it "in progress": complete it without the missing annotations, and say so.
            const note = `\n\n> **${total - sent} of ${total} annotations are missing from this check run** ` +
                '(updating it failed); every finding is in the job summary and the reports.\n';
            let completed = false;
            try {
                requests++;
                await updateCheckRun(client, repo, run.id, {
                    output: { title: checkTitle(args.result), summary: fitChars(summary, CHECK_SUMMARY_MAX_CHARS - note.length) + note },
                    conclusion,
                });
                completed = true;
            }
            catch {
                completed = false;
            }
            throw new IncompleteCheckRunError(run, sent, total, completed, e);
        }
    }
    return { ...run, requests };
}
/** The check run exists but an update failed: it lacks annotations (and, unless `completed`, stays "in progress"). */
class IncompleteCheckRunError extends Error {
    run;
    annotationsSent;
    annotationsTotal;
    completed;
    constructor(run, annotationsSent, annotationsTotal, 
    /** The final update set the conclusion. */
    completed, cause) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.run = run;
        this.annotationsSent = annotationsSent;
        this.annotationsTotal = annotationsTotal;
        this.completed = completed;
        this.name = 'IncompleteCheckRunError';
    }
    /** HTTP status of the failed update, when it was an API error. */
    get status() {
        return httpStatus(this.cause);
    }
}

;// CONCATENATED MODULE: ./src/github/api/create-comment.ts

/** Posts a comment once (no automatic retry: see postOnce). */
async function createComment(client, repo, issueNumber, body) {
    const res = await client.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: issueNumber, body, request: NO_RETRY });
    return { id: res.data.id, htmlUrl: res.data.html_url };
}

;// CONCATENATED MODULE: ./src/github/api/find-comment.ts

/** The comment's author is `author` (login compared case-insensitively, as GitHub does, and the account type). */
function writtenBy(comment, author) {
    const user = comment['user'];
    if (user === null || typeof user !== 'object')
        return false;
    const u = user;
    return typeof u['login'] === 'string' && u['login'].toLowerCase() === author.login.toLowerCase() && u['type'] === author.type;
}
/**
 * The first comment of the issue/PR that holds `marker` AND was written by `author`. Anyone who can
 * comment can plant the marker (a hidden HTML comment), and a token with write access may edit
 * anyone's comment: matching the marker alone would overwrite other people's comments.
 */
async function findComment(client, repo, issueNumber, marker, author) {
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
        owner: repo.owner,
        repo: repo.name,
        issue_number: issueNumber,
        per_page: 100,
    });
    // An unreadable page must not read as "no sticky comment yet": that would post a duplicate.
    const valid = (c) => (typeof c['id'] === 'number' ? undefined : 'a comment without an id');
    for await (const comments of checkedPages(pages, 'the comment list', valid)) {
        for (const c of comments) {
            if (typeof c['body'] === 'string' && c['body'].includes(marker) && writtenBy(c, author)) {
                return { id: c['id'], htmlUrl: typeof c['html_url'] === 'string' ? c['html_url'] : '' };
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/api/update-comment.ts
async function updateComment(client, repo, commentId, body) {
    const res = await client.rest.issues.updateComment({ owner: repo.owner, repo: repo.name, comment_id: commentId, body });
    return { id: res.data.id, htmlUrl: res.data.html_url };
}

;// CONCATENATED MODULE: ./src/github/comment.ts





const COMMENT_MARKER = '<!-- model-deploy-gate -->';
function commentBody(markdown) {
    const head = `${COMMENT_MARKER}\n`;
    return head + fitChars(markdown, COMMENT_MAX_CHARS - head.length);
}
/**
 * What to do with the sticky comment. `on-failure` posts only on failure, but an existing comment
 * is still updated when the PR turns green, so a stale failure report never lingers.
 */
function commentAction(mode, failed, exists) {
    if (mode === 'off')
        return 'skip';
    if (mode === 'always' || failed || exists)
        return 'post';
    return 'skip';
}
async function upsertComment(client, repo, args) {
    const find = () => findComment(client, repo, args.issueNumber, COMMENT_MARKER, args.author);
    const existing = await find();
    if (commentAction(args.mode, args.failed, existing !== undefined) === 'skip')
        return { action: 'skipped' };
    const body = commentBody(args.markdown);
    if (existing) {
        const c = await updateComment(client, repo, existing.id, body);
        return { action: 'updated', htmlUrl: c.htmlUrl };
    }
    // Posted once; after a lost answer the comment list is read again (there was none before, so one
    // found now is the one just posted, with this body) before another is posted.
    const c = await postOnce(() => createComment(client, repo, args.issueNumber, body), find, args.retry);
    return { action: 'created', htmlUrl: c.htmlUrl };
}

;// CONCATENATED MODULE: ./src/github/identity.ts
// Who the token acts as: the author the sticky comment must have. GITHUB_TOKEN (and any GitHub App
// installation token, `ghs_…`) acts as the app's bot; `GET /user` answers 403 for such tokens, so it
// is asked only for other tokens (a personal or OAuth token acts as its user).

/** The identity of GITHUB_TOKEN: the "GitHub Actions" app's bot user. */
const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' };
async function tokenIdentity(client, token) {
    if (token.startsWith('ghs_'))
        return ACTIONS_BOT;
    try {
        const res = await client.rest.users.getAuthenticated();
        const { login, type } = res.data;
        if (typeof login === 'string' && login !== '')
            return { login, type: typeof type === 'string' ? type : 'User' };
        throw new Error('GET /user answered without a login');
    }
    catch (e) {
        const status = httpStatus(e);
        // An installation token in another format: it is not a user.
        if (status === 401 || status === 403)
            return ACTIONS_BOT;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/github/paths.ts
// Path handling for paths that come from outside (the REST API, git, inputs): pure functions.

function paths_toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}
/** `child` is `parent` or lies below it (lexically; callers resolve links first when it matters). */
function isInside(parent, child) {
    const rel = external_node_path_.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}
/**
 * A repository path from the API or git, normalised to `a/b/c`; undefined when it is empty,
 * absolute, holds a NUL or a `..` segment, i.e. when it could name something outside the checkout.
 */
function normaliseRepoPath(raw) {
    if (raw === '' || raw.includes('\0'))
        return undefined;
    if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw))
        return undefined;
    const segments = raw.split(/[/\\]/);
    if (segments.some((s) => s === '..'))
        return undefined;
    const clean = segments.filter((s) => s !== '' && s !== '.');
    return clean.length ? clean.join('/') : undefined;
}
/** Repo-relative → relative to the scanned root (`prefix`, '' = the repository); undefined when outside it. */
function repoToRoot(repoPath, prefix) {
    if (prefix === '')
        return repoPath;
    return repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : undefined;
}
/** Relative to the scanned root → repo-relative (what GitHub needs for annotations). */
function rootToRepo(rootPath, prefix) {
    return prefix === '' ? rootPath : `${prefix}/${rootPath}`;
}

;// CONCATENATED MODULE: ./src/github/policy.ts
// Which policy judges the run (SPEC §5, §6). On pull_request, pull_request_target and merge_group the
// config is the BASE commit's: everything in the checkout, the config included, is written by the
// pull request's author. It is read from git when the history is there (`git cat-file` of the base
// commit's blob: no filters, no textconv, nothing of the working tree), else through the contents
// API at the base SHA; no config there means the built-in defaults. The checkout's config is the
// pull request's proposal: the engine compares the two (policy-change).








/** The config file is small; the same cap as on disk (config/load.ts). */
const policy_MAX_CONFIG_BYTES = 1024 * 1024;
/** The policy could not be established: nothing is judged (the step fails). */
class PolicyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PolicyError';
    }
}
/** Root-relative config paths to look for, in order (the `config` input, else the two defaults). */
function configPaths(settings) {
    if (settings.configPath)
        return [paths_toPosix(external_node_path_.relative(settings.workingDirectory, settings.configPath))];
    return [...CONFIG_FILES];
}
function decode(bytes) {
    if (bytes.length > policy_MAX_CONFIG_BYTES)
        return { kind: 'refused', why: `it is ${bytes.length} bytes, over the ${policy_MAX_CONFIG_BYTES}-byte cap` };
    try {
        return { kind: 'file', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        return { kind: 'refused', why: 'it is not valid UTF-8 text' };
    }
}
/** `git` in the workspace, no shell; paths are literal, relative to the repository's top. */
function gitReader(workspace) {
    const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
    const git = (args, encoding = 'utf8') => run('git', ['--literal-pathspecs', ...args], { cwd: workspace, maxBuffer: 8 * policy_MAX_CONFIG_BYTES, encoding: encoding });
    const hasCommit = async (sha) => {
        try {
            await git(['cat-file', '-e', `${sha}^{commit}`]);
            return true;
        }
        catch {
            return false;
        }
    };
    const readAt = async (sha, repoPath) => {
        const { stdout } = await git(['ls-tree', '-z', '--full-tree', sha, '--', repoPath]);
        const entry = stdout.split('\0').find((e) => e.endsWith(`\t${repoPath}`));
        if (!entry)
            return { kind: 'absent' };
        const [mode, type, object] = entry.split('\t')[0].split(' ');
        if (type !== 'blob')
            return { kind: 'refused', why: `it is a ${type === 'tree' ? 'folder' : 'submodule'}, not a file` };
        if (mode === '120000')
            return { kind: 'refused', why: 'it is a symbolic link; keep the config a plain file' };
        const { stdout: size } = await git(['cat-file', '-s', object]);
        if (Number(size) > policy_MAX_CONFIG_BYTES)
            return { kind: 'refused', why: `it is ${Number(size)} bytes, over the ${policy_MAX_CONFIG_BYTES}-byte cap` };
        const { stdout: bytes } = (await git(['cat-file', 'blob', object], 'buffer'));
        return decode(bytes);
    };
    return { hasCommit, readAt };
}
/** A contents-API answer (`repos/get-content`) as a BlobAt; a 404 is `absent`. */
function contentsBlob(data) {
    if (Array.isArray(data))
        return { kind: 'refused', why: 'it is a folder, not a file' };
    const d = (data ?? {});
    if (d['type'] !== 'file')
        return { kind: 'refused', why: `it is a ${String(d['type'] ?? 'thing')} (not a file)` };
    if (d['encoding'] !== 'base64' || typeof d['content'] !== 'string')
        return { kind: 'refused', why: 'the API did not send its content (too large?)' };
    return decode(Buffer.from(d['content'], 'base64'));
}
/** The first candidate present at `sha`, as a root-relative ConfigSource (null: none there). */
async function sourceAt(readAt, sha, settings) {
    for (const rel of configPaths(settings)) {
        const blob = await readAt(sha, rootToRepo(rel, settings.rootPrefix));
        if (blob.kind === 'absent')
            continue;
        if (blob.kind === 'refused')
            return { problems: [{ file: rel, line: 0, column: 0, message: `the config file cannot be used: ${blob.why}` }] };
        return { source: { path: rel, text: blob.text } };
    }
    return { source: null };
}
/** The checkout's config (the pull request's): null when there is none. Problems when it cannot be read. */
function checkoutSource(settings) {
    const root = settings.workingDirectory;
    // An explicit `config` the checkout lacks: the pull request deletes it (or never had it).
    if (settings.configPath && !external_node_fs_.existsSync(settings.configPath) && !isLink(settings.configPath))
        return { source: null };
    const found = readConfigSource(root, settings.configPath);
    return found.ok ? { source: found.source } : { problems: found.problems };
}
function isLink(p) {
    try {
        return external_node_fs_.lstatSync(p).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/**
 * The policy of this run. `readers` are tried in order for the base commit: git (when it has the
 * commit), then the contents API. A base config that cannot be read fails the run (PolicyError);
 * an invalid one judges with the built-in defaults, said in a warning and in the reports.
 */
async function planPolicy(settings, readers) {
    const e = settings.event;
    const baseSha = e.pullRequest?.baseSha ?? e.mergeGroup?.baseSha;
    const prEvent = e.name === 'pull_request' || e.name === 'pull_request_target' || e.name === 'merge_group';
    if (!prEvent)
        return { log: [] };
    if (!baseSha) {
        if (settings.policyFrom === 'head')
            return { log: [`Policy: the checkout's config (policy-from: head); the ${e.name} payload names no base commit.`] };
        throw new PolicyError(`the ${e.name} event payload names no base commit, so the base branch's policy cannot be read (set \`policy-from: head\` to judge with the checkout's config)`);
    }
    const short = baseSha.slice(0, 12);
    let base;
    let how = '';
    const why = [];
    if (readers.git && (await readers.git.hasCommit(baseSha))) {
        try {
            base = await sourceAt(readers.git.readAt, baseSha, settings);
            how = `git, commit ${short}`;
        }
        catch (err) {
            why.push(`git: ${firstLine(err)}`);
        }
    }
    else {
        why.push(`git: commit ${short} is not in the checkout`);
    }
    if (!base && readers.api) {
        try {
            base = await sourceAt(readers.api, baseSha, settings);
            how = `the contents API at ${short}`;
        }
        catch (err) {
            why.push(`contents API: ${firstLine(err)}`);
        }
    }
    else if (!base) {
        why.push('contents API: no token');
    }
    if (!base) {
        throw new PolicyError(`the base branch's config could not be read at ${short} (${why.join('; ')}), so the pull request cannot be judged by it. ` +
            'Check out with `fetch-depth: 0`, or give the action a token with `contents: read`');
    }
    const head = checkoutSource(settings);
    if (settings.policyFrom === 'head') {
        if ('problems' in head)
            return { log: [], policy: undefined };
        const baseline = 'source' in base ? base.source : undefined;
        return {
            log: [`Policy: the pull request's own config ${head.source ? head.source.path : '(none: built-in defaults)'} (policy-from: head).`],
            policy: { from: 'head', source: head.source, ...(baseline !== undefined ? { baseline } : {}) },
        };
    }
    let source;
    let note;
    let warning;
    if ('problems' in base) {
        source = null;
        note = `The base branch's config could not be used (${problemText(base.problems[0])}); the built-in defaults judged this run`;
        warning = `${note}.`;
    }
    else {
        source = base.source;
        const parsed = configFrom(source, engine_RULE_IDS);
        if (!parsed.ok) {
            note = `The base branch's config is invalid (${problemText(parsed.problems[0])}); the built-in defaults judged this run`;
            warning = `${note}.`;
            source = null;
        }
    }
    const policy = { from: 'base', source, commit: baseSha, ...(note ? { note } : {}) };
    const raw = 'source' in base ? base.source : null;
    if ('problems' in head)
        policy.proposedProblems = head.problems;
    // An unusable base config the pull request leaves as it is: no change to report (the warning says it).
    else if (!(note && raw && head.source && raw.path === head.source.path && raw.text === head.source.text))
        policy.proposed = head.source;
    const found = 'source' in base && base.source ? `config ${base.source.path}` : 'no config (built-in defaults)';
    return { policy, warning, log: [`Policy: the base branch's ${found}, read with ${how}.`] };
}
function firstLine(e) {
    const msg = e instanceof Error ? (e.stderr?.toString() || e.message) : String(e);
    return msg.trim().split('\n')[0] ?? '';
}

;// CONCATENATED MODULE: ./src/github/rebase.ts

function rebaseResult(result, rootPrefix) {
    if (rootPrefix === '')
        return result;
    const at = (p) => rootToRepo(p, rootPrefix);
    return {
        ...result,
        findings: result.findings.map((f) => ({ ...f, file: at(f.file), ...(f.fix?.file !== undefined ? { fix: { ...f.fix, file: at(f.fix.file) } } : {}) })),
        inventory: result.inventory.map((r) => ({ ...r, file: at(r.file) })),
        skipped: result.skipped.map((s) => ({ ...s, file: at(s.file) })),
        ...(result.quota ? { quota: result.quota.map((q) => ({ ...q, deployments: q.deployments.map((d) => ({ ...d, file: at(d.file) })) })) } : {}),
        ...(result.policy
            ? {
                policy: {
                    ...result.policy,
                    file: result.policy.file === null ? null : at(result.policy.file),
                    ...(result.policy.change ? { change: { ...result.policy.change, file: at(result.policy.change.file) } } : {}),
                },
            }
            : {}),
    };
}

;// CONCATENATED MODULE: ./src/github/patch.ts
// Which lines of the new file a unified-diff `patch` (from pulls.listFiles) adds or changes.
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** New-file line numbers of `+` lines. An absent patch (binary, too large) yields an empty set. */
function changedLines(patch) {
    const lines = new Set();
    if (!patch)
        return lines;
    let next = 0;
    let inHunk = false;
    for (const line of patch.split('\n')) {
        const m = HUNK.exec(line);
        if (m) {
            next = Number(m[1]);
            inHunk = true;
            continue;
        }
        if (!inHunk)
            continue;
        if (line.startsWith('+'))
            lines.add(next++);
        else if (line.startsWith(' ') || line === '')
            next++;
        // '-' lines and "\ No newline at end of file" do not exist in the new file.
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/github/scope.ts
// Which files a run gates (SPEC §6): the PR's changed files, a git diff, or everything — and why.
// The decision is pure given its two sources (the PR file list and `git diff`), which are passed in.







const CHANGED_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const ZERO_SHA = /^0+$/;
/** `auto` gates changed files on PR and merge-queue events and audits everything otherwise. */
function wantsChanged(scope, eventName) {
    return scope === 'changed' || (scope === 'auto' && CHANGED_EVENTS.has(eventName));
}
/** Repo-relative paths of the config files this run may read: a change to one re-gates everything. */
function configCandidates(settings) {
    if (settings.configPath)
        return [paths_toPosix(external_node_path_.relative(settings.workspace, settings.configPath))];
    return CONFIG_FILES.map((p) => rootToRepo(p, settings.rootPrefix));
}
/**
 * Raw repo paths (from the API or git) → the engine's changed list. Paths that escape the checkout
 * are rejected; files outside the scanned root are left out; a changed config widens to `all`.
 */
function scopeFromFiles(rawPaths, opts) {
    const log = [];
    const repoPaths = [];
    for (const raw of rawPaths) {
        const p = normaliseRepoPath(raw);
        if (p === undefined) {
            log.push({ level: 'warning', message: `Ignored changed-file path ${JSON.stringify(raw)} from ${opts.source}: it is not a path inside the repository.` });
        }
        else {
            repoPaths.push(p);
        }
    }
    const config = repoPaths.find((p) => opts.configFiles.includes(p));
    if (config !== undefined) {
        return { mode: 'all', reason: `the config file ${config} changed (${opts.source})`, log };
    }
    const changed = [...new Set(repoPaths.map((p) => repoToRoot(p, opts.rootPrefix)).filter((p) => p !== undefined))].sort();
    const outside = repoPaths.length - changed.length;
    const where = opts.rootPrefix ? ` under ${opts.rootPrefix}/` : '';
    const reason = `${changed.length} changed file${changed.length === 1 ? '' : 's'}${where} (${opts.source})` +
        (outside > 0 ? `; ${outside} outside the scanned folder ignored` : '');
    return { mode: 'changed', reason, changed, changedLines: opts.changedLines, log };
}
/** Runs `git diff --name-only -z --diff-filter=d BASE...HEAD` in the workspace (no shell). */
function gitDiffIn(workspace) {
    const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
    return async (base, head) => {
        const { stdout } = await run('git', ['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--diff-filter=d', `${base}...${head}`], { cwd: workspace, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
        return stdout.split('\0').filter((s) => s !== '');
    };
}
function scope_firstLine(e) {
    const msg = e instanceof Error ? (e.stderr || e.message) : String(e);
    return msg.trim().split('\n')[0] ?? '';
}
async function resolveScope(settings, sources) {
    const { event } = settings;
    const eventName = event.name || 'local run';
    if (!wantsChanged(settings.scope, event.name)) {
        const why = settings.scope === 'all' ? 'scope: all' : `${eventName} event`;
        return { mode: 'all', reason: why, log: [] };
    }
    const log = [];
    const configFiles = configCandidates(settings);
    const base = { rootPrefix: settings.rootPrefix, configFiles };
    // 1. The PR's own file list.
    let unavailable;
    const pr = event.pullRequest;
    if (pr && sources.listFiles) {
        try {
            const { files, capped } = await sources.listFiles();
            const distinct = new Set(files.map((f) => f.filename));
            const twice = files.length - distinct.size;
            if (capped) {
                unavailable = `pull request #${pr.number} changes ${files.length} or more files, the most the GitHub API lists`;
                log.push({ level: 'info', message: `The GitHub API lists at most ${files.length} files of a pull request: its file list is incomplete.` });
            }
            else if (twice > 0) {
                // Pages shift when a push lands between two page requests: a file listed twice means another may be missing.
                unavailable = `the GitHub API listed ${plural(twice, 'file')} of pull request #${pr.number} twice (the list changed while it was read)`;
                log.push({ level: 'warning', message: `The GitHub API listed ${plural(twice, 'file')} of pull request #${pr.number} twice: the list changed while it was read and may lack files. Falling back to git.` });
            }
            else if (pr.changedFiles !== undefined && distinct.size !== pr.changedFiles) {
                // A page went missing (e.g. an empty page where a Link promised more), or the PR changed since the event: never gate part of the list.
                unavailable = `the GitHub API listed ${distinct.size} of the ${pr.changedFiles} files pull request #${pr.number} changes`;
                log.push({
                    level: 'warning',
                    message: distinct.size < pr.changedFiles
                        ? `The GitHub API listed ${distinct.size} of the ${pr.changedFiles} changed files of pull request #${pr.number}: the list is incomplete. Falling back to git.`
                        : `The GitHub API listed ${distinct.size} files, but the event says pull request #${pr.number} changes ${pr.changedFiles}: the list does not match. Falling back to git.`,
                });
            }
            else {
                const lines = new Map();
                const kept = files.filter((f) => f.status !== 'removed');
                for (const f of kept) {
                    const p = normaliseRepoPath(f.filename);
                    if (p !== undefined)
                        lines.set(p, changedLines(f.patch));
                }
                // A deleted config is a config change too (SPEC §6): the run gates everything.
                const deletedConfig = files
                    .filter((f) => f.status === 'removed' || f.status === 'renamed')
                    .map((f) => normaliseRepoPath(f.status === 'renamed' ? (f.previous_filename ?? '') : f.filename))
                    .find((p) => p !== undefined && configFiles.includes(p));
                if (deletedConfig !== undefined) {
                    return { mode: 'all', reason: `the config file ${deletedConfig} is deleted or moved (pull request #${pr.number}, GitHub API)`, log };
                }
                const decision = scopeFromFiles(kept.map((f) => f.filename), { ...base, source: `pull request #${pr.number}, GitHub API`, changedLines: lines });
                return { ...decision, log: [...log, ...decision.log] };
            }
        }
        catch (e) {
            unavailable = `listing the files of pull request #${pr.number} failed (${scope_firstLine(e)})`;
            log.push({ level: 'warning', message: `Could not list the pull request's changed files: ${scope_firstLine(e)}. Falling back to git.` });
        }
    }
    else if (pr) {
        unavailable = settings.token ? 'GITHUB_REPOSITORY is not set' : 'no token to list the pull request files';
    }
    else {
        unavailable = `the ${eventName} event carries no pull request`;
    }
    // 2. git diff between the two commits the event names.
    const range = pr
        ? { base: pr.baseSha, head: pr.headSha }
        : event.mergeGroup
            ? { base: event.mergeGroup.baseSha, head: event.mergeGroup.headSha }
            : event.push && !ZERO_SHA.test(event.push.before)
                ? { base: event.push.before, head: event.push.after }
                : undefined;
    if (range) {
        const cmd = `git diff ${range.base.slice(0, 12)}...${range.head.slice(0, 12)}`;
        try {
            const files = await sources.gitDiff(range.base, range.head);
            const decision = scopeFromFiles(files, { ...base, source: event.mergeGroup && !pr ? cmd : `${cmd}, because ${unavailable}` });
            log.push({ level: 'info', message: `Changed files taken from ${cmd}${pr ? ` because ${unavailable}` : ''}.` });
            return { ...decision, log: [...log, ...decision.log] };
        }
        catch (e) {
            unavailable += `; ${cmd} failed (${scope_firstLine(e)}; fetch the history with actions/checkout \`fetch-depth: 0\`)`;
        }
    }
    else {
        unavailable += '; no base commit to compare with';
    }
    // 3. Never pass because we could not look: gate everything.
    log.push({ level: 'info', message: `Gating every file: ${unavailable}.` });
    return { mode: 'all', reason: unavailable, log };
}

;// CONCATENATED MODULE: ./src/github/settings.ts
// Every input and every piece of workflow context, read and validated in ONE place (like
// actions/checkout's input-helper). The rest of src/github/ receives a typed Settings object.




/** Invalid input: the message lists every problem; the step fails with it. */
class SettingsError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid action input:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'SettingsError';
    }
}
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
function oneOf(problems, name, raw, allowed, fallback, aliases = {}) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (allowed.includes(v))
        return v;
    if (v in aliases)
        return aliases[v];
    problems.push(`\`${name}\` is "${raw}"; expected one of: ${allowed.join(', ')}.`);
    return fallback;
}
function record(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function settings_str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** A commit SHA from the payload, or undefined: anything else never reaches `git` (no option injection). */
function sha(v) {
    return typeof v === 'string' && SHA.test(v) ? v.toLowerCase() : undefined;
}
function readEvent(name, githubSha, payload) {
    const p = record(payload) ?? {};
    const event = { name, sha: sha(githubSha) ?? '' };
    const pr = record(p['pull_request']);
    if (pr) {
        const head = record(pr['head']);
        const base = record(pr['base']);
        const num = pr['number'] ?? p['number'];
        const headSha = sha(head?.['sha']);
        const baseSha = sha(base?.['sha']);
        if (typeof num === 'number' && Number.isInteger(num) && num > 0 && headSha && baseSha) {
            const headRepo = settings_str(record(head?.['repo'])?.['full_name']);
            const baseRepo = settings_str(record(base?.['repo'])?.['full_name']);
            event.pullRequest = {
                number: num,
                headSha,
                baseSha,
                baseRef: settings_str(base?.['ref']) ?? '',
                fork: headRepo === undefined || headRepo !== baseRepo,
            };
            if (headRepo)
                event.pullRequest.headRepo = headRepo;
            const mergeSha = sha(pr['merge_commit_sha']);
            if (mergeSha)
                event.pullRequest.mergeSha = mergeSha;
            const changedFiles = pr['changed_files'];
            if (typeof changedFiles === 'number' && Number.isInteger(changedFiles) && changedFiles >= 0)
                event.pullRequest.changedFiles = changedFiles;
        }
    }
    const mg = record(p['merge_group']);
    if (mg) {
        const baseSha = sha(mg['base_sha']);
        const headSha = sha(mg['head_sha']);
        if (baseSha && headSha)
            event.mergeGroup = { baseSha, headSha };
    }
    if (name === 'push') {
        const before = sha(p['before']);
        const after = sha(p['after']);
        if (before && after)
            event.push = { before, after };
    }
    return event;
}
/**
 * Pure: inputs + environment + event payload → Settings. Throws SettingsError listing every problem.
 * Paths are checked lexically here; `readSettings` also checks them on disk.
 */
function parseSettings(input, env, payload) {
    const problems = [];
    const workspace = external_node_path_.resolve(env['GITHUB_WORKSPACE'] || process.cwd());
    const wdRaw = input('working-directory').trim();
    const workingDirectory = external_node_path_.resolve(workspace, wdRaw || '.');
    if (!isInside(workspace, workingDirectory)) {
        problems.push(`\`working-directory\` "${wdRaw}" is outside the workspace (${workspace}); it must be a folder of the checked-out repository.`);
    }
    const rootPrefix = paths_toPosix(external_node_path_.relative(workspace, workingDirectory));
    const configRaw = input('config').trim();
    let configPath;
    if (configRaw) {
        configPath = external_node_path_.resolve(workingDirectory, configRaw);
        if (!isInside(workspace, configPath)) {
            problems.push(`\`config\` "${configRaw}" is outside the workspace; the config must be a file of the repository.`);
        }
        else if (!isInside(workingDirectory, configPath)) {
            problems.push(`\`config\` "${configRaw}" is outside \`working-directory\`; the config must be a file of the gated folder.`);
        }
    }
    const scope = oneOf(problems, 'scope', input('scope'), ['auto', 'changed', 'all'], 'auto');
    const failOn = oneOf(problems, 'fail-on', input('fail-on'), ['error', 'warning', 'notice', 'never'], 'error');
    const stageRaw = input('default-stage').trim();
    const defaultStage = stageRaw
        ? oneOf(problems, 'default-stage', stageRaw, ['production', 'nonproduction', 'unknown'], 'unknown')
        : undefined;
    const checkRun = oneOf(problems, 'check-run', input('check-run'), ['auto', 'on', 'off'], 'auto', {
        true: 'on',
        false: 'off',
    });
    const comment = oneOf(problems, 'comment', input('comment'), ['off', 'on-failure', 'always'], 'off', {
        false: 'off',
        true: 'always',
    });
    const policyFrom = oneOf(problems, 'policy-from', input('policy-from'), ['base', 'head'], 'base');
    const suggestions = oneOf(problems, 'suggestions', input('suggestions'), ['on', 'off'], 'on', { true: 'on', false: 'off' });
    const outFile = (name) => {
        const raw = input(name).trim();
        return raw ? external_node_path_.resolve(workingDirectory, raw) : undefined;
    };
    const sarifFile = outFile('sarif-file');
    const reportFile = outFile('report-file');
    if (sarifFile && reportFile && sarifFile === reportFile) {
        problems.push('`sarif-file` and `report-file` name the same file; give them different paths.');
    }
    let repo;
    const repoRaw = env['GITHUB_REPOSITORY'] ?? '';
    if (repoRaw) {
        const m = /^([A-Za-z0-9-_.]+)\/([A-Za-z0-9-_.]+)$/.exec(repoRaw);
        if (m)
            repo = { owner: m[1], name: m[2] };
        else
            problems.push(`GITHUB_REPOSITORY "${repoRaw}" is not "owner/name".`);
    }
    if (problems.length)
        throw new SettingsError(problems);
    const token = input('token').trim();
    return {
        token,
        configPath,
        scope,
        failOn,
        defaultStage,
        checkRun,
        comment,
        suggestions,
        policyFrom,
        sarifFile,
        reportFile,
        workspace,
        workingDirectory,
        rootPrefix,
        event: readEvent(env['GITHUB_EVENT_NAME'] ?? '', env['GITHUB_SHA'] ?? '', payload),
        repo,
        apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl: (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, ''),
        runId: env['GITHUB_RUN_ID'] || undefined,
        runAttempt: env['GITHUB_RUN_ATTEMPT'] || undefined,
        timing: {
            retryBaseMs: positiveMs(env['MODEL_DEPLOY_GATE_RETRY_BASE_MS'], 1000, true),
            requestTimeoutMs: positiveMs(env['MODEL_DEPLOY_GATE_REQUEST_TIMEOUT_MS'], 60_000, false),
        },
    };
}
/** A duration in ms from the environment, else the default (0 allowed only where `zero` says so). */
function positiveMs(raw, fallback, zero) {
    const n = raw === undefined || raw === '' ? NaN : Number(raw);
    return Number.isFinite(n) && (zero ? n >= 0 : n > 0) ? n : fallback;
}
/** Reads the runner's inputs, environment and event payload, and checks paths on disk. */
function readSettings(env = process.env) {
    let payload = {};
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath && external_node_fs_.existsSync(eventPath)) {
        try {
            payload = JSON.parse(external_node_fs_.readFileSync(eventPath, 'utf8'));
        }
        catch (e) {
            throw new SettingsError([`the event payload ${eventPath} is not valid JSON: ${e.message}`]);
        }
    }
    const settings = parseSettings((name) => runner/* getInput */.V4(name), env, payload);
    // A PAT given as input is not masked automatically like github.token is.
    if (settings.token)
        runner/* setSecret */.Pq(settings.token);
    const problems = [];
    let wdReal;
    try {
        wdReal = external_node_fs_.realpathSync(settings.workingDirectory);
        if (!external_node_fs_.statSync(wdReal).isDirectory())
            problems.push(`\`working-directory\` ${settings.workingDirectory} is not a folder.`);
    }
    catch {
        problems.push(`\`working-directory\` ${settings.workingDirectory} does not exist (is the repository checked out? add actions/checkout before this step).`);
    }
    // A symlinked folder must not lead the scan out of the checkout.
    if (wdReal && !isInside(external_node_fs_.realpathSync(settings.workspace), wdReal)) {
        problems.push(`\`working-directory\` ${settings.workingDirectory} resolves outside the workspace through a symbolic link.`);
    }
    // The `config` file is not checked here: on a pull request it is read from the base commit (the
    // pull request may add or delete it), and the checkout's copy is checked where it is read.
    if (problems.length)
        throw new SettingsError(problems);
    return settings;
}

;// CONCATENATED MODULE: ./src/fix/apply.ts
/** The file a finding's fix edits (its own, unless the fix says otherwise). */
function fixFile(f) {
    return f.fix ? (f.fix.file ?? f.file) : undefined;
}
function overlaps(a, b) {
    if (a.start === a.end && b.start === b.end)
        return false; // two insertions at one offset: both go in, in order
    return a.start < b.end && b.start < a.end;
}
function same(a, b) {
    return a.start === b.start && a.end === b.end && a.text === b.text;
}
/**
 * The fixes that can be applied together, by file: unsuppressed findings with a fix, in order; a
 * fix whose edits collide with one taken before is left for the next pass (`--fix` runs the gate
 * again after each pass). `accept` narrows the files a fix may touch (e.g. the CLI's paths).
 */
function selectFixes(findings, accept = () => true) {
    const out = new Map();
    for (const f of findings) {
        if (!f.fix || f.suppressed || f.fix.edits.length === 0)
            continue;
        const file = fixFile(f);
        if (!accept(file))
            continue;
        let entry = out.get(file);
        if (!entry)
            out.set(file, (entry = { file, edits: [], findings: [] }));
        const fresh = [];
        let clash = false;
        for (const e of f.fix.edits) {
            if (entry.edits.some((x) => same(x, e)))
                continue;
            if (entry.edits.some((x) => overlaps(x, e)) || fresh.some((x) => overlaps(x, e))) {
                clash = true;
                break;
            }
            fresh.push(e);
        }
        if (clash)
            continue;
        entry.edits.push(...fresh);
        entry.edits.sort((a, b) => a.start - b.start || a.end - b.end);
        entry.findings.push(f);
    }
    for (const [k, v] of out)
        if (v.findings.length === 0)
            out.delete(k);
    return out;
}
/** `text` with `edits` applied (non-overlapping; insertions at one offset keep their order). */
function applyEdits(text, edits) {
    const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
    let out = '';
    let at = 0;
    for (const { e } of sorted) {
        if (e.start < at)
            throw new RangeError(`overlapping edits at offset ${e.start}`);
        out += text.slice(at, e.start) + e.text;
        at = e.end;
    }
    return out + text.slice(at);
}

;// CONCATENATED MODULE: ./src/fix/diff.ts
// Unified diffs (`--- a/file` / `+++ b/file`, 3 lines of context) that `git apply` and `patch -p1`
// accept. Lines keep their terminators, so a CRLF file diffs as CRLF and a missing final newline
// is marked "\ No newline at end of file".
const CONTEXT = 3;
/** Above this many cells the middle of a change is one replace block (manifests are small). */
const MAX_CELLS = 4_000_000;
function splitLines(text) {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
/** The edit script old → new: common prefix and suffix, then an LCS of the middle. */
function script(a, b) {
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre])
        pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
        suf++;
    const ops = a.slice(0, pre).map((line) => ({ kind: ' ', line }));
    const am = a.slice(pre, a.length - suf);
    const bm = b.slice(pre, b.length - suf);
    if (am.length * bm.length > MAX_CELLS) {
        for (const line of am)
            ops.push({ kind: '-', line });
        for (const line of bm)
            ops.push({ kind: '+', line });
    }
    else {
        const n = am.length;
        const m = bm.length;
        const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
        for (let i = n - 1; i >= 0; i--)
            for (let j = m - 1; j >= 0; j--)
                lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        let i = 0;
        let j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && am[i] === bm[j]) {
                ops.push({ kind: ' ', line: am[i++] });
                j++;
            }
            else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.push({ kind: '-', line: am[i++] });
            }
            else {
                ops.push({ kind: '+', line: bm[j++] });
            }
        }
    }
    for (const line of a.slice(a.length - suf))
        ops.push({ kind: ' ', line });
    return ops;
}
function body(op) {
    const nl = op.line.endsWith('\n');
    return `${op.kind}${nl ? op.line : `${op.line}\n\\ No newline at end of file\n`}`;
}
/** A unified diff of one file ('' when nothing changed). `file` is repo-relative with `/`. */
function unifiedDiff(file, before, after) {
    if (before === after)
        return '';
    const ops = script(splitLines(before), splitLines(after));
    // Old/new line number at each op.
    const oldAt = [];
    const newAt = [];
    let o = 1;
    let n = 1;
    for (const op of ops) {
        oldAt.push(o);
        newAt.push(n);
        if (op.kind !== '+')
            o++;
        if (op.kind !== '-')
            n++;
    }
    const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
    const hunks = [];
    for (const i of changed) {
        const from = Math.max(0, i - CONTEXT);
        const to = Math.min(ops.length - 1, i + CONTEXT);
        const last = hunks[hunks.length - 1];
        if (last && from <= last[1] + 1)
            last[1] = Math.max(last[1], to);
        else
            hunks.push([from, to]);
    }
    let out = `--- a/${file}\n+++ b/${file}\n`;
    for (const [from, to] of hunks) {
        const slice = ops.slice(from, to + 1);
        const oldCount = slice.filter((x) => x.kind !== '+').length;
        const newCount = slice.filter((x) => x.kind !== '-').length;
        const oldStart = oldCount === 0 ? oldAt[from] - 1 : oldAt[from];
        const newStart = newCount === 0 ? newAt[from] - 1 : newAt[from];
        out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
        // Within a run of changes, removals first, then additions (the usual layout).
        let k = 0;
        while (k < slice.length) {
            if (slice[k].kind === ' ') {
                out += body(slice[k++]);
                continue;
            }
            const run = [];
            while (k < slice.length && slice[k].kind !== ' ')
                run.push(slice[k++]);
            for (const x of run)
                if (x.kind === '-')
                    out += body(x);
            for (const x of run)
                if (x.kind === '+')
                    out += body(x);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/fix/suggest.ts


/**
 * The lines `edits` touch and their new content. An insertion at the start of a line belongs to
 * the line before it (a new key under the last member reads as "this line, and one more").
 */
function lineReplacement(text, edits) {
    if (edits.length === 0)
        return undefined;
    const L = new LineMap(text);
    let a = Infinity;
    let b = 0;
    for (const e of edits) {
        let ea;
        let eb;
        const line = L.lineOf(e.start);
        if (e.start === e.end && line > 1 && e.start === L.lineStart(line)) {
            ea = eb = line - 1;
        }
        else {
            ea = line;
            eb = L.lineOf(e.end > e.start ? e.end - 1 : e.end);
        }
        a = Math.min(a, ea);
        b = Math.max(b, eb);
    }
    const from = L.lineStart(a);
    const to = b < L.count ? L.lineStart(b + 1) : text.length;
    if (edits.some((e) => e.start < from || e.end > to))
        return undefined;
    const shifted = edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
    let region = applyEdits(text.slice(from, to), shifted);
    const terminated = L.terminator(b) !== '';
    if (terminated)
        region = region.replace(/\r?\n$/, '');
    return { startLine: a, endLine: b, lines: region.split(/\r?\n/) };
}
/** A fenced ```suggestion block whose fence no line of the content can close. */
function suggestionBlock(lines) {
    let longest = 0;
    for (const l of lines)
        for (const m of l.matchAll(/`+/g))
            longest = Math.max(longest, m[0].length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}suggestion\n${lines.join('\n')}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/github/api/create-review.ts
/** Posts a submitted review (`event: COMMENT`) with line comments on the PR head commit. */
async function createReview(client, repo, args) {
    const res = await client.rest.pulls.createReview({
        owner: repo.owner,
        repo: repo.name,
        pull_number: args.pullNumber,
        commit_id: args.commitId,
        body: args.body,
        event: 'COMMENT',
        comments: args.comments,
    });
    return { id: res.data.id, htmlUrl: res.data.html_url, login: res.data.user?.login ?? '' };
}

;// CONCATENATED MODULE: ./src/github/api/delete-review-comment.ts
/** Deletes one review comment (`DELETE /repos/{o}/{r}/pulls/comments/{id}`). */
async function deleteReviewComment(client, repo, commentId) {
    await client.rest.pulls.deleteReviewComment({ owner: repo.owner, repo: repo.name, comment_id: commentId });
}

;// CONCATENATED MODULE: ./src/github/api/get-authenticated-user.ts

/**
 * The login the token acts as (`GET /user`), or undefined when the token is not a user's: an
 * installation token such as GITHUB_TOKEN is answered 403 there.
 */
async function getAuthenticatedLogin(client) {
    try {
        const res = await client.rest.users.getAuthenticated();
        return typeof res.data.login === 'string' ? res.data.login : undefined;
    }
    catch (e) {
        const status = httpStatus(e);
        if (status === 401 || status === 403 || status === 404)
            return undefined;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/github/api/get-file-at.ts

/** A file's text at a commit (`GET /repos/{o}/{r}/contents/{path}?ref=`), or undefined when it is not there (404). */
async function getFileAt(client, repo, file, ref) {
    try {
        const res = await client.rest.repos.getContent({ owner: repo.owner, repo: repo.name, path: file, ref });
        const data = res.data;
        if (Array.isArray(res.data) || data.type !== 'file' || data.encoding !== 'base64' || typeof data.content !== 'string')
            return undefined;
        return Buffer.from(data.content, 'base64').toString('utf8');
    }
    catch (e) {
        if (httpStatus(e) === 404)
            return undefined;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/github/api/list-review-comments.ts

/** The comments of one review (`GET /repos/{o}/{r}/pulls/{n}/reviews/{id}/comments`, 100 per page). */
async function listReviewComments(client, repo, pullNumber, reviewId) {
    const pages = client.paginate.iterator(client.rest.pulls.listCommentsForReview, {
        owner: repo.owner,
        repo: repo.name,
        pull_number: pullNumber,
        review_id: reviewId,
        per_page: 100,
    });
    const valid = (c) => (typeof c['id'] === 'number' ? undefined : 'a review comment without an id');
    const out = [];
    for await (const comments of checkedPages(pages, 'the review comments', valid)) {
        for (const c of comments) {
            out.push({
                id: c['id'],
                path: typeof c['path'] === 'string' ? c['path'] : '',
                line: typeof c['line'] === 'number' ? c['line'] : null,
                startLine: typeof c['start_line'] === 'number' ? c['start_line'] : null,
                body: typeof c['body'] === 'string' ? c['body'] : '',
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/github/api/list-reviews.ts

/** Every review of a pull request (`GET /repos/{o}/{r}/pulls/{n}/reviews`, 100 per page). */
async function listReviews(client, repo, pullNumber) {
    const pages = client.paginate.iterator(client.rest.pulls.listReviews, { owner: repo.owner, repo: repo.name, pull_number: pullNumber, per_page: 100 });
    const valid = (r) => (typeof r['id'] === 'number' ? undefined : 'a review without an id');
    const out = [];
    for await (const reviews of checkedPages(pages, 'the review list', valid)) {
        for (const r of reviews) {
            const user = r['user'];
            out.push({
                id: r['id'],
                body: typeof r['body'] === 'string' ? r['body'] : '',
                login: typeof user?.login === 'string' ? user.login : '',
                commitId: typeof r['commit_id'] === 'string' ? r['commit_id'] : '',
                state: typeof r['state'] === 'string' ? r['state'] : '',
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/github/api/update-review.ts
/** Replaces a review's body (`PUT /repos/{o}/{r}/pulls/{n}/reviews/{id}`). */
async function updateReview(client, repo, pullNumber, reviewId, body) {
    await client.rest.pulls.updateReview({ owner: repo.owner, repo: repo.name, pull_number: pullNumber, review_id: reviewId, body });
}

;// CONCATENATED MODULE: ./src/github/suggestions.ts
// Review suggestions: the fixes of findings on lines the pull request changed become GitHub
// suggested changes in one review (batched within GitHub's limits), found again on the next push
// by a hidden marker and its author, and replaced — never duplicated. Fixes elsewhere (lines the
// PR did not change, fork PRs, no token, suggestions off) go to the job summary as a unified diff.















const SUGGESTIONS_MARKER = '<!-- model-deploy-gate:suggestions -->';
/** Review comments per review request (GitHub states no number; this keeps each request small). */
const SUGGESTIONS_PER_REVIEW = 50;
/** Reviews per run; fixes beyond them go to the job summary. */
const MAX_SUGGESTION_REVIEWS = 4;
/** The job summary's share for the fixes' diff (the summary as a whole is capped at 1 MiB). */
const FIXES_SUMMARY_MAX_BYTES = 256 * 1024;
/** The identity of GITHUB_TOKEN, which `GET /user` does not answer for. */
const suggestions_ACTIONS_BOT = 'github-actions[bot]';
/** Repository text made inert for markdown outside code spans (no HTML, links, images or mentions). */
function inert(s) {
    const parts = s.split('`');
    const plain = (p) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([[\]!\\])/g, '\\$1').replace(/@(?=\w)/g, '@\u200b');
    if (parts.length % 2 === 0)
        return plain(s).replace(/`/g, '\\`');
    return parts.map((p, i) => (i % 2 === 1 ? p : plain(p))).join('`');
}
function suggestions_commentBody(findings, lines) {
    const what = findings.map((f) => `**model-deploy-gate** · \`${f.ruleId}\` (${f.severity}): ${inert(f.fix.description)}`).join('\n');
    const body = `${what}\n\n${suggestionBlock(lines)}`;
    return body.length <= COMMENT_MAX_CHARS ? body : '';
}
/** Reads a repo-relative file of the workspace (BOM removed: fix offsets are the parsers'), if it is inside it. */
function workspaceReader(workspace) {
    return (file) => {
        const abs = external_node_path_.resolve(workspace, ...file.split('/'));
        if (!isInside(workspace, abs))
            return undefined;
        try {
            return (0,external_node_fs_.readFileSync)(abs, 'utf8').replace(/^\uFEFF/, '');
        }
        catch {
            return undefined;
        }
    };
}
/**
 * Which fixes become suggestions: per file, the fixes that apply together; fixes whose lines
 * overlap are merged into one suggestion; a suggestion goes inline only when every line it
 * replaces is one the PR added or changed (`changedLines`, from the PR's file list).
 */
function planSuggestions(findings, read, changedLines) {
    const files = new Map();
    const inline = [];
    const byFile = new Map();
    for (const f of findings) {
        if (!f.fix || f.suppressed)
            continue;
        const file = fixFile(f);
        byFile.set(file, [...(byFile.get(file) ?? []), f]);
    }
    for (const [file, list] of byFile) {
        const text = read(file);
        if (text === undefined)
            continue;
        const chosen = selectFixes(list).get(file);
        if (!chosen)
            continue;
        files.set(file, { text, findings: chosen.findings });
        // Group fixes whose line ranges overlap: one suggestion each group.
        const groups = [];
        const ranged = chosen.findings
            .map((f) => ({ f, r: lineReplacement(text, f.fix.edits) }))
            .filter((x) => x.r !== undefined)
            .sort((x, y) => x.r.startLine - y.r.startLine);
        for (const { f, r } of ranged) {
            const last = groups[groups.length - 1];
            if (last && r.startLine <= last.end) {
                last.findings.push(f);
                last.end = Math.max(last.end, r.endLine);
            }
            else {
                groups.push({ findings: [f], start: r.startLine, end: r.endLine });
            }
        }
        const changed = changedLines?.get(file);
        for (const g of groups) {
            const r = lineReplacement(text, g.findings.flatMap((f) => f.fix.edits));
            if (!r || !changed)
                continue;
            let onDiff = true;
            for (let l = r.startLine; l <= r.endLine; l++)
                if (!changed.has(l))
                    onDiff = false;
            const body = onDiff ? suggestions_commentBody(g.findings, r.lines) : '';
            if (body)
                inline.push({ path: file, startLine: r.startLine, line: r.endLine, body, findings: g.findings });
        }
    }
    inline.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    return { inline: inline.slice(0, SUGGESTIONS_PER_REVIEW * MAX_SUGGESTION_REVIEWS), files };
}
/** The job summary's section: the fixes not posted as suggestions, as one unified diff ('' when none). */
function summaryFixes(plan, posted, why, maxBytes = FIXES_SUMMARY_MAX_BYTES) {
    const done = new Set(posted.flatMap((s) => s.findings));
    let diff = '';
    let n = 0;
    for (const [file, { text, findings }] of [...plan.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const rest = findings.filter((f) => !done.has(f));
        if (rest.length === 0)
            continue;
        n += rest.length;
        diff += unifiedDiff(file, text, applyEdits(text, rest.flatMap((f) => f.fix.edits)));
    }
    if (!diff)
        return '';
    if (Buffer.byteLength(diff, 'utf8') > maxBytes) {
        const cut = Buffer.from(diff, 'utf8').subarray(0, maxBytes).toString('utf8');
        diff = `${cut.slice(0, cut.lastIndexOf('\n') + 1)}… (diff cut to fit the job summary: run \`npx model-deploy-gate --fix-dry-run\` for all of it)\n`;
    }
    let longest = 0;
    for (const m of diff.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [
        `### Fixes (${n})`,
        '',
        `${n === 1 ? 'One fixable finding is' : `${n} fixable findings are`} not suggested in the pull request (${why}). ` +
            'Apply them with `npx model-deploy-gate --fix`, or save this diff and run `git apply` in the repository:',
        '',
        `${fence}diff`,
        diff.trimEnd(),
        fence,
        '',
    ].join('\n');
}
function key(c) {
    return `${c.path}\u0000${c.line ?? ''}\u0000${c.startLine ?? ''}\u0000${c.body}`;
}
/**
 * Posts the suggestions as reviews of `SUGGESTIONS_PER_REVIEW` comments, then empties the reviews
 * this identity posted before (their comments deleted, their body marked superseded). Nothing is
 * posted when the same suggestions are already on the same commit.
 */
async function publishSuggestions(client, repo, args) {
    const me = (await getAuthenticatedLogin(client)) ?? suggestions_ACTIONS_BOT;
    const mine = (await listReviews(client, repo, args.pullNumber)).filter((r) => r.login === me && r.body.includes(SUGGESTIONS_MARKER));
    const old = [];
    for (const r of mine)
        old.push({ review: r.id, comments: await listReviewComments(client, repo, args.pullNumber, r.id) });
    const wanted = args.suggestions.map((s) => key({ path: s.path, line: s.line, startLine: s.startLine < s.line ? s.startLine : null, body: s.body })).sort();
    const have = old.flatMap((o) => o.comments.map(key)).sort();
    if (mine.length > 0 && mine.every((r) => r.commitId === args.headSha) && wanted.length === have.length && wanted.every((k, i) => k === have[i])) {
        return { posted: 0, reviews: [], replaced: 0, unchanged: true };
    }
    const reviews = [];
    const batches = [];
    for (let i = 0; i < args.suggestions.length; i += SUGGESTIONS_PER_REVIEW)
        batches.push(args.suggestions.slice(i, i + SUGGESTIONS_PER_REVIEW));
    for (const [i, batch] of batches.entries()) {
        const part = batches.length > 1 ? ` (part ${i + 1} of ${batches.length})` : '';
        const comments = batch.map((s) => ({
            path: s.path,
            body: s.body,
            line: s.line,
            side: 'RIGHT',
            ...(s.startLine < s.line ? { start_line: s.startLine, start_side: 'RIGHT' } : {}),
        }));
        const n = batch.length;
        const body = `${SUGGESTIONS_MARKER}\n**model-deploy-gate** suggests ${n === 1 ? 'a fix' : `${n} fixes`} on lines this pull request changed${part}. ` +
            'Commit them from the review ("Commit suggestion", or "Add suggestion to batch"), or run `npx model-deploy-gate --fix` locally.';
        const created = await createReview(client, repo, { pullNumber: args.pullNumber, commitId: args.headSha, body, comments });
        reviews.push(created.htmlUrl);
    }
    // The previous suggestions go: a review once submitted cannot be deleted, its comments can.
    for (const o of old) {
        for (const c of o.comments)
            await deleteReviewComment(client, repo, c.id);
        await updateReview(client, repo, args.pullNumber, o.review, `~~model-deploy-gate suggestions~~ — superseded${args.suggestions.length > 0 ? ' by a newer review' : ': no fix left to suggest'} (commit ${args.headSha.slice(0, 12)}).`);
    }
    return { posted: args.suggestions.length, reviews, replaced: old.length, unchanged: false };
}
/**
 * The action's step: suggestions in a review where they may go, the rest for the job summary.
 * Returns the summary's "Fixes" section ('' when no finding has a fix).
 */
async function suggestFixes(a) {
    const plan = planSuggestions(a.result.findings, workspaceReader(a.workspace), a.changedLines);
    if (plan.files.size === 0)
        return '';
    const pr = a.pr;
    const why = a.mode === 'off'
        ? '`suggestions: off`'
        : !pr
            ? `the ${a.eventName || 'current'} event has no pull request`
            : !a.repo
                ? 'no token to post a review'
                : pr.fork && a.eventName !== 'pull_request_target'
                    ? 'a pull request from a fork gets a read-only token'
                    : !a.changedLines
                        ? 'the lines the pull request changed are unknown (its file list came from git)'
                        : undefined;
    if (why || !pr || !a.repo) {
        a.info(`No review suggestions: ${why}; the fixes are in the job summary.`);
        return summaryFixes(plan, [], why ?? 'no pull request');
    }
    try {
        const client = await a.client();
        // A suggestion replaces lines of the PR head: the workspace's text must be the head's (not the
        // base branch of pull_request_target, not a merge that moved lines), or the fix goes to the summary.
        const same = new Map();
        for (const file of new Set(plan.inline.map((s) => s.path))) {
            const head = await getFileAt(client, a.repo, file, pr.headSha);
            same.set(file, head !== undefined && head.replace(/^\uFEFF/, '') === plan.files.get(file)?.text);
        }
        const stale = [...same].filter(([, ok]) => !ok).map(([f]) => f);
        if (stale.length)
            a.info(`No review suggestions for ${stale.join(', ')}: the checked-out text is not the pull request head's; those fixes are in the job summary.`);
        const inline = plan.inline.filter((s) => same.get(s.path));
        const r = await publishSuggestions(client, a.repo, { pullNumber: pr.number, headSha: pr.headSha, suggestions: inline });
        if (r.unchanged)
            a.info('Review suggestions unchanged since the last run on this commit.');
        else
            a.info(`Review suggestions: ${r.posted} posted${r.reviews.length ? ` (${r.reviews.join(', ')})` : ''}${r.replaced ? `, ${r.replaced} earlier review(s) emptied` : ''}.`);
        return summaryFixes(plan, inline, stale.length ? 'their lines are not among the lines this pull request changed, or the checkout is not its head' : 'their lines are not among the lines this pull request changed');
    }
    catch (e) {
        const status = httpStatus(e);
        const hint = status === 403 || status === 404
            ? 'the token lacks the `pull-requests: write` permission (add it to the job\'s `permissions:`)'
            : 'the GitHub API kept failing';
        a.warn(`No review suggestions (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${hint}. The fixes are in the job summary.`);
        return summaryFixes(plan, [], 'posting the review failed');
    }
}

;// CONCATENATED MODULE: ./src/github/summary.ts
// The job summary: the markdown report, kept under GitHub's 1 MiB per-step limit.



/** Room left for whatever else the workflow's other tools append to the same step's summary. */
const SAFETY_BYTES = 16 * 1024;
/** Notes (what the run could not do, e.g. no check run) go above the report. */
function buildSummary(result, notes, opts = {}) {
    const maxBytes = opts.maxBytes ?? STEP_SUMMARY_MAX_BYTES - SAFETY_BYTES;
    const head = notes.length ? `${notes.map((n) => `> ${escLine(n)}`).join('\n>\n')}\n\n` : '';
    const room = maxBytes - Buffer.byteLength(head, 'utf8');
    return head + renderMarkdown(result, { maxBytes: room, links: opts.links });
}
async function writeSummary(markdown) {
    await runner/* appendSummary */.fe(markdown);
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// Why the action stopped: each failure ends in setFailed with one of these messages.




/** A requirement the workflow set (`check-run: on`) that could not be met, after a complete evaluation. */
class RequirementError extends Error {
}
/** The workspace does not hold the pull request: nothing was gated. */
class CheckoutError extends Error {
}
/** The config could not be read: nothing was gated. */
class ConfigError extends Error {
    constructor(problems) {
        super(problemsText(problems));
    }
}
function failureMessage(error) {
    if (error instanceof RequirementError)
        return `model-deploy-gate: ${error.message}`;
    if (error instanceof SettingsError)
        return `model-deploy-gate: ${error.message}`;
    if (error instanceof ConfigError)
        return `model-deploy-gate: invalid configuration: ${error.message}`;
    if (error instanceof CheckoutError)
        return `model-deploy-gate: ${error.message}`;
    if (error instanceof PolicyError)
        return `model-deploy-gate: ${error.message}.`;
    return `model-deploy-gate: internal error, the manifests were not gated: ${errorMessage(error)}`;
}
/** Why GitHub refused a write, for the warning. */
function permissionHint(status, permission) {
    if (status === 403 || status === 404) {
        return `the token lacks the \`${permission}\` permission (add it to the job's \`permissions:\`; pull requests from forks always get a read-only token)`;
    }
    if (status !== undefined && status >= 400 && status < 500)
        return 'GitHub refused the request as invalid (not retried)';
    return 'the GitHub API kept failing';
}

;// CONCATENATED MODULE: ./src/github/outputs.ts
// What later steps and the reviewer's links use: step outputs, report files, blob links.



function setOutputs(result, settings) {
    const s = result.summary;
    runner/* setOutput */.uH('result', s.result);
    runner/* setOutput */.uH('errors', s.errors);
    runner/* setOutput */.uH('warnings', s.warnings);
    runner/* setOutput */.uH('notices', s.notices);
    runner/* setOutput */.uH('suppressed', s.suppressed);
    runner/* setOutput */.uH('files-scanned', result.scope.filesScanned);
    runner/* setOutput */.uH('deployments', result.inventory.length);
    runner/* setOutput */.uH('report-file', settings.reportFile ?? '');
    runner/* setOutput */.uH('sarif-file', settings.sarifFile ?? '');
}
async function writeFile(file, text) {
    await external_node_fs_.promises.mkdir(external_node_path_.dirname(file), { recursive: true });
    await external_node_fs_.promises.writeFile(file, text, 'utf8');
}
function headSha(settings) {
    const e = settings.event;
    return e.pullRequest?.headSha ?? e.mergeGroup?.headSha ?? (e.sha || undefined);
}
/** Links from the reports to the reviewed commit's lines. */
function blobLinks(serverUrl, repo, sha) {
    return (file, line) => `${serverUrl}/${repo.owner}/${repo.name}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

;// CONCATENATED MODULE: ./src/github/run.ts
// The action: settings → scope → engine → outputs → reports → check run → comment → annotations
// → summary → verdict. Every failure ends in setFailed with a message: never a green step by accident.

























/**
 * Workflow-command messages counted per level, so that the findings' annotations get exactly
 * what GitHub will still display in this step.
 */
class Console {
    used = { error: 0, warning: 0, notice: 0 };
    emit(level, message, properties) {
        this.used[level]++;
        if (level === 'error')
            runner/* error */.z3(message, properties);
        else if (level === 'warning')
            runner/* warning */.$e(message, properties);
        else
            runner/* notice */.lm(message, properties);
    }
}
/** The markdown report as the check run summary and PR comment (both ≤ 65,535 characters). */
const SHORT_REPORT_BYTES = CHECK_RUN_MAX_BYTES - 1024;
/** Reads a file at a commit through the contents API; a 404 is "absent". */
function contentsReader(client, repo) {
    return async (sha, repoPath) => {
        try {
            const res = await (await client()).rest.repos.getContent({ owner: repo.owner, repo: repo.name, path: repoPath, ref: sha });
            return contentsBlob(res.data);
        }
        catch (e) {
            if (httpStatus(e) === 404)
                return { kind: 'absent' };
            throw e;
        }
    };
}
async function gate(out) {
    const settings = readSettings();
    const { event, repo } = settings;
    const pr = event.pullRequest;
    let clientPromise;
    const client = () => (clientPromise ??= createClient(settings.token, settings.apiUrl, settings.timing));
    const apiRepo = settings.token && repo ? repo : undefined;
    // The workspace must hold the pull request (pull_request_target checks out the base by default).
    // Other events have no head to check: git is not run for them.
    const problem = checkoutMatters(settings) ? checkoutProblem(settings, await checkedOutCommit(settings.workspace)) : undefined;
    if (problem)
        throw new CheckoutError(problem);
    // The policy: the base branch's on pull requests and merge queues.
    const policyPlan = await planPolicy(settings, {
        git: gitReader(settings.workspace),
        api: apiRepo ? contentsReader(client, apiRepo) : undefined,
    });
    for (const line of policyPlan.log)
        info(line);
    const notes = [];
    if (policyPlan.warning) {
        out.emit('warning', policyPlan.warning);
        notes.push(policyPlan.warning);
    }
    // Scope.
    const scope = await resolveScope(settings, {
        listFiles: apiRepo && pr ? async () => listPullFiles(await client(), apiRepo, pr.number) : undefined,
        gitDiff: gitDiffIn(settings.workspace),
    });
    for (const line of scope.log) {
        if (line.level === 'warning')
            out.emit('warning', line.message);
        else
            info(line.message);
    }
    info(`Scope: ${scope.mode} (${scope.reason}).`);
    // Evaluate.
    const outcome = engine_evaluate({
        root: settings.workingDirectory,
        configPath: settings.configPath,
        policy: policyPlan.policy,
        failOn: settings.failOn,
        defaultStage: settings.defaultStage,
        changed: scope.changed,
        scopeReason: scope.reason,
    });
    if (!outcome.ok)
        throw new ConfigError(outcome.problems);
    const result = rebaseResult(outcome.result, settings.rootPrefix);
    const failed = result.summary.result === 'fail';
    // The text report holds repository text: printed where the runner cannot read it as commands.
    info(render('text', result, ALL_RULES));
    // Outputs and report files first: later steps can use them even if an API call below fails.
    setOutputs(result, settings);
    if (settings.reportFile) {
        await writeFile(settings.reportFile, render('json', result, ALL_RULES));
        info(`JSON report written to ${settings.reportFile}.`);
    }
    if (settings.sarifFile) {
        await writeFile(settings.sarifFile, render('sarif', result, ALL_RULES));
        info(`SARIF report written to ${settings.sarifFile}.`);
    }
    const sha = headSha(settings);
    const links = repo && sha ? blobLinks(settings.serverUrl, repo, sha) : undefined;
    const shortReport = () => renderMarkdown(result, { maxBytes: SHORT_REPORT_BYTES, links });
    // A fork's pull_request gets a read-only token: the check run and the comment would be refused.
    const forkPr = pr?.fork === true && event.name === 'pull_request';
    if (forkPr && apiRepo && (settings.checkRun === 'auto' || settings.comment !== 'off')) {
        const skipped = [settings.checkRun === 'auto' ? 'check run' : undefined, settings.comment !== 'off' ? 'PR comment' : undefined].filter(Boolean).join(' or ');
        const msg = `Pull request #${pr.number} comes from a fork${pr.headRepo ? ` (${pr.headRepo})` : ''}: its token is read-only, so no ${skipped} ` +
            '(GitHub would refuse them). The findings are in the annotations and the job summary.';
        out.emit('notice', msg);
        notes.push(msg);
    }
    const retry = { attempts: 3, waitMs: Math.max(1, settings.timing.retryBaseMs) };
    // Check run with every finding.
    let checkUrl;
    if (settings.checkRun !== 'off' && !(forkPr && settings.checkRun === 'auto' && apiRepo)) {
        const required = settings.checkRun === 'on';
        if (!apiRepo || !sha) {
            const why = !settings.token ? 'no token' : !repo ? 'GITHUB_REPOSITORY is not set' : 'no commit SHA in the event';
            if (required)
                throw new RequirementError(`check-run: on, but no check run can be created: ${why}.`);
            info(`No check run (${why}); findings are reported as annotations and in the job summary.`);
        }
        else {
            try {
                const detailsUrl = settings.runId && repo ? `${settings.serverUrl}/${repo.owner}/${repo.name}/actions/runs/${settings.runId}` : undefined;
                const externalId = `${settings.runId ?? 'run'}-${settings.runAttempt ?? '1'}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
                const run = await publishCheckRun(await client(), apiRepo, { headSha: sha, result, summaryMarkdown: shortReport(), detailsUrl, externalId, retry });
                checkUrl = run.htmlUrl || undefined;
                info(`Check run "${CHECK_NAME}" created on ${sha.slice(0, 12)} (${plural(run.requests, 'request')})${checkUrl ? `: ${checkUrl}` : ''}.`);
            }
            catch (e) {
                const status = httpStatus(e);
                if (e instanceof IncompleteCheckRunError && !e.completed) {
                    // The run exists and could not be completed: it would block a required check for good.
                    throw new RequirementError(`check run "${CHECK_NAME}" ${e.run.htmlUrl || `#${e.run.id}`} is left "in progress": updating it failed (HTTP ${status ?? 'error'}: ${errorMessage(e)}), ` +
                        'and so did completing it. Re-run the job; every finding is in the job summary.');
                }
                const msg = e instanceof IncompleteCheckRunError
                    ? `Check run "${CHECK_NAME}" is incomplete: it was created${e.run.htmlUrl ? ` (${e.run.htmlUrl})` : ''} with ${e.annotationsSent} of ` +
                        `${e.annotationsTotal} annotations, but updating it failed (HTTP ${status ?? 'error'}: ${errorMessage(e)}); it was completed without the rest. ` +
                        'Every finding is in the job summary.'
                    : `No check run "${CHECK_NAME}" (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${permissionHint(status, 'checks: write')}. ` +
                        'Findings are reported as annotations and in the job summary instead.';
                if (required)
                    throw new RequirementError(`check-run: on, but ${msg}`);
                if (e instanceof IncompleteCheckRunError)
                    checkUrl = e.run.htmlUrl || undefined;
                out.emit('warning', msg);
                notes.push(msg);
            }
        }
    }
    // Sticky PR comment.
    if (settings.comment !== 'off' && !(forkPr && apiRepo)) {
        if (!pr)
            info(`No PR comment: the ${event.name || 'current'} event has no pull request.`);
        else if (!apiRepo)
            info('No PR comment: no token.');
        else {
            try {
                const c = await client();
                const author = await tokenIdentity(c, settings.token);
                const res = await upsertComment(c, apiRepo, { issueNumber: pr.number, mode: settings.comment, failed, markdown: shortReport(), author, retry });
                info(res.action === 'skipped' ? 'No PR comment needed (the gate passed).' : `PR comment ${res.action}: ${res.htmlUrl ?? ''}`);
            }
            catch (e) {
                const status = httpStatus(e);
                const msg = `No PR comment (HTTP ${status ?? 'error'}: ${errorMessage(e)}): ${permissionHint(status, 'pull-requests: write')}.`;
                out.emit('warning', msg);
                notes.push(msg);
            }
        }
    }
    // Review suggestions for fixes on the lines the PR changed; every other fix goes to the summary as a diff.
    const fixes = await suggestFixes({
        mode: settings.suggestions,
        result,
        workspace: settings.workspace,
        changedLines: scope.changedLines,
        pr,
        eventName: event.name,
        repo: apiRepo,
        client,
        info: (m) => runner/* info */.pq(m),
        warn: (m) => {
            out.emit('warning', m);
            notes.push(m);
        },
    });
    // Workflow-command annotations within what GitHub displays per step.
    const where = [
        checkUrl ? `the "${CHECK_NAME}" check run (${checkUrl})` : undefined,
        'the job summary',
        settings.sarifFile ? `the SARIF report (${external_node_path_.relative(settings.workspace, settings.sarifFile)})` : undefined,
        settings.reportFile ? `the JSON report (${external_node_path_.relative(settings.workspace, settings.reportFile)})` : undefined,
    ].filter((w) => w !== undefined);
    const budget = {
        error: PER_STEP_LIMIT - out.used.error - (failed ? 1 : 0),
        warning: PER_STEP_LIMIT - out.used.warning,
        notice: PER_STEP_LIMIT - out.used.notice,
    };
    const plan = planAnnotations(result.findings, budget, { changedLines: scope.changedLines, seeAlso: sentenceList(where) });
    for (const c of plan.commands)
        out.emit(c.level, c.message, c.properties);
    // Job summary.
    try {
        const room = STEP_SUMMARY_MAX_BYTES - 16 * 1024 - Buffer.byteLength(fixes, 'utf8');
        await writeSummary(buildSummary(result, notes, { links, maxBytes: room }) + (fixes ? `\n${fixes}` : ''));
    }
    catch (e) {
        info(`No job summary written: ${errorMessage(e)}`);
    }
    if (failed) {
        const s = result.summary;
        runner/* setFailed */.C1(`model-deploy-gate: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')} ` +
            `(fail-on: ${settings.failOn}). See ${sentenceList(['the annotations', ...where])}.`);
    }
}
async function run() {
    const out = new Console();
    try {
        await gate(out);
    }
    catch (e) {
        runner/* setOutput */.uH('result', 'fail');
        if (e instanceof Error && e.stack)
            runner/* debug */.Yz(e.stack);
        runner/* setFailed */.C1(failureMessage(e));
    }
}


/***/ })

};

//# sourceMappingURL=429.index.js.map