import { adapterRegistry } from '../candidates/registry.js';
import { reportWriterRegistry } from '../reports/writers.js';
import { checkRegistry } from '../scoring/checks/registry.js';
import { judgeKindRegistry } from '../scoring/judges/kinds.js';
import type { Plugin } from './plugin.js';

/**
 * Makes a config's plugins the registries' plugin entries, replacing the previous config's (a
 * process may load several configs, e.g. tests driving the CLI in-process). Called before the
 * config and its golden sets are validated: their schemas look check types, adapter types and
 * judge kinds up in the registries at parse time. Throws on a name already taken, changing nothing.
 */
export function registerPlugins(plugins: readonly Plugin[]): void {
  const of = <K extends Plugin['plugin']>(kind: K) => plugins.filter((p): p is Extract<Plugin, { plugin: K }> => p.plugin === kind);
  const reporters = of('reporter');
  const suffixes = [...reportWriterRegistry.values()]
    .filter((w) => reportWriterRegistry.isBuiltIn(w.name))
    .flatMap((w) => (w.perReport ? [w.perReport.suffix] : []));
  for (const reporter of reporters) {
    const suffix = reporter.perReport?.suffix;
    if (!suffix) continue;
    if (suffixes.includes(suffix) || suffix.startsWith('.new.')) throw new Error(`reporter "${reporter.name}": the file suffix "${suffix}" is taken`);
    suffixes.push(suffix);
  }
  // Cleared first, so that a refused name further down leaves no plugin of this config half-registered beside the last one's.
  for (const registry of [checkRegistry, adapterRegistry, judgeKindRegistry, reportWriterRegistry]) registry.replacePlugins([]);
  checkRegistry.replacePlugins(of('check').map((p) => [p.type, p]));
  adapterRegistry.replacePlugins(of('adapter').map((p) => [p.type, p]));
  judgeKindRegistry.replacePlugins(of('judge').map((p) => [p.kind, p]));
  reportWriterRegistry.replacePlugins(reporters.map((p) => [p.name, p]));
}
