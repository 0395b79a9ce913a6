/**
 * Outgoing e-mail (invitation and password reset links) through nodemailer, when SMTP_URL is
 * set. Mail is sent after the answer, never awaited by a request: an SMTP outage or a slow
 * relay must not fail an invitation (the administrator has the link anyway), and the time an
 * answer takes must not depend on whether a message was sent (the e-mail-existence oracle).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Whether messages are sent at all (SMTP_URL is set). */
  readonly enabled: boolean;
  /** Sends in the background; failures are logged, never thrown. */
  queue(message: MailMessage): void;
  /** Resolves once every queued message has been handed to the relay or has failed (tests). */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export const mailerPlugin = fp(
  async (app: FastifyInstance, { smtp }: { smtp: SmtpSettings }) => {
    const transport: Transporter | null = smtp.url ? nodemailer.createTransport(smtp.url) : null;
    const inFlight = new Set<Promise<void>>();
    const mailer: Mailer = {
      enabled: transport !== null,
      queue(message) {
        if (!transport) return;
        const sending = transport
          .sendMail({ from: smtp.from, ...message })
          .then(
            () => undefined,
            (error: unknown) => app.log.warn({ err: error }, 'e-mail not sent'),
          )
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      },
      async idle() {
        await Promise.all([...inFlight]);
      },
    };
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => {
      await mailer.idle();
      transport?.close();
    });
  },
  { name: 'mailer' },
);
