package dev.catalogstore.api.token;

/**
 * What {@link Tokens#cleanupExpired} removed.
 *
 * @param tokens how many expired tokens it removed
 * @param revocations how many expired revocations it removed
 */
public record TokenCleanup(long tokens, long revocations) {}
