/**
 * `npm run og-image`: draws public/og.png, the 1200×630 picture link previews
 * show for every page (OpenGraph and Twitter cards), from the archive's name
 * and description. Run it after changing content/site.json; the PNG is
 * committed so builds need no browser.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './lib/browser.ts';
import { escapeMarkup } from '../src/lib/escape.ts';
import { SiteConfigSchema } from '../src/schemas/site.ts';

const site = SiteConfigSchema.parse(JSON.parse(await readFile('content/site.json', 'utf8')));
const html = `<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;
padding:0 96px;box-sizing:border-box;background:#131417;color:#f7f7f9;font-family:'Liberation Sans',Arial,sans-serif">
<svg width="96" height="96" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#a5b4fc"/><path d="M9 8v16h14M14 8v11h9" fill="none" stroke="#131417" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>
<h1 style="font-size:76px;letter-spacing:-2px;margin:40px 0 20px">${escapeMarkup(site.title)}</h1>
<p style="font-size:34px;line-height:1.35;color:#a2a5b0;margin:0;max-width:980px">${escapeMarkup(site.description)}</p></body></html>`;

const browser = await chromium.launch(browserLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
console.log('wrote public/og.png');
