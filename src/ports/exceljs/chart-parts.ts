/**
 * Native charts for the sheets exceljs writes. exceljs models no charts, so the plan's charts are
 * kept beside each worksheet it writes, and the chart parts (DrawingML) are added to its output
 * package: a drawing per sheet anchoring each chart over its cells, a chart part per chart whose
 * series refer to the sheet's own cells (with their values cached, so a program that does not
 * recalculate shows them too). Excel, WPS and LibreOffice draw them as their own charts.
 */
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8 } from 'fflate';
import { parseAddress } from '../../layout/a1';
import { sheetRef } from '../../layout/summary-formulas';
import type { PlanChart } from '../../layout/sheet-plan';
import { BAR_COLOR } from '../../charts/style';

/** The charts a written worksheet should carry, set when its plan is written. */
export const plannedCharts = new WeakMap<ExcelJS.Worksheet, PlanChart[]>();

const CHART_CT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: REL,
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
/** What the charts' text is set in: the sheets' own font. */
const FONT = '宋体';
/** Worksheet children the schema puts after <drawing>. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function absolute(sheet: string, range: string): string {
  const [a, b] = range.split(':').map((x) => {
    const p = /^([A-Z]+)(\d+)$/.exec(x)!;
    return `$${p[1]}$${p[2]}`;
  });
  return `${sheetRef(sheet)}!${a}:${b ?? a}`;
}

function cellsOf(range: string): string[] {
  const [a, b] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  const col = /^[A-Z]+/.exec(a)![0];
  return Array.from({ length: q.row - p.row + 1 }, (_, i) => `${col}${p.row + i}`);
}

function text(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

/** One chart part: horizontal bars, first category on top, the figure written at each bar's end, no value axis. */
function chartXml(chart: PlanChart, sheet: string, valueAt: (addr: string) => unknown): string {
  const cats = cellsOf(chart.categories).map((a) => String(valueAt(a) ?? ''));
  const vals = cellsOf(chart.values).map((a) => valueAt(a));
  const strCache = `<c:strCache><c:ptCount val="${cats.length}"/>${cats.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${vals
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('')}</c:numCache>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(chart.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOR.slice(1)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="${esc(chart.numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${text(1000)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(absolute(sheet, chart.categories))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(absolute(sheet, chart.values))}</c:f>${numCache}</c:numRef></c:val></c:ser>`;
  const axes =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></c:spPr>${text(1000)}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/><c:numFmt formatCode="${esc(chart.numFmt)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>${axes}</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}

/** The drawing part: each chart anchored over its cells. */
function drawingXml(charts: PlanChart[], relIds: string[]): string {
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${c.anchor.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${c.anchor.right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`图表 ${i + 1}`)}" descr="${esc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

function relsPartOf(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
}

const RELS_EMPTY = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function addRelationship(rels: string, type: string, target: string): { rels: string; id: string } {
  const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  return { id, rels: rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="${id}" Type="${REL}/${type}" Target="${esc(target)}"/></Relationships>`) };
}

/**
 * Adds a sheet's charts to a package's parts: its drawing, its charts, their relationships and
 * content types, and the sheet's <drawing> element. Written: the names of parts already written elsewhere.
 */
export function addChartParts(parts: Record<string, Uint8Array>, sheetPart: string, sheetName: string, charts: PlanChart[], valueAt: (addr: string) => unknown, written: Iterable<string> = []): void {
  if (!charts.length) return;
  const taken = new Set([...Object.keys(parts), ...written].map((n) => n.toLowerCase()));
  const free = (stem: string) => {
    for (let i = 1; ; i++) {
      const name = `${stem}${i}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  let sheetXml = strFromU8(parts[sheetPart]);
  if (/<(\w+:)?drawing\b/.test(sheetXml)) throw new Error(`${sheetName} already has a drawing: its charts cannot be added`);
  const drawing = free('xl/drawings/drawing');
  const chartParts = charts.map(() => free('xl/charts/chart'));
  let drawingRels = RELS_EMPTY;
  const relIds = chartParts.map((c) => {
    const added = addRelationship(drawingRels, 'chart', `../charts/${c.slice(c.lastIndexOf('/') + 1)}`);
    drawingRels = added.rels;
    return added.id;
  });
  chartParts.forEach((c, i) => (parts[c] = strToU8(chartXml(charts[i], sheetName, valueAt))));
  parts[drawing] = strToU8(drawingXml(charts, relIds));
  parts[relsPartOf(drawing)] = strToU8(drawingRels);
  const sheetRelsPart = relsPartOf(sheetPart);
  const sheetRels = addRelationship(parts[sheetRelsPart] ? strFromU8(parts[sheetRelsPart]) : RELS_EMPTY, 'drawing', `../drawings/${drawing.slice(drawing.lastIndexOf('/') + 1)}`);
  parts[sheetRelsPart] = strToU8(sheetRels.rels);
  // The r: prefix the element needs, declared on the root when exceljs did not.
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(sheetXml)) sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  const after = AFTER_DRAWING.map((n) => sheetXml.search(new RegExp(`<${n}\\b`))).filter((i) => i >= 0);
  const at = after.length ? Math.min(...after) : sheetXml.lastIndexOf('</worksheet>');
  parts[sheetPart] = strToU8(`${sheetXml.slice(0, at)}<drawing r:id="${sheetRels.id}"/>${sheetXml.slice(at)}`);
  const overrides = [drawing, ...chartParts].map((p) => `<Override PartName="/${p}" ContentType="${p === drawing ? CHART_CT.drawing : CHART_CT.chart}"/>`).join('');
  parts['[Content_Types].xml'] = strToU8(strFromU8(parts['[Content_Types].xml']).replace(/<\/Types>\s*$/, `${overrides}</Types>`));
}
