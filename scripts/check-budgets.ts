/**
 * `npm run check:budgets [dir]`: what the built pages may weigh and carry
 * (the limits, their unit and the weighing: scripts/lib/budgets.ts).
 *
 * - every HTML page: at most 500 KB of HTML (uncompressed);
 * - every list page (any page but an episode's): at most 3,000 elements, as
 *   an HTML parser counts them, so the lists stay split as the archive grows;
 * - CSS: at most 15 KB gzipped on any page (all its stylesheets together);
 * - JavaScript on an episode page: at most 5 KB gzipped (inline and external
 *   scripts with the modules they import; JSON-LD is data, not script);
 * - no framework islands (`<astro-island>`), no inline event handlers and no
 *   `javascript:` URLs anywhere, so a strict Content-Security-Policy holds;
 * - nothing after `</html>`.
 *
 * Prints the measured figures either way.
 */
import { BUDGETS, checkPageBudgets, formatKb, weighSite } from './lib/budgets.ts';
import { deploymentFromEnv } from './lib/dist.ts';

const dir = process.argv[2] ?? 'dist';
const { pages, weights, listElements, violations } = await weighSite(dir, deploymentFromEnv());
const failures = [...violations];
console.log(`most elements on a list page: ${listElements.count.toLocaleString('en-US')} (limit ${BUDGETS.listElements.toLocaleString('en-US')}) — ${listElements.file}`);
for (const check of checkPageBudgets(weights)) {
	console.log(`${check.label}: ${formatKb(check.measured)} (limit ${formatKb(check.limit)}) — ${check.file}`);
	if (!check.met) failures.push(`${check.file}: ${check.label} ${formatKb(check.measured)}, over ${formatKb(check.limit)}`);
}
if (pages === 0) failures.push(`no pages in ${dir}/`);

if (failures.length > 0) {
	console.error(`✗ ${failures.length} budget or rule failures:`);
	for (const failure of failures.slice(0, 50)) console.error(`  ${failure}`);
	process.exit(1);
}
console.log(`✓ ${pages} pages within budgets; no islands, inline handlers or javascript: URLs`);
