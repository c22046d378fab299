/** Slugs and anchor ids: readable, ASCII, stable for the same input. */

/**
 * Turns text into a lowercase ASCII slug: accents folded (`Laurençon` →
 * `laurencon`), `&` read as `and`, everything else a hyphen.
 * `maxLength` cuts at a word boundary so slugs stay readable.
 */
export function slugify(text: string, maxLength = 80): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`]/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= maxLength) return slug;
	const cut = slug.slice(0, maxLength + 1);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * Hands out unique ids within one page: the first request for a base gets it
 * as is, later ones get `-2`, `-3`… in order, so ids are deterministic.
 */
export class AnchorRegistry {
	readonly #used = new Set<string>();
	readonly #isReserved: (id: string) => boolean;

	/**
	 * Reserves ids that are already taken on the page: a list (ids content already
	 * has), and a rule for the ids the page's own parts use (`isPageId`).
	 */
	constructor(reserved: Iterable<string> = [], isReserved: (id: string) => boolean = () => false) {
		for (const id of reserved) this.#used.add(id);
		this.#isReserved = isReserved;
	}

	/** Returns `base`, or `base-N` with the smallest N that is still free. */
	claim(base: string): string {
		let id = base;
		for (let n = 2; this.#used.has(id) || this.#isReserved(id); n++) id = `${base}-${n}`;
		this.#used.add(id);
		return id;
	}
}
