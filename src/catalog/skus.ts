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
  /** Managed online quota family (the SKU list's "Family Name"). */
  family?: string;
  /** Azure reserves no extra 20 % of quota for upgrades of this size. */
  skipReservation?: boolean;
}

/** One row of `skus.json`: name, vCPUs, RAM GiB, GPUs, managed online quota family (null: not on the list), FPGA. */
type Row = [name: string, vcpus: number, memoryGb: number, gpus: number, managedFamily: string | null, fpga?: boolean];

const SKIP_RESERVATION = new Set((data.skipReservation as string[]).map((n) => n.toLowerCase()));

export const BUILTIN_SKUS: readonly Sku[] = (data.sizes as Row[]).map(([name, vcpus, memoryGb, gpus, managedFamily, fpga]) => ({
  name,
  vcpus,
  memoryGb,
  gpus,
  fpga: fpga ?? false,
  managedOnline: managedFamily !== null,
  ...(managedFamily ? { family: managedFamily, skipReservation: SKIP_RESERVATION.has(name.toLowerCase()) } : {}),
}));

/** Case-insensitive SKU lookup, extendable from config `skus:`. */
export class SkuCatalog {
  private readonly byName = new Map<string, Sku>();

  constructor(extra: Record<string, { vcpus: number; memoryGb: number; gpus: number; fpga?: boolean; managedOnline: boolean }> = {}) {
    for (const s of BUILTIN_SKUS) this.byName.set(s.name.toLowerCase(), s);
    for (const [name, s] of Object.entries(extra)) {
      this.byName.set(name.toLowerCase(), { name, vcpus: s.vcpus, memoryGb: s.memoryGb, gpus: s.gpus, fpga: s.fpga ?? false, managedOnline: s.managedOnline });
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
