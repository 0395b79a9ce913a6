import type { MailMessage } from '../../plugins/mailer';

const until = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);

/** The reset e-mail, English then Arabic: the link, its lifetime, and what to do if unasked. */
export function resetMail(input: { to: string; url: string; expiresAt: number }): MailMessage {
  const when = until(input.expiresAt);
  return {
    to: input.to,
    subject: 'Reset your Bevatel password | إعادة تعيين كلمة مرور Bevatel',
    text: [
      'Someone asked to reset the password of your Bevatel account.',
      '',
      `Open this link to choose a new password: ${input.url}`,
      '',
      `The link works once, until ${when} UTC. Setting a new password signs you out everywhere else.`,
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      '',
      '---',
      '',
      'طلب أحدهم إعادة تعيين كلمة مرور حسابك على Bevatel.',
      '',
      `افتح هذا الرابط لاختيار كلمة مرور جديدة: ${input.url}`,
      '',
      `يعمل الرابط مرة واحدة حتى ${when} بالتوقيت العالمي. تعيين كلمة مرور جديدة يُخرجك من كل الأجهزة الأخرى.`,
      'إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    ].join('\n'),
  };
}
