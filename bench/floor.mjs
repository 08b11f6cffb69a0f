// The floor for bench/bench.ts: the same requests the CLI makes, with a bare fetch loop at the same
// concurrency, in a process of its own, so both are timed the same way.
// Usage: node bench/floor.mjs <items> <baseURL> <concurrency>
import pLimit from 'p-limit';

const [items, baseURL, concurrency] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const limit = pLimit(concurrency);
let failed = 0;
await Promise.all(
  Array.from({ length: items }, (_, i) =>
    limit(async () => {
      const response = await fetch(`${baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer no-key-needed' },
        body: JSON.stringify({
          model: 'bench-model',
          messages: [{ role: 'user', content: `What is item ${i}?` }],
          max_completion_tokens: 1024,
          temperature: 0,
        }),
      });
      const body = await response.json();
      if (!body.choices?.[0]?.message?.content?.includes('answer')) failed++;
    }),
  ),
);
process.stderr.write(`\nbench:maxRSS=${process.resourceUsage().maxRSS}\n`);
process.exit(failed === 0 ? 0 : 1);
