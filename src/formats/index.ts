/** The registry of statutory versions. Adding a version means adding its file to FORMATS. */
import { compileFormat, type CompiledFormat } from './compile';
import { GOV_2019 } from './gov-2019';
import { GOV_2021 } from './gov-2021';
import type { FormatDef } from './types';

export const FORMATS: FormatDef[] = [GOV_2019, GOV_2021];

export const FIRST_YEAR = Math.min(...FORMATS.map((f) => f.years.from));

export class FormatRegistry {
  private compiled = new Map<string, CompiledFormat>();

  constructor(private readonly defs: FormatDef[] = FORMATS) {}

  get ids(): string[] {
    return this.defs.map((d) => d.id);
  }

  /** Every version, compiled, oldest first. */
  get all(): CompiledFormat[] {
    return this.defs.map((d) => this.byId(d.id)!);
  }

  byId(id: string): CompiledFormat | undefined {
    const cached = this.compiled.get(id);
    if (cached) return cached;
    const def = this.defs.find((d) => d.id === id);
    if (!def) return undefined;
    const c = compileFormat(def);
    this.compiled.set(id, c);
    return c;
  }

  /** The format in force for a reporting year, or undefined before the first version. */
  forYear(year: number): CompiledFormat | undefined {
    // The newest version in force wins: a later notice supersedes an open-ended earlier one.
    const inForce = this.defs.filter((d) => year >= d.years.from && (d.years.to === undefined || year <= d.years.to));
    const def = inForce.sort((a, b) => b.years.from - a.years.from)[0];
    return def && this.byId(def.id);
  }
}

export const formats = new FormatRegistry();
