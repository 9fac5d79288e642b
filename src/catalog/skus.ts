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

/** name, vCPUs, RAM GiB, GPUs; `fpga`; the managed online quota family, when the size is on the managed online list. */
type Row = [name: string, vcpus: number, memoryGb: number, gpus: number, managedFamily?: string, fpga?: boolean];

/** Managed online sizes whose quota Azure does not reserve 20 % extra for (the list's "Skip 20% Reservation"). */
const SKIP_RESERVATION = new Set(
  [
    'Standard_NC24ads_A100_v4', 'Standard_NC48ads_A100_v4', 'Standard_NC96ads_A100_v4', 'Standard_NC40ads_H100_v5',
    'Standard_NC80adis_H100_v5', 'Standard_ND96amsr_A100_v4', 'Standard_ND96asr_v4', 'Standard_ND40rs_v2',
    'Standard_ND96is_H100_v5', 'Standard_ND96isr_H100_v5',
  ].map((n) => n.toLowerCase()),
);

// Families as the managed online SKU list (reference-managed-online-endpoints-vm-sku-list.md @1d987e37) names them.
const DSV2 = 'standardDSv2Family';
const DASV4 = 'standardDASv4Family';
const DAV4 = 'standardDAv4Family';
const FSV2 = 'standardFSv2Family';
const ESV3 = 'standardESv3Family';
const FXMDS = 'standardFXMDVSFamily';
const LSV2 = 'standardLSv2Family';
const LSV3 = 'standardLSv3Family';
const LASV3 = 'standardLASv3Family';
const NCSV2 = 'standardNCSv2Family';
const NCSV3 = 'standardNCSv3Family';
const NCAST4 = 'standard NCASv3_T4 Family';
const NCA100 = 'standardNCADSA100v4Family';
const NCH100 = 'standardNCADSH100v5Family';
const NDSV2 = 'standardNDSv2Family';
const NDAMSA100 = 'standard NDAMSv4_A100Family';
const NDASA100 = 'standard NDASv4_A100 Family';
const NDH100 = 'standardNDv5H100Family';
const NVA10 = 'standardNVADSA10v5Family';

const ROWS: Row[] = [
  // Dv2 / DSv2
  ['Standard_D1_v2', 1, 3.5, 0],
  ['Standard_D2_v2', 2, 7, 0],
  ['Standard_D3_v2', 4, 14, 0],
  ['Standard_D4_v2', 8, 28, 0],
  ['Standard_D5_v2', 16, 56, 0],
  ['Standard_D11_v2', 2, 14, 0],
  ['Standard_D12_v2', 4, 28, 0],
  ['Standard_D13_v2', 8, 56, 0],
  ['Standard_D14_v2', 16, 112, 0],
  ['Standard_DS1_v2', 1, 3.5, 0, DSV2],
  ['Standard_DS2_v2', 2, 7, 0, DSV2],
  ['Standard_DS3_v2', 4, 14, 0, DSV2],
  ['Standard_DS4_v2', 8, 28, 0, DSV2],
  ['Standard_DS5_v2', 16, 56, 0, DSV2],
  ['Standard_DS11_v2', 2, 14, 0],
  ['Standard_DS12_v2', 4, 28, 0],
  ['Standard_DS13_v2', 8, 56, 0],
  ['Standard_DS14_v2', 16, 112, 0],
  // Dv3 / Dsv3
  ['Standard_D2_v3', 2, 8, 0],
  ['Standard_D4_v3', 4, 16, 0],
  ['Standard_D8_v3', 8, 32, 0],
  ['Standard_D16_v3', 16, 64, 0],
  ['Standard_D32_v3', 32, 128, 0],
  ['Standard_D48_v3', 48, 192, 0],
  ['Standard_D64_v3', 64, 256, 0],
  ['Standard_D2s_v3', 2, 8, 0],
  ['Standard_D4s_v3', 4, 16, 0],
  ['Standard_D8s_v3', 8, 32, 0],
  ['Standard_D16s_v3', 16, 64, 0],
  ['Standard_D32s_v3', 32, 128, 0],
  ['Standard_D48s_v3', 48, 192, 0],
  ['Standard_D64s_v3', 64, 256, 0],
  // Dav4 / Dasv4 (RAM 4 GiB per vCPU)
  ['Standard_D2a_v4', 2, 8, 0, DAV4],
  ['Standard_D4a_v4', 4, 16, 0, DAV4],
  ['Standard_D8a_v4', 8, 32, 0, DAV4],
  ['Standard_D16a_v4', 16, 64, 0, DAV4],
  ['Standard_D32a_v4', 32, 128, 0, DAV4],
  ['Standard_D48a_v4', 48, 192, 0, DAV4],
  ['Standard_D64a_v4', 64, 256, 0, DAV4],
  ['Standard_D96a_v4', 96, 384, 0, DAV4],
  ['Standard_D2as_v4', 2, 8, 0, DASV4],
  ['Standard_D4as_v4', 4, 16, 0, DASV4],
  ['Standard_D8as_v4', 8, 32, 0, DASV4],
  ['Standard_D16as_v4', 16, 64, 0, DASV4],
  ['Standard_D32as_v4', 32, 128, 0, DASV4],
  ['Standard_D48as_v4', 48, 192, 0, DASV4],
  ['Standard_D64as_v4', 64, 256, 0, DASV4],
  ['Standard_D96as_v4', 96, 384, 0, DASV4],
  // B-series (burstable; not for managed online)
  ['Standard_B2ms', 2, 8, 0],
  ['Standard_B4ms', 4, 16, 0],
  ['Standard_B8ms', 8, 32, 0],
  // Fsv2
  ['Standard_F2s_v2', 2, 4, 0, FSV2],
  ['Standard_F4s_v2', 4, 8, 0, FSV2],
  ['Standard_F8s_v2', 8, 16, 0, FSV2],
  ['Standard_F16s_v2', 16, 32, 0, FSV2],
  ['Standard_F32s_v2', 32, 64, 0, FSV2],
  ['Standard_F48s_v2', 48, 96, 0, FSV2],
  ['Standard_F64s_v2', 64, 128, 0, FSV2],
  ['Standard_F72s_v2', 72, 144, 0, FSV2],
  // Esv3 (E20s_v3 is not on the managed online list)
  ['Standard_E2s_v3', 2, 16, 0, ESV3],
  ['Standard_E4s_v3', 4, 32, 0, ESV3],
  ['Standard_E8s_v3', 8, 64, 0, ESV3],
  ['Standard_E16s_v3', 16, 128, 0, ESV3],
  ['Standard_E20s_v3', 20, 160, 0],
  ['Standard_E32s_v3', 32, 256, 0, ESV3],
  ['Standard_E48s_v3', 48, 384, 0, ESV3],
  ['Standard_E64s_v3', 64, 432, 0, ESV3],
  // FX-mds (VM size docs: 21 GiB per vCPU)
  ['Standard_FX4mds', 4, 84, 0, FXMDS],
  ['Standard_FX12mds', 12, 252, 0, FXMDS],
  ['Standard_FX24mds', 24, 504, 0, FXMDS],
  ['Standard_FX36mds', 36, 756, 0, FXMDS],
  ['Standard_FX48mds', 48, 1008, 0, FXMDS],
  // Lsv2 / Lsv3 / Lasv3 (storage optimised: 8 GiB per vCPU)
  ...lSeries('s_v2', LSV2),
  ...lSeries('s_v3', LSV3),
  ...lSeries('as_v3', LASV3),
  // NC (K80, retired family)
  ['Standard_NC6', 6, 56, 1],
  ['Standard_NC12', 12, 112, 2],
  ['Standard_NC24', 24, 224, 4],
  ['Standard_NC24r', 24, 224, 4],
  // NCv2 (P100)
  ['Standard_NC6s_v2', 6, 112, 1, NCSV2],
  ['Standard_NC12s_v2', 12, 224, 2, NCSV2],
  ['Standard_NC24s_v2', 24, 448, 4, NCSV2],
  // NCv3 (V100)
  ['Standard_NC6s_v3', 6, 112, 1, NCSV3],
  ['Standard_NC12s_v3', 12, 224, 2, NCSV3],
  ['Standard_NC24s_v3', 24, 448, 4, NCSV3],
  ['Standard_NC24rs_v3', 24, 448, 4],
  // NCasT4_v3 (T4)
  ['Standard_NC4as_T4_v3', 4, 28, 1, NCAST4],
  ['Standard_NC8as_T4_v3', 8, 56, 1, NCAST4],
  ['Standard_NC16as_T4_v3', 16, 110, 1, NCAST4],
  ['Standard_NC64as_T4_v3', 64, 440, 4, NCAST4],
  // NC A100 v4
  ['Standard_NC24ads_A100_v4', 24, 220, 1, NCA100],
  ['Standard_NC48ads_A100_v4', 48, 440, 2, NCA100],
  ['Standard_NC96ads_A100_v4', 96, 880, 4, NCA100],
  // NC H100 v5
  ['Standard_NC40ads_H100_v5', 40, 320, 1, NCH100],
  ['Standard_NC80adis_H100_v5', 80, 640, 2, NCH100],
  // ND (P40)
  ['Standard_ND6s', 6, 112, 1],
  ['Standard_ND12s', 12, 224, 2],
  ['Standard_ND24s', 24, 448, 4],
  ['Standard_ND24rs', 24, 448, 4],
  // NDv2 (V100 NVLink), ND A100 v4, ND H100 v5
  ['Standard_ND40rs_v2', 40, 672, 8, NDSV2],
  ['Standard_ND96amsr_A100_v4', 96, 1900, 8, NDAMSA100],
  ['Standard_ND96asr_v4', 96, 900, 8, NDASA100],
  ['Standard_ND96is_H100_v5', 96, 1900, 8, NDH100],
  ['Standard_ND96isr_H100_v5', 96, 1900, 8, NDH100],
  // NV (M60, retired) / NVv3
  ['Standard_NV6', 6, 56, 1],
  ['Standard_NV12', 12, 112, 2],
  ['Standard_NV24', 24, 224, 4],
  ['Standard_NV12s_v3', 12, 112, 1],
  ['Standard_NV24s_v3', 24, 224, 2],
  ['Standard_NV48s_v3', 48, 448, 4],
  // NVadsA10 v5 (the small sizes hold a fraction of one A10: counted as one GPU device)
  ['Standard_NV6ads_A10_v5', 6, 55, 1, NVA10],
  ['Standard_NV12ads_A10_v5', 12, 110, 1, NVA10],
  ['Standard_NV18ads_A10_v5', 18, 220, 1, NVA10],
  ['Standard_NV36ads_A10_v5', 36, 440, 1, NVA10],
  ['Standard_NV36adms_A10_v5', 36, 880, 1, NVA10],
  ['Standard_NV72ads_A10_v5', 72, 880, 2, NVA10],
  // PBs (FPGA, Azure ML only; RAM not published)
  ['Standard_PB6s', 6, 0, 0, undefined, true],
];

/** L8…L80 of one L-series generation (8 GiB per vCPU). */
function lSeries(suffix: string, family: string): Row[] {
  return [8, 16, 32, 48, 64, 80].map((n): Row => [`Standard_L${n}${suffix}`, n, n * 8, 0, family]);
}

export const BUILTIN_SKUS: readonly Sku[] = ROWS.map(([name, vcpus, memoryGb, gpus, managedFamily, fpga]) => ({
  name,
  vcpus,
  memoryGb,
  gpus,
  fpga: fpga ?? false,
  managedOnline: managedFamily !== undefined,
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
