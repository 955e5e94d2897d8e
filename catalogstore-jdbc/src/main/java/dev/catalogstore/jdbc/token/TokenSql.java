package dev.catalogstore.jdbc.token;

import static dev.catalogstore.jdbc.token.TokenRows.COLUMNS;
import static dev.catalogstore.jdbc.token.TokenRows.REVOCATION_COLUMNS;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens' statements, each one round trip. Every "now" is the store's clock, bound as a
 * parameter (never SQL {@code now()}): a token is active while {@code expires_at > :now} and no
 * revocation of its id has {@code expires_at > :now}. A taken id is a violation of {@code
 * tokens_pk}, a digest held anywhere in the store one of {@code tokens_hash_uq}. {@link #validate}
 * is the authentication look-up: one read on the digest's unique index, whatever the number of
 * tenants.
 */
final class TokenSql {
  /** The first key of the advisory locks on token ids ("CST1"), apart from other users' locks. */
  private static final int TOKEN_ID_LOCK_CLASS = 0x43535431;

  /** No revocation of the token of row {@code k} is in force at {@code :now}. */
  private static final String NOT_REVOKED =
      """
      NOT EXISTS (
          SELECT FROM ${schema}.token_revocations r
          WHERE r.tenant_id = k.tenant_id AND r.token_id = k.token_id AND r.expires_at > :now)""";

  /**
   * Inserts nothing if the tenant has no such user. A revocation of the id in force is extended to
   * the token's expiry in the same statement, so a token revoked before it was recorded never
   * validates either; a failed insert (a taken id or digest) rolls the extension back with it.
   */
  private static final String INSERT =
      """
      WITH extended AS (
          UPDATE ${schema}.token_revocations r SET expires_at = :expires_at
          WHERE r.tenant_id = :tenant AND r.token_id = :token
            AND r.expires_at > :now AND r.expires_at < :expires_at
            AND EXISTS (
                SELECT FROM ${schema}.users u WHERE u.tenant_id = :tenant AND u.user_id = :user)
      )
      INSERT INTO ${schema}.tokens (tenant_id, token_id, user_id, token_hash, issued_at, expires_at)
      SELECT u.tenant_id, :token, u.user_id, :token_hash, :now, :expires_at
      FROM ${schema}.users u
      WHERE u.tenant_id = :tenant AND u.user_id = :user
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.tokens k
      WHERE k.tenant_id = :tenant AND k.token_id = :token
      """
          .formatted(COLUMNS);

  private static final String VALIDATE =
      """
      SELECT %s
      FROM ${schema}.tokens k
      JOIN ${schema}.users u ON u.tenant_id = k.tenant_id AND u.user_id = k.user_id
      WHERE k.token_hash = :token_hash
        AND k.expires_at > :now
        AND u.active
        AND %s
      """
          .formatted(COLUMNS, NOT_REVOKED);

  /**
   * Records the revocation, in force until {@code :expires_at} or the recorded token's own expiry
   * if that is later; a revocation in force keeps its reason and time and is extended to the later
   * expiry, one that has expired (not yet cleaned up) is replaced. One row: whether the tenant
   * exists, and the revocation, unless the tenant is missing or no revocation would be in force now
   * (none is, and the new one would expire now or earlier). A tenant deleted meanwhile is
   * token_revocations_tenant_fk.
   */
  private static final String REVOKE =
      """
      WITH k AS (
          SELECT EXISTS (SELECT FROM ${schema}.tenants t
                         WHERE t.tenant_id = :tenant AND t.name IS NOT NULL)
                     AS tenant_found,
                 GREATEST(:expires_at, (
                     SELECT k.expires_at FROM ${schema}.tokens k
                     WHERE k.tenant_id = :tenant AND k.token_id = :token)) AS until
      ), saved AS (
          INSERT INTO ${schema}.token_revocations AS r
              (tenant_id, token_id, reason, revoked_at, expires_at)
          SELECT :tenant, :token, :reason, :now, k.until
          FROM k
          WHERE k.tenant_found
            AND (k.until > :now
                 OR EXISTS (
                     SELECT FROM ${schema}.token_revocations f
                     WHERE f.tenant_id = :tenant AND f.token_id = :token
                       AND f.expires_at > :now))
          ON CONFLICT (tenant_id, token_id) DO UPDATE
              SET reason = CASE WHEN r.expires_at > :now THEN r.reason ELSE EXCLUDED.reason END,
                  revoked_at = CASE WHEN r.expires_at > :now THEN r.revoked_at
                                    ELSE EXCLUDED.revoked_at END,
                  expires_at = CASE WHEN r.expires_at > :now
                                    THEN GREATEST(r.expires_at, EXCLUDED.expires_at)
                                    ELSE EXCLUDED.expires_at END
          RETURNING %s
      )
      SELECT k.tenant_found, r.*
      FROM k
      LEFT JOIN saved r ON true
      """
          .formatted(REVOCATION_COLUMNS);

  private static final String IS_REVOKED =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             EXISTS (
                 SELECT FROM ${schema}.token_revocations r
                 WHERE r.tenant_id = t.tenant_id AND r.token_id = :token AND r.expires_at > :now
             ) AS revoked
      FROM (SELECT :tenant::uuid AS tenant_id) x
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = x.tenant_id
          AND t.name IS NOT NULL
      """;

  /** Uses tokens_pk. */
  private static final String SELECT_ACTIVE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, k.*
      FROM (SELECT :tenant::uuid AS tenant_id) x
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = x.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.tokens k
          WHERE k.tenant_id = t.tenant_id AND k.token_id > :after
            AND k.expires_at > :now AND %s
          ORDER BY k.token_id
          LIMIT :limit
      ) k ON true
      ORDER BY k.token_id
      """
          .formatted(COLUMNS, NOT_REVOKED.indent(4).strip());

  /** Uses tokens_user_ix. */
  private static final String SELECT_USER_ACTIVE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, u.user_id IS NOT NULL AS user_found, k.*
      FROM (SELECT :tenant::uuid AS tenant_id) x
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = x.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.tokens k
          WHERE k.tenant_id = u.tenant_id AND k.user_id = u.user_id AND k.token_id > :after
            AND k.expires_at > :now AND %s
          ORDER BY k.token_id
          LIMIT :limit
      ) k ON true
      ORDER BY k.token_id
      """
          .formatted(COLUMNS, NOT_REVOKED.indent(4).strip());

  /**
   * One batch of the sweep: at most {@code :batch} expired tokens, of any tenant, read through the
   * store-wide index on expires_at, so a batch reads only rows it deletes.
   */
  private static final String CLEANUP_TOKENS =
      """
      WITH picked AS (
          SELECT k.ctid AS row FROM ${schema}.tokens k WHERE k.expires_at <= :now LIMIT :batch
      ), gone AS (
          DELETE FROM ${schema}.tokens
          WHERE ctid = ANY (ARRAY(SELECT row FROM picked))
            -- Checked again on the row as the DELETE finds it: a TID scan does not re-check.
            AND expires_at <= :now
          RETURNING 1
      )
      SELECT (SELECT count(*) FROM picked) AS picked, (SELECT count(*) FROM gone) AS deleted
      """;

  /** One batch of the sweep: at most {@code :batch} expired revocations, of any tenant. */
  private static final String CLEANUP_REVOCATIONS =
      """
      WITH picked AS (
          SELECT r.ctid AS row FROM ${schema}.token_revocations r
          WHERE r.expires_at <= :now LIMIT :batch
      ), gone AS (
          DELETE FROM ${schema}.token_revocations
          WHERE ctid = ANY (ARRAY(SELECT row FROM picked))
            -- Checked again on the row as the DELETE finds it: a revoke may have renewed it since
            -- the ctid was read, and PostgreSQL's TID scan would delete the renewed row without it.
            AND expires_at <= :now
          RETURNING 1
      )
      SELECT (SELECT count(*) FROM picked) AS picked, (SELECT count(*) FROM gone) AS deleted
      """;

  /**
   * Serializes the writes that must see each other, a token's record and a revocation of its id:
   * each extends the other's expiry, which only works if the second to run sees the first (the two
   * write different tables, so no row lock orders them). Held to the end of the transaction.
   */
  private static final String LOCK_TOKEN_ID =
      """
      SELECT pg_advisory_xact_lock(%d, hashtext(:tenant::text || '/' || :token::text)) IS NULL
          AS locked
      """
          .formatted(TOKEN_ID_LOCK_CLASS);

  /** Failure paths only: whether the tenant and the user exist. Always one row. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             u.user_id IS NOT NULL AS user_found
      FROM (SELECT :tenant::uuid AS tenant_id) x
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = x.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      """;

  /** Failure paths only: whether the tenant has a token of that id. */
  private static final String ID_TAKEN =
      """
      SELECT EXISTS (
          SELECT FROM ${schema}.tokens k WHERE k.tenant_id = :tenant AND k.token_id = :token
      ) AS taken
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql validate;
  private final NamedSql revoke;
  private final NamedSql isRevoked;
  private final NamedSql selectActive;
  private final NamedSql selectUserActive;
  private final NamedSql cleanupTokens;
  private final NamedSql cleanupRevocations;
  private final NamedSql lockTokenId;
  private final NamedSql lookup;
  private final NamedSql idTaken;

  TokenSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.validate = sql.compile(VALIDATE);
    this.revoke = sql.compile(REVOKE);
    this.isRevoked = sql.compile(IS_REVOKED);
    this.selectActive = sql.compile(SELECT_ACTIVE);
    this.selectUserActive = sql.compile(SELECT_USER_ACTIVE);
    this.cleanupTokens = sql.compile(CLEANUP_TOKENS);
    this.cleanupRevocations = sql.compile(CLEANUP_REVOCATIONS);
    this.lockTokenId = sql.compile(LOCK_TOKEN_ID);
    this.lookup = sql.compile(LOOKUP);
    this.idTaken = sql.compile(ID_TAKEN);
  }

  /** Whether the token was recorded: false if the tenant has no such user. */
  boolean insert(Connection connection, Token token, TokenHash hash) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
              .uuid("tenant", token.tenant().value())
              .uuid("token", token.id().value())
              .uuid("user", token.user().value())
              .bytes("token_hash", digest(hash))
              .timestamp("now", token.issuedAt())
              .timestamp("expires_at", token.expiresAt())
              .update()
          > 0;
    }
  }

  Optional<Token> select(Connection connection, TenantId tenant, TokenId token)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("token", token.value())
          .queryOne(TokenRows::token);
    }
  }

  /** The active token of digest {@code hash} of an active user at {@code now}, in any tenant. */
  Optional<Token> validate(Connection connection, TokenHash hash, Instant now) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, validate)) {
      return query
          .bytes("token_hash", digest(hash))
          .timestamp("now", now)
          .queryOne(TokenRows::token);
    }
  }

  /**
   * Revokes; what the statement decided.
   *
   * @param expiresAt the expiry asked for, which the token's own expiry may extend
   */
  Revoked revoke(
      Connection connection,
      TenantId tenant,
      TokenId token,
      String reason,
      Instant expiresAt,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, revoke)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("token", token.value())
          .text("reason", reason)
          .timestamp("expires_at", expiresAt)
          .timestamp("now", now)
          .queryOne(
              row ->
                  new Revoked(
                      row.getBoolean("tenant_found"),
                      row.getObject("token_id") == null
                          ? Optional.empty()
                          : Optional.of(TokenRows.revocation(row))))
          .orElseThrow();
    }
  }

  /** Whether a revocation of the token is in force at {@code now}; empty if no such tenant. */
  Optional<Boolean> isRevoked(Connection connection, TenantId tenant, TokenId token, Instant now)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, isRevoked)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("token", token.value())
          .timestamp("now", now)
          .queryOne(
              row ->
                  row.getBoolean("tenant_found")
                      ? Optional.of(row.getBoolean("revoked"))
                      : Optional.<Boolean>empty())
          .orElseThrow();
    }
  }

  /** Up to {@code limit} of the tenant's tokens active at {@code now}, with ids above after. */
  ScopedPage.Read<Token> active(
      Connection connection, TenantId tenant, UUID after, int limit, Instant now)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectActive)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("after", after)
          .integer("limit", limit)
          .timestamp("now", now);
      return ScopedPage.read(query, "token_id", List.of(ObjectType.TENANT), TokenRows::token);
    }
  }

  /** Up to {@code limit} of the user's tokens active at {@code now}, with ids above after. */
  ScopedPage.Read<Token> userActive(
      Connection connection, TenantId tenant, UserId user, UUID after, int limit, Instant now)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectUserActive)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .uuid("after", after)
          .integer("limit", limit)
          .timestamp("now", now);
      return ScopedPage.read(
          query, "token_id", List.of(ObjectType.TENANT, ObjectType.USER), TokenRows::token);
    }
  }

  /** Deletes up to {@code batch} tokens expired at {@code now}; how many. */
  Swept cleanupTokens(Connection connection, Instant now, int batch) throws SQLException {
    return sweep(connection, cleanupTokens, now, batch);
  }

  /** Takes the transaction's lock on the token id (see {@link #LOCK_TOKEN_ID}). */
  void lockTokenId(Connection connection, TenantId tenant, TokenId token) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lockTokenId)) {
      query.uuid("tenant", tenant.value()).uuid("token", token.value()).queryOne(row -> true);
    }
  }

  /** Deletes up to {@code batch} revocations expired at {@code now}; how many. */
  Swept cleanupRevocations(Connection connection, Instant now, int batch) throws SQLException {
    return sweep(connection, cleanupRevocations, now, batch);
  }

  /** The outermost missing of the tenant and the user; empty if both exist. */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, UserId user)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .queryOne(row -> NotFound.outermost(row, ObjectType.TENANT, ObjectType.USER))
          .orElseThrow();
    }
  }

  /** Whether the tenant has a token of id {@code token}. */
  boolean idTaken(Connection connection, TenantId tenant, TokenId token) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, idTaken)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("token", token.value())
          .queryOne(row -> row.getBoolean("taken"))
          .orElseThrow();
    }
  }

  private static Swept sweep(Connection connection, NamedSql sql, Instant now, int batch)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, sql)) {
      return statement
          .timestamp("now", now)
          .integer("batch", batch)
          .queryOne(row -> new Swept(row.getInt("picked"), row.getInt("deleted")))
          .orElseThrow();
    }
  }

  /**
   * One batch of the sweep.
   *
   * @param picked how many expired rows it found (a full batch means more may follow)
   * @param deleted how many of them it deleted (fewer if others renewed or removed some meanwhile)
   */
  record Swept(int picked, int deleted) {}

  /** The digest as stored: its bytes. Validated lowercase hex, so this cannot fail. */
  private static byte[] digest(TokenHash hash) {
    return HexFormat.of().parseHex(hash.hex());
  }

  /**
   * What a revocation did.
   *
   * @param tenantFound whether the tenant exists
   * @param revocation the revocation in force, as recorded or extended; empty if the tenant is
   *     missing or the revocation would not be in force now
   */
  record Revoked(boolean tenantFound, Optional<Revocation> revocation) {}
}
