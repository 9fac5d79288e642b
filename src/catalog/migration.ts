// The ACI → managed online migration table (Azure ML "upgrade to v2 managed online endpoints", [MIG]):
// tried top to bottom, the first row whose CPU and memory bounds both hold wins.
const MIGRATION: ReadonlyArray<{ cpu: number; memoryGb: number; sku: string }> = [
  { cpu: 1, memoryGb: 1.2, sku: 'Standard_DS1_v2' },
  { cpu: 2, memoryGb: 1.7, sku: 'Standard_F2s_v2' },
  { cpu: 2, memoryGb: 4.7, sku: 'Standard_DS2_v2' },
  { cpu: 2, memoryGb: 13.7, sku: 'Standard_E2s_v3' },
  { cpu: 4, memoryGb: 5.7, sku: 'Standard_F4s_v2' },
  { cpu: 4, memoryGb: 11.7, sku: 'Standard_DS3_v2' },
  { cpu: 4, memoryGb: 16, sku: 'Standard_E4s_v3' },
];

/** The managed online SKU for a v1 container's CPU and memory, or undefined above the table (size by profiling). */
export function migrationSku(cpu: number, memoryGb: number): string | undefined {
  return MIGRATION.find((r) => cpu <= r.cpu && memoryGb <= r.memoryGb)?.sku;
}

/** The last row's bounds, for messages. */
export const MIGRATION_MAX = { cpu: 4, memoryGb: 16 };

/** The migration advice for messages, after "a v2 YAML": the SKU of the table, or "size by profiling" above it. */
export function migrationAdvice(cpu: number, memoryGb: number): string {
  const sku = migrationSku(cpu, memoryGb);
  const sized = `${round(cpu)} CPU / ${round(memoryGb)} GB`;
  if (sku) return `with \`instance_type: ${sku}\` (${sized} by the migration table)`;
  return `with an \`instance_type\` sized by profiling the model (${sized} is above the migration table's ${MIGRATION_MAX.cpu} CPU / ${MIGRATION_MAX.memoryGb} GB)`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
