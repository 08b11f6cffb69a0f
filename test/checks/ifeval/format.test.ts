import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py) on the same inputs.
describe('detectable_format', () => {
  it.each<[name: string, ...Case]>([
    ['number_bullet_lists', 'star and dash bullets', { num_bullets: 3 }, '* a\n* b\n- c', true],
    ['number_bullet_lists', 'a **bold** line is no bullet', { num_bullets: 1 }, '**bold**\n* a', true],
    ['number_bullet_lists', 'a lone * before a newline counts (reference quirk)', { num_bullets: 2 }, 'Intro\n  * a\n\t- b\n*\n', false],
    ['constrained_response', 'one of the options', {}, '  My answer is yes.  ', true],
    ['constrained_response', 'case matters', {}, 'My answer is Yes.', false],
    ['number_highlighted_sections', '**bold** counts as a highlight', { num_highlights: 2 }, '*one* and **two**', true],
    ['number_highlighted_sections', '... once', { num_highlights: 3 }, '*one* and **two**', false],
    ['number_highlighted_sections', 'empty highlights do not count', { num_highlights: 2 }, '*one* and ** and * *', false],
    ['number_highlighted_sections', 'a highlight stays on one line', { num_highlights: 2 }, '*one\ntwo*', false],
    ['multiple_sections', 'SECTION 1, SECTION 2', { section_spliter: 'SECTION', num_sections: 2 }, 'SECTION 1\nx\nSECTION 2\ny', true],
    ['multiple_sections', 'the marker is case-sensitive', { section_spliter: 'Section', num_sections: 2 }, 'SECTION 1\nx\nSECTION 2\ny', false],
    ['json_format', 'fenced JSON', {}, '```json\n{"a": 1}\n```', true],
    ['json_format', 'single quotes are not JSON', {}, "{'a': 1}", false],
    ['json_format', "Python's json.loads takes NaN and Infinity", {}, '[1, NaN, -Infinity]', true],
    ['json_format', 'an ```JSON fence on one line', {}, '```JSON {"a": [1, 2]} ```', true],
    ['title', 'a <<title>>', {}, '<<My Title>>\ntext', true],
    ['title', 'a blank title', {}, '<< >> text', false],
    ['title', 'a title stays on one line', {}, '<<a\nb>>', false],
  ])('%s: %s', (name, _, kwargs, response, expected) => {
    expect(follows(`detectable_format:${name}`, kwargs, response)).toBe(expected);
  });

  it('rejects kwargs an instruction does not take, or lacks', () => {
    expect(() => follows('detectable_format:title', { num_highlights: 1 }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('detectable_format:multiple_sections', { num_sections: 2 }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('detectable_format:number_bullet_lists', { num_bullets: 1.5 }, 'x')).toThrow(/invalid kwargs/);
  });
});
