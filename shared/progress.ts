/**
 * The progress channel (PROG-1…PROG-19, docs/PROTOCOL.md): JSON text frames on
 * ws /progress/<room>, and the same messages over HTTP/SSE. The one
 * definition both sides use, in shared/progress/:
 *   constants.ts        message types, primary intents, error reasons, protocol version
 *   client-messages.ts  user_request, ping, cancel; parseClientFrame
 *   server-messages.ts  one schema per message type (a discriminated union), replies
 *   data-request.ts     data of start, intent_analysis, progress, complete, error
 *   data-items.ts       data of the item messages (item refs) and the stock analysis
 *   data-results.ts     data of the supplier and forecasting results
 *   build.ts            progressMessage(): the one message builder every sender uses
 *   decode.ts           reading a message from outside, lenient about `data`
 */
export * from './progress/constants.js';
export * from './progress/client-messages.js';
export * from './progress/server-messages.js';
export * from './progress/data-request.js';
export * from './progress/data-items.js';
export * from './progress/data-results.js';
export * from './progress/build.js';
export * from './progress/decode.js';
