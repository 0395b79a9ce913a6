import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContextTokenError, signContextToken, verifyContextToken } from './index';
import type { ContextTokenClaims, ContextTokenErrorCode } from './index';

const SECRET = 'a-long-random-signing-secret-0123456789';
const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z
const AUDIENCE = 'https://orders.example.com';

function claims(overrides: Partial<ContextTokenClaims> = {}): ContextTokenClaims {
  return {
    iss: 'https://dashboard.example.com',
    aud: AUDIENCE,
    sub: '7',
    account_id: 1,
    app_id: 4,
    conversation_id: 1042,
    contact_id: 311,
    inbox_id: 3,
    role: 'agent',
    iat: NOW,
    exp: NOW + 300,
    jti: '5f0c3a52-0d0e-4c4e-9a51-1f4b7b1d2c33',
    ...overrides,
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header and payload, signed with `alg`'s HMAC (or not signed at all). */
function craft(
  header: object,
  payload: unknown,
  hash: 'sha256' | 'sha512' | null,
  secret = SECRET,
) {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = hash ? createHmac(hash, secret).update(input).digest('base64url') : '';
  return `${input}.${signature}`;
}

function codeOf(run: () => unknown): ContextTokenErrorCode | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(ContextTokenError);
    expect((error as ContextTokenError).name).toBe('ContextTokenError');
    return (error as ContextTokenError).code;
  }
}

const verify = (token: string, options: Partial<Parameters<typeof verifyContextToken>[2]> = {}) =>
  verifyContextToken(token, SECRET, { audience: AUDIENCE, now: NOW + 10, ...options });

describe('verifyContextToken', () => {
  it('accepts a valid token and returns its claims', () => {
    const token = signContextToken(claims(), SECRET);
    expect(verify(token)).toEqual(claims());
    expect(verify(token, { issuer: 'https://dashboard.example.com' }).sub).toBe('7');
    expect(verify(token, { audience: ['https://other.example', AUDIENCE] }).aud).toBe(AUDIENCE);
    expect(verify(token, { now: new Date((NOW + 10) * 1000) }).conversation_id).toBe(1042);
  });

  it('produces a standard HS256 JWT', () => {
    const token = signContextToken(claims(), SECRET);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual(claims());
    expect(signature).toBe(
      createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'),
    );
    expect(
      verifyContextToken(token, Buffer.from(SECRET), { audience: AUDIENCE, now: NOW }).jti,
    ).toBe(claims().jti);
  });

  it('rejects an expired token (beyond the clock tolerance)', () => {
    const token = signContextToken(claims(), SECRET);
    expect(codeOf(() => verify(token, { now: NOW + 300 + 29 }))).toBe('accepted');
    expect(codeOf(() => verify(token, { now: NOW + 300 + 30 }))).toBe('expired');
    expect(codeOf(() => verify(token, { now: NOW + 301, clockToleranceSec: 0 }))).toBe('expired');
  });

  it('rejects a token issued in the future', () => {
    const token = signContextToken(claims({ iat: NOW + 3600, exp: NOW + 3900 }), SECRET);
    expect(codeOf(() => verify(token))).toBe('not_yet_valid');
    const nbf = signContextToken({ ...claims(), nbf: NOW + 120 } as ContextTokenClaims, SECRET);
    expect(codeOf(() => verify(nbf))).toBe('not_yet_valid');
  });

  it('rejects a tampered payload', () => {
    const token = signContextToken(claims(), SECRET);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${b64(claims({ conversation_id: 9999 }))}.${signature}`;
    expect(codeOf(() => verify(forged))).toBe('bad_signature');
  });

  it('rejects a tampered signature, including a second spelling of the same bytes', () => {
    const token = signContextToken(claims(), SECRET);
    const last = token.at(-1) as string;
    const flipped = token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect(codeOf(() => verify(flipped))).toBe('bad_signature');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const other =
      signature.slice(0, 10) + (signature[10] === 'x' ? 'y' : 'x') + signature.slice(11);
    expect(codeOf(() => verify(`${header}.${payload}.${other}`))).toBe('bad_signature');
    expect(codeOf(() => verify(`${header}.${payload}.`))).toBe('bad_signature');
    expect(codeOf(() => verify(`${header}.${payload}.${signature}AA`))).toBe('bad_signature');
  });

  it('rejects a token signed with another secret', () => {
    expect(codeOf(() => verify(signContextToken(claims(), 'another-secret')))).toBe(
      'bad_signature',
    );
  });

  it('rejects the wrong audience and, when asked, the wrong issuer', () => {
    const token = signContextToken(claims(), SECRET);
    expect(codeOf(() => verify(token, { audience: 'https://evil.example' }))).toBe(
      'wrong_audience',
    );
    expect(codeOf(() => verify(token, { issuer: 'https://other.example' }))).toBe('wrong_issuer');
  });

  it('rejects alg none, with or without a signature', () => {
    expect(codeOf(() => verify(craft({ alg: 'none', typ: 'JWT' }, claims(), null)))).toBe(
      'unsupported_alg',
    );
    const unsigned = craft({ alg: 'none', typ: 'JWT' }, claims(), 'sha256');
    expect(codeOf(() => verify(unsigned))).toBe('unsupported_alg');
    const lower = craft({ alg: 'hs256' }, claims(), 'sha256');
    expect(codeOf(() => verify(lower))).toBe('unsupported_alg');
  });

  it('rejects HS512 and other algorithms even when correctly signed', () => {
    expect(codeOf(() => verify(craft({ alg: 'HS512', typ: 'JWT' }, claims(), 'sha512')))).toBe(
      'unsupported_alg',
    );
    expect(codeOf(() => verify(craft({ alg: 'RS256' }, claims(), 'sha256')))).toBe(
      'unsupported_alg',
    );
    expect(codeOf(() => verify(craft({ typ: 'JWT' }, claims(), 'sha256')))).toBe('unsupported_alg');
  });

  it('rejects a lifetime over 300 seconds', () => {
    expect(codeOf(() => verify(signContextToken(claims({ exp: NOW + 301 }), SECRET)))).toBe(
      'lifetime_too_long',
    );
    expect(codeOf(() => verify(signContextToken(claims({ exp: NOW + 86400 }), SECRET)))).toBe(
      'lifetime_too_long',
    );
  });

  it('rejects malformed tokens', () => {
    const good = signContextToken(claims(), SECRET);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const cases: unknown[] = [
      '',
      'abc',
      'a.b',
      `${good}.extra`,
      `${header}.${payload}.${signature}=`,
      `!!.${payload}.${signature}`,
      `${b64('not an object')}.${payload}.${signature}`,
      `${Buffer.from('{oops').toString('base64url')}.${payload}.${signature}`,
      'x'.repeat(9000),
      42,
      null,
    ];
    for (const token of cases) expect(codeOf(() => verify(token as string))).toBe('malformed');
  });

  it('rejects correctly signed tokens with missing or mistyped claims', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    const { sub: _sub, ...noSub } = claims();
    for (const payload of [
      noSub,
      { ...claims(), account_id: '1' },
      { ...claims(), exp: 'soon' },
      { ...claims(), aud: [AUDIENCE] },
      { ...claims(), role: 'owner' },
      { ...claims(), iat: NOW + 1.5 },
      { ...claims(), exp: NOW - 1 },
      [claims()],
    ]) {
      expect(codeOf(() => verify(craft(header, payload, 'sha256')))).toBe('malformed');
    }
    expect(codeOf(() => verify(craft({ ...header, crit: ['b64'] }, claims(), 'sha256')))).toBe(
      'malformed',
    );
  });

  it('refuses to work without a secret or an audience', () => {
    const token = signContextToken(claims(), SECRET);
    expect(() => verifyContextToken(token, '', { audience: AUDIENCE })).toThrow(TypeError);
    expect(() => verifyContextToken(token, SECRET, {} as unknown as { audience: string })).toThrow(
      TypeError,
    );
    expect(() => verifyContextToken(token, SECRET, { audience: [] })).toThrow(TypeError);
    expect(() => signContextToken(claims(), '')).toThrow(TypeError);
  });
});
