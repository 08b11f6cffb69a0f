import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';

/**
 * One run at a time per journal: two runs appending to the same journal corrupt it after both
 * have paid for their calls. The lock is a file created with `wx` (fails if it exists) holding
 * the owner's pid and host; a lock whose pid is dead on this host is stale and taken over.
 */
const LockOwnerSchema = z.object({ pid: z.number().int(), host: z.string(), token: z.string(), since: z.string() });
type LockOwner = z.infer<typeof LockOwnerSchema>;

/** A lock file seen half-written (just created, not yet filled) is someone's for this long. */
const FRESH_MS = 5000;

/** Locks this process holds, by file, with their tokens: tells our own live locks from ones a finished command left. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export interface RunLock {
  file: string;
  release(): void;
}

function readOwner(file: string): LockOwner | 'unreadable' | 'gone' {
  try {
    const parsed = LockOwnerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return 'unreadable';
  }
}

function alive(owner: LockOwner, file: string): boolean {
  // Another host's pid cannot be checked from here: its lock stands until removed by hand.
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return held.get(file) === owner.token;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops every lock this process still holds (a command's end: a lock never outlives its command). */
export function releaseRunLocks(): void {
  for (const file of held.keys()) rmSync(file, { force: true });
  held.clear();
}

/**
 * Takes the lock at `file` or throws a UserError (exit 2) naming the run that holds it.
 * `display` shows paths as the user typed them.
 */
export function acquireRunLock(file: string, display: (p: string) => string = (p) => p): RunLock {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!exitHookInstalled) {
    // process.exit (a second Ctrl-C) skips finally blocks; the lock must not outlive the process.
    process.once('exit', releaseRunLocks);
    exitHookInstalled = true;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UserError(`cannot create the run lock ${display(file)}: ${errorMessage(err)}`);
      }
      const other = readOwner(file);
      if (other === 'gone') continue;
      if (other === 'unreadable' ? Date.now() - mtimeMs(file) < FRESH_MS : alive(other, file)) {
        const who = other === 'unreadable' ? 'another evals run' : `another evals run (pid ${other.pid} on ${other.host}, since ${other.since})`;
        throw new UserError(`${who} is using this journal; lock: ${display(file)}. Wait for it to finish, or delete the lock file if that run is gone.`);
      }
      // Stale: its process is dead. Removed and created again with `wx`, so of two runs
      // taking over at once only one gets it.
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`);
    } finally {
      closeSync(fd);
    }
    held.set(file, owner.token);
    return {
      file,
      release() {
        if (held.get(file) !== owner.token) return;
        held.delete(file);
        rmSync(file, { force: true });
      },
    };
  }
  throw new UserError(`cannot take the run lock ${display(file)}: it keeps changing hands`);
}

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
