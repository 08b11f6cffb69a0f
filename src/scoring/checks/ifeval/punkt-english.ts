/**
 * The parameters of NLTK's English Punkt model (`tokenizers/punkt/english.pickle` in nltk_data,
 * learnt from Wall Street Journal text), which IFEval counts sentences with. Copied as data:
 * abbreviations (a final period after them is not a break), collocations (a period between the
 * two types is not a break) and frequent sentence starters.
 *
 * Left out: the model's orthographic context (how often each of its ~20,000 word types was seen
 * capitalised or not, sentence-initially or mid-sentence). Every word is treated as unseen, so
 * after a number, initial, abbreviation or ellipsis a lowercase word never starts a sentence and
 * a capitalised one is "unknown" (see punkt.ts). On IFEval's GPT-4 responses this changes one
 * verdict of 1,664 (key 1174, loose mode; measured against NLTK with the full model).
 */

/** Types whose final period is an abbreviation's, lowercased and without that period. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...`
  a.a a.c a.d a.g a.h a.m a.m.e a.s a.t adm ala ariz aug ave b.f b.v bros c c.i.t c.o.m.b c.v calif chg cie co
  col colo conn corp cos ct d d.c d.h d.w dec dr e e.f e.h e.l e.m f f.g f.j feb fla fri ft g g.d g.f g.k ga gen
  h h.c h.f h.m i.m.s ill inc j.b j.c j.j j.k j.p j.r jan jr k kan ky l l.a l.f l.p lt ltd m m.b.a m.d.c m.j maj
  messrs mg mich minn mr mrs ms n n.c n.d n.h n.j n.m n.v n.y nev nov oct ok okla ore p p.a.m p.m pa ph.d prof r
  r.a r.h r.i r.j r.k r.t rep reps s s.a s.a.y s.c s.g s.p.a s.s sen sep sept sr st sw t t.j tenn tues u.k u.n
  u.s u.s.a u.s.s.r v va vs vt w w.c w.r w.va w.w wash wed wis yr
`
    .trim()
    .split(/\s+/),
  // Also in the model: the spaced ellipsis ". . ." without its last period.
  '. . ',
]);

/** Pairs (type before the period, type after) that the model learnt to read as one unit. */
export const COLLOCATIONS: ReadonlySet<string> = new Set(
  `
  ##number##|abreast ##number##|aes ##number##|business ##number##|cbot ##number##|colgate
  ##number##|commodities ##number##|cooper ##number##|corrections ##number##|credit ##number##|dividend
  ##number##|financing ##number##|genentech ##number##|henley ##number##|insider ##number##|international
  ##number##|leisure ##number##|letters ##number##|notable ##number##|pay-fone ##number##|pegasus
  ##number##|pepper ##number##|review ##number##|rj ##number##|wedgestone ##number##|who ##number##|zimmer
  b|edelman b|levine b|smith b|stewart b|wigton i|magnin i|toussie j|aron j|fialka j|walter o|ludcke
`
    .trim()
    .split(/\s+/),
);

/** Types that frequently start a sentence in the training text, lowercased. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  `
  according although among both but despite even he however i if in indeed instead it many meanwhile moreover
  most nevertheless nonetheless nor sales separately similarly since so some the there these they this though
  thus under when while yet
`
    .trim()
    .split(/\s+/),
);
