/**
 * Every threshold of the recognizer, in one place, each with why. They were set on the layout
 * zoo (test/integration/layout-zoo.test.ts) and the wild corpus; change one only with both green.
 */

// Label matching

/** Below this similarity a printed label is not taken for a statutory one: typos pass (信息内筒), other rows do not. */
export const MATCH_MIN = 0.75;
/** A drifted label must beat the runner-up by this much, or it is ambiguous and not read. */
export const MATCH_MARGIN = 0.05;
/** Under the current group (（三）不予公开…), a tie between two 「其他」 rows goes to the group's own. */
export const SAME_GROUP_BONUS = 0.01;
/** Characters of a label kept before a row's statutory text when comparing its tail (a number, a bracket). */
export const LABEL_TAIL_SLACK = 2;
/** Joining a waiting wrapped label must read clearly better than the row's own label to be taken. */
export const WRAPPED_LABEL_GAIN = 0.02;
/** Label matches remembered per candidate list: many more than a county's layouts, bounded so a hostile file cannot grow it. */
export const MATCH_MEMO = 50_000;
/** Lines of a label wrapped without figures kept waiting for the line that holds them. */
export const WRAPPED_LABEL_LINES = 4;

// What a row is

/** A row of at most this many texts may be a title, a caption or page metadata, never a data row of many cells. */
export const TITLE_ROW_TEXTS = 3;
/** A table's caption (「三、收到和处理政府信息公开申请情况」) stands alone or with a unit beside it. */
export const CAPTION_ROW_TEXTS = 2;
/** Page metadata (发布机构, 发布日期) and the 统计期限 sentence sit in short rows: longer ones are tables. */
export const META_ROW_TEXTS = 6;
/** A signature line (the office above its date) is short. */
export const SIGNATURE_MAX_CHARS = 30;
/** The requests header names at least this many of its columns (申请人 kinds), or it is a data row. */
export const REQUEST_HEADER_HITS = 3;
/** The appeals header names at least this many results (维持, 纠正, 其他, 尚未审结, 总计). */
export const APPEAL_HEADER_HITS = 3;
/** Columns placed from the requests header before its rows are read by position and not by sequence. */
export const REQUEST_COLUMNS_PLACED = 4;

// Titles

/** A title broken over lines: at most this many lines before the one that ends it are joined. */
export const TITLE_JOIN_LINES = 2;
/** The title is among a text's first lines: a page's metadata or a document number may come before it. */
export const TITLE_REACH = 12;

// Tables run into one line of text (crawlers, archivers)

/** Shorter lines are a row or a sentence, never a whole report's tables. */
export const RUNNING_MIN_CHARS = 200;
/** A line is read as tables only when this many statutory labels stand in it in the format's order. */
export const RUNNING_ANCHORS = 6;
/** Characters between one label and the next: a caption, a header and a row's figures fit; a page of prose does not. */
export const RUNNING_REACH = 400;
/** Labels shorter than this (「其他」) stand inside longer ones: in running text they are taken only with their numbering. */
export const RUNNING_SHORT_KEY = 4;

// Rows parted from their labels (converters)

/** A loose label's characters may stand this many times its length apart (a vertical group label's fragments fall between them). */
export const LOOSE_LABEL_SPREAD = 2;

// Reports

/** A report needs at least this many cells found, so an unrelated sheet is never taken for one. */
export const MIN_CELLS = 8;
/** A row met again after this share of the cells is found starts the next report (a file of several). */
export const NEXT_REPORT_SHARE = 0.5;
/** Clear evidence of a format: this many labels only it has, and more than any other format shows. */
export const CLEAR_EVIDENCE = 3;
/** Reading a grid in two formats, each drifted label costs this much of a found cell. */
export const DRIFT_COST = 0.5;
/** A subtotal row and the sum of its items differ by more than rounding. */
export const SUM_TOLERANCE = 1e-6;

// Messages

/** Cells named one by one in format.missing_cells before 「等 N 个单元格」. */
export const MISSING_NAMED = 6;
/** Characters of a printed label quoted in a message. */
export const QUOTE_CHARS = 30;
