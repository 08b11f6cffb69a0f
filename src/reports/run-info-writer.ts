import { defineReporter } from './writer.js';

/** `<candidate>.run.json` beside the report: what the diffable report leaves out (src/reports/run-info.ts). */
export const runInfoWriter = defineReporter({
  name: 'run-info',
  summary: 'timings, tokens and cost of the run',
  perReport: { suffix: '.run.json', render: ({ runInfo }) => `${JSON.stringify(runInfo, null, 2)}\n` },
});
