/**
 * Entries by name: the built-ins, fixed when the module loads, and the plugins of the config in
 * use, replaced as a set each time a config is loaded (src/plugins/register.ts). A Map, so code
 * that only reads takes a ReadonlyMap and tests can pass their own.
 */
export class Registry<T> extends Map<string, T> {
  readonly #builtIn: ReadonlySet<string>;

  constructor(
    /** What an entry is, for messages: "check type", "adapter type". */
    readonly what: string,
    entries: Iterable<readonly [string, T]>,
  ) {
    super(entries);
    this.#builtIn = new Set(this.keys());
  }

  isBuiltIn(name: string): boolean {
    return this.#builtIn.has(name);
  }

  /**
   * Drops the previous config's plugin entries and adds these. A name already taken (built in, or
   * by another plugin) is refused before anything changes: a plugin may not replace a built-in.
   */
  replacePlugins(entries: ReadonlyArray<readonly [string, T]>): void {
    const seen = new Set<string>();
    for (const [name] of entries) {
      if (this.#builtIn.has(name)) throw new Error(`${this.what} "${name}" is built in; give yours another name`);
      if (seen.has(name)) throw new Error(`two plugins define the ${this.what} "${name}"`);
      seen.add(name);
    }
    for (const name of [...this.keys()]) if (!this.#builtIn.has(name)) this.delete(name);
    for (const [name, entry] of entries) this.set(name, entry);
  }
}
