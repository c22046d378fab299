/**
 * A rehype plugin for MDX: headings written as JSX (`<h2 id="x">…</h2>`, as
 * the ingest writes them so their ids are the model's) become ordinary HTML
 * heading elements. Astro only collects headings that are elements, so
 * without this `render()` reports none and "On this page" could not list the
 * description's sections. The rendered HTML is the same.
 */

/** The hast nodes this plugin reads: just enough structure, no dependency on the MDX types. */
interface Node {
	type: string;
	name?: string | null;
	tagName?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	properties?: Record<string, unknown>;
	children?: Node[];
}

const HEADING = /^h[1-6]$/;

/** Whether every attribute is a plain `name="string"`, so nothing dynamic is lost in the conversion. */
const literalAttributes = (node: Node) => (node.attributes ?? []).every((attribute) => attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string');

function convert(node: Node): void {
	for (const child of node.children ?? []) {
		if (child.type === 'mdxJsxFlowElement' && child.name && HEADING.test(child.name) && literalAttributes(child)) {
			const properties = Object.fromEntries((child.attributes ?? []).map((attribute) => [attribute.name!, attribute.value]));
			child.type = 'element';
			child.tagName = child.name;
			child.properties = properties;
			delete child.name;
			delete child.attributes;
		}
		convert(child);
	}
}

/** The plugin: `mdx({ rehypePlugins: [rehypeJsxHeadings] })`. */
export default function rehypeJsxHeadings() {
	return (tree: Node) => convert(tree);
}
