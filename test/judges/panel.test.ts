import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgePanel, panelAgreement } from '../../src/scoring/judges/panel.js';
import { JudgeError } from '../../src/contracts/verdict-source.js';
import { openaiErrorReply } from '../servers/openai-server.js';
import { makeItem, makeOutput, makeRubric, raw, rejection, signal, startJudgeServer, type JudgeServer } from './helpers.js';

describe('panelAgreement', () => {
  it("is Cohen's kappa for two judges", () => {
    // Observed 3/4; chance 0.5 x 0.25 + 0.5 x 0.75 = 0.5; kappa = (0.75 - 0.5) / 0.5.
    const result = panelAgreement([
      ['pass', 'pass', 'fail', 'fail'],
      ['pass', 'fail', 'fail', 'fail'],
    ]);
    expect(result).toEqual({ method: 'cohen', kappa: 0.5, observed: 0.75, expected: 0.5, judges: 2, items: 4 });
  });

  it("is Fleiss' kappa for three or more", () => {
    // Items get [p,p,p] [p,p,f] [f,f,f] [f,p,f]: mean pairwise agreement 2/3, chance 0.5, kappa 1/3.
    const result = panelAgreement([
      ['p', 'p', 'f', 'f'],
      ['p', 'p', 'f', 'p'],
      ['p', 'f', 'f', 'f'],
    ]);
    expect(result.method).toBe('fleiss');
    expect(result.kappa).toBeCloseTo(1 / 3, 12);
    expect(result.observed).toBeCloseTo(2 / 3, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result).toMatchObject({ judges: 3, items: 4 });
  });

  it('is 1 for perfect agreement, null when every judge used one label', () => {
    expect(
      panelAgreement([
        ['1', '5', '3'],
        ['1', '5', '3'],
        ['1', '5', '3'],
      ]).kappa,
    ).toBeCloseTo(1, 12);
    expect(
      panelAgreement([
        ['pass', 'pass'],
        ['pass', 'pass'],
      ]).kappa,
    ).toBeNull();
  });

  it('needs two judges labelling the same items', () => {
    expect(() => panelAgreement([['pass']])).toThrow(/at least two judges/);
    expect(() => panelAgreement([['pass', 'fail'], ['pass']])).toThrow(/judge 1 labelled 1 items/);
  });
});

describe('judgePanel (anthropic and openai judges together)', () => {
  let claude: JudgeServer;
  let gpt: JudgeServer;
  beforeEach(async () => {
    [claude, gpt] = await Promise.all([startJudgeServer('anthropic'), startJudgeServer('openai')]);
  });
  afterEach(async () => {
    await Promise.all([claude.close(), gpt.close()]);
  });

  /** Scores by model: the two OpenAI judges share a server but not a model. */
  async function panel(scores: { claude: number; gpt: number; gpt41?: number }) {
    claude.verdicts(() => ({ reasoning: `claude says ${scores.claude}`, score: scores.claude }));
    gpt.verdicts((view) => {
      const score = view.body.model === 'gpt-4.1-mini' ? scores.gpt41 : scores.gpt;
      return { reasoning: `${view.body.model} says ${score}`, score };
    });
    const sources = [await claude.source({ id: 'claude' }), await gpt.source({ id: 'gpt' })];
    if (scores.gpt41 !== undefined) sources.push(await gpt.source({ id: 'gpt41', config: { model: 'gpt-4.1-mini' } }));
    return sources;
  }
  const input = () => ({ item: makeItem(), output: makeOutput('Within 14 days.'), signal: signal() });
  const rubric = makeRubric({ scale: '1-5', passThreshold: 4 });

  it('mean: passes when the mean raw score reaches the threshold; details per judge', async () => {
    const outcome = await judgePanel(input(), await panel({ claude: 5, gpt: 3 }), { rubric, aggregate: 'mean' });
    expect(outcome).toMatchObject({ score: 0.75, pass: true, details: { claude: 1, gpt: 0.5 }, calls: 2, cachedCalls: 0 });
    expect(outcome.reason).toBe('mean score 4 (pass at 4)\nclaude: claude says 5\ngpt: gpt-4o-mini says 3');
    expect(outcome.usage).toEqual({ inputTokens: 2000, outputTokens: 400 });
    // Every member got the same rubric prompt, modulo the nonce.
    const prompts = [claude.view(0).prompt, gpt.view(0).prompt].map((p) => p.replace(/-[0-9a-f]{16}>/g, '-N>'));
    expect(prompts[0]).toBe(prompts[1]);

    const failing = await judgePanel(input(), await panel({ claude: 4, gpt: 3 }), { rubric, aggregate: 'mean' });
    expect(failing).toMatchObject({ score: 0.625, pass: false });
  });

  it('majority: passes only when more than half the judges pass; a tie fails', async () => {
    const tie = await judgePanel(input(), await panel({ claude: 5, gpt: 3 }), { rubric, aggregate: 'majority' });
    expect(tie).toMatchObject({ pass: false, score: 0.75 });
    expect(tie.reason.split('\n')[0]).toBe('1 of 2 judges pass');

    const two = await judgePanel(input(), await panel({ claude: 5, gpt: 2, gpt41: 4 }), { rubric, aggregate: 'majority' });
    expect(two).toMatchObject({ pass: true, details: { claude: 1, gpt: 0.25, gpt41: 0.75 } });
    expect(two.score).toBeCloseTo(2 / 3, 12);

    const one = await judgePanel(input(), await panel({ claude: 5, gpt: 2, gpt41: 3 }), { rubric, aggregate: 'majority' });
    expect(one.pass).toBe(false);
  });

  it('fails as a JudgeError naming the member when one judge fails, never dropping it', async () => {
    const sources = await panel({ claude: 5, gpt: 5 });
    gpt.verdicts(() => raw(openaiErrorReply(400, 'model_not_found', 'The model does not exist')));
    const error = await rejection(judgePanel(input(), sources, { rubric, aggregate: 'mean' }));
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as Error).message).toMatch(/^panel member failed \(gpt: judge "gpt" \(openai gpt-4o-mini\): API error 400/);
    expect(claude.requests).toHaveLength(1);
  });
});
