/**
 * The command line reads a folder of PDFs on every core: PDF.js runs on the thread that calls it,
 * so each of a few worker threads (pdf-thread.ts, bundled beside the command) reads one PDF at a
 * time with the same pdfPages. Without the bundled thread script (tests run from source), PDFs
 * are read on the main thread.
 */
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { FileReaders, RawPdfPage } from '../../import/readers';
import { InputError } from '../../model/report-json';
import { UserError } from '../../model/user-error';
import { environmentFailure } from '../environment';
import { nodePdfJs } from './pdfjs-node';
import { nodeReaders } from './readers';

/** A PDF.js thread holds some 60 MB; more than four spends memory for little on a clerk's machine. */
const MAX_PDF_THREADS = 4;

export interface ThreadTask {
  id: number;
  bytes: Uint8Array;
}

export type ThreadAnswer = { id: number; pages: RawPdfPage[] } | { id: number; error: { kind: 'input' | 'user' | 'other'; message: string; code?: string } };

interface Pending {
  resolve: (pages: RawPdfPage[]) => void;
  reject: (e: unknown) => void;
}

function rebuilt(error: Extract<ThreadAnswer, { error: unknown }>['error']): Error {
  if (error.kind === 'input') return new InputError(error.message, { code: error.code });
  if (error.kind === 'user') return new UserError(error.message, { code: error.code });
  return new Error(error.message);
}

/** Threads started on demand, each with one PDF at a time; an idle thread never keeps the process alive. */
export class PdfThreads {
  private readonly idle: Worker[] = [];
  private readonly queue: (ThreadTask & Pending)[] = [];
  private readonly busy = new Map<Worker, ThreadTask & Pending>();
  private started = 0;
  private next = 0;

  constructor(
    private readonly script: string,
    readonly size: number,
  ) {}

  read(bytes: Uint8Array): Promise<RawPdfPage[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, bytes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.start() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, bytes: task.bytes });
    }
  }

  private start(): Worker {
    this.started++;
    const worker = new Worker(this.script);
    worker.on('message', (answer: ThreadAnswer) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (task) {
        if ('pages' in answer) task.resolve(answer.pages);
        else task.reject(rebuilt(answer.error));
      }
      this.pump();
    });
    // A thread that dies (out of memory, a component missing) fails its file as the environment's, and is replaced on demand.
    const died = (e: unknown) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      this.started--;
      task?.reject(
        environmentFailure(e, '该 PDF', nodePdfJs.blockedAdvice) ??
          new UserError(`无法读取该 PDF：读取它的线程意外退出（${String(e).slice(0, 120)}），这不是文件的问题。请重试；仍不行时，${nodePdfJs.blockedAdvice}`, { cause: e, code: 'environment' }),
      );
      this.pump();
    };
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker)) died(new Error(`exit ${code}`));
    });
    return worker;
  }
}

/**
 * The command line's readers: PDFs on threads when the bundled thread script is there, else as
 * nodeReaders. NIANBAO_PDF_THREADS sets how many (1: none besides the main thread).
 */
export function threadedReaders(dir: string, env: Record<string, string | undefined> = process.env): FileReaders {
  const script = join(dir, 'pdf-thread.js');
  const asked = Number(env.NIANBAO_PDF_THREADS);
  const size = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PDF_THREADS) : Math.min(MAX_PDF_THREADS, availableParallelism());
  if (size <= 1 || !existsSync(script)) return nodeReaders;
  const threads = new PdfThreads(script, size);
  return { ...nodeReaders, pdf: (bytes) => threads.read(bytes), parallel: size + 1 };
}
