/**
 * A report whose tables sit on several sheets (表二、表三、表四), joined into one.
 */
import type { ReportInProgress } from './report-in-progress';

/** A draft that holds only some of its format's tables: a piece of a report split over sheets. */
export function isPiece(d: ReportInProgress): boolean {
  return d.tables.size < d.specs.format.def.tables.length;
}

export function compatible(a: ReportInProgress, b: ReportInProgress): boolean {
  const same = <T>(x: T | undefined, y: T | undefined) => x === undefined || y === undefined || x === y;
  return a.specs === b.specs && same(a.office, b.office) && same(a.year, b.year) && [...b.tables].every((t) => !a.tables.has(t));
}

/** Joins consecutive pieces into one draft: readings, provenance and findings together. */
export function join(pieces: ReportInProgress[]): ReportInProgress {
  const d = pieces[0];
  for (const p of pieces.slice(1)) {
    p.readings.forEach((r, i) => {
      if (r !== undefined) d.readings[i] = r;
    });
    Object.assign(d.provenance, p.provenance);
    d.findings.push(...p.findings);
    d.issues.push(...p.issues);
    d.subtotals.push(...p.subtotals);
    p.tables.forEach((t) => d.tables.add(t));
    d.found += p.found;
    d.drifts += p.drifts;
    d.office ??= p.office;
    d.year ??= p.year;
    d.publisher ??= p.publisher;
    d.signature ??= p.signature;
    d.periodYear ??= p.periodYear;
    d.published ??= p.published;
  }
  return d;
}
