// A module candidate: an async function from a golden item to an answer. This one is a toy that
// looks the question up in a few hard-coded help pages so the first run works offline; replace
// its body with a call to your system (a RAG pipeline, a model, an internal API).
import { promptText, type CandidateOutput, type GoldenItem } from 'evals-gate';

const pages: Record<string, Array<[RegExp, string]>> = {
  account: [
    [/password/i, 'Choose Forgot password on the sign-in page; the reset link is valid for one hour.'],
    [/email/i, 'Yes: open Settings > Account > Email and confirm the new address from your inbox.'],
    [/delete/i, 'Open Settings > Account > Delete account. Your data is erased after 30 days.'],
  ],
  data: [
    [/export/i, 'Open Settings > Data > Export: a ZIP of everything is emailed to you within 24 hours.'],
    [/\bEU\b|europe/i, 'Yes: EU data residency (Frankfurt) is available on the Enterprise plan.'],
  ],
  sso: [[/sign-on|sso|okta/i, 'Yes: SAML single sign-on works with Okta on the Enterprise plan.']],
};

export default async function answer(item: GoldenItem, { signal }: { signal: AbortSignal }): Promise<CandidateOutput> {
  signal.throwIfAborted();
  const question = promptText(item.input);
  for (const [page, entries] of Object.entries(pages)) {
    const found = entries.find(([pattern]) => pattern.test(question));
    if (found) return { text: found[1], citations: [page] };
  }
  return { text: "I'm sorry, I can't help with that: it is outside what this assistant covers." };
}
