/**
 * Invitations by e-mail, against a real SMTP server started here: the invitee reads the mail
 * and follows its link; an e-mail that already has an account gets the same answer and the
 * same mail, and joins only by accepting; the link's lifetime follows INVITATION_TTL_HOURS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { linkIn, startLocalSmtp, type LocalSmtp } from '../../test/smtp';

const LINK = 'http://localhost:3000/app/invitations/';
const TTL_HOURS = 30;

describe.each(DATABASE_KINDS)('invitations by e-mail on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let smtp: LocalSmtp;
  const invite = (email: string) =>
    request(t.app, 'POST', `/api/v1/accounts/${w.accountId}/agents`, {
      as: w.admin,
      body: { name: 'Typed By Admin', email, role: 'agent' },
    });
  const tokenOf = (link: string) => decodeURIComponent(link.slice(LINK.length));

  beforeAll(async () => {
    smtp = await startLocalSmtp();
    t = await createTestApp(kind, {
      smtp: { url: smtp.url, from: 'Bevatel <no-reply@bevatel.test>' },
      invitationTtlMs: TTL_HOURS * 60 * 60 * 1000,
    });
    w = await createWorld(t.app.db);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails the one-time link; the new person follows it and chooses a password', async () => {
    const before = Date.now();
    const res = await invite('layla@newcomer.test');
    expect(res.statusCode).toBe(200);
    const { invitation } = res.json();
    expect(invitation.emailed).toBe(true);
    // INVITATION_TTL_HOURS sets the lifetime.
    const lifetime = invitation.expires_at * 1000 - before;
    expect(lifetime).toBeGreaterThan((TTL_HOURS * 60 - 1) * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(TTL_HOURS * 60 * 60 * 1000 + 1000);

    const mail = await smtp.waitFor('layla@newcomer.test');
    expect(mail.subject).toBe('Invitation to join Acme Support | دعوة للانضمام إلى Acme Support');
    const link = linkIn(mail, LINK);
    expect(link).toBe(invitation.invite_url);
    const page = await request(t.app, 'GET', `/auth/invitations/${tokenOf(link)}`);
    expect(page.json().data).toMatchObject({
      email: 'layla@newcomer.test',
      account_name: 'Acme Support',
    });
    const joined = await request(t.app, 'POST', `/auth/invitations/${tokenOf(link)}/accept`, {
      body: { name: 'Layla', password: 'figs ripen in late summer' },
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().data.accounts.map((a: { id: number }) => a.id)).toEqual([w.accountId]);
  });

  it('an e-mail with an account gets the same answer and mail, and joins only by accepting', async () => {
    const fresh = await invite('fresh-person@newcomer.test');
    const existing = await invite(w.stranger.email);
    // The parts that may differ between two e-mails are the e-mail, the ids, the link.
    const shape = (body: Record<string, unknown>) => {
      const invitation = body.invitation as Record<string, unknown>;
      return {
        ...body,
        email: '…',
        invitation: {
          ...invitation,
          id: 0,
          email: '…',
          invite_url: '…',
          created_at: 0,
          expires_at: 0,
        },
      };
    };
    expect(shape(existing.json())).toEqual(shape(fresh.json()));

    const mails = await Promise.all([
      smtp.waitFor('fresh-person@newcomer.test'),
      smtp.waitFor(w.stranger.email),
    ]);
    const words = mails.map((m) => ({
      subject: m.subject,
      text: m.text.replace(/\S*\/app\/invitations\/\S+/g, 'LINK'),
    }));
    expect(words[1]).toEqual(words[0]);

    const accounts = async () =>
      (await request(t.app, 'GET', '/api/v1/profile', { as: w.stranger }))
        .json()
        .accounts.map((a: { id: number }) => a.id);
    expect(await accounts()).toEqual([w.otherAccountId]);
    const token = tokenOf(linkIn(mails[1]!, LINK));
    // The link does not set an existing user's password: they sign in and accept.
    const viaLink = await request(t.app, 'POST', `/auth/invitations/${token}/accept`, {
      body: { password: 'an attacker would like this' },
    });
    expect(viaLink.statusCode).toBe(409);
    const pending = await request(t.app, 'GET', '/api/v1/profile/invitations', { as: w.stranger });
    const id = pending.json().payload[0].id;
    await request(t.app, 'POST', `/api/v1/profile/invitations/${id}/accept`, { as: w.stranger });
    expect((await accounts()).sort()).toEqual([w.accountId, w.otherAccountId].sort());
  });

  it('still invites when the relay is down: the administrator has the link to pass on', async () => {
    const down = await createTestApp(kind, {
      // Nothing listens on port 9 (discard) of loopback: the relay is unreachable.
      smtp: { url: 'smtp://127.0.0.1:9', from: 'Bevatel <no-reply@bevatel.test>' },
    });
    try {
      const world = await createWorld(down.app.db);
      const res = await request(down.app, 'POST', `/api/v1/accounts/${world.accountId}/agents`, {
        as: world.admin,
        body: { name: 'Still Invited', email: 'still@newcomer.test' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().invitation.invite_url).toMatch(/\/app\/invitations\//);
      await down.app.mailer.idle();
    } finally {
      await down.close();
    }
  });
});
