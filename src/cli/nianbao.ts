/** `nianbao`: the command line of spec/contract.md. */
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { promises as fs } from 'fs';
import * as path from 'path';
import { formats } from '../formats';
import { LEVELS, type Level, type Report } from '../model/report';
import { reportToJson } from '../model/report-json';
import { UserError } from '../model/user-error';
import type { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';
import type { InputFile, OpenWorkbook } from '../ports/file-reader';
import { expandPaths, nodeFile } from '../ports/node/node-files';
import { checkYear, generateTemplate } from '../app/generate';
import type { SeasonFile } from '../app/season-documents';
import { isoDate } from '../consolidate/roster';
import { failureMessage } from '../app/failure';
import { importFile } from '../app/import-files';
import { readInput, readInputs } from '../app/read-inputs';
import { validateFiles } from '../app/validate-files';
import { READABLE_EXTENSIONS } from '../import/read-file';
import { threadedReaders } from '../ports/node/pdf-threads';
import { zlibDeflater } from '../ports/node/zlib-deflater';
import { tuneHeapForBatches } from '../ports/node/heap-tuning';
import { formatReportText } from './text-output';
import type { DraftKind } from '../app/draft-report';
import { previousFor } from '../app/check-report';
import { overwriteMessage, overwriteProblem, type OutputKind } from './output-guard';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_INPUT = 2;

/** A refusal of the command line itself (its arguments, its output file), with the exit code it ends with. */
class CliFailure extends UserError {
  constructor(
    message: string,
    readonly exit = EXIT_INPUT,
  ) {
    super(message);
  }
}

function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v.trim())) throw new CliFailure(`年度“${v}”无效，请写四位数年份，例如 2024`);
  return Number(v);
}

function parseLevel(v: string): Level {
  if (!(LEVELS as string[]).includes(v)) throw new CliFailure(`行政层级“${v}”无效，可选：${LEVELS.join('、')}`);
  return v as Level;
}

/** The files the arguments name, folders opened into the readable files they hold. */
async function inputs(paths: string[]): Promise<InputFile[]> {
  const files = await expandPaths(paths, READABLE_EXTENSIONS);
  if (!files.length) throw new CliFailure(`${paths.join('、')}：文件夹中没有可读取的文件（.xlsx、.docx、.html、.txt、.pdf、.json）`);
  return files;
}

tuneHeapForBatches();

/**
 * What only some commands need loads when one of them runs (exceljs, Word and the charts): the
 * command line's bundle is split, and validating starts without parsing them.
 */
const lazy = {
  workbooks: async (): Promise<typeof ExceljsWorkbookPort> => (await import('../ports/exceljs/exceljs-workbook')).ExceljsWorkbookPort,
  consolidation: () => import('../app/consolidate-files'),
  season: () => import('../app/season-documents'),
  draft: () => import('../app/draft-report'),
  rasterizer: async () => (await import('../ports/node/rasterize-svg')).rasterizeSvgNode,
};

const openXlsx: OpenWorkbook = async (bytes) => (await lazy.workbooks()).fromBuffer(bytes);
/** PDFs on several threads when the command runs from its bundle (dist/cli), on this one otherwise. */
const readers = threadedReaders(__dirname);

/** Last year's report for `report` in a file: the same office's of the year before, else the file's only report of that year. */
async function previousReport(file: string, report: Report): Promise<Report> {
  const { reports } = await readInput(nodeFile(file), { readers });
  const found = previousFor(report, reports);
  if (!found) throw new CliFailure(`${file} 中没有 ${report.year - 1} 年度的报表（--previous 应为上一年度的报表）`);
  return found;
}

/** Writes through a temporary file and a rename, so an interrupted run never leaves a truncated file. */
async function writeOutput(out: string, data: Uint8Array, inputs: string[], kind: OutputKind, force = false) {
  const target = path.resolve(out);
  if (inputs.some((i) => path.resolve(i) === target)) throw new CliFailure(`输出文件 ${out} 与输入文件相同，为保护原文件，已拒绝覆盖`);
  // What we write has no macros: under .xlsm Excel would refuse to open it.
  if (/\.xlsm$/i.test(out)) throw new CliFailure(`输出文件 ${out} 是启用宏的工作簿（.xlsm），而写出的工作簿不含宏，Excel 会拒绝打开；请改用 .xlsx 扩展名`);
  if (!force) {
    const existing = await fs.readFile(target).catch(() => null);
    const problem = existing && (await overwriteProblem(existing, kind));
    if (problem) throw new CliFailure(overwriteMessage(out, problem));
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch {
    await fs.rm(tmp, { force: true });
    throw new CliFailure(`无法写入输出文件 ${out}，请检查路径和权限`);
  }
}

/** Commander's help, said in Chinese throughout: titles, the usage line, defaults, required options. */
const CHINESE_HELP: Partial<Help> = {
  styleTitle: (t: string) => ({ 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '通用选项：' })[t] ?? t,
  commandUsage(this: Help, cmd: Command) {
    return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '<命令>');
  },
  subcommandTerm(this: Help, cmd: Command) {
    return Help.prototype.subcommandTerm.call(this, cmd).replace(' [options]', ' [选项]');
  },
  optionDescription(option: Option) {
    const shown = option.defaultValue !== undefined && option.defaultValue !== '' && typeof option.defaultValue !== 'boolean';
    return `${option.description}${option.mandatory ? '（必填）' : ''}${shown ? `（默认：${option.defaultValueDescription ?? String(option.defaultValue)}）` : ''}`;
  },
  argumentDescription(argument: Argument) {
    const shown = argument.defaultValue !== undefined && argument.defaultValue !== '';
    return `${argument.description}${shown ? `（默认：${argument.defaultValueDescription ?? String(argument.defaultValue)}）` : ''}`;
  },
  // A Chinese character takes two columns in a terminal: the descriptions line up.
  displayWidth(str: string) {
    let w = 0;
    for (const ch of str.replace(/\x1b\[\d*(;\d+)*m/g, '')) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
    return w;
  },
};

const EXAMPLES = `
示例：
  nianbao template --year 2024 --office 某县人民政府办公室 --out 模板.xlsx
  nianbao validate 报表.xlsx --previous 上年报表.xlsx
  nianbao validate 年报全文.docx --previous 上年年报全文.docx
  nianbao import 某局报送.docx --out 标准表格.xlsx
  nianbao consolidate 报送/ --office 某县 --out 某县汇总.xlsx

用 nianbao help <命令> 查看某个命令的选项。退出码：0 没有错误；1 至少有一项错误；2 文件无法读取或没有可识别的报表。
`;

interface ConsolidateOptions {
  out: string;
  office?: string;
  level?: Level;
  roster?: string;
  previous?: string;
  formulas?: boolean;
  notices?: string;
  resubmitBy?: string;
  charts?: boolean;
  json?: boolean;
  force?: boolean;
}

/** The path lies in the folder (or is it). */
function within(file: string, folder: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(file));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A letter written before may hold what the clerk added: it is replaced only with --force. */
async function refuseExistingLetters(dir: string, letters: SeasonFile[]): Promise<void> {
  const there: string[] = [];
  for (const l of letters)
    if (
      await fs.stat(path.join(dir, l.name)).then(
        () => true,
        () => false,
      )
    )
      there.push(l.name);
  if (there.length) throw new CliFailure(`${dir} 中已有 ${there.join('、')}，其中可能已有补写的内容。为防止覆盖，已停止，未生成任何文件；如确需覆盖，请加 --force，或换一个文件夹。`);
}

/** Writes the letters into the folder; a notice left there from an earlier round that this round does not renew is pointed out, never deleted. */
async function writeLetters(dir: string, letters: SeasonFile[], io: Io): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true }).catch(() => {
    throw new CliFailure(`无法创建文件夹 ${dir}，请检查路径和权限`);
  });
  const written: string[] = [];
  for (const l of letters) {
    const file = path.join(dir, l.name);
    await writeOutput(file, l.bytes, [], 'template', true);
    written.push(file);
  }
  const names = new Set(letters.map((l) => l.name));
  const stale = (await fs.readdir(dir)).filter((n) => n.endsWith('退回意见.docx') && !names.has(n));
  if (stale.length) io.stderr(`提示：${dir} 中的 ${stale.join('、')} 是之前生成的，本次这些单位无需退回，请勿再发出\n`);
  return written;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const errors: string[] = [];
  let code = EXIT_OK;
  const program = new Command('nianbao');
  program
    .description('政府信息公开工作年度报告：生成法定表格、校验、导入')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp(CHINESE_HELP)
    .addHelpText('after', EXAMPLES)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();

  program
    .command('template')
    .description('生成一个法定表格模板工作簿')
    .requiredOption('--year <YYYY>', '报告年度', parseYear)
    .option('--office <名称>', '填报单位', '')
    .option('--level <层级>', `行政层级（${LEVELS.join('、')}）`, parseLevel)
    .requiredOption('--out <文件.xlsx>', '输出文件')
    .option('--force', '输出文件已存在时仍然覆盖')
    .action(async (o: { year: number; office: string; level?: Level; out: string; force?: boolean }) => {
      const format = checkYear(o.year);
      const port = (await lazy.workbooks()).empty({ deflater: zlibDeflater });
      await generateTemplate(port, { office: o.office, year: o.year, level: o.level, blankOffice: true });
      await writeOutput(o.out, await port.toBuffer(), [], 'template', o.force);
      io.stdout(`已生成 ${o.out}（${o.year} 年度，${format.def.name}，${format.def.notice}）\n`);
    });

  program
    .command('validate')
    .description('校验文件中的每一份报表；年报全文（.docx、.html、.pdf、.txt）还检查其结构和文字')
    .argument('<文件...>', '.xlsx、.docx、.html、.txt、.pdf 或 .json 文件，或包含它们的文件夹')
    .option('--previous <文件>', '上一年度的报表或年报全文：核对跨年度的数字，并比对两年的文字')
    .option('--year <YYYY>', '指定报告年度（覆盖从标题读取的年度）', parseYear)
    .option('--office <名称>', '指定填报单位（覆盖从标题读取的名称）')
    .option('--json', '输出 JSON')
    .action(async (files: string[], o: { previous?: string; year?: number; office?: string; json?: boolean }) => {
      const previous = o.previous ? { name: o.previous, files: await inputs([o.previous]) } : undefined;
      const r = await validateFiles(await inputs(files), { readers, year: o.year, office: o.office, previous });
      for (const n of r.notes) io.stderr(`提示：${n}\n`);
      errors.push(...r.messages);
      const out = [];
      const text: string[] = [];
      for (const c of r.checks) {
        if (c.officeUnknown) io.stderr(`提示：${c.report.source}：未能识别填报单位，可用 --office 指定\n`);
        out.push(reportToJson(c.report, c.validation.findings, formats, c.validation.confirmed));
        text.push(formatReportText(c.report, c.validation, formats));
      }
      if (o.json) io.stdout(JSON.stringify({ reports: out }, null, 2) + '\n');
      else io.stdout(text.join('\n'));
      code = r.failed ? EXIT_INPUT : r.withErrors ? EXIT_ERRORS : EXIT_OK;
    });

  program
    .command('consolidate')
    .description('把多份报表逐格相加，生成汇总表和汇总明细')
    .argument('<文件...>', '成员报表文件，或包含它们的文件夹')
    .requiredOption('--out <文件.xlsx>', '输出文件')
    .option('--office <名称>', '汇总单位')
    .option('--level <层级>', `行政层级（${LEVELS.join('、')}）`, parseLevel)
    .option('--roster <文件>', '报送名单：.txt 每行一个单位，或 .xlsx 中“报送名单”工作表（或第一个工作表）的第一列')
    .option('--previous <文件>', '上年的汇总表：核对上年结转，并生成同比工作表')
    .option('--formulas', '汇总表使用公式引用成员表（默认写入数值；成员表都写入输出文件）')
    .option('--notices <文件夹>', '另在该文件夹中写出退回意见（每个有错误或未说明警告的单位一份）和报送情况通报（.docx）')
    .option('--resubmit-by <日期>', '退回意见中重新报送的截止日期，如 2025-02-12（默认：一周后）')
    .option('--no-charts', '不生成“图表”工作表')
    .option('--force', '输出文件已存在时仍然覆盖')
    .option('--json', '输出 JSON')
    .action(async (files: string[], o: ConsolidateOptions) => {
      // The notices folder may sit inside the submissions folder: what we wrote there is not a submission.
      const members = (await inputs(files)).filter((f) => !o.notices || !within(f.name, o.notices));
      const today = isoDate(new Date());
      const [{ consolidateReports, rosterFromFile }, { resubmitDate, seasonFiles }] = await Promise.all([lazy.consolidation(), lazy.season()]);
      const resubmitBy = o.notices ? resubmitDate(o.resubmitBy, today) : undefined;
      const roster = o.roster ? await rosterFromFile(nodeFile(o.roster), openXlsx) : undefined;
      const read = await readInputs(members, { readers });
      errors.push(...read.messages);
      // Each member sheet is rendered as the file is written, not all held at once.
      const port = (await lazy.workbooks()).empty({ deferPlans: true, deflater: zlibDeflater });
      const result = await consolidateReports(port, read.files, {
        office: o.office,
        level: o.level,
        mode: o.formulas ? 'formula' : 'values',
        roster,
        previous: o.previous ? { file: nodeFile(o.previous), open: openXlsx, readers } : undefined,
        today,
        charts: o.charts,
      });
      const memberJson = result.members.map((m) => reportToJson(m.report, m.findings, formats, m.confirmed));
      if (!result.ok) {
        if (o.json) io.stdout(JSON.stringify({ reports: memberJson, findings: result.findings }, null, 2) + '\n');
        else io.stdout(`汇总被拒绝，未生成文件${o.notices ? '，也未生成退回意见' : ''}：\n${result.findings.map((f) => `  ✖ ${f.message}`).join('\n')}\n`);
        code = read.failed ? EXIT_INPUT : EXIT_ERRORS;
        return;
      }
      for (const n of result.notes) io.stderr(`提示：${n}\n`);
      const given = [...members.map((f) => f.name), ...(o.roster ? [o.roster] : []), ...(o.previous ? [o.previous] : [])];
      const letters = o.notices ? await seasonFiles(result.season, { resubmitBy }) : [];
      if (o.notices && !o.force) await refuseExistingLetters(o.notices, letters);
      await writeOutput(o.out, await port.toBuffer(), given, 'consolidate', o.force);
      const written = o.notices ? await writeLetters(o.notices, letters, io) : [];
      const { summary, sheets, findings } = result;
      if (o.json) io.stdout(JSON.stringify({ reports: [reportToJson(summary, findings, formats), ...memberJson], ...(o.notices ? { notices: written } : {}) }, null, 2) + '\n');
      else {
        const bad = result.members.filter((m) => m.errors > 0).length;
        io.stdout(`已汇总 ${result.members.length} 份报表（${summary.year} 年度，${formats.formatOf(summary).def.name}），写入 ${o.out}\n`);
        io.stdout(`${result.counts}\n`);
        if (result.comparison) io.stdout(`与 ${result.comparison.prevYear} 年度的对比见“${sheets.comparison}”工作表\n`);
        if (sheets.charts) io.stdout(`图表 ${result.charts.length} 幅见“${sheets.charts}”工作表\n`);
        if (sheets.changes) io.stdout(`${result.season.versions.length} 个单位重新报送，改动的单元格见“${sheets.changes}”工作表\n`);
        if (o.notices) {
          const notices = letters.filter((l) => l.office);
          io.stdout(
            `已在 ${o.notices} 中生成${notices.length ? ` ${notices.length} 份退回意见（${notices.map((l) => l.office).join('、')}）和` : '（没有需要退回的单位）'}报送情况通报，重新报送截止日期 ${resubmitBy}\n`,
          );
        }
        if (bad) io.stdout(`其中 ${bad} 份有错误，详见“${sheets.overview}”工作表：\n`);
        for (const f of findings) io.stdout(`  ${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} ${f.message}\n`);
      }
      const anyError = findings.some((f) => f.severity === 'error') || result.members.some((m) => m.errors > 0);
      code = read.failed ? EXIT_INPUT : anyError ? EXIT_ERRORS : EXIT_OK;
    });

  program
    .command('import')
    .description('把可识别的报表转换为标准模板工作簿')
    .argument('<文件>', '输入文件')
    .requiredOption('--out <文件.xlsx>', '输出文件')
    .option('--year <YYYY>', '指定报告年度（覆盖从标题读取的年度）', parseYear)
    .option('--office <名称>', '指定填报单位（覆盖从标题读取的名称）')
    .option('--force', '输出文件已存在时仍然覆盖')
    .action(async (file: string, o: { out: string; year?: number; office?: string; force?: boolean }) => {
      const port = (await lazy.workbooks()).empty({ deflater: zlibDeflater });
      const { items } = await importFile(port, nodeFile(file), { readers, year: o.year, office: o.office });
      await writeOutput(o.out, await port.toBuffer(), [file], 'import', o.force);
      io.stdout(`已导入 ${items.length} 份报表，写入 ${o.out}\n`);
      // The written sheets keep unreadable text and 未读取 in their cells, so these errors stay until corrected.
      const withErrors = items.filter((it) => it.validation.findings.some((f) => f.severity === 'error'));
      for (const it of withErrors) io.stdout(formatReportText(it.report, it.validation, formats) + '\n');
      if (withErrors.length) {
        io.stdout(`其中 ${withErrors.length} 份有错误：写入的表格中保留了原文和“未读取”标记，改正后才能汇总。\n`);
        code = EXIT_ERRORS;
      }
    });

  program
    .command('report')
    .description('根据年报表格起草年报全文：六个部分、法定表格、由数字生成的文字和待填写的位置')
    .argument('<文件>', '含年报表格的工作簿（.xlsx）')
    .requiredOption('--out <文件.docx>', '输出文件：.docx（Word 文档），或 .html（网页）')
    .option('--html', '生成网页（.html），用于在门户网站发布')
    .option('--sheet <工作表>', '工作簿中有多份报表时，指定起草哪一个工作表')
    .option('--previous <文件>', '上一年度的报表：年报全文中加入两年对比图（新收申请、行政复议、行政诉讼）')
    .option('--no-charts', '不插入图表（默认插入申请人、办理情况的图表）')
    .option('--force', '表格有错误时仍然起草；输出文件已存在时仍然覆盖')
    .action(async (file: string, o: { out: string; html?: boolean; sheet?: string; previous?: string; charts?: boolean; force?: boolean }) => {
      const ext = path.extname(o.out).toLowerCase();
      const kind: DraftKind = o.html || ext === '.html' || ext === '.htm' ? 'html' : 'docx';
      if (kind === 'html' && ext !== '.html' && ext !== '.htm') throw new CliFailure(`--html 生成的是网页，输出文件请用 .html 扩展名（现为 ${o.out}）`);
      if (kind === 'docx' && ext !== '.docx') throw new CliFailure(`输出文件请用 .docx（Word 文档）或 .html（网页）扩展名（现为 ${o.out}）`);
      if (
        !o.force &&
        (await fs.stat(o.out).then(
          () => true,
          () => false,
        ))
      )
        throw new CliFailure(overwriteMessage(o.out, '其中可能已有补写的内容'));
      const { reports, problems } = await readInput(nodeFile(file), { readers });
      for (const p of problems) errors.push(`${file}：${p}`);
      const { draftReportFile, DraftRefused, pickReport } = await lazy.draft();
      const picked = pickReport(reports, o.sheet);
      if ('choices' in picked) {
        const list = picked.choices.map((c) => `“${c}”`).join('、');
        throw new CliFailure(
          picked.wanted !== undefined
            ? `${file} 中没有名为“${picked.wanted}”的报表工作表。其中的报表在：${list}`
            : `${file} 中有 ${reports.length} 份报表（工作表：${list}），请用 --sheet 指定起草哪一个`,
        );
      }
      let drafted;
      try {
        const previous = o.previous ? await previousReport(o.previous, picked.report) : undefined;
        drafted = await draftReportFile(picked.report, { kind, force: o.force, siblings: reports, registry: formats, charts: o.charts, previous, rasterize: await lazy.rasterizer() });
      } catch (e) {
        if (e instanceof DraftRefused) throw new CliFailure(`${e.message}\n如确需按现有数字起草，请加 --force。`, EXIT_ERRORS);
        throw e;
      }
      await writeOutput(o.out, drafted.bytes, [file], 'template', true);
      const r = picked.report;
      io.stdout(`已起草年报全文 ${o.out}（${r.office} ${r.year} 年度，${formats.formatOf(r).def.name}）\n`);
      io.stdout(`其中 ${drafted.placeholders.length} 处标有“【待填写：…】”（黄色突出显示），需要由本单位补写：\n`);
      for (const p of drafted.placeholders) io.stdout(`  · ${p}\n`);
      if (drafted.charts.drawn) io.stdout(`插入图表 ${drafted.charts.drawn} 幅（图1—图${drafted.charts.drawn}），放在所说明的表格之后\n`);
      for (const w of drafted.charts.withheld) io.stdout(`提示：${w}\n`);
      if (drafted.errors.length) {
        io.stdout(`注意：表格还有 ${drafted.errors.length} 个错误，已按 --force 起草。改正后请重新生成：\n`);
        for (const f of drafted.errors) io.stdout(`  ✖ ${f.message}\n`);
        code = EXIT_ERRORS;
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT_OK;
      io.stderr(commanderMessage(e) + '\n');
      return EXIT_INPUT;
    }
    for (const m of errors) io.stderr(m + '\n');
    if (e instanceof UserError) {
      io.stderr(`错误：${e.message}\n`);
      return e instanceof CliFailure ? e.exit : EXIT_INPUT;
    }
    // A bug: its stack for the maintainers, then what to do with it.
    io.stderr(failureMessage(e, (bug) => io.stderr(`${bug instanceof Error ? bug.stack : String(bug)}\n`)) + '\n');
    return EXIT_INPUT;
  }
  for (const m of errors) io.stderr(`错误：${m}\n`);
  return code;
}

function commanderMessage(e: CommanderError): string {
  const arg = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${arg}。用 nianbao help 查看用法。`;
    case 'commander.optionMissingArgument':
      return `选项 ${arg} 后面需要一个值。`;
    case 'commander.missingArgument':
      return `缺少参数 ${arg}（例如要处理的文件）。`;
    case 'commander.unknownOption':
      return `未知选项 ${arg}。用 nianbao help 查看用法。`;
    case 'commander.unknownCommand':
      return `未知命令 ${arg}。可用命令：template、validate、consolidate、import、report。`;
    case 'commander.invalidArgument':
      return e.message.replace(/^error: /, '');
    default:
      return `命令行有误：${e.message}`;
  }
}
