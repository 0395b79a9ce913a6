/**
 * The documented `additional_attributes.browser` of a website conversation, parsed from the
 * User-Agent of the browser that opened it (bowser: a maintained parser, not our regexes).
 */
import Bowser from 'bowser';

export interface BrowserAttributes {
  device_name: string;
  browser_name: string;
  platform_name: string;
  browser_version: string;
  platform_version: string;
}

const orUnknown = (value: string | undefined) => (value && value.trim() !== '' ? value : 'Unknown');

export function browserAttributes(userAgent: string | undefined): BrowserAttributes {
  // A client that sends no User-Agent (a script) is a conversation all the same, not a 500.
  if (!userAgent || userAgent.trim() === '') {
    return {
      device_name: 'Unknown',
      browser_name: 'Unknown',
      platform_name: 'Unknown',
      browser_version: 'Unknown',
      platform_version: 'Unknown',
    };
  }
  const parsed = Bowser.parse(userAgent);
  const device = [parsed.platform.vendor, parsed.platform.model].filter(Boolean).join(' ');
  return {
    // Chatwoot says "Unknown" for desktops without a vendor; the platform type is more useful.
    device_name: orUnknown(device || parsed.platform.type),
    browser_name: orUnknown(parsed.browser.name),
    platform_name: orUnknown(parsed.os.name),
    browser_version: orUnknown(parsed.browser.version),
    platform_version: orUnknown(parsed.os.version ?? parsed.os.versionName),
  };
}
