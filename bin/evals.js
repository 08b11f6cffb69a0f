#!/usr/bin/env node
// The published entry point: the compiled CLI in dist/ (built by `prepack` for the package, and by
// `prepare` when `npm install` runs in this repository).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
