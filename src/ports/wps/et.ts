/**
 * The slice of the WPS 表格 (ET) object model the adapter uses, as window.Application exposes
 * it to a WPS加载项. Names and shapes follow the host (wps-jsapi's lib.et.d.ts and the Excel
 * object model ET reproduces); only what we call is declared. Every member access crosses
 * into the host, so callers keep objects in locals instead of walking chains twice.
 */

export interface EtApplicationLike {
  readonly ActiveWorkbook: EtWorkbookLike | null;
  readonly ActiveSheet: EtWorksheetLike | null;
  readonly ActiveCell: EtRangeLike | null;
  readonly ActiveWindow: EtWindowLike | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

export interface EtWorkbookLike {
  readonly Worksheets: EtSheetsLike;
}

/** 1-based: Item(1) is the first sheet; Item(name) finds by name; a missing item throws. */
export interface EtSheetsLike {
  readonly Count: number;
  Item(index: number | string): EtWorksheetLike;
  Add(Before?: EtWorksheetLike, After?: EtWorksheetLike): EtWorksheetLike;
}

export interface EtWorksheetLike {
  Name: string;
  readonly ProtectContents: boolean;
  readonly PageSetup: EtPageSetupLike;
  Range(address: string): EtRangeLike;
  Activate(): void;
  Delete(): void;
  /** The sheet's embedded charts; absent from builds without charts. */
  ChartObjects?(): EtChartObjectsLike;
}

/** Embedded charts, as in Excel's object model: positions and sizes in points. */
export interface EtChartObjectsLike {
  Add(Left: number, Top: number, Width: number, Height: number): { readonly Chart: EtChartLike };
}

export interface EtChartLike {
  SetSourceData(Source: EtRangeLike, PlotBy?: number): void;
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  SeriesCollection(Index: number): EtSeriesLike;
  Axes(Type: number): { ReversePlotOrder: boolean; Delete(): void };
}

export interface EtSeriesLike {
  Name: string;
  HasDataLabels: boolean;
  DataLabels(): { NumberFormat: string };
  readonly Format: { readonly Fill: { readonly ForeColor: { RGB: number } } };
}

export interface EtPageSetupLike {
  Orientation: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
}

export interface EtWindowLike {
  DisplayGridlines: boolean;
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtRangeLike {
  /** A multi-cell range reads a 2-D array of rows, a single cell a scalar; empty is undefined. */
  Value2: unknown;
  Formula: unknown;
  readonly Interior: EtInteriorLike;
  readonly Font: EtFontLike;
  readonly Borders: EtBordersLike;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Locked: boolean;
  NumberFormat: string;
  ColumnWidth: number;
  RowHeight: number;
  readonly EntireRow: EtRangeLike;
  readonly EntireColumn: EtRangeLike;
  Hidden: boolean;
  readonly Worksheet: EtWorksheetLike;
  readonly Comment: EtCommentLike | null;
  readonly Validation: EtValidationLike;
  readonly FormatConditions: EtFormatConditionsLike;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Merge(Across?: boolean): void;
  AddComment(Text: string): unknown;
  ClearComments(): void;
  Select(): void;
  AutoFilter(): unknown;
}

/** Colours are BGR integers. */
export interface EtInteriorLike {
  Color: number;
  Pattern: number;
}

export interface EtFontLike {
  Name: string;
  Size: number;
  Bold: boolean;
  Color: number;
}

export interface EtBordersLike {
  LineStyle: number;
  Color: number;
}

export interface EtCommentLike {
  Text(): string;
}

export interface EtValidationLike {
  Add(Type: number, AlertStyle: number, Operator: number, Formula1: string | number, Formula2?: string | number): void;
  Delete(): void;
  ErrorTitle: string;
  ErrorMessage: string;
  IgnoreBlank: boolean;
  ShowError: boolean;
}

export interface EtFormatConditionsLike {
  Add(Type: number, Operator?: number, Formula1?: string): { readonly Interior: EtInteriorLike };
}

/** The host's enumerations (XlHAlign, XlLineStyle, XlDVType, …), by their documented values. */
export const XL = {
  none: -4142,
  solid: 1,
  hAlignLeft: -4131,
  hAlignCenter: -4108,
  hAlignRight: -4152,
  vAlignCenter: -4108,
  continuous: 1,
  validateWholeNumber: 1,
  validateDecimal: 2,
  validAlertStop: 1,
  between: 1,
  greaterEqual: 7,
  expression: 2,
  landscape: 2,
  barClustered: 57,
  columns: 2,
  category: 1,
  value: 2,
} as const;
