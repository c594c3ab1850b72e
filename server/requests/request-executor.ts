import type { MockData } from '../data/mock-data.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import { RoomLimitError, type RoomRegistry } from '../sync/registry.js';
import { affectedOf, emptyAffected } from './affected.js';
import { RequestError, throwIfCancelled } from '../agents/errors.js';
import { describeFailure } from './failure.js';
import { dispatch, type HandlerTable } from '../agents/handler.js';
import { agentFor, AGENTS } from '../agents/identity.js';
import type { IntentParser, ParsedIntent } from '../agents/intents/parser.js';
import type { Job, JobReport } from './jobs.js';
import type { AgentMemory } from '../agents/memory/memory.js';
import { rememberRun } from '../agents/remember-run.js';
import { AgentRun, idRefs } from '../agents/run.js';
import { shorten } from '../../shared/text.js';

export interface ExecutorDeps {
  registry: RoomRegistry;
  hub: ProgressHub;
  parser: IntentParser;
  memory: AgentMemory;
  data: MockData;
  handlers: HandlerTable;
  logger: Logger;
  limits: { maxBulkItems: number };
}

/**
 * Runs one request whose turn has come: loads the room, understands the
 * input, lets the chosen agent work on the room's live document (present
 * in the room's awareness until the run ends) and ends the job with exactly
 * one `complete` or `error`. Never rejects for a failed request.
 */
export class RequestExecutor {
  constructor(
    private readonly deps: ExecutorDeps,
    private readonly report: JobReport,
  ) {}

  async execute(job: Job): Promise<void> {
    const { request } = job;
    const { registry, handlers, logger, memory } = this.deps;
    let room;
    try {
      room = await registry.acquire(request.room);
    } catch (error) {
      if (error instanceof RoomLimitError)
        return this.report.end(job, 'error', error.message, { reason: 'unavailable' });
      logger.error({ err: error, room: request.room }, 'room failed to load for an agent request');
      return this.report.end(job, 'error', 'The room could not be loaded', { reason: 'internal' });
    }
    let run: AgentRun | undefined;
    let parsed: ParsedIntent | undefined;
    try {
      parsed = await this.parse(job);
      const agent = parsed.intent.kind === 'general' ? AGENTS.inventory : agentFor(parsed.intent.kind);
      this.report.publish(
        job,
        'intent_analysis',
        parsed.explanation,
        {
          intent: { primary_intent: parsed.primary_intent, ...parsed.intent },
          confidence: parsed.confidence,
          parser: parsed.parser,
          problems: parsed.problems,
        },
        agent.id,
      );
      this.assertDoable(parsed);
      throwIfCancelled(job.signal);
      run = new AgentRun(
        request,
        agent,
        room,
        this.deps.data,
        memory,
        (m) => this.deps.hub.publish(request.room, m),
        job.signal,
      );
      job.run = run;
      run.status(`Working on "${shorten(request.input, 60)}"`);
      const outcome = await dispatch(handlers, parsed.intent, run);
      await run.settled();
      await rememberRun(memory, logger, run, parsed.intent, 'complete', outcome.message);
      const ids = outcome.data?.itemIds;
      const refs = ids ? { refs: idRefs(ids) } : {};
      this.report.end(
        job,
        'complete',
        outcome.message,
        { ...outcome.data, ...refs, affected: affectedOf(run) },
        agent.id,
      );
    } catch (error) {
      if (run) await run.settled();
      const failure = describeFailure(error, run ? affectedOf(run) : emptyAffected());
      if (failure.internal) {
        logger.error(
          { err: error, requestId: request.requestId, room: request.room },
          'agent request failed',
        );
      }
      if (failure.remember && run && parsed) {
        const { outcome, message } = failure.remember;
        await rememberRun(memory, logger, run, parsed.intent, outcome, message);
      }
      this.report.end(job, 'error', failure.message, failure.data, run?.agent.id);
    } finally {
      try {
        // Leaving takes the agent out of the room's awareness.
        run?.leave();
      } catch (error) {
        logger.error(
          { err: error, requestId: request.requestId, room: request.room },
          'agent could not leave the room',
        );
      } finally {
        // Every acquire is paired with one release, or the room stays loaded for good.
        registry.release(request.room);
      }
    }
  }

  /** Parses the request; a cancel meanwhile (or before, while the room loaded) aborts it. */
  private parse(job: Job): Promise<ParsedIntent> {
    throwIfCancelled(job.signal);
    return this.deps.parser.parse(job.request.input, job.request.context, job.signal);
  }

  /** Throws a RequestError when the parsed request cannot be carried out as asked. */
  private assertDoable(parsed: ParsedIntent): void {
    if (parsed.problems.length > 0) {
      throw new RequestError(`Cannot do that as asked: ${parsed.problems.join('; ')}`, 'invalid', {
        problems: parsed.problems,
      });
    }
    const { maxBulkItems } = this.deps.limits;
    if (parsed.intent.kind === 'bulk' && parsed.intent.items.length > maxBulkItems) {
      throw new RequestError(
        `${parsed.intent.items.length} items is over the limit of ${maxBulkItems} per request`,
        'invalid',
      );
    }
  }
}
