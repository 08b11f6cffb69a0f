import { defineReporter, type Report } from 'evals-gate';

const percent = (mean: number | undefined) => (mean === undefined ? 'n/a' : `${(mean * 100).toFixed(0)}%`);

/** A Slack message (chat.postMessage's `text` and `blocks`) summing up one report. */
export function slackMessage(report: Report) {
  const pass = report.summary.metrics['pass']?.mean;
  const text = `evals ${report.suite} · ${report.candidate.id}: pass ${percent(pass)} of ${report.summary.n} items, ${report.summary.errors} errors`;
  const slices = Object.entries(report.slices).map(([name, slice]) => ({
    type: 'mrkdwn',
    text: `*${name}*${slice.longTail ? ' (long tail)' : ''}: ${percent(slice.metrics['pass']?.mean)} of ${slice.n}`,
  }));
  const failing = report.items.filter((item) => !item.pass).map((item) => `• ${item.id}: ${item.failures[0] ?? item.error?.message ?? 'failed'}`);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      ...(slices.length > 0 ? [{ type: 'section', fields: slices.slice(0, 10) }] : []),
      ...(failing.length > 0 ? [{ type: 'section', text: { type: 'mrkdwn', text: failing.slice(0, 10).join('\n') } }] : []),
    ],
  };
}

/** Listed in the config by path (`plugins: ['./plugins/slack.ts']`), so it is this module's default export. */
export default defineReporter({
  name: 'slack',
  summary: 'a Slack message per report, to post from CI',
  perReport: { suffix: '.slack.json', render: ({ report }) => `${JSON.stringify(slackMessage(report), null, 2)}\n` },
});
