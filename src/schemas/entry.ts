/**
 * An episode as stored in the content collection: the model without the
 * description and show notes, which are the MDX body of the entry.
 */
import type { z } from 'zod';
import { EpisodeSchema } from './episode.ts';

export const EpisodeEntrySchema = EpisodeSchema.omit({ description: true, showNotes: true });
export type EpisodeEntry = z.infer<typeof EpisodeEntrySchema>;
