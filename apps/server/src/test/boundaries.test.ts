/**
 * The module boundary rule (eslint.config.mjs) on sample imports: what it refuses and what it
 * lets through, so a config change that silently disables it fails here.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function boundaryErrors(file: string, specifier: string): Promise<string[]> {
  const code = `import { x } from '${specifier}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/apps/server/src/${file}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('server module boundaries', () => {
  it.each([
    ['modules/inboxes/routes.ts', '../agents/queries'],
    ['modules/teams/routes.ts', '../agents/presenter'],
    ['modules/conversations/commands/status.ts', '../../agents/queries'],
    ['modules/contacts/routes.ts', '../../modules/agents/queries'],
    ['modules/messages/routes.ts', '../conversations'],
    ['modules/messages/commands.ts', '../conversations/commands/shared'],
    ['modules/conversations/routes.ts', '../messages'],
    ['core/caller.ts', '../modules/agents'],
    ['presenters/conversation.ts', '../modules/messages/queries'],
    ['realtime/hub.ts', '../modules/inboxes'],
    ['plugins/web.ts', '../modules/dashboard-apps'],
    ['db/migrations/0006_credentials_and_invitations.ts', '../../modules/auth'],
  ])('refuses %s importing %s', async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).not.toEqual([]);
  });

  it.each([
    ['modules/inboxes/routes.ts', '../agents'],
    ['modules/inboxes/routes.ts', './queries'],
    ['modules/conversations/commands/status.ts', '../activity'],
    ['modules/conversations/commands/status.ts', '../../../core/commands'],
    ['modules/messages/routes.ts', '../../presenters/conversation'],
    ['modules/messages/routes.ts', '../../core/visibility'],
    ['modules/messages/messages.test.ts', '../../test/conversations'],
    ['modules/invitations/routes.ts', '../auth'],
    ['app.ts', './modules/agents'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([]);
  });
});
