// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';

/**
 * SITE_URL and BASE_PATH let one build target a project subpath
 * (e.g. BASE_PATH=/archive/) without editing this file.
 */
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  // Every page is emitted as dir/index.html, which any static host serves at
  // dir/ — so links always carry the slash and never hit a redirect.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default; the remark pipeline is
    // opt-in. Built-in GFM is turned off so remark-gfm runs exactly once, from
    // our own pinned copy. MDX inherits this processor (mdx() extends it).
    // Shiki stays the default syntax highlighter. SmartyPants is off: the
    // archive shows the dump's quotes and dashes exactly as written.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }),
  },
});
