import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebhookSignatureError } from './errors';
import { verifyWebhook, verifyWebhookSignature } from './webhook';

const SECRET = 'whsec-test-0123456789';
const BODY = JSON.stringify({ event: 'message_created', id: 7, content: 'مرحبا' });
const NOW = 1_760_000_000;

const sign = (body: string, timestamp: number, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

const nodeHeaders = (timestamp: number, signature: string) => ({
  'x-bevatel-timestamp': String(timestamp),
  'x-bevatel-signature': signature,
  'x-bevatel-delivery': '6f1c2a9e-4b1d-4a53-9a0e-2d3c4b5a6978',
  'x-bevatel-event': 'message_created',
});

const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof WebhookSignatureError ? error.code : String(error);
  }
  return 'accepted';
};

describe('verifyWebhook', () => {
  it('accepts a request signed over "<timestamp>.<raw body>" and returns what it carries', () => {
    const verified = verifyWebhook(BODY, nodeHeaders(NOW, sign(BODY, NOW)), {
      secret: SECRET,
      now: NOW + 10,
    });
    expect(verified).toEqual({
      deliveryId: '6f1c2a9e-4b1d-4a53-9a0e-2d3c4b5a6978',
      event: 'message_created',
      timestamp: NOW,
      payload: JSON.parse(BODY),
    });
  });

  it('reads fetch Headers and byte bodies alike', () => {
    const headers = new Headers(nodeHeaders(NOW, sign(BODY, NOW)));
    const bytes = new TextEncoder().encode(BODY);
    expect(verifyWebhook(bytes, headers, { secret: SECRET, now: NOW }).event).toBe(
      'message_created',
    );
  });

  it('refuses a changed body, another secret, a stale or future timestamp, missing headers', () => {
    const good = sign(BODY, NOW);
    const at = { secret: SECRET, now: NOW };
    expect(code(() => verifyWebhook(`${BODY} `, nodeHeaders(NOW, good), at))).toBe('bad_signature');
    expect(code(() => verifyWebhook(BODY, nodeHeaders(NOW, sign(BODY, NOW, 'other')), at))).toBe(
      'bad_signature',
    );
    // The signature covers the timestamp: moving it breaks the signature.
    expect(code(() => verifyWebhook(BODY, nodeHeaders(NOW + 1, good), at))).toBe('bad_signature');
    expect(
      code(() => verifyWebhook(BODY, nodeHeaders(NOW, good), { secret: SECRET, now: NOW + 301 })),
    ).toBe('expired');
    expect(
      code(() => verifyWebhook(BODY, nodeHeaders(NOW, good), { secret: SECRET, now: NOW - 301 })),
    ).toBe('expired');
    expect(
      code(() =>
        verifyWebhook(BODY, nodeHeaders(NOW, good), {
          secret: SECRET,
          now: NOW + 3000,
          toleranceSec: 3600,
        }),
      ),
    ).toBe('accepted');
    expect(code(() => verifyWebhook(BODY, {}, at))).toBe('missing_header');
    expect(code(() => verifyWebhook(BODY, nodeHeaders(NOW, 'md5=abc'), at))).toBe('malformed');
    const { 'x-bevatel-delivery': _omitted, ...noDelivery } = nodeHeaders(NOW, good);
    expect(code(() => verifyWebhook(BODY, noDelivery, at))).toBe('missing_header');
  });

  it('verifies a signature alone, for frameworks that hand over the parts', () => {
    expect(
      verifyWebhookSignature(
        { body: BODY, timestamp: String(NOW), signature: sign(BODY, NOW).toUpperCase() },
        { secret: SECRET, now: NOW },
      ),
    ).toBe(NOW);
    expect(() =>
      verifyWebhookSignature(
        { body: BODY, timestamp: String(NOW), signature: sign(BODY, NOW) },
        { secret: '' },
      ),
    ).toThrow(TypeError);
  });
});
