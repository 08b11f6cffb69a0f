import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../../src/models/buffered-response.js';

const reply = (text: string | null) =>
  new BufferedResponse(text === null ? null : Buffer.from(text), { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' } });

describe('BufferedResponse', () => {
  it('is a Response with status and headers, read as JSON once, as fetch allows', async () => {
    const response = reply('\uFEFF{"a":[1,"ü"]}');
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.headers.get('content-type')]).toEqual([200, true, 'application/json']);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: [1, 'ü'] });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('gives text, bytes and a blob of the same body, and a clone that reads on its own', async () => {
    expect(await reply('plain').text()).toBe('plain');
    expect(Buffer.from(await reply('bytes').arrayBuffer()).toString()).toBe('bytes');
    const blob = await reply('{}').blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{}']);
    const original = reply('twice');
    const copy = original.clone();
    expect([await original.text(), await copy.text()]).toEqual(['twice', 'twice']);
  });

  it('streams its body when asked for the stream, and then reads only through it', async () => {
    const response = reply('line one\nline two\n');
    const stream = response.body;
    expect(stream).not.toBeNull();
    expect(await new Response(stream).text()).toBe('line one\nline two\n');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(reply(null).body).toBeNull();
  });
});
