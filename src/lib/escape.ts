/**
 * Escaping text for the markup the project writes by hand: HTML redirect
 * pages, the RSS feed's Podcasting 2.0 elements, the OpenGraph image's page
 * and the bench's SVG chart. One rule for HTML and XML alike. (WebVTT cue
 * text has rules of its own: src/lib/podcast-files.ts.)
 */

/** Escapes `&`, `<`, `>` and `"`, so text is safe in an element and in a double-quoted attribute. */
export function escapeMarkup(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
