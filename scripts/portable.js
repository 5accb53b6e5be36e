/**
 * dist/portable/: the web page as a folder to hand to a clerk (a USB stick, an e-mail, a shared
 * drive), opened by double-clicking 年报助手.html: no server, no install. It holds the web page's
 * own scripts (every chunk the page may load, and nothing of the add-in's), its help with its
 * pictures, its icon, and a short 使用说明.txt.
 */
const fs = require('fs');
const path = require('path');

const PAGE = '年报助手.html';
const GUIDE = `政府信息公开年报助手（网页版，单机使用）

使用方法
1. 把整个文件夹复制到电脑上（不要只复制其中的一个文件）。
2. 双击“${PAGE}”，用电脑上已有的浏览器打开：Chrome、Edge，或 360、奇安信浏览器（请用“极速模式”）。
3. 点“打开工作簿…”选择 .xlsx，或把各单位报来的 .xlsx、.docx、.pdf、.txt 拖到页面上。
4. 校验、改正、导入、汇总后，点“下载”保存结果。

说明
- 文件只在本机浏览器中处理，不上传，不需要联网，也不需要安装。
- 页面中的“帮助”有详细说明和截图。
- 浏览器太旧（如 360 浏览器的“兼容模式”或 Chromium 69 以前的版本）时，页面会提示更换浏览器。
`;

/** The files a chunk group and every group it may load reach, once each. */
function filesOf(group, seen = new Set(), files = new Set()) {
  if (seen.has(group)) return files;
  seen.add(group);
  for (const chunk of group.chunks) for (const f of chunk.files) files.add(f);
  for (const child of group.getChildren()) filesOf(child, seen, files);
  return files;
}

class PortablePlugin {
  /** `entry`: the web page's entry; `page`: its html; `extra`: other files of the page (help, pictures), globs relative to the output. */
  constructor({ entry, page, extra, out }) {
    Object.assign(this, { entry, page, extra, out });
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('PortablePlugin', (compilation) => {
      const from = compilation.outputOptions.path;
      const scripts = filesOf(compilation.entrypoints.get(this.entry));
      fs.rmSync(this.out, { recursive: true, force: true });
      fs.mkdirSync(this.out, { recursive: true });
      const copy = (rel, to = rel) => {
        fs.mkdirSync(path.dirname(path.join(this.out, to)), { recursive: true });
        fs.copyFileSync(path.join(from, rel), path.join(this.out, to));
      };
      for (const f of scripts) copy(f);
      copy(this.page, PAGE);
      for (const pattern of this.extra) {
        const dir = path.dirname(pattern);
        const re = new RegExp(`^${path.basename(pattern).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
        if (!fs.existsSync(path.join(from, dir))) continue;
        for (const f of fs.readdirSync(path.join(from, dir))) if (re.test(f)) copy(path.join(dir, f));
      }
      fs.writeFileSync(path.join(this.out, '使用说明.txt'), GUIDE.replace(/\n/g, '\r\n'));
    });
  }
}

module.exports = { PortablePlugin, PORTABLE_PAGE: PAGE };
