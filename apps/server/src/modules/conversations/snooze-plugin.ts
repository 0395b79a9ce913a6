/** Runs this process's snooze scheduler from `ready` to shutdown. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SnoozeScheduler } from './snooze-scheduler';

declare module 'fastify' {
  interface FastifyInstance {
    snoozeScheduler: SnoozeScheduler;
  }
}

export const snoozePlugin = fp(
  async (app: FastifyInstance) => {
    const scheduler = new SnoozeScheduler(app, app.config.snoozePollMs, app.log);
    app.decorate('snoozeScheduler', scheduler);
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('preClose', async () => scheduler.stop());
  },
  { name: 'snooze-scheduler', dependencies: ['realtime'] },
);
