/**
 * The room a report sheet gives a format's tables: a grid of 15 columns, with column 16 (P)
 * hidden for the sheet's metadata and row 60 hidden for its backup copy. compileFormat checks
 * a definition against it; the layout lays the tables out within it.
 */

export const GRID_COLUMNS = 15;
export const META_COLUMN = 16;
export const META_ROW = 1;
/** A second copy of a report sheet's metadata, in a hidden row below every format's tables. */
export const META_BACKUP_ROW = 60;
/** The tables end here at the latest, two blank rows above the backup row. */
export const LAST_TABLE_ROW = META_BACKUP_ROW - 3;

/** 主动公开 sections: the label's columns (A:F); the values share the rest of the grid. */
export const SECTION_LABEL_COLUMNS = 6;
export const SECTION_VALUE_COLUMNS = GRID_COLUMNS - SECTION_LABEL_COLUMNS;

/** The overview (汇总明细): its columns before the key figures (序号 … 截止情况). */
const OVERVIEW_LEADING_COLUMNS = 5;
/** Key figure columns of the overview: within the grid, where last year's overview is read back. */
export const OVERVIEW_FIGURES_MAX = GRID_COLUMNS - OVERVIEW_LEADING_COLUMNS;
