// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import rehypeJsxHeadings from './src/lib/rehype-jsx-headings.ts';

/**
 * SITE_URL and BASE_PATH let one build target a project subpath
 * (e.g. BASE_PATH=/archive/) without editing this file; OUT_DIR lets that
 * build sit beside the root one (`npm run build:base` writes dist-base/).
 */
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';
const outDir = process.env.OUT_DIR || './dist';

export default defineConfig({
	site,
	base,
	outDir,
	// Every page is emitted as dir/index.html, which any static host serves at
	// dir/ — so links always carry the slash and never hit a redirect.
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [
		mdx(),
		// The 404 page is served for unknown addresses; it is not a page to index.
		sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) }),
	],
	markdown: {
		// Astro 7 renders Markdown with Sätteri by default; the remark pipeline is
		// opt-in. Built-in GFM is turned off so remark-gfm runs exactly once, from
		// our own pinned copy. MDX inherits this processor (mdx() extends it).
		// Shiki stays the default syntax highlighter. SmartyPants is off: the
		// archive shows the dump's quotes and dashes exactly as written.
		// The ingest writes headings as JSX (to keep its ids); rehypeJsxHeadings
		// makes them headings Astro collects, for "On this page".
		processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeJsxHeadings] }),
	},
});
