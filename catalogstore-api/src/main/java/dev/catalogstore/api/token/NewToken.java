package dev.catalogstore.api.token;

import dev.catalogstore.api.user.UserId;
import java.time.Instant;

/**
 * What {@link Tokens#create} records of a token the service issued.
 *
 * @param id the token's id, chosen by the caller (for a JWT, its {@code jti}), unique within the
 *     tenant
 * @param user the user it is issued to, a user of the tenant
 * @param hash the digest of the token (see {@link TokenHash}), unique in the whole store
 * @param expiresAt when it stops being valid; kept to the microsecond (finer digits are dropped),
 *     between years 1 and 9999
 */
public record NewToken(TokenId id, UserId user, TokenHash hash, Instant expiresAt) {}
