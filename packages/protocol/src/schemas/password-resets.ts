/** Response schemas of password reset links (admin-issued and self-service by e-mail). */
import { Type, type Static } from 'typebox';
import { Bool, Int, Str } from './build';

/** `POST …/agents/:id/password_reset`: the one-time link, shown once to pass on. */
export const IssuedPasswordResetSchema = Type.Object({
  payload: Type.Object({
    user_id: Int(),
    reset_url: Str(),
    /** Unix seconds. */
    expires_at: Int(),
    /** Whether the link was e-mailed to the person too (SMTP_URL is set). */
    emailed: Bool(),
  }),
});

/** `POST /auth/password_resets`: the same words whether or not the e-mail has an account. */
export const PasswordResetRequestedSchema = Type.Object({ message: Str() });

/** `GET /auth/password_resets/:token`: what the reset page shows. */
export const PasswordResetLinkSchema = Type.Object({
  data: Type.Object({ email: Str(), expires_at: Int() }),
});

export type IssuedPasswordReset = Static<typeof IssuedPasswordResetSchema>;
export type PasswordResetRequested = Static<typeof PasswordResetRequestedSchema>;
export type PasswordResetLink = Static<typeof PasswordResetLinkSchema>;
