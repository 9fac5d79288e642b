// Kubernetes quantities (`500m`, `0.1Gi`, `200Mi`, `1G`, `1e3`): parsed as numbers, and compared
// exactly as written (floats would make `700m` exceed `0.7`).
import type { Fact, Manifest } from '../../core/types.js';
import { valueAt } from './values.js';

/** The one grammar of a quantity: sign, digits, optional fraction, then an exponent or a suffix. */
const QUANTITY = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?\s*$/;

const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function parts(v: string): RegExpExecArray | undefined {
  const mt = QUANTITY.exec(v);
  return mt && !(mt[2] === '' && (mt[3] ?? '') === '') ? mt : undefined;
}

/** True for text a Kubernetes quantity parser accepts. */
export function isQuantity(v: string): boolean {
  return parts(v) !== undefined;
}

/** Kubernetes quantity → plain number (`500m` → 0.5, `1Gi` → 1073741824, `4G` → 4e9). Numbers pass through. */
export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const mt = parts(v);
  if (!mt) return undefined;
  const base = Number(`${mt[1]}${mt[2] || '0'}.${mt[3] ?? ''}`);
  if (mt[4] !== undefined) return base * 10 ** Number(mt[4]);
  const suffix = mt[5] ?? '';
  return suffix in BINARY_EXP ? base * 2 ** BINARY_EXP[suffix] : base * 10 ** DECIMAL_EXP[suffix];
}

export function quantityFact(m: Manifest, ptr: string): Fact<number> | undefined {
  const value = parseQuantity(valueAt(m, ptr));
  return value === undefined ? undefined : { value, ptr, manifest: m };
}

/** An exact quantity: n / d (d > 0). */
interface Exact {
  n: bigint;
  d: bigint;
}

/** The quantity as written, as an exact fraction (undefined for hostile sizes: those compare as floats). */
export function exactQuantity(v: unknown): Exact | undefined {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v : '';
  const mt = parts(s);
  if (!mt) return undefined;
  const frac = mt[3] ?? '';
  let n = BigInt(`${mt[2]}${frac}` || '0') * (mt[1] === '-' ? -1n : 1n);
  const suffix = mt[5] ?? '';
  const e10 = (mt[4] !== undefined ? Number(mt[4]) : (DECIMAL_EXP[suffix] ?? 0)) - frac.length;
  if (Math.abs(e10) > 64 || mt[2].length + frac.length > 64) return undefined;
  if (suffix in BINARY_EXP) n *= 2n ** BigInt(BINARY_EXP[suffix]);
  let d = 1n;
  if (e10 >= 0) n *= 10n ** BigInt(e10);
  else d = 10n ** BigInt(-e10);
  return { n, d };
}

/** a < b, exactly when both are written quantities, else by their parsed values. */
export function quantityBelow(a: Fact<number>, b: Fact<number> | number): boolean {
  const ea = exactQuantity(valueAt(a.manifest, a.ptr));
  const eb = typeof b === 'number' ? exactQuantity(b) : exactQuantity(valueAt(b.manifest, b.ptr));
  if (ea && eb) return ea.n * eb.d < eb.n * ea.d;
  return a.value < (typeof b === 'number' ? b : b.value);
}
