import { describe, expect, it } from 'vitest';
import { beforeSendObjection } from './before-send';

const app = { title: 'Orders', allow_send_anyway: true };

describe('beforeSendObjection', () => {
  it('holds the reply back with the app’s reason when it says allow: false', () => {
    expect(
      beforeSendObjection(
        app,
        { asked: true, answered: true, result: { allow: false, reason: ' No order number ' } },
        500,
      ),
    ).toEqual({ source: 'Orders', reason: 'No order number', overridable: true });
    expect(
      beforeSendObjection(
        { ...app, allow_send_anyway: false },
        { asked: true, answered: true, result: { allow: false, reason: 'x'.repeat(900) } },
        500,
      ),
    ).toEqual({ source: 'Orders', reason: 'x'.repeat(500), overridable: false });
  });

  it('sends on allow, on a broken answer, and (logged) on silence', () => {
    const logged: string[] = [];
    const log = (m: string) => logged.push(m);
    expect(
      beforeSendObjection(app, { asked: true, answered: true, result: { allow: true } }, 500, log),
    ).toBeNull();
    expect(
      beforeSendObjection(app, { asked: true, answered: true, result: 'no' }, 500, log),
    ).toBeNull();
    expect(
      beforeSendObjection(app, { asked: true, answered: true, result: { allow: 0 } }, 500, log),
    ).toBeNull();
    expect(beforeSendObjection(app, { asked: false }, 500, log)).toBeNull();
    expect(logged).toEqual([]);
    expect(beforeSendObjection(app, { asked: true, answered: false }, 500, log)).toBeNull();
    expect(logged).toEqual([
      '[dashboard apps] Orders did not answer composer.beforeSend within 2 s: sent',
    ]);
  });
});
