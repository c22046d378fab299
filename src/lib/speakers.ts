/**
 * Everyone who speaks in the archive and how much: computed from the
 * episodes' speakers and the counts the collection keeps of each transcript,
 * so the ingest stays the only source of who said what. Pure functions,
 * unit-tested without Astro.
 */
import type { EpisodeSummary } from '../schemas/entry.ts';
import type { Role } from '../schemas/episode.ts';

/** How much one speaker says in one episode. */
export interface SpeakerShare {
	/** Speaker turns (labels) in the transcript. */
	turns: number;
	/** Words spoken. */
	words: number;
	/** `words` as a fraction of all words in the transcript (0–1); 0 without a transcript. */
	share: number;
}

/** A speaker's appearance in one episode. */
export interface Appearance extends SpeakerShare {
	episode: EpisodeSummary;
	role: Role;
	/** Whether the episode has a transcript (else the counts are 0 and mean "unknown"). */
	hasTranscript: boolean;
}

/** A person across the archive. */
export interface SpeakerProfile {
	id: string;
	/** Full name, as the newest episode gives it. */
	name: string;
	/** The role they have most often (host over guest over other when tied). */
	role: Role;
	/** Episodes they appear in, newest first. */
	appearances: Appearance[];
	/** Turns across all episodes. */
	turns: number;
	/** Words across all episodes. */
	words: number;
}

/** Turns, words and share of words of each speaker of an episode, by speaker id. */
export function episodeShares(episode: EpisodeSummary): Map<string, SpeakerShare> {
	const total = episode.transcript?.words ?? 0;
	const shares = new Map<string, SpeakerShare>(episode.speakers.map((speaker) => [speaker.id, { turns: 0, words: 0, share: 0 }]));
	for (const [id, count] of Object.entries(episode.transcript?.speakers ?? {})) {
		shares.set(id, { ...count, share: total > 0 ? count.words / total : 0 });
	}
	return shares;
}

const ROLE_RANK: Record<Role, number> = { host: 0, guest: 1, other: 2 };

/**
 * Every person named or heard in the episodes (newest first), with their
 * appearances. Sorted hosts first, then by number of episodes, then by name.
 */
export function speakerProfiles(episodes: readonly EpisodeSummary[]): SpeakerProfile[] {
	const profiles = new Map<string, SpeakerProfile>();
	for (const episode of episodes) {
		const shares = episodeShares(episode);
		for (const speaker of episode.speakers) {
			let profile = profiles.get(speaker.id);
			if (!profile) profiles.set(speaker.id, (profile = { id: speaker.id, name: speaker.name, role: speaker.role, appearances: [], turns: 0, words: 0 }));
			const share = shares.get(speaker.id)!;
			profile.appearances.push({ episode, role: speaker.role, hasTranscript: episode.transcript !== undefined, ...share });
			profile.turns += share.turns;
			profile.words += share.words;
		}
	}
	for (const profile of profiles.values()) profile.role = mostFrequentRole(profile.appearances.map((appearance) => appearance.role));
	return [...profiles.values()].sort(
		(a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || b.appearances.length - a.appearances.length || a.name.localeCompare(b.name, 'en'),
	);
}

function mostFrequentRole(roles: readonly Role[]): Role {
	const counts = new Map<Role, number>();
	for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || ROLE_RANK[a[0]] - ROLE_RANK[b[0]])[0]![0];
}

/** A share as readers see it: `38%`, `<1%` for a few words, `0%` for none. */
export function formatShare(share: number): string {
	if (share === 0) return '0%';
	if (share < 0.005) return '<1%';
	return `${Math.round(share * 100)}%`;
}
