// Tokenisation and sentence splitting for the example candidates. Written by hand because the
// candidates must stay tiny, offline and dependency-free; a real system would use its own stack.

const STOPWORDS = new Set(
  (
    'a an the and or but if then than so of to in on at by for with from into onto about as is are was were be been ' +
    'being am do does did doing have has had having i me my mine we our you your yours he she it its they them their ' +
    'this that these those there here what which who whom whose when where why how can could should would will shall ' +
    'may might must not no yes all any some each every both either neither one get got out up down over under again ' +
    'also just only very too more most much many such own same other another please tell want need know like use using ' +
    'used make via s t let lets long often happen happens ' +
    // contractions lose their apostrophe in tokenize()
    'im ive ill youre whats hows wheres whos thats theres dont doesnt didnt cant isnt arent wont'
  ).split(' '),
);

/**
 * Crude suffix stripping so that "devices"/"device", "syncing"/"sync" and "deleted"/"delete"
 * meet (a final e is dropped after the suffix, as in "delet"); enough for a demo corpus.
 */
export function stem(word: string): string {
  if (/^\d/.test(word)) return word;
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Lower-cased, stemmed content words, stopwords and single letters removed, in order (with repeats). */
export function tokenize(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  return words.filter((w) => (w.length > 1 || /\d/.test(w)) && !STOPWORDS.has(w)).map(stem);
}

export function uniqueTerms(text: string): string[] {
  return [...new Set(tokenize(text))];
}

/** Markdown emphasis and list markers removed, so extracted sentences read as prose. */
export function plain(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/^\s*(?:\d+\.|[-*])\s+/, '')
    .trim();
}

/** A list item ("1. Open ..." or "- Open ...") from one line, or null when the line is not one. */
export function listItem(line: string): string | null {
  return /^\s*(?:\d+\.|[-*])\s+/.test(line) ? plain(line) : null;
}

/**
 * The sentences of a Markdown body: each list item is one sentence, paragraphs are split after
 * . ! or ? followed by a capital letter. Headings and front matter are not sentences.
 */
export function sentences(markdown: string): string[] {
  const out: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (lines.length === 0) continue;
    if (lines.every((l) => listItem(l) !== null)) {
      for (const l of lines) out.push(plain(l));
      continue;
    }
    const paragraph = plain(lines.join(' '));
    for (const s of paragraph.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}
