import type { APIRoute } from 'astro';
import { sitemapPath } from '../lib/routes.ts';
import { absoluteUrl } from '../lib/site.ts';

/** Everything may be crawled; the sitemap lists every page. */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath, site)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
