// `npm install` in this repository runs `prepare`, which builds dist/ so `npx evals` works at once.
// npm also runs `prepare` during `npm pack` and `npm publish`, right after `prepack` has built
// dist/: the second build would only cost time.
import { execFileSync } from 'node:child_process';

if (process.env.npm_command !== 'pack' && process.env.npm_command !== 'publish') {
  // npm_execpath is npm's own CLI script: no shell, the same on every platform.
  execFileSync(process.execPath, [process.env.npm_execpath, 'run', 'build'], { stdio: 'inherit' });
}
