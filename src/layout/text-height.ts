/** Row heights for wrapped text in list sheets: LibreOffice and WPS keep the height written, so it is computed. */

/** Display width in column units: a CJK character takes two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

const LINE = 13.5;

/** Points for `text` wrapped in a column (or merged columns) `width` units wide. */
export function wrappedHeight(text: string, width: number): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(width - 1.5, 1))), 0);
  return Math.max(18, lines * LINE + 4);
}
