import type { Database } from '../storage/database.js';
import { ChangeSignal } from './change-signal.js';
import { dueAtOf, idsOf, liveChannels } from './live-channels.js';

type StepFollower = (executionIds: string[] | 'all') => void;
type TimerFollower = (dueAt: number) => void;

/**
 * One node's fan-out of what changed in the database, whichever node wrote it: it listens on
 * one connection (PostgreSQL `LISTEN`, PGlite's own in-process one) and tells every stream of
 * this node. Streams then read the database only when told something changed for them, instead
 * of each polling — plus a slow safety poll (`safetyPollMs`) in case a notification was lost
 * (one sent while the listening connection was down is gone for good, and the reconnection
 * notice covers only what PostgreSQL itself saw drop).
 */
export class LiveChanges {
  /** Any incident's timeline grew: the live incident list reads on it. */
  readonly incidents = new ChangeSignal();
  /** Resolves when the node stops following: streams end then, before the app waits for them. */
  readonly closing: Promise<void>;
  private readonly stepFollowers = new Set<StepFollower>();
  private readonly timerFollowers = new Set<TimerFollower>();
  private started: Promise<void> | null = null;
  private readonly stops: (() => Promise<void>)[] = [];
  private markClosed: () => void = () => undefined;

  constructor(
    private readonly db: Pick<Database, 'listen'>,
    /** How long a stream waits without notification before it reads anyway. */
    readonly safetyPollMs: number,
  ) {
    this.closing = new Promise((resolve) => (this.markClosed = resolve));
  }

  /** Starts listening (once; a failed start is tried again by the next call). Resolves once the database listens. */
  start(): Promise<void> {
    this.started ??= this.listen().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  /** Stopped: streams end (the node is shutting down). */
  get isStopped(): boolean {
    return this.incidents.isClosed;
  }

  /** Follows step executions' changes (output stored, status changed); the returned function stops. */
  onSteps(follower: StepFollower): () => void {
    this.stepFollowers.add(follower);
    return () => this.stepFollowers.delete(follower);
  }

  /** Follows timers scheduled (their earliest due time, epoch ms); the returned function stops. */
  onTimers(follower: TimerFollower): () => void {
    this.timerFollowers.add(follower);
    return () => this.timerFollowers.delete(follower);
  }

  /**
   * Ends every stream (they see `isStopped`), at once and without the database: a node closing
   * calls it before it waits for its requests, which the database may be holding up.
   */
  release(): void {
    this.incidents.close();
    this.markClosed();
  }

  /** Releases the streams and stops listening (before the database closes). */
  async stop(): Promise<void> {
    this.release();
    await this.started?.catch(() => undefined);
    for (const stop of this.stops.splice(0)) await stop().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { db } = this;
    this.stops.push(await db.listen(liveChannels.incidents, () => this.incidents.notify()));
    this.stops.push(
      await db.listen(liveChannels.steps, (payload) => {
        const ids = idsOf(payload);
        for (const follower of this.stepFollowers) follower(ids);
      }),
    );
    this.stops.push(
      await db.listen(liveChannels.timers, (payload) => {
        const dueAt = dueAtOf(payload, Date.now());
        for (const follower of this.timerFollowers) follower(dueAt);
      }),
    );
  }
}
