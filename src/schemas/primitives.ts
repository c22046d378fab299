/**
 * The small value rules several schemas share: an address, a slug. One home
 * each, so the site configuration, the corrections, the redirects and the
 * episode cannot accept different things. Imports only zod.
 */
import { z } from 'zod';

/**
 * An absolute http(s) URL: the one rule for every address the archive keeps (feeds,
 * corrections, the site configuration). `error` names what is wrong where a field
 * wants an example.
 */
export const httpUrl = (error = 'must be an absolute http(s) URL') => z.url({ protocol: /^https?$/, error });
/** An absolute http(s) URL (see {@link httpUrl}). */
export const HttpUrlSchema = httpUrl();

/** An episode's address on the site: lowercase words of a-z and 0-9 joined by single hyphens. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase words of a-z and 0-9 joined by single "-"');
