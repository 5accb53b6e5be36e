/** The registry of statutory versions. Adding a version means adding its file to FORMATS. */
import { compileFormat, type CompiledFormat } from './compile';
import { GOV_2019 } from './gov-2019';
import { GOV_2021 } from './gov-2021';
import type { FormatDef, FormatId } from './types';

export type { FormatId };

/** A format id no version of the registry has: past the boundary where ids are checked, a programming error. */
export class UnknownFormatError extends Error {
  constructor(readonly id: string) {
    super(`未知的表格格式“${id}”（unknown format ${id}）`);
    this.name = 'UnknownFormatError';
  }
}

export const FORMATS: FormatDef[] = [GOV_2019, GOV_2021];

export class FormatRegistry {
  private compiled = new Map<string, CompiledFormat>();

  constructor(private defs: FormatDef[] = FORMATS) {}

  get ids(): string[] {
    return this.defs.map((d) => d.id);
  }

  /**
   * Adds a version (a test's made-up one): compiled at once, so a definition the engine
   * cannot lay out or check fails here, naming what is wrong.
   */
  register(def: FormatDef): CompiledFormat {
    if (this.defs.some((d) => d.id === def.id)) throw new Error(`表格格式“${def.id}”已存在（format ${def.id} is already registered）`);
    const compiled = compileFormat(def);
    this.defs = [...this.defs, def];
    this.compiled.set(def.id, compiled);
    return compiled;
  }

  /** The first reporting year any version is due for. */
  get firstYear(): number {
    return Math.min(...this.defs.map((d) => d.years.from));
  }

  /** The last reporting year a version is due for; undefined while the newest is open-ended. */
  get lastYear(): number | undefined {
    const ends = this.defs.map((d) => d.years.to);
    return ends.some((y) => y === undefined) ? undefined : Math.max(...(ends as number[]));
  }

  /** Which years use which version, for the year picker. */
  get yearHint(): string {
    return `表格格式随年度自动选择：${this.defs.map((d) => d.yearHint).join('，')}。`;
  }

  /** A table's printed title: in the given version, else in the newest version that has the table. */
  tableTitle(tableId: string, formatId?: string): string | undefined {
    const own = formatId === undefined ? undefined : this.defs.find((d) => d.id === formatId);
    const defs = own ? [own] : [...this.defs].reverse();
    for (const d of defs) {
      const t = d.tables.find((x) => x.id === tableId);
      if (t) return t.title;
    }
    return undefined;
  }

  /** Every version, compiled, oldest first. */
  get all(): CompiledFormat[] {
    return this.defs.map((d) => this.compiledOf(d));
  }

  /** The id, typed, when this registry has the version: the check at every boundary (files, sheet metadata). */
  idOf(raw: unknown): FormatId | undefined {
    return typeof raw === 'string' && this.defs.some((d) => d.id === raw) ? (raw as FormatId) : undefined;
  }

  /** The version of a checked id. */
  get(id: FormatId): CompiledFormat {
    const format = this.byId(id);
    if (!format) throw new UnknownFormatError(id);
    return format;
  }

  /** The version a report (or anything carrying a checked format id) is in. */
  formatOf(x: { format: FormatId }): CompiledFormat {
    return this.get(x.format);
  }

  /** Looks an unchecked id up; undefined when unknown. */
  byId(id: string): CompiledFormat | undefined {
    const def = this.defs.find((d) => d.id === id);
    return def && this.compiledOf(def);
  }

  private compiledOf(def: FormatDef): CompiledFormat {
    const cached = this.compiled.get(def.id);
    if (cached) return cached;
    const c = compileFormat(def);
    this.compiled.set(def.id, c);
    return c;
  }

  /** The format in force for a reporting year, or undefined before the first version. */
  forYear(year: number): CompiledFormat | undefined {
    // The newest version in force wins: a later notice supersedes an open-ended earlier one.
    const inForce = this.defs.filter((d) => year >= d.years.from && (d.years.to === undefined || year <= d.years.to));
    const def = inForce.sort((a, b) => b.years.from - a.years.from)[0];
    return def && this.compiledOf(def);
  }
}

export const formats = new FormatRegistry();
