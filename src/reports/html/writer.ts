import { defineReporter } from '../writer.js';
import { htmlAnswersInIdOrder } from './answers.js';
import { buildHtmlData } from './build.js';
import { renderHtmlReport } from './render.js';

/** `<candidate>.html`: the self-contained page for people (render.ts), from the report set and the run's results. */
export const htmlWriter = defineReporter({
  name: 'html',
  summary: 'a self-contained HTML page: slice bars with intervals, the gate per slice x metric, every item with both answers',
  perReport: {
    suffix: '.html',
    render: (set) =>
      renderHtmlReport(
        buildHtmlData({
          head: set.report,
          base: set.baseline?.report,
          comparison: set.comparison,
          verdict: set.verdict,
          golden: set.items,
          headResults: set.results?.(),
          ...(set.baseline?.outputs ? { baseAnswers: htmlAnswersInIdOrder(set.baseline.outputs) } : {}),
        }),
      ),
  },
});
