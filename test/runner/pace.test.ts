import { describe, expect, it } from 'vitest';
import { Pace } from '../../src/runner/pace.js';
import { observedFetch } from '../../src/models/traffic.js';

function paced(max: number) {
  let t = 0;
  const changes: number[] = [];
  const pace = new Pace({ max, cooldownMs: 1000, successesPerStep: 2, now: () => t, onChange: (c) => changes.push(c) });
  return { pace, changes, advance: (ms: number) => (t += ms) };
}

describe('Pace', () => {
  it('halves on a 429, once per cooldown, never below 1', () => {
    const { pace, changes, advance } = paced(16);
    pace.response(429);
    pace.response(429);
    expect(pace.concurrency).toBe(8);
    for (let i = 0; i < 6; i++) {
      advance(1001);
      pace.response(429);
    }
    expect(changes).toEqual([8, 4, 2, 1]);
    expect(pace.concurrency).toBe(1);
  });

  it('opens one slot per run of successes, back up to the configured concurrency and no further', () => {
    const { pace, changes } = paced(4);
    pace.response(429);
    expect(pace.concurrency).toBe(2);
    for (let i = 0; i < 100; i++) pace.response(200);
    expect(pace.concurrency).toBe(4);
    expect(changes).toEqual([2, 3, 4]);
  });

  it('ignores other statuses and resets the success run on a 429', () => {
    const { pace, advance } = paced(4);
    pace.response(429);
    pace.response(200);
    pace.response(200);
    pace.response(200);
    advance(5);
    pace.response(429);
    pace.response(500);
    pace.response(200);
    expect(pace.concurrency).toBe(2);
  });
});

describe('observedFetch', () => {
  it('reports every response status and passes the response through', async () => {
    const seen: number[] = [];
    const fake = (async () => new Response('x', { status: 429 })) as typeof fetch;
    const response = await observedFetch({ response: (s) => seen.push(s) }, fake)('http://127.0.0.1/');
    expect(response.status).toBe(429);
    expect(seen).toEqual([429]);
  });
});
