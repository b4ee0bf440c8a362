/**
 * Limits per client address on what anyone can trigger without an account (DESIGN §4): applications to join (mail
 * to a caller-chosen address) and failed authentications. {@link fr.la27eregion.platform.limits.ClientLimits}
 * holds one Bucket4j token bucket per limit and client address; {@link fr.la27eregion.platform.limits.LimitReached}
 * is the refusal, a 429 with {@code Retry-After} in the API and a kind message on the pages.
 */
package fr.la27eregion.platform.limits;
