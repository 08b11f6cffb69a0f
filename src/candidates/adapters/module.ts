import path from 'node:path';
import { z } from 'zod';
import type { GoldenItem } from '../../goldensets/item.js';
import { CandidateError, defineAdapter, type CallOptions } from '../adapter.js';
import { CandidateOutputSchema, type CandidateOutput } from '../../contracts/candidate-output.js';
import { ModuleHost } from './module-host.js';

/** The function a module candidate exports: an item in, an answer (or just its text) out. */
export type CandidateFunction = (item: GoldenItem, options: CallOptions) => Promise<CandidateOutput | string>;

export const moduleAdapter = defineAdapter({
  type: 'module',
  summary: 'a TS/JS file exporting an async function (item) => answer',
  options: z.strictObject({
    path: z.string().min(1),
    /** Named export to call; default export when omitted. */
    export: z.string().min(1).default('default'),
  }),
  async create(options, context) {
    const host = new ModuleHost({ file: path.resolve(context.configDir, options.path), exportName: options.export });
    await host.start();
    return {
      async generate(item, callOptions) {
        const result = await host.call(item, callOptions.epoch, callOptions.signal);
        const parsed = CandidateOutputSchema.safeParse(typeof result === 'string' ? { text: result } : result);
        if (!parsed.success) {
          throw new CandidateError(`module returned an invalid answer: ${parsed.error.issues[0]?.message}`, 'bad_output');
        }
        return parsed.data;
      },
      close: () => host.close(),
    };
  },
});
