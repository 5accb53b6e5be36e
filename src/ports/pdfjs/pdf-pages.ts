/**
 * The PDF.js adapter: a PDF's pages as text items with their positions and the ruling lines
 * its drawing operations make (the core's pdf-layout makes them the grid). How PDF.js is
 * loaded (a worker, the character maps) is the host's: see ports/node and ports/browser.
 * Scans, encrypted and damaged files are refused with a message.
 */
import { MAX_PDF_OPERATIONS, MAX_PDF_PAGES, MAX_PDF_TEXT_ITEMS, PDF_TIME_BUDGET_MS } from '../../import/limits';
import type { PdfRule, PdfText } from '../../import/pdf/types';
import type { RawPdfPage } from '../../import/readers';
import { PDF_TOLERANCES as T } from '../../import/pdf/tolerances';
import { InputError } from '../../model/report-json';
import { UserError } from '../../model/user-error';
import { environmentFailure } from '../environment';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The getDocument options that say where the character maps are. */
export interface CMapOptions {
  cMapUrl?: string;
  cMapPacked?: boolean;
  /** A class whose instances `fetch({ name })` a map: `{ cMapData, isCompressed }`. */
  CMapReaderFactory?: object;
  useWorkerFetch?: boolean;
}

/** How this host loads PDF.js (its worker), and how PDF.js finds its character maps (needed for Chinese fonts that are not embedded). */
export interface PdfJsHost {
  load(): Promise<PdfJs>;
  /** The character maps, as getDocument takes them: a folder to read, or a reader of bundled data. */
  cMaps(): CMapOptions;
  /** What to do when this environment, not the file, stops PDF.js: said after why. */
  blockedAdvice: string;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

/** Axis-aligned lines drawn on a page: stroked segments and rectangle edges, and thin filled bars. */
function rulesOf(pdfjs: PdfJs, fnArray: number[], argsArray: unknown[][], ox: number, oy: number): PdfRule[] {
  const { OPS } = pdfjs;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(x1 - x2) < T.ruleSlant && Math.abs(y1 - y2) >= 1)
      rules.push({
        x1: (x1 + x2) / 2 - ox,
        x2: (x1 + x2) / 2 - ox,
        y1: y1 - oy,
        y2: y2 - oy,
      });
    else if (Math.abs(y1 - y2) < T.ruleSlant && Math.abs(x1 - x2) >= 1)
      rules.push({
        x1: x1 - ox,
        x2: x2 - ox,
        y1: (y1 + y2) / 2 - oy,
        y2: (y1 + y2) / 2 - oy,
      });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as number[]) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const buffer = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!buffer || !(strokes.has(op) || fills.has(op))) continue;
      const subpaths: [number, number][][] = [];
      let cur: [number, number][] = [];
      const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      for (let k = 0; k < buffer.length;) {
        const kind = buffer[k++];
        if (kind === 0) {
          if (cur.length) subpaths.push(cur);
          cur = [point(buffer[k], buffer[k + 1])];
          k += 2;
        } else if (kind === 1) {
          cur.push(point(buffer[k], buffer[k + 1]));
          k += 2;
        } else if (kind === 2) {
          // A curve ends the straight run; it is never a rule.
          if (cur.length) subpaths.push(cur);
          cur = [point(buffer[k + 4], buffer[k + 5])];
          k += 6;
        } else if (kind === 3) {
          if (cur.length) subpaths.push(cur);
          cur = [point(buffer[k + 2], buffer[k + 3])];
          k += 4;
        } else if (kind === 4) {
          if (cur.length) cur.push(cur[0]);
        } else break;
      }
      if (cur.length) subpaths.push(cur);
      for (const sp of subpaths) {
        if (strokes.has(op)) for (let k = 1; k < sp.length; k++) add(sp[k - 1][0], sp[k - 1][1], sp[k][0], sp[k][1]);
        if (fills.has(op) || op === OPS.fillStroke || op === OPS.eoFillStroke) {
          const xs = sp.map((p) => p[0]);
          const ys = sp.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          // A thin filled bar is a rule; a larger filled shape is shading.
          if (x1 - x0 <= T.ruleThickness && y1 - y0 > 3 * (x1 - x0)) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          else if (y1 - y0 <= T.ruleThickness && x1 - x0 > 3 * (y1 - y0)) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        }
      }
    }
  }
  return rules;
}

const DAMAGED = '无法打开该 PDF 文件，文件已损坏或不是 PDF 格式';
const TOO_SLOW = `读取该 PDF 超过 ${PDF_TIME_BUDGET_MS / 1000} 秒，内容异常复杂，已停止读取`;

/**
 * Why a PDF could not be read, in the clerk's words. A failure of this browser or machine is
 * never blamed on the file: she would ask the sender for a new one for nothing.
 */
export function refusal(e: unknown, timedOut: boolean, host: Pick<PdfJsHost, 'blockedAdvice'>): UserError {
  if (e instanceof UserError) return e;
  if (timedOut) return new InputError(TOO_SLOW);
  if ((e as { name?: string } | null)?.name === 'PasswordException') return new InputError('该 PDF 已加密，需要密码才能打开，无法读取：请提供未加密的 PDF，或报告的 Word 原件、网页版本');
  const environment = environmentFailure(e, '该 PDF', host.blockedAdvice);
  if (environment) return environment;
  return new InputError(DAMAGED);
}

/** Each page's text items and ruling lines, with their positions. */
export async function pdfPages(bytes: Uint8Array, host: PdfJsHost): Promise<RawPdfPage[]> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await host.load();
  } catch (e) {
    // Nothing of the file was read yet: whatever stopped PDF.js from starting is the environment's.
    throw (
      environmentFailure(e, '该 PDF', host.blockedAdvice) ??
      new UserError(`无法读取该 PDF：读取所需的组件没能启动（${String(e).slice(0, 120)}），这不是文件的问题。${host.blockedAdvice}`, { cause: e, code: 'environment' })
    );
  }
  const started = Date.now();
  let timedOut = false;
  // PDF.js takes over the buffer it is given: hand it a copy.
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      ...host.cMaps(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      disableAutoFetch: true,
      disableStream: true,
      stopAtErrors: false,
      // Images are never needed: removing them spares decoding scans.
      maxImageSize: 1,
      isOffscreenCanvasSupported: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
  } catch (e) {
    throw refusal(e, false, host);
  }
  const timer = setTimeout(() => {
    timedOut = true;
    void task.destroy();
  }, PDF_TIME_BUDGET_MS);
  const check = () => {
    if (timedOut || Date.now() - started > PDF_TIME_BUDGET_MS) {
      timedOut = true;
      throw new InputError(TOO_SLOW);
    }
  };
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw refusal(e, timedOut, host);
    }
    if (doc.numPages > MAX_PDF_PAGES) throw new InputError(`PDF 超过 ${MAX_PDF_PAGES} 页（共 ${doc.numPages} 页），远大于一份年报，已拒绝读取`);
    const pages: RawPdfPage[] = [];
    let items = 0;
    let operations = 0;
    let texts = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      check();
      const page = await doc.getPage(n);
      const [ox, oy, , top] = page.view;
      const content = await page.getTextContent();
      check();
      items += content.items.length;
      if (items > MAX_PDF_TEXT_ITEMS) throw new InputError(`PDF 中的文字片段超过 ${MAX_PDF_TEXT_ITEMS} 个，远大于一份年报，已拒绝读取`);
      const text: PdfText[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [, , c, d, e, f] = it.transform as number[];
        text.push({
          str: it.str,
          x: e - ox,
          y: f - oy,
          w: it.width,
          h: Math.hypot(c, d) || it.height || 1,
        });
      }
      texts += text.length;
      let rules: PdfRule[] = [];
      if (text.length) {
        const ops = await page.getOperatorList();
        check();
        operations += ops.fnArray.length;
        if (operations > MAX_PDF_OPERATIONS) throw new InputError(`PDF 中的绘图操作超过 ${MAX_PDF_OPERATIONS} 个，远大于一份年报，已拒绝读取`);
        rules = rulesOf(pdfjs, ops.fnArray, ops.argsArray as unknown[][], ox, oy);
      }
      pages.push({ number: n, height: top - oy, text, rules });
      page.cleanup();
    }
    if (texts === 0) throw new InputError('该 PDF 是扫描件（页面只有图像，没有文字层），无法读取其中的数字：请提供报告的 Word 原件或网页版本，或把表格文字复制为 .txt');
    return pages;
  } catch (e) {
    throw refusal(e, timedOut, host);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
