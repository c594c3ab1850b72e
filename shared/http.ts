import { z } from 'zod';
import { ItemSchema } from './items.js';
import { ProgressMessageSchema, RequestContextSchema } from './progress.js';

/**
 * Bodies of the HTTP API (HTTP-1…HTTP-5, docs/PROTOCOL.md). The server's
 * routes type their answers with these; programs that read the answers (the
 * tests, the bench) parse them with these.
 */

export const HealthResponseSchema = z.object({ ok: z.literal(true) });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const AgentRequestBodySchema = z.object(
  {
    input: z.string({ error: 'input is required' }).trim().min(1, 'input must not be blank').max(10_000),
    context: RequestContextSchema.optional(),
    userId: z.string().trim().min(1).max(200).optional(),
    requestId: z.string().trim().min(1).max(200).optional(),
  },
  { error: 'body must be a JSON object' },
);
export type AgentRequestBody = z.infer<typeof AgentRequestBodySchema>;

export const AgentRequestResponseSchema = z.object({
  requestId: z.string(),
  messages: z.array(ProgressMessageSchema),
});
export type AgentRequestResponse = z.infer<typeof AgentRequestResponseSchema>;

export const ItemsResponseSchema = z.object({ items: z.array(ItemSchema) });
export type ItemsResponse = z.infer<typeof ItemsResponseSchema>;

export const ErrorResponseSchema = z.object({ error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
