import { describe, expect, it } from 'vitest';
import { embeddableOrigin } from './bridge/origin';
import { APP_FRAME_SANDBOX, frameAllowAttribute } from './frame-attributes';

const DASHBOARD = 'http://localhost:3000';

describe('embeddableOrigin', () => {
  it("is the registered URL's origin", () => {
    expect(embeddableOrigin('https://crm.example.com/app?x=1#y', DASHBOARD)).toBe(
      'https://crm.example.com',
    );
    expect(embeddableOrigin('http://127.0.0.1:4100/', DASHBOARD)).toBe('http://127.0.0.1:4100');
    expect(embeddableOrigin('https://CRM.Example.com:443/a', DASHBOARD)).toBe(
      'https://crm.example.com',
    );
  });

  it.each([
    ['the dashboard itself', `${DASHBOARD}/app/evil`],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>parent.x</script>'],
    ['blob:', 'blob:https://crm.example.com/1234'],
    ['about:blank', 'about:blank'],
    ['a relative path', '/app'],
    ['garbage', 'not a url'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'https://user:secret@crm.example.com/app'],
    ['a user name', 'https://user@crm.example.com/app'],
  ])('refuses %s', (_name, url) => {
    expect(embeddableOrigin(url, DASHBOARD)).toBeNull();
  });
});

describe('iframe attributes', () => {
  it('sandboxes exactly as rule 5 says', () => {
    expect(APP_FRAME_SANDBOX.split(' ').sort()).toEqual(
      [
        'allow-scripts',
        'allow-same-origin',
        'allow-forms',
        'allow-popups',
        'allow-popups-to-escape-sandbox',
        'allow-downloads',
      ].sort(),
    );
  });

  it('allows only known features the admin chose, once each', () => {
    expect(frameAllowAttribute([])).toBeUndefined();
    expect(frameAllowAttribute(['clipboard-write'])).toBe('clipboard-write');
    expect(frameAllowAttribute(['clipboard-write', 'camera', 'clipboard-write'])).toBe(
      'clipboard-write; camera',
    );
    expect(frameAllowAttribute(['camera *', "geolocation 'src'; usb", 'usb'])).toBeUndefined();
  });
});
