/** Who speaks: transcript labels resolved to people with full names and roles. */
import type { Speaker } from '../schemas/episode.ts';
import type { Guest, SpeakerTarget } from '../schemas/overrides.ts';
import type { Host } from '../schemas/site.ts';
import { slugify } from '../shared/slug.ts';

/** A person's name: two to four capitalised words (`David Luan`, `Vipul Ved Prakash`, `Hugo Laurençon`). */
const PERSON_NAME = /^\p{Lu}[\p{L}’'-]+(?: (?:\p{Lu}[\p{L}’'.-]+|de|van|von|der)){1,3}$/u;

/**
 * The guests a title names: `… — with David Luan of Adept`, `… - with Ce Zhang
 * and Vipul Ved Prakash of Together AI`, `… with Hugo Laurençon & Leo Tronchon
 * of HuggingFace M4`, `… - Wing Lian, Axolotl`. Only names shaped like a
 * person's are taken, so `… with Lindy.ai, RWKV, Pixee` names nobody.
 */
export function guestsFromTitle(title: string): string[] {
	const withClause = /.*\bwith\s+(.+)$/u.exec(title)?.[1]?.replace(/\s+(?:of|from|at)\s+.*$/u, '');
	const dashClause = /\s[-—–]\s+([^-—–,]+),\s+[^,]+$/u.exec(title)?.[1];
	return (withClause ?? dashClause ?? '')
		.split(/\s*(?:,|\band\b|&|\+)\s*/u)
		.map((name) => name.trim())
		.filter((name) => PERSON_NAME.test(name));
}

/** Labels that stand for nobody in particular. */
const UNIDENTIFIED = /^(?:n\/a|unknown|speaker|\?+)$/i;

/** The outcome of resolving an episode's labels. */
export interface SpeakerResolution {
	speakers: Speaker[];
	/** Speaker id for each label as written. */
	byLabel: Map<string, string>;
	/** The corrected labels (keys of `SpeakerCorrections.names`) that occur in the transcript. */
	corrected: Set<string>;
}

/** Maintainers' corrections (see `src/schemas/overrides.ts`). */
export interface SpeakerCorrections {
	/** Label as written → who it is. */
	names?: Readonly<Record<string, SpeakerTarget>>;
	/** Guests the title does not name. */
	guests?: readonly Guest[];
}

/** Finds the full name a label stands for among the guests: `David` → `David Luan`. */
function guestFor(label: string, guests: readonly string[]): string | undefined {
	const words = label.toLowerCase().split(/\s+/);
	return guests.find((guest) => {
		const guestWords = guest.toLowerCase().split(/\s+/);
		return guest.toLowerCase() === label.toLowerCase() || words.every((word) => guestWords.includes(word));
	});
}

/**
 * Resolves transcript labels (in order of first appearance) to speakers:
 * hosts by their aliases (any case: `swyx` and `Swyx` are one person), guests
 * by the full names in the title (`David` → `David Luan`), a joint label
 * (`Ce / Vipul`) to both names, and `n/a` to an unidentified speaker. Guests
 * named in the title who never speak are listed too.
 *
 * A correction names who a label is; the name is resolved like a label (a
 * host's name or alias is that host), so labels corrected to one name are one
 * speaker. Corrected guests count as named in the title.
 */
export function resolveSpeakers(labels: readonly string[], title: string, hosts: readonly Host[], corrections: SpeakerCorrections = {}): SpeakerResolution {
	const extraGuests = (corrections.guests ?? []).map((guest) => (typeof guest === 'string' ? { name: guest } : guest));
	const guests = [...guestsFromTitle(title), ...extraGuests.map((guest) => guest.name)];
	const urls = new Map(extraGuests.flatMap((guest) => (guest.url ? [[guest.name, guest.url] as const] : [])));
	const speakers: Speaker[] = [];
	const byLabel = new Map<string, string>();
	const corrected = new Set<string>();
	const add = (label: string | undefined, id: string, name: string, role: Speaker['role'], url = urls.get(name)) => {
		let speaker = speakers.find((s) => s.id === id);
		if (!speaker) {
			speaker = { id, name, labels: [], role, ...(url ? { url } : {}) };
			speakers.push(speaker);
		}
		if (label !== undefined) {
			if (!speaker.labels.includes(label)) speaker.labels.push(label);
			byLabel.set(label, id);
		}
	};
	const hostFor = (label: string) =>
		hosts.find((host) => host.name.toLowerCase() === label.toLowerCase() || host.aliases.some((alias) => alias.toLowerCase() === label.toLowerCase()));

	for (const label of labels) {
		const correction = corrections.names?.[label];
		if (correction !== undefined) {
			corrected.add(label);
			const target = typeof correction === 'string' ? { name: correction } : correction;
			const host = hostFor(target.name);
			if (host && target.role === undefined) add(label, host.id, host.name, 'host');
			else {
				const name = guestFor(target.name, guests) ?? target.name;
				add(label, personId(name), name, target.role ?? 'guest', target.url ?? urls.get(name));
			}
			continue;
		}
		const host = hostFor(label);
		if (host) {
			add(label, host.id, host.name, 'host');
			continue;
		}
		if (UNIDENTIFIED.test(label)) {
			add(label, 'unidentified', 'Unidentified speaker', 'other');
			continue;
		}
		const parts = label.split(/\s+\/\s+/);
		const names = parts.map((part) => guestFor(part, guests) ?? part);
		const name = names.join(' / ');
		add(label, personId(name), name, 'guest');
	}
	for (const guest of guests) {
		if (!speakers.some((speaker) => speaker.name === guest)) add(undefined, personId(guest), guest, 'guest');
	}
	return { speakers, byLabel, corrected };
}

/** A person's id: the slug of their full name, starting with a letter. */
export function personId(name: string): string {
	const slug = slugify(name, 60) || 'speaker';
	return /^[a-z]/.test(slug) ? slug : `p-${slug}`;
}
