import type { ProgressType } from './constants.js';
import type { ProgressDataOf, ProgressMessageOf } from './server-messages.js';

/**
 * The one way a progress message is made, whoever sends it (the agent run,
 * the job book, the cluster line). `type` fixes the type of `data` at compile
 * time, and `data` may be left out only for the types whose senders may send
 * none. Not validated at run time: the types hold it, and the schema tests
 * check a real message of every sender.
 */

/** Who a message is about: the request, and the user and agent when known. */
export interface MessageHeader {
  requestId: string;
  userId?: string | undefined;
  agentId?: string | undefined;
}

/** `[data]` where the type requires data, `[data?]` where it may be left out. */
export type ProgressDataArgs<T extends ProgressType> =
  undefined extends ProgressDataOf<T> ? [data?: ProgressDataOf<T>] : [data: ProgressDataOf<T>];

export function progressMessage<T extends ProgressType>(
  type: T,
  header: MessageHeader,
  message: string,
  ...[data]: ProgressDataArgs<T>
): ProgressMessageOf<T> {
  return {
    type,
    requestId: header.requestId,
    message,
    timestamp: new Date().toISOString(),
    ...(header.agentId !== undefined ? { agentId: header.agentId } : {}),
    ...(header.userId !== undefined ? { userId: header.userId } : {}),
    ...(data !== undefined ? { data } : {}),
  } as ProgressMessageOf<T>;
}
