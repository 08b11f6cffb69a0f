import { describe, expect, it } from 'vitest';
import { abortable } from '../../src/models/abortable.js';
import { buildChat } from '../../src/models/chat.js';
import { TemplateError, compileTemplate } from '../../src/models/template.js';

const render = compileTemplate('<<{{input}}>>');

describe('buildChat', () => {
  it('turns a string input into one templated user turn with the configured system prompt', () => {
    expect(buildChat('hi', {}, render, 'sys')).toEqual({ system: 'sys', turns: [{ role: 'user', content: '<<hi>>' }] });
    expect(buildChat('hi', {}, render, undefined).system).toBeUndefined();
  });

  it('templates only the last user turn of a transcript and gathers system turns', () => {
    const chat = buildChat(
      [
        { role: 'system', content: 'S1' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'system', content: 'S2' },
        { role: 'user', content: 'second' },
        { role: 'assistant', content: 'prefill' },
      ],
      {},
      render,
      undefined,
    );
    expect(chat).toEqual({
      system: 'S1\n\nS2',
      turns: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: '<<second>>' },
        { role: 'assistant', content: 'prefill' },
      ],
    });
  });

  it('refuses a transcript without a user turn', () => {
    expect(() => buildChat([{ role: 'system', content: 'S' }], {}, render, undefined)).toThrow(TemplateError);
  });
});

describe('abortable', () => {
  it('passes the result through while the signal is quiet', async () => {
    await expect(abortable(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(abortable(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom');
  });

  it('rejects with the abort reason without waiting for the promise', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);
    const pending = abortable(never, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(abortable(Promise.resolve(1), controller.signal)).rejects.toThrow('stop');
  });
});
