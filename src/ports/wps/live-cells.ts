/**
 * A cell's fill or note read from WPS only when asked for. Reading every value cell's fill
 * would cost several host calls per cell; the core asks only for the cells it is about to
 * mark, so those are read, once each. Only get and has are offered: a live host has no
 * list to walk, and a caller that tries is told so.
 */
export class LiveCellMap extends Map<string, string> {
  private readonly known = new Map<string, string | null>();

  constructor(private readonly read: (address: string) => string | null) {
    super();
  }

  override get(address: string): string | undefined {
    if (!this.known.has(address)) this.known.set(address, this.read(address));
    return this.known.get(address) ?? undefined;
  }

  override has(address: string): boolean {
    return this.get(address) !== undefined;
  }

  override get size(): number {
    return notListable();
  }
  override keys(): MapIterator<string> {
    return notListable();
  }
  override values(): MapIterator<string> {
    return notListable();
  }
  override entries(): MapIterator<[string, string]> {
    return notListable();
  }
  override [Symbol.iterator](): MapIterator<[string, string]> {
    return notListable();
  }
  override forEach(): void {
    notListable();
  }
}

function notListable(): never {
  throw new Error('LiveCellMap reads cells from WPS one by one on demand: ask for an address with get()');
}
