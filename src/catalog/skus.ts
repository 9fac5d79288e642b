import { quotaExempt, vmFamily } from './families.js';

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
  /** Quota family, as the quota page names it ("Standard DSv2 Family vCPUs"), when known (families.ts). */
  family?: string;
  /** Managed online: exempt from the 20 % upgrade reservation (A100, H100, ND40rs_v2, ND96*). */
  quotaExempt: boolean;
}

type Row = [name: string, vcpus: number, memoryGb: number, gpus: number, managedOnline: boolean, fpga?: boolean];

const ROWS: Row[] = [
  // Dv2 / DSv2
  ['Standard_D1_v2', 1, 3.5, 0, false],
  ['Standard_D2_v2', 2, 7, 0, false],
  ['Standard_D3_v2', 4, 14, 0, false],
  ['Standard_D4_v2', 8, 28, 0, false],
  ['Standard_D5_v2', 16, 56, 0, false],
  ['Standard_D11_v2', 2, 14, 0, false],
  ['Standard_D12_v2', 4, 28, 0, false],
  ['Standard_D13_v2', 8, 56, 0, false],
  ['Standard_D14_v2', 16, 112, 0, false],
  ['Standard_DS1_v2', 1, 3.5, 0, true],
  ['Standard_DS2_v2', 2, 7, 0, true],
  ['Standard_DS3_v2', 4, 14, 0, true],
  ['Standard_DS4_v2', 8, 28, 0, true],
  ['Standard_DS5_v2', 16, 56, 0, true],
  ['Standard_DS11_v2', 2, 14, 0, false],
  ['Standard_DS12_v2', 4, 28, 0, false],
  ['Standard_DS13_v2', 8, 56, 0, false],
  ['Standard_DS14_v2', 16, 112, 0, false],
  // Dv3 / Dsv3
  ['Standard_D2_v3', 2, 8, 0, false],
  ['Standard_D4_v3', 4, 16, 0, false],
  ['Standard_D8_v3', 8, 32, 0, false],
  ['Standard_D16_v3', 16, 64, 0, false],
  ['Standard_D32_v3', 32, 128, 0, false],
  ['Standard_D48_v3', 48, 192, 0, false],
  ['Standard_D64_v3', 64, 256, 0, false],
  ['Standard_D2s_v3', 2, 8, 0, false],
  ['Standard_D4s_v3', 4, 16, 0, false],
  ['Standard_D8s_v3', 8, 32, 0, false],
  ['Standard_D16s_v3', 16, 64, 0, false],
  ['Standard_D32s_v3', 32, 128, 0, false],
  ['Standard_D48s_v3', 48, 192, 0, false],
  ['Standard_D64s_v3', 64, 256, 0, false],
  // Dav4 / Dasv4 (managed online list; RAM 4 GiB per vCPU)
  ['Standard_D2a_v4', 2, 8, 0, true],
  ['Standard_D4a_v4', 4, 16, 0, true],
  ['Standard_D8a_v4', 8, 32, 0, true],
  ['Standard_D16a_v4', 16, 64, 0, true],
  ['Standard_D32a_v4', 32, 128, 0, true],
  ['Standard_D48a_v4', 48, 192, 0, true],
  ['Standard_D64a_v4', 64, 256, 0, true],
  ['Standard_D96a_v4', 96, 384, 0, true],
  ['Standard_D2as_v4', 2, 8, 0, true],
  ['Standard_D4as_v4', 4, 16, 0, true],
  ['Standard_D8as_v4', 8, 32, 0, true],
  ['Standard_D16as_v4', 16, 64, 0, true],
  ['Standard_D32as_v4', 32, 128, 0, true],
  ['Standard_D48as_v4', 48, 192, 0, true],
  ['Standard_D64as_v4', 64, 256, 0, true],
  ['Standard_D96as_v4', 96, 384, 0, true],
  // Fsv2
  ['Standard_F2s_v2', 2, 4, 0, true],
  ['Standard_F4s_v2', 4, 8, 0, true],
  ['Standard_F8s_v2', 8, 16, 0, true],
  ['Standard_F16s_v2', 16, 32, 0, true],
  ['Standard_F32s_v2', 32, 64, 0, true],
  ['Standard_F48s_v2', 48, 96, 0, true],
  ['Standard_F64s_v2', 64, 128, 0, true],
  ['Standard_F72s_v2', 72, 144, 0, true],
  // Esv3 (E20s_v3 is not on the managed online list)
  ['Standard_E2s_v3', 2, 16, 0, true],
  ['Standard_E4s_v3', 4, 32, 0, true],
  ['Standard_E8s_v3', 8, 64, 0, true],
  ['Standard_E16s_v3', 16, 128, 0, true],
  ['Standard_E20s_v3', 20, 160, 0, false],
  ['Standard_E32s_v3', 32, 256, 0, true],
  ['Standard_E48s_v3', 48, 384, 0, true],
  ['Standard_E64s_v3', 64, 432, 0, true],
  // NC (K80, retired family)
  ['Standard_NC6', 6, 56, 1, false],
  ['Standard_NC12', 12, 112, 2, false],
  ['Standard_NC24', 24, 224, 4, false],
  ['Standard_NC24r', 24, 224, 4, false],
  // NCv2 (P100)
  ['Standard_NC6s_v2', 6, 112, 1, true],
  ['Standard_NC12s_v2', 12, 224, 2, true],
  ['Standard_NC24s_v2', 24, 448, 4, true],
  // NCv3 (V100)
  ['Standard_NC6s_v3', 6, 112, 1, true],
  ['Standard_NC12s_v3', 12, 224, 2, true],
  ['Standard_NC24s_v3', 24, 448, 4, true],
  ['Standard_NC24rs_v3', 24, 448, 4, false],
  // NCasT4_v3 (T4)
  ['Standard_NC4as_T4_v3', 4, 28, 1, true],
  ['Standard_NC8as_T4_v3', 8, 56, 1, true],
  ['Standard_NC16as_T4_v3', 16, 110, 1, true],
  ['Standard_NC64as_T4_v3', 64, 440, 4, true],
  // NC A100 v4
  ['Standard_NC24ads_A100_v4', 24, 220, 1, true],
  ['Standard_NC48ads_A100_v4', 48, 440, 2, true],
  ['Standard_NC96ads_A100_v4', 96, 880, 4, true],
  // ND (P40)
  ['Standard_ND6s', 6, 112, 1, false],
  ['Standard_ND12s', 12, 224, 2, false],
  ['Standard_ND24s', 24, 448, 4, false],
  ['Standard_ND24rs', 24, 448, 4, false],
  // NDv2 (V100 NVLink)
  ['Standard_ND40rs_v2', 40, 672, 8, true],
  // NV (M60, retired) / NVv3
  ['Standard_NV6', 6, 56, 1, false],
  ['Standard_NV12', 12, 112, 2, false],
  ['Standard_NV24', 24, 224, 4, false],
  ['Standard_NV12s_v3', 12, 112, 1, false],
  ['Standard_NV24s_v3', 24, 224, 2, false],
  ['Standard_NV48s_v3', 48, 448, 4, false],
  // NVadsA10 v5 (fractional A10 counts as one GPU device)
  ['Standard_NV6ads_A10_v5', 6, 55, 1, true],
  ['Standard_NV12ads_A10_v5', 12, 110, 1, true],
  ['Standard_NV18ads_A10_v5', 18, 220, 1, true],
  ['Standard_NV36ads_A10_v5', 36, 440, 1, true],
  ['Standard_NV36adms_A10_v5', 36, 880, 1, true],
  ['Standard_NV72ads_A10_v5', 72, 880, 2, true],
  // PBs (FPGA, Azure ML only; RAM not published)
  ['Standard_PB6s', 6, 0, 0, false, true],
];

export const BUILTIN_SKUS: readonly Sku[] = ROWS.map(([name, vcpus, memoryGb, gpus, managedOnline, fpga]) => ({
  name,
  vcpus,
  memoryGb,
  gpus,
  fpga: fpga ?? false,
  managedOnline,
  family: vmFamily(name),
  quotaExempt: quotaExempt(name),
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
