import type { LoadedConfig } from '../config/load.js';
import { DriftConfigSchema, GateConfigSchema, type DriftConfig } from '../gate/config.js';
import { UserError } from '../errors.js';
import type { DriftAnchor } from '../gate/drift.js';
import { parseBaseline } from '../reports/baseline.js';
import { gitFileReader, newestTag, type GitFileReader } from '../reports/git-read.js';
import { reportPaths } from '../reports/write.js';

/** What the drift budget of one suite x candidate compares with: an anchor, or a note saying why not. */
export type DriftLookup = { off: true } | { config: DriftConfig; anchor: DriftAnchor } | { config: DriftConfig; note: string };

/**
 * Each pair's drift anchor (src/gate/drift.ts), read up front like the baselines, so a bad ref is
 * exit 2 before anything is paid for. The ref: --drift-ref, else the suite's gate.drift.ref, else
 * the newest tag reachable from HEAD. A ref the user named that git does not know is exit 2 naming
 * it; so is a damaged report at that ref. No tag, no repository, or no report at the anchor (a
 * report newer than the release) is a note: the run says the drift budget was not checked.
 */
export function driftAnchors(
  loaded: LoadedConfig,
  reportsDir: string,
  plan: ReadonlyArray<{ suite: string; candidate: string }>,
  flagRef: string | undefined,
): (suite: string, candidate: string) => DriftLookup {
  const readers = new Map<string, GitFileReader>();
  const readerFor = (ref: string, source: string) => {
    const key = `${source}\u0000${ref}`;
    const known = readers.get(key) ?? gitFileReader(loaded.dir, ref, source);
    readers.set(key, known);
    return known;
  };
  let tag: ReturnType<typeof newestTag> | undefined;
  const found = new Map<string, DriftLookup>();
  for (const { suite, candidate } of plan) {
    const configured = (loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({})).drift;
    // --drift-ref asks for the check even where the config turned it off; its tolerance is then the default.
    if (configured === false && flagRef === undefined) {
      found.set(key(suite, candidate), { off: true });
      continue;
    }
    const config = configured === false ? DriftConfigSchema.parse({}) : configured;
    const explicit =
      flagRef !== undefined
        ? { ref: flagRef, source: '--drift-ref' }
        : config.ref !== undefined
          ? { ref: config.ref, source: `gate.drift.ref of suite ${suite}` }
          : undefined;
    if (!explicit) tag ??= newestTag(loaded.dir);
    if (!explicit && tag && 'none' in tag) {
      found.set(key(suite, candidate), {
        config,
        note: `Drift budget not checked: ${tag.none}. Tag releases, or name the anchor with gate.drift.ref or --drift-ref (gate.drift: false turns the budget off).`,
      });
      continue;
    }
    const ref = explicit?.ref ?? (tag && 'tag' in tag ? tag.tag : '');
    const file = reportPaths(reportsDir, suite, candidate).json;
    try {
      found.set(key(suite, candidate), anchorAt(readerFor(ref, explicit?.source ?? `the drift anchor ${ref} (the newest tag)`), file, ref, config));
    } catch (err) {
      // A ref the user named that cannot give an anchor is theirs to fix (the message names the ref);
      // the tag found by default gets a note.
      if (explicit || !(err instanceof UserError)) throw err;
      found.set(key(suite, candidate), { config, note: `Drift budget not checked: the anchor at ${ref} cannot be read (${err.message}).` });
    }
  }
  return (suite, candidate) => found.get(key(suite, candidate)) ?? { off: true };
}

/** The report at the anchor, or a note when the anchor has none; a damaged one throws (UserError). */
function anchorAt(reader: GitFileReader, file: string, ref: string, config: DriftConfig): DriftLookup {
  const text = reader.read(file);
  if (text === undefined) return { config, note: `Drift budget not checked: ${reader.show(file)} does not exist (the report is newer than the anchor).` };
  const { report } = parseBaseline(file, text, reader.show(file));
  return { config, anchor: { label: ref, report, changes: reader.changesSince(file) } };
}

function key(suite: string, candidate: string): string {
  return `${suite}\u0000${candidate}`;
}
