import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { BatchHandle, BatchJournal } from '../models/batch/index.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * The in-flight provider batches of a run (`--batch`), beside its journal: one slot for the
 * candidate and one per live judge. A resumed run finds the batch it already paid for here and
 * collects its results instead of submitting the same calls again.
 */
export class BatchSlots {
  private handles: Record<string, unknown>;

  constructor(readonly file: string) {
    this.handles = {};
    if (!existsSync(file)) return;
    try {
      this.handles = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new UserError(`${file}: damaged record of in-flight batches; delete it (the calls will be sent again) or run with --fresh`);
    }
  }

  slot(name: string): BatchJournal {
    return {
      load: () => this.handles[name],
      save: (handle: BatchHandle) => {
        this.handles[name] = handle;
        this.write();
      },
      clear: () => {
        delete this.handles[name];
        this.write();
      },
    };
  }

  remove(): void {
    this.handles = {};
    rmSync(this.file, { force: true });
  }

  private write(): void {
    if (Object.keys(this.handles).length === 0) rmSync(this.file, { force: true });
    else writeFileAtomic(this.file, `${JSON.stringify(this.handles, null, 2)}\n`);
  }
}

/** A slot of BatchSlots that do not exist yet (they are named after a journal set up later). */
export function lateSlot(slots: () => BatchSlots | undefined, name: string): BatchJournal {
  const slot = () => {
    const ready = slots();
    if (!ready) throw new Error('batch slots used before the run journal was set up');
    return ready.slot(name);
  };
  return { load: () => slot().load(), save: (handle) => slot().save(handle), clear: () => slot().clear() };
}
