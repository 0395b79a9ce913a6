/**
 * "Forgot password?" by e-mail, against a real SMTP server started here: the mail arrives and
 * its link resets the password; an unknown e-mail gets the same answer and no mail; the
 * budgets hold (padding or case do not reset them) and are spent alike for unknown e-mails.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { FIXTURE_PASSWORD, createWorld, type World } from '../../test/fixtures';
import { linkIn, startLocalSmtp, type LocalSmtp } from '../../test/smtp';

const NEW_PASSWORD = 'cardamom and a slow kettle';
const RESET_LINK = 'http://localhost:3000/app/reset-password/';

/** One request from its own client address (budgets are per address, too). */
let address = 0;
const forgot = (app: FastifyInstance, email: string, remoteAddress = `10.0.0.${++address}`) =>
  app.inject({
    method: 'POST',
    url: '/auth/password_resets',
    payload: { email },
    remoteAddress,
  });

describe.each(DATABASE_KINDS)('password reset by e-mail on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let smtp: LocalSmtp;

  beforeAll(async () => {
    smtp = await startLocalSmtp();
    t = await createTestApp(kind, {
      smtp: { url: smtp.url, from: 'Bevatel <no-reply@bevatel.test>' },
    });
    w = await createWorld(t.app.db);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails a one-time link to a known e-mail; following it sets the new password', async () => {
    const res = await forgot(t.app, '  Agent@Acme.test ');
    expect(res.statusCode).toBe(202);
    const mail = await smtp.waitFor('agent@acme.test');
    expect(mail.from).toBe('Bevatel <no-reply@bevatel.test>');
    expect(mail.subject).toMatch(/Reset your Bevatel password/);
    expect(mail.text).toMatch(/إعادة تعيين/);
    const link = linkIn(mail, RESET_LINK);
    const token = decodeURIComponent(link.slice(RESET_LINK.length));

    const page = await request(t.app, 'GET', `/auth/password_resets/${token}`);
    expect(page.json().data.email).toBe('agent@acme.test');
    const done = await request(t.app, 'POST', `/auth/password_resets/${token}`, {
      body: { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    });
    expect(done.statusCode).toBe(200);
    w.agent.access_token = done.json().data.access_token;
    const signIn = (password: string) =>
      request(t.app, 'POST', '/auth/sign_in', { body: { email: 'agent@acme.test', password } });
    expect((await signIn(FIXTURE_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(200);
    const reused = await request(t.app, 'POST', `/auth/password_resets/${token}`, {
      body: { password: 'another long phrase here' },
    });
    expect(reused.statusCode).toBe(410);
  });

  it('answers an unknown e-mail exactly as a known one, and sends nothing', async () => {
    const known = await forgot(t.app, 'admin@acme.test');
    const unknown = await forgot(t.app, 'nobody-here@acme.test');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.json()).toEqual({
      message: 'If this e-mail has an account, a link to reset its password is on its way',
    });
    await smtp.waitFor('admin@acme.test');
    await t.app.mailer.idle();
    expect(smtp.received.some((m) => m.to.includes('nobody-here@acme.test'))).toBe(false);
  });

  it('limits requests per e-mail (padding and case included) the same for unknown e-mails', async () => {
    for (const email of ['outsider@acme.test', 'ghost@acme.test']) {
      const variants = [email, ` ${email}`, email.toUpperCase(), `${email}  `, `\t${email}`];
      for (const variant of variants) expect((await forgot(t.app, variant)).statusCode).toBe(202);
      const sixth = await forgot(t.app, email);
      expect(sixth.statusCode).toBe(429);
      expect(sixth.headers['retry-after']).toBeDefined();
      expect(sixth.json().message).toBe('Too many password reset requests: wait and retry');
    }
  });

  it('limits requests per client address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      answers.push((await forgot(t.app, `spray-${i}@acme.test`, '10.9.9.9')).statusCode);
    }
    expect(answers).toEqual([...Array<number>(10).fill(202), 429]);
  });

  it('e-mails an administrator’s reset link to the agent too', async () => {
    // Mails of earlier requests may still be on their way: only this one counts.
    await t.app.mailer.idle();
    smtp.received.length = 0;
    const res = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${w.accountId}/agents/${w.outsider.id}/password_reset`,
      { as: w.admin },
    );
    expect(res.json().payload.emailed).toBe(true);
    const mail = await smtp.waitFor('outsider@acme.test');
    expect(linkIn(mail, RESET_LINK)).toBe(res.json().payload.reset_url);
  });
});
