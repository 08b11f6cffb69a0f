import { z } from 'zod';
import { PROVIDER_IDS } from './providers.js';

/** A judge backed by a live model (`judges.<id>` with a provider of src/models/providers.ts); src/config/schema.ts adds recorded verdicts beside it. */
export const ModelJudgeConfigSchema = z.strictObject({
  provider: z.enum(PROVIDER_IDS),
  model: z.string().min(1),
  /** OpenAI-compatible servers (vLLM, Ollama, llama.cpp) and proxies. */
  baseURL: z.url().optional(),
  /** Name of the environment variable holding the key; the key itself never goes in config. */
  apiKeyEnv: z.string().min(1).optional(),
  maxTokens: z.number().int().positive().default(1024),
  maxRetries: z.number().int().nonnegative().default(4),
  /** What the judge's measured agreement with human labels must reach for it to gate. */
  minAgreement: z.number().min(0).max(1).optional(),
});

export type ModelJudgeConfig = z.output<typeof ModelJudgeConfigSchema>;
