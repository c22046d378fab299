/**
 * The site's base path, in one form everywhere: a slash at both ends (`/`,
 * `/archive/`). The configuration, Astro's `BASE_URL`, the host files and the
 * browser code all go through here, so a base written `/repo`, `repo/` or
 * `` (GitHub's configure-pages gives the first or the last) means one thing.
 */

/** Normalises a base path as people and tools write it: `/repo`, `repo/`, `/repo/` and `` give `/repo/` and `/`. */
export function normalizeBasePath(input: string): string {
	const trimmed = input.trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** A site path under a base: `joinBase('/archive', '/episodes/x/')` is `/archive/episodes/x/`. */
export function joinBase(base: string, path: string): string {
	return `${normalizeBasePath(base)}${path.replace(/^\//, '')}`;
}
