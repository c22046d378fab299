/**
 * Speaker labels, as every transcript layout writes them (`Swyx:`, `Alessio
 * [00:00:00]:`, `[00:00:35] Wing Lian:`, `<strong>Alessio:</strong>`), and the
 * lengths the transcript parsers allow. One home, so the dump's three layouts,
 * the section finder and the feed agree on what a label can be.
 */

/**
 * Longest speaker label, in characters. Real labels are short (`Alessio
 * Fanelli`, `Ryan at Pixee`, `Audience #1`, `Ce / Vipul`); text longer than
 * this before a colon is a sentence (`The short answer is: …`), not a name.
 */
export const MAX_LABEL_CHARS = 40;

/**
 * A label before its colon, as a regular-expression source (no group, no
 * flags): a first character that is no space, colon or bracket, then at most
 * `MAX_LABEL_CHARS` in all, none a colon (which ends it) or a bracket (which
 * belongs to a timestamp). Lazy, so the first colon ends the label.
 */
export const LABEL_SOURCE = String.raw`[^\s:\[\]][^:\[\]]{0,${MAX_LABEL_CHARS - 1}}?`;

/**
 * A label glued after a sentence end (`…this happen.David: Yeah`), as a
 * regular-expression source. Unlike `LABEL_SOURCE` it holds no sentence end
 * (`.`, `?`, `!`), so the match starts at the last one before the colon; the
 * parser accepts it only when it is a name it already knows.
 */
export const GLUED_LABEL_SOURCE = String.raw`[^\s:.?!][^:.?!]{0,${MAX_LABEL_CHARS - 1}}?`;

/**
 * The first label right after a transcript's title (`TranscriptAlessio
 * [00:00:00]:`, `TranscriptSwyx:`), as a regular-expression source: a capital,
 * then at most `MAX_LABEL_CHARS` in all on one line. What tells the title from
 * the word `transcript` inside a sentence.
 */
export const FIRST_LABEL_SOURCE = String.raw`\p{Lu}[^:\[\]\n]{0,${MAX_LABEL_CHARS - 1}}?`;

/**
 * How far before a `[hh:mm:ss]:` timestamp its label is looked for, in
 * characters: the longest label and the end of the sentence glued to it
 * (`…right?David [00:05:53]:`), which is what tells where the label starts.
 */
export const LABEL_LOOKBACK_CHARS = 60;

/**
 * Longest text before the colon of a `Name: … [hh:mm:ss]` turn that is read as
 * a short heading glued to its label, in characters; a longer stretch ending
 * in a colon is a sentence.
 */
export const MAX_HEADING_AND_LABEL_CHARS = 120;

/**
 * Longest transcript line read as a section heading (`[00:02:34] SF Open Source
 * AI Meetup` followed, at the same time, by a labelled turn), in characters.
 */
export const MAX_HEADING_LINE_CHARS = 150;
