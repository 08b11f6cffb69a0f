import { z } from 'zod';
import { defineInstruction } from './instruction.js';
import { detectLanguage } from './language-detect.js';

/** IFEval's language codes (instructions_util.LANGUAGE_CODES): the reference rejects any other. */
export const LANGUAGE_CODES = [
  'en',
  'es',
  'pt',
  'ar',
  'hi',
  'fr',
  'ru',
  'de',
  'ja',
  'it',
  'bn',
  'uk',
  'th',
  'ur',
  'ta',
  'te',
  'bg',
  'ko',
  'pl',
  'he',
  'fa',
  'vi',
  'ne',
  'sw',
  'kn',
  'mr',
  'gu',
  'pa',
  'ml',
  'fi',
] as const;

/**
 * Whether the text is in `language`. No letters at all counts as followed, as in the reference,
 * where langdetect raises on a text without features and the instruction is then counted as followed.
 */
export function isInLanguage(text: string, language: string): boolean {
  const detected = detectLanguage(text);
  return detected === null || detected === language;
}

/** language:* — the whole response in one language. */
export const languageInstructions = [
  defineInstruction('language:response_language', z.strictObject({ language: z.enum(LANGUAGE_CODES) }), (response, { language }) =>
    isInLanguage(response, language),
  ),
];
