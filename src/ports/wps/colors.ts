/** WPS (like Excel's COM model) keeps colours as BGR integers: red is 0x0000FF. We speak RRGGBB. */

export function toBgr(rrggbb: string): number {
  const n = parseInt(rrggbb, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

export function fromBgr(bgr: number): string {
  return [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
}
