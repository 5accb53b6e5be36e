/**
 * Every tolerance of the PDF reader in one documented object, as pdfplumber keeps its table
 * settings. Lengths are PDF points unless they say they are shares of the font height (h) or of
 * the page. They were set on the PDFs of test/integration/pdf-input.test.ts and the wild originals;
 * change one only with both green.
 */
export const PDF_TOLERANCES = {
  // Ruling lines (the PDF.js adapter and step 2, ruled tables)
  /** A filled bar thinner than this is a drawn rule, thicker is shading. */
  ruleThickness: 2.5,
  /** A stroke this close to horizontal or vertical is axis-aligned; drawing software jitters by a fraction of a point. */
  ruleSlant: 0.5,
  /** Two strokes closer than this are one line (double borders, hairline pairs). */
  sameLine: 1.5,
  /** Grid positions closer than this are one column or row boundary; also how far two parts of a table broken by a page may differ at the edges. */
  sameEdge: 3,
  /** A boundary drawn along less than this share of a cell's side is missing: the two cells are one merged cell. */
  ruleCoverage: 0.6,
  /** A text's probe point may lie this far outside a table's frame and still be in it (rounding at the border). */
  frameSlack: 1,
  /** A text item belongs to the cell holding this point of its height above the baseline (h share): below the midline, clear of descenders and accents. */
  cellProbe: 0.35,

  // Text lines (step 1)
  /** Two items are on one line when their baselines differ by less than this share of the smaller font. */
  sameBaseline: 0.5,
  /** A gap wider than this (h share) between two items is a space. */
  spaceGap: 0.25,
  /** …except between two Chinese characters, which are set apart by up to this (h share) with no space meant. */
  wideGap: 0.8,
  /** Between two Latin letters or digits, a gap wider than this (h share) is a space. */
  wordGap: 0.1,
  /** Pieces of a line closer than this (h share) are one piece; wider, a new column may begin. */
  pieceGap: 0.8,
  /** Spaces in one text item that split it into two pieces, as a double space in a copied table does. */
  pieceSpaces: 2,

  // Text columns (step 3) and page assembly (step 4)
  /** Lines further apart than this (h share) do not continue one run of columns. */
  runGap: 2.5,
  /** A run of columns needs at least this many lines with figures to tell its columns apart. */
  runLines: 2,
  /** A page number stands in the top margin (above this share of the page's height)… */
  topMargin: 0.93,
  /** …or in the bottom margin (below this share). */
  bottomMargin: 0.08,
} as const;
