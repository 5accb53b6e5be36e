/**
 * SVG to PNG, as each environment can: the drafted Word document carries each chart as SVG with
 * a PNG beside it for the programs that cannot show SVG (older Word, WPS). Injected by the face.
 */
export interface SvgSize {
  width: number;
  height: number;
  /** Pixels per SVG unit: 2 and up keeps the lines sharp in print. */
  scale: number;
}

export type RasterizeSvg = (svg: string, size: SvgSize) => Promise<Uint8Array>;
