import type { UserRole } from '@bevatel/protocol';
import type { MailMessage } from '../../plugins/mailer';

const ROLE_EN: Record<UserRole, string> = { agent: 'an agent', administrator: 'an administrator' };
const ROLE_AR: Record<UserRole, string> = { agent: 'وكيل', administrator: 'مسؤول' };

/**
 * The invitation e-mail: the same words whether or not the address has an account (the link's
 * page tells a new person to choose a password and an existing one to sign in and accept).
 * English, then Arabic; the account name is the administrator's text, sent as plain text.
 */
export function invitationMail(input: {
  to: string;
  accountName: string;
  role: UserRole;
  url: string;
  expiresAt: number;
}): MailMessage {
  const until = new Date(input.expiresAt).toISOString().replace('T', ' ').slice(0, 16);
  return {
    to: input.to,
    subject: `Invitation to join ${input.accountName} | دعوة للانضمام إلى ${input.accountName}`,
    text: [
      `You are invited to join ${input.accountName} on Bevatel as ${ROLE_EN[input.role]}.`,
      '',
      `Open this link to answer: ${input.url}`,
      '',
      `The link works once, until ${until} UTC. If you did not expect this invitation, ignore this e-mail.`,
      '',
      '---',
      '',
      `أنت مدعو للانضمام إلى ${input.accountName} على Bevatel بصفة ${ROLE_AR[input.role]}.`,
      '',
      `افتح هذا الرابط للرد: ${input.url}`,
      '',
      `يعمل الرابط مرة واحدة حتى ${until} بالتوقيت العالمي. إن لم تكن تتوقع هذه الدعوة فتجاهل هذه الرسالة.`,
    ].join('\n'),
  };
}
