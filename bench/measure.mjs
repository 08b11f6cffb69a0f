// Runs the CLI in this process and reports its peak RSS on stderr's last line, for bench/bench.ts.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
process.stderr.write(`\nbench:maxRSS=${process.resourceUsage().maxRSS}\n`);
process.exit(code);
