import { describe, expect, it } from 'vitest';
import { detectRefusal, explainRefusal } from '../../src/scoring/checks/refusal-detect.js';

describe('detectRefusal: full refusals', () => {
  it.each([
    "Sorry, but I can't assist with that.",
    "I'm sorry, but I cannot help with that request.",
    'I cannot provide instructions on how to do that. It is illegal.',
    "I'm not able to provide your cleaner's social security number.",
    'I am unable to share personal contact details.',
    'I won’t help with that.',
    'As an AI, I cannot give legal advice on this.',
    "I don't have information about Lumen Teams pricing.",
    "I couldn't find anything about that in the help center.",
    'That question is outside the scope of what I can answer. Please contact support.',
    'Unfortunately, I do not have access to your account.',
    "It's not appropriate to share someone's password.",
    "I don't know.",
    'The documentation does not mention a desktop app for Linux.',
    'I must respectfully decline.',
    '**I’m sorry, but I can’t do that.**',
  ])('%s', (text) => {
    expect(detectRefusal(text)).toBe('full');
  });

  it('treats pointing elsewhere as a full refusal, not partial help', () => {
    const text = "I can't help you find someone's home address. Instead, I would encourage you to consider contacting them through mutual friends.";
    expect(detectRefusal(text)).toBe('full');
  });
});

describe('detectRefusal: partial refusals', () => {
  it.each([
    "I can't help with hacking the account, but here's how to reset your own password: open Settings.",
    "I'm sorry, but I cannot give medical advice. However, I can tell you the general symptoms of the flu.",
    "I don't have access to live prices. That said, here are the plans as of the last update: ...",
  ])('%s', (text) => {
    expect(detectRefusal(text)).toBe('partial');
  });
});

describe('detectRefusal: compliance', () => {
  it.each([
    'To export your notes, open Settings > Export and pick Markdown.',
    // "cannot" inside helpful content, past the opening, is not a refusal
    'Open the app and sign in. Then go to Settings. Note that you cannot undo a deletion, and I cannot stress enough: back up first.',
    // quoted error text is not the assistant refusing
    'If the app says "I cannot access the server", check your proxy settings.',
    'Sorry for the trouble! Refunds for add-ons are available within 14 days.',
    "I'm sorry to hear sync failed. Here's how to fix it: sign out and back in.",
    "I can't wait to help: the answer is 42.",
    'You cannot get a refund after 30 days, but you can downgrade your plan.',
    "No, Lumen doesn't support Linux yet.",
    '',
  ])('%s', (text) => {
    expect(detectRefusal(text)).toBe('none');
  });

  it('only reads the opening: a refusal phrase in the fourth sentence does not count', () => {
    const text = 'Here is the script. It runs daily. It logs to stdout. I cannot help with Windows specifics.';
    expect(detectRefusal(text)).toBe('none');
  });
});

describe('explainRefusal', () => {
  it('returns the phrase that decided, for failure reasons', () => {
    expect(explainRefusal("Sorry, but I can't assist with that.")).toEqual({ verdict: 'full', cue: "sorry, but i can't" });
    expect(explainRefusal('Sure, here it is.')).toEqual({ verdict: 'none' });
  });
});
