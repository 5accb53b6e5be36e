/**
 * SVG to PNG on Node (the command line): resvg compiled to WebAssembly, the same on every machine
 * Node runs on (信创 ARM and LoongArch desktops too, where no native build exists), drawing the
 * text with a Chinese font found on this machine. The .wasm is read from the installed package
 * (beside the bundle for the installed command line: scripts/build-cli.mjs copies it there).
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { UserError } from '../../model/user-error';
import type { RasterizeSvg } from '../rasterizer';

/** Chinese fonts by where each system keeps them, most common first; the family is what the chart's font list names. */
const FONTS: { family: string; files: string[] }[] = [
  { family: 'Microsoft YaHei', files: ['C:/Windows/Fonts/msyh.ttc', 'C:/Windows/Fonts/msyh.ttf'] },
  { family: 'SimHei', files: ['C:/Windows/Fonts/simhei.ttf'] },
  { family: 'PingFang SC', files: ['/System/Library/Fonts/PingFang.ttc'] },
  {
    family: 'Noto Sans CJK SC',
    files: [
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
    ],
  },
  { family: 'Source Han Sans SC', files: ['/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf', '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf'] },
  { family: 'WenQuanYi Micro Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'] },
];

/** A font named by NIANBAO_CHART_FONT (a file, or a folder holding one), else the first known one present. */
function findChineseFont(env: Record<string, string | undefined> = process.env): { family?: string; file: string } | undefined {
  const named = env.NIANBAO_CHART_FONT;
  if (named && existsSync(named)) {
    if (/\.(ttf|ttc|otf)$/i.test(named)) return { file: named };
    const inside = readdirSync(named).find((f) => /\.(ttf|ttc|otf)$/i.test(f));
    if (inside) return { file: join(named, inside) };
  }
  for (const f of FONTS) for (const file of f.files) if (existsSync(file)) return { family: f.family, file };
  return undefined;
}

let ready: Promise<typeof import('@resvg/resvg-wasm')> | undefined;

function resvg() {
  ready ??= (async () => {
    const lib = await import('@resvg/resvg-wasm');
    await lib.initWasm(readFileSync(createRequire(__filename).resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return lib;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

let font: { family?: string; bytes: Uint8Array } | undefined;

export const rasterizeSvgNode: RasterizeSvg = async (svg, size) => {
  if (!font) {
    const found = findChineseFont();
    if (!found) throw new UserError('本机没有找到中文字体（如微软雅黑、黑体、思源黑体、文泉驿），无法生成图表的图片。可设置环境变量 NIANBAO_CHART_FONT 指向一个中文字体文件。', { code: 'no_font' });
    font = { family: found.family, bytes: readFileSync(found.file) };
  }
  const { Resvg } = await resvg();
  const family = font.family ? { defaultFontFamily: font.family, sansSerifFamily: font.family } : {};
  const r = new Resvg(svg, { font: { fontBuffers: [font.bytes], ...family }, fitTo: { mode: 'width', value: Math.round(size.width * size.scale) }, background: 'white' });
  try {
    return r.render().asPng();
  } finally {
    r.free();
  }
};
