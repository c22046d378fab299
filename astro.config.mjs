// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { buildPaths, hostFilesIntegration, readRedirects } from './scripts/build-paths.ts';
import rehypeJsxHeadings from './src/lib/rehype-jsx-headings.ts';
import rehypeTopicLinks from './src/lib/rehype-topic-links.ts';
import { readSiteConfig, resolveDeployment } from './scripts/site-config.ts';

/**
 * Site URL and base path come from content/site.json; SITE_URL and BASE_PATH
 * override them (CI passes the GitHub Pages settings), so one build can target
 * a project subpath without editing any file.
 */
const config = readSiteConfig();
const { site, base } = resolveDeployment(config);
/** Where the entries are read from and the site is written to (ARCHIVE_* variables; the security test builds a fixture site). */
const paths = buildPaths();
/** Old episode URLs kept alive after a slug override: written by `npm run ingest`. */
const redirects = readRedirects(paths.episodesDir);

export default defineConfig({
  site,
  base,
  outDir: paths.outDir,
  cacheDir: paths.cacheDir,
  // Every page is emitted as dir/index.html, which any static host serves at
  // dir/ — so links always carry the slash and never hit a redirect.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    // The 404 page is served for unknown addresses; it is not a page to index.
    sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) }),
    hostFilesIntegration(redirects, base, site, config.show.language),
  ],
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default; the remark pipeline is
    // opt-in. Built-in GFM is turned off so remark-gfm runs exactly once, from
    // our own pinned copy. MDX inherits this processor (mdx() extends it).
    // Shiki stays the default syntax highlighter. SmartyPants is off: the
    // archive shows the dump's quotes and dashes exactly as written.
    // The ingest writes headings as JSX (to keep its ids); rehypeJsxHeadings
    // makes them headings Astro collects, for "On this page". rehypeTopicLinks
    // links show-notes items to the topics they name (it runs after, on real headings).
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeJsxHeadings, [rehypeTopicLinks, { base, episodesDir: paths.episodesDir }]],
    }),
  },
  vite: {
    build: {
      rolldownOptions: {
        // Rolldown warns once per MDX module that Astro's "use astro:head-inject"
        // directive may not be preserved: 10 lines per episode, 20,000 at
        // 2,000 episodes, and nothing to act on (withastro/astro#18087).
        // Every other warning still reaches the log.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  security: {
    // A <meta> Content-Security-Policy on every page: only the site's own
    // scripts and styles (Astro adds hashes for those it inlines), nothing
    // from the episode text can run. Pagefind compiles its WebAssembly search
    // engine, which CSP allows only with 'wasm-unsafe-eval' (not 'unsafe-eval').
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
