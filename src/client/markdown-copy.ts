/**
 * The episode page's copying beyond links, loaded the first time a reader
 * uses it (CopyLink's script imports it then): the episode or one chapter as
 * Markdown, and quote links — select words in a transcript turn, and copy a
 * link that opens the page at that turn with those words marked, or a quote
 * ready to paste. What they copy is made in `quotes.ts`.
 */
import { chapterMarkdown, quoteText, quoteUrl } from './quotes.ts';

/** Where screen readers hear what was copied. */
let status: HTMLElement | undefined;

/** Tells screen readers (and shows on the button) whether something was copied. */
function say(message: string) {
	if (!status) {
		status = document.createElement('p');
		status.className = 'sr-only';
		status.setAttribute('role', 'status');
		document.body.append(status);
	}
	status.textContent = message;
}

/** Marks a button as having copied, for a moment, and says so. */
function done(button: HTMLElement, message: string) {
	say(message);
	button.dataset.copied = '';
	setTimeout(() => delete button.dataset.copied, 1600);
}

/** Copies the Markdown a link leads to: the whole episode, or the chapter its fragment names. */
export async function copyMarkdown(link: HTMLAnchorElement, button: HTMLElement): Promise<void> {
	const chapter = link.hash.slice(1);
	try {
		const response = await fetch(link.href);
		if (!response.ok) throw new Error(`${response.status}`);
		const markdown = await response.text();
		await navigator.clipboard.writeText((chapter && chapterMarkdown(markdown, chapter)) || markdown);
		done(button, chapter ? 'Chapter copied as Markdown' : 'Episode copied as Markdown');
	} catch {
		say('Could not copy: the Markdown link opens the file instead');
	}
}

let bar: HTMLElement | undefined;
/** The selection the bar's buttons copy, kept when a click on them would clear it. */
let quote: { turn: HTMLElement; text: string } | undefined;

/** The turn a selection lies in, if it lies in the words of one turn (not its name and time). */
function selectedTurn(selection: Selection): HTMLElement | undefined {
	if (selection.isCollapsed || selection.rangeCount === 0) return undefined;
	const element = (node: Node) => (node instanceof Element ? node : node.parentElement);
	const range = selection.getRangeAt(0);
	const turn = element(range.commonAncestorContainer)?.closest<HTMLElement>('.turn');
	const inMeta = [range.startContainer, range.endContainer].some((node) => element(node)?.closest('.turn-meta, .quote-actions'));
	return turn && !inMeta ? turn : undefined;
}

/** A button of the quote bar: copies what `copy` makes of the current quote. */
function button(label: string, copy: (turn: HTMLElement, text: string) => string, message: string): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.textContent = label;
	element.addEventListener('click', async () => {
		if (!quote) return;
		try {
			await navigator.clipboard.writeText(copy(quote.turn, quote.text));
			done(element, message);
		} catch {
			say('Could not copy: the browser does not allow it here');
		}
	});
	return element;
}

/** The link to the current quote. */
const linkTo = (turn: HTMLElement, text: string) => quoteUrl(`${location.origin}${location.pathname}`, turn.id, text);

/** Shows the quote buttons after the selected words of a turn, and hides them when the selection goes. */
function update() {
	const selection = getSelection();
	const turn = selection && selectedTurn(selection);
	if (!turn) {
		// A click on the bar may clear the selection first: keep the bar while it has focus.
		if (bar && !bar.contains(document.activeElement)) bar.hidden = true;
		return;
	}
	if (!bar) {
		bar = document.createElement('div');
		bar.className = 'quote-actions';
		bar.setAttribute('role', 'group');
		bar.ariaLabel = 'Quote';
		bar.dataset.pagefindIgnore = '';
		// Pressing a button must not clear the selection it copies.
		bar.addEventListener('mousedown', (event) => event.preventDefault());
		bar.append(
			button('Copy link to quote', linkTo, 'Link to quote copied'),
			button(
				'Copy quote',
				(t, text) =>
					quoteText(text, t.querySelector('.speaker')?.textContent ?? '', document.querySelector('h1')?.textContent ?? document.title, t.querySelector('time')?.textContent ?? undefined, linkTo(t, text)),
				'Quote copied',
			),
		);
	}
	// Right after the paragraph where the selection ends: in view, and where a screen reader's reading goes next.
	const range = selection!.getRangeAt(0);
	const paragraph = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest('p');
	const after = paragraph && turn.contains(paragraph) ? paragraph : [...turn.querySelectorAll(':scope > p')].at(-1)!;
	if (after.nextElementSibling !== bar) after.after(bar);
	bar.hidden = false;
	// Read once the bar is out of the selection, so its labels are not part of the quote.
	quote = { turn, text: selection!.toString() };
}

/**
 * Tab goes to the quote buttons while they show and no control has focus:
 * a click in the text focuses the page's main region (or a landed turn), and
 * from there Tab would start over at the top of the page.
 */
function tabToQuote(event: KeyboardEvent) {
	const active = document.activeElement;
	if (event.key !== 'Tab' || event.shiftKey || !bar || bar.hidden || (active && active !== document.body && !active.contains(bar))) return;
	event.preventDefault();
	bar.querySelector('button')!.focus();
}

// Loaded by CopyLink's script on the first selection (or Markdown copy): from then on, selections are followed here.
document.addEventListener('selectionchange', update);
document.addEventListener('keydown', tabToQuote);
update();
