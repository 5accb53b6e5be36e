/** Sync counts of the add-in's operations against the fake Excel host (filled in with the Office adapter). */
export async function addinSyncBenchmarks(): Promise<Record<string, number>> {
  return {};
}
