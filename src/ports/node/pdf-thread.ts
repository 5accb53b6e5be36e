/**
 * One worker thread of the command line's PDF pool (pdf-threads.ts): reads each PDF it is sent
 * with pdfPages, as the main thread would, and answers with the pages or what went wrong.
 */
import { parentPort } from 'worker_threads';
import { InputError } from '../../model/report-json';
import { UserError } from '../../model/user-error';
import { pdfPages } from '../pdfjs/pdf-pages';
import { nodePdfJs } from './pdfjs-node';
import type { ThreadAnswer, ThreadTask } from './pdf-threads';

parentPort?.on('message', async ({ id, bytes }: ThreadTask) => {
  let answer: ThreadAnswer;
  try {
    answer = { id, pages: await pdfPages(bytes, nodePdfJs) };
  } catch (e) {
    const kind = e instanceof InputError ? 'input' : e instanceof UserError ? 'user' : 'other';
    answer = { id, error: { kind, message: e instanceof Error ? e.message : String(e), code: (e as UserError).code } };
  }
  parentPort?.postMessage(answer);
});
