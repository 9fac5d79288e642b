import { quotaExempt, vmFamily } from './families.js';
import data from './skus.json' with { type: 'json' };

/**
 * Built-in VM SKU catalogue (AZURE-ML-FACTS.md §3; Azure VM size docs and the managed online
 * endpoint SKU list). RAM in GiB. `managedOnline`: allowed on managed online endpoints.
 */
export interface Sku {
  name: string;
  vcpus: number;
  memoryGb: number;
  gpus: number;
  fpga: boolean;
  managedOnline: boolean;
  /**
   * Quota family, as the quota page names it ("Standard DSv2 Family vCPUs"): the managed online SKU
   * list's family for sizes on it, else the name pattern in families.ts, when known.
   */
  family?: string;
  /** Managed online: exempt from the 20 % upgrade reservation (the list's "Skip 20% Reservation"). */
  quotaExempt: boolean;
}

/** One row of `skus.json`: name, vCPUs, RAM GiB, GPUs, managed online quota family (null: not on the list), FPGA. */
type Row = [name: string, vcpus: number, memoryGb: number, gpus: number, managedFamily: string | null, fpga?: boolean];

const SKIP_RESERVATION = new Set((data.skipReservation as string[]).map((n) => n.toLowerCase()));

/** The SKU list's API family name (`standardDSv2Family`) as the quota page shows it (`Standard DSv2 Family vCPUs`). */
function displayFamily(api: string): string {
  return `Standard ${api.replace(/^standard\s*/i, '').replace(/\s*family$/i, '')} Family vCPUs`;
}

export const BUILTIN_SKUS: readonly Sku[] = (data.sizes as Row[]).map(([name, vcpus, memoryGb, gpus, managedFamily, fpga]) => ({
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
export class SkuCatalog {
  private readonly byName = new Map<string, Sku>();

  constructor(
    extra: Record<string, { vcpus: number; memoryGb: number; gpus: number; fpga?: boolean; managedOnline: boolean; family?: string; quotaExempt?: boolean }> = {},
  ) {
    for (const s of BUILTIN_SKUS) this.byName.set(s.name.toLowerCase(), s);
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

  get(name: string | undefined): Sku | undefined {
    if (!name) return undefined;
    return this.byName.get(name.trim().toLowerCase());
  }

  all(): Sku[] {
    return [...this.byName.values()];
  }

  /**
   * The smallest SKU (by RAM, then vCPUs, then name) with at least `memoryGb` of RAM and the same
   * accelerator kind (GPU or CPU); optionally only SKUs allowed on managed online endpoints.
   */
  smallestWith(memoryGb: number, opts: { gpu: boolean; managedOnly?: boolean }): Sku | undefined {
    let best: Sku | undefined;
    for (const s of this.byName.values()) {
      if (s.fpga || s.memoryGb < memoryGb) continue;
      if (s.gpus > 0 !== opts.gpu) continue;
      if (opts.managedOnly && !s.managedOnline) continue;
      if (
        !best ||
        s.memoryGb < best.memoryGb ||
        (s.memoryGb === best.memoryGb && (s.vcpus < best.vcpus || (s.vcpus === best.vcpus && s.name < best.name)))
      ) {
        best = s;
      }
    }
    return best;
  }
}
