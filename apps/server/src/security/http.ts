/** Helpers of the security suite: a listening server and sign-ins through the real HTTP stack. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export interface CookieSession {
  cookie: string;
  csrf: string;
  accessToken: string;
}

/** Signs in over HTTP; returns the session cookie, its CSRF token and the access token. */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<CookieSession> {
  const res = await fetch(`${base}/auth/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { data: { csrf_token: string; access_token: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: body.data.csrf_token, accessToken: body.data.access_token };
}

export function sessionHeaders(session: CookieSession): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}
