import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import type { DialectName } from '../db/dialect';
import type { Database } from '../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: DialectName;
  }
}

/** Exposes the database to every route; closing the app does not close a borrowed handle. */
export const dbPlugin = fp<{ database: DatabaseHandle }>(
  async (app: FastifyInstance, { database }) => {
    app.decorate('db', database.db);
    app.decorate('dialect', database.dialect);
  },
);
