// A module candidate: export an async function (item, { signal }) => answer. Here a toy lookup
// stands in for your system; replace its body with a call to your RAG pipeline or model.
import { promptText, type CandidateOutput, type GoldenItem } from 'evals-gate';

const answers: Array<[RegExp, string]> = [
  [/refund/i, 'Refunds are available within 14 days of purchase.'],
  [/offline/i, 'Offline mode is included in the Plus and Teams plans.'],
];

export default async function answer(item: GoldenItem, { signal }: { signal: AbortSignal }): Promise<CandidateOutput> {
  signal.throwIfAborted();
  const question = promptText(item.input);
  const found = answers.find(([pattern]) => pattern.test(question));
  return { text: found ? found[1] : "I'm sorry, I can't help with that: it is outside what this assistant covers." };
}
