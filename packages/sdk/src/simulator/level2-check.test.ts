import { describe, expect, it } from 'vitest';
import { checkLevel2Request } from './level2-check';

describe('checkLevel2Request', () => {
  it('answers as the dashboard does: unknown method, then permission, then params', () => {
    expect(checkLevel2Request({ method: 'labels.drop', params: 5 })).toMatchObject({
      error: { code: 'unknown_method' },
    });
    expect(checkLevel2Request({ method: 'labels.add', params: 5, granted: [] })).toMatchObject({
      error: { code: 'permission_denied' },
    });
    expect(
      checkLevel2Request({ method: 'labels.add', params: 5, granted: ['labels:write'] }),
    ).toMatchObject({
      error: {
        code: 'invalid_params',
        message: 'labels.add: params must be an object (got number)',
      },
    });
    expect(
      checkLevel2Request({
        method: 'labels.add',
        params: { labels: ['vip'] },
        granted: ['labels:write'],
      }),
    ).toEqual({
      ok: true,
    });
    expect(checkLevel2Request({ method: 'context.get' })).toEqual({ ok: true });
    expect(checkLevel2Request(null)).toMatchObject({ error: { code: 'unknown_method' } });
  });
});
