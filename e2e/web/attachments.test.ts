import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import {
  conversationAssignedTo,
  OMAR,
  seriousViolations,
  signedInPage,
  watchErrors,
} from './support';

const SHOTS = 'test-results/screenshots';

/** A PNG the server will thumbnail: a gradient-free block with a stripe, 640×420. */
const photo = () =>
  sharp({ create: { width: 640, height: 420, channels: 3, background: '#2f6fdf' } })
    .composite([
      {
        input: {
          create: { width: 640, height: 80, channels: 3, background: '#f5b301' },
        },
        top: 170,
        left: 0,
      },
    ])
    .png()
    .toBuffer();

/** Hands files to the page as a drop or a paste would (a DataTransfer built in the page). */
async function dispatchFiles(
  page: Page,
  selector: string,
  type: 'drop' | 'paste',
  files: { name: string; mime: string; base64: string }[],
): Promise<void> {
  await page.evaluate(
    ({ selector: target, type: kind, files: list }) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.mime }));
      }
      const element = document.querySelector(target)!;
      if (kind === 'paste') {
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      } else {
        for (const name of ['dragenter', 'dragover', 'drop']) {
          element.dispatchEvent(
            new DragEvent(name, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }
      }
    },
    { selector, type, files },
  );
}

/**
 * Attachments in the browser: the admin attaches with the button, a drop and a paste, removes
 * one chip and sends; Omar, in Arabic on another session, sees the thumbnail arrive live and
 * opens it full size; a phone shows the thread and the composer's chips.
 */
describe('attachments in Chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const pages: Page[] = [];
  let displayId: number;

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    ({ displayId } = await conversationAssignedTo(dashboard, OMAR.email));
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await dashboard?.close();
  });

  const open = async (page: Page) => {
    pages.push(page);
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations/${displayId}`);
    await page.locator('.reply-box textarea').waitFor();
    return page;
  };

  it('sends an image and a PDF; the other agent sees the thumbnail live and opens it', async () => {
    const admin = await open(await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'en-US'));
    const omar = await open(
      await signedInPage(browser, dashboard.url, OMAR, 'ar', { width: 1280, height: 860 }),
    );
    const adminErrors = watchErrors(admin);
    const omarErrors = watchErrors(omar);
    const png = await photo();

    // The attach button opens the file picker.
    const chooser = admin.waitForEvent('filechooser');
    await admin.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({ name: 'storefront.png', mimeType: 'image/png', buffer: png });
    const chips = admin.getByRole('list', { name: 'Files to send' });
    await chips.getByText('storefront.png').waitFor();

    // A pasted screenshot becomes a chip too; removed again with its ×.
    await dispatchFiles(admin, '.reply-box textarea', 'paste', [
      { name: 'image.png', mime: 'image/png', base64: png.toString('base64') },
    ]);
    await chips.getByText(/^pasted-.*\.png$/).waitFor();
    await admin.getByRole('button', { name: /^Remove pasted-/ }).click();
    await expect.poll(() => chips.getByText(/^pasted-/).count()).toBe(0);

    // A dropped PDF.
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n',
    );
    await dispatchFiles(admin, '.reply-box', 'drop', [
      { name: 'price-list.pdf', mime: 'application/pdf', base64: pdf.toString('base64') },
    ]);
    await chips.getByText('price-list.pdf').waitFor();
    await admin.screenshot({ path: `${SHOTS}/attachments-composer-en.png` });
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.locator('.reply-box textarea').fill('Here is the storefront photo and our prices');
    await admin.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => chips.count()).toBe(0);

    // The sender's thread: the thumbnail (loaded) and the download link.
    const adminThumb = admin.getByRole('img', { name: 'Image storefront.png' });
    await adminThumb.waitFor();
    await admin.getByRole('link', { name: /price-list\.pdf/ }).waitFor();

    // Omar, live, without reloading.
    const thumb = omar.locator('.attachment-image img');
    await thumb.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThanOrEqual(
      250,
    );
    await omar.locator('.attachment-download', { hasText: 'price-list.pdf' }).waitFor();
    await omar.screenshot({ path: `${SHOTS}/attachments-thread-ar.png` });
    expect(await seriousViolations(omar)).toEqual([]);

    // The thumbnail opens the full-size image in a new tab.
    const [tab] = await Promise.all([
      omar.context().waitForEvent('page'),
      omar.locator('.attachment-image a').click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/\/attachments\/\d+\/file\?expires=\d+&signature=/);
    const full = await tab.evaluate(() => {
      const img = document.querySelector('img');
      return img ? { width: img.naturalWidth, height: img.naturalHeight } : null;
    });
    expect(full).toEqual({ width: 640, height: 420 });
    await tab.close();

    // The PDF is a download, not a page.
    const link = omar.locator('.attachment-download', { hasText: 'price-list.pdf' });
    const href = await link.getAttribute('href');
    const answer = await omar.context().request.get(href!);
    expect(answer.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(answer.headers()['x-content-type-options']).toBe('nosniff');

    await admin.screenshot({ path: `${SHOTS}/attachments-thread-en.png` });
    expect(adminErrors).toEqual([]);
    expect(omarErrors).toEqual([]);
  });

  it('fits the thread’s attachments and the composer’s chips on a 390 px phone', async () => {
    const phone = await open(
      await signedInPage(
        browser,
        dashboard.url,
        DEMO_ADMIN,
        'en-US',
        { width: 390, height: 844 },
        { isMobile: true, hasTouch: true },
      ),
    );
    const errors = watchErrors(phone);
    await phone.locator('.attachment-image img').last().waitFor();
    const chooser = phone.waitForEvent('filechooser');
    await phone.getByRole('button', { name: 'Attach files' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'a-rather-long-file-name-for-a-phone-screen-2026.png',
      mimeType: 'image/png',
      buffer: await photo(),
    });
    await phone.getByRole('list', { name: 'Files to send' }).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    for (const selector of ['.attachment-image img', '.attachment-download', '.pending-file']) {
      const box = await phone.locator(selector).last().boundingBox();
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(390);
    }
    await phone.screenshot({ path: `${SHOTS}/attachments-phone-en.png` });
    expect(errors).toEqual([]);
  });
});
