import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJsonRoute, openApiPath } from '../lib/json-routes';
import { createTestApp, type TestApp } from '../test/app';
import { TEST_SECRET_KEY_BASE } from '../test/keys';
import { checkExamples } from '../test/openapi-examples';
import { OPENAPI_PATH } from './openapi';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('OpenAPI description', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const answer = await t.app.inject({ method: 'GET', url: OPENAPI_PATH });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body).not.toContain(TEST_SECRET_KEY_BASE);
    document = answer.json<Document>();
  });
  afterAll(() => t.close());

  it('is OpenAPI 3.1, public, and describes every JSON route with its success answer', () => {
    expect(document.openapi).toBe('3.1.0');
    const missing: string[] = [];
    const routes = t.app.routeContracts.filter((c) => isJsonRoute(c.url) && !c.websocket);
    expect(routes.length).toBeGreaterThan(90);
    for (const route of routes) {
      for (const method of [route.method].flat().filter((m) => m !== 'HEAD')) {
        const operation = document.paths[openApiPath(route.url)]?.[method.toLowerCase()];
        const declared = Object.keys((route.schema?.response ?? {}) as object);
        const described = Object.keys(operation?.responses ?? {});
        if (!operation || declared.some((code) => !described.includes(code))) {
          missing.push(`${method} ${route.url}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no route the server does not have, and no page or file route', () => {
    const known = new Set(t.app.routeContracts.map((c) => openApiPath(c.url)));
    expect(Object.keys(document.paths).filter((path) => !known.has(path))).toEqual([]);
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/docs'))).toEqual([]);
  });

  it('gives the main entities examples, and every example validates against its schema', () => {
    const { count, problems } = checkExamples(document);
    expect(problems).toEqual([]);
    const text = JSON.stringify(document);
    for (const entity of ['"uuid":"0b4c8a4e', '"title":"Orders"', '"name":"CRM"', '"Billing"']) {
      expect(text).toContain(entity);
    }
    expect(count).toBeGreaterThan(50);
  });

  it('would fail on an example that does not fit its schema', () => {
    const broken = {
      paths: {
        '/x': {
          get: {
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['id'],
                      properties: { id: { type: 'integer' } },
                      examples: [{ id: 'seven' }],
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(checkExamples(broken).problems).toHaveLength(1);
  });
});
