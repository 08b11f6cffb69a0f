/**
 * The option letter a multiple-choice answer picks. Hand-written: answers state it in many
 * shapes ("(B)", "B) Paris", "Answer: B", "The correct option is **C**") and no library reads them.
 */

export type ChoiceExtraction = { kind: 'found'; letter: string } | { kind: 'ambiguous'; letters: string[] } | { kind: 'none' };

/**
 * Ways of stating the pick, strongest first; the first tier that yields a letter decides.
 * A bare letter must be uppercase and stand alone ("I'm" and "Apple" are not picks); a
 * parenthesised one may be lowercase.
 */
const TIERS: readonly RegExp[] = [
  // "The answer is B", "Answer: (b)", "correct option is **C**", "answer is B or C" (two picks)
  /(?:[Aa]nswer|ANSWER|[Oo]ption|[Cc]hoice)\s*(?:is\s*:?|IS\s*:?|:|=)\s*(?:[Oo]ption\s+|[Cc]hoice\s+)?\**\s*(?:\(([A-Za-z])\)|\b([A-Z])(?![\w'’]))(?:\**\s*(?:or|and|\/|,)\s*\(?([A-Z])\)?(?![\w'’]))?/g,
  // "Option C is correct", "(C) is the right answer"
  /(?:(?:[Oo]ption|[Cc]hoice)\s+\(?([A-Z])\)?|\(([A-Z])\))\s+is\s+(?:the\s+)?(?:correct|right|best)/g,
  // The whole answer is the letter: "B", "(b)", "B.", "**C**"
  /^\s*\**\s*(?:\(([a-z])\)|([a-z])[.):]?)\s*\**\s*$/gi,
  // The answer opens with the letter as a label: "B) Paris", "C. 42", "(A) Because..."
  /^\s*\**\s*(?:\(([A-Za-z])\)|([A-Z])[.):])\**\s/g,
  // A parenthesised letter anywhere: "I'd go with (D)."
  /\(([A-Z])\)/g,
];

/** The letter picked, or why none can be named. `choices` (when given) limits letters to A.. that many. */
export function extractChoice(text: string, choices?: number): ChoiceExtraction {
  const inRange = (letter: string) => choices === undefined || letter.charCodeAt(0) - 65 < choices;
  for (const tier of TIERS) {
    const letters = new Set<string>();
    for (const match of text.matchAll(tier)) {
      for (const group of match.slice(1)) {
        const letter = group?.toUpperCase();
        if (letter !== undefined && inRange(letter)) letters.add(letter);
      }
    }
    if (letters.size === 1) return { kind: 'found', letter: [...letters][0] as string };
    if (letters.size > 1) return { kind: 'ambiguous', letters: [...letters].sort() };
  }
  return { kind: 'none' };
}
