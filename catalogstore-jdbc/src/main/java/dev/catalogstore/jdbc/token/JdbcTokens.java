package dev.catalogstore.jdbc.token;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.IdPosition;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The tokens facet on PostgreSQL: validation and outcomes here, the statements in {@link TokenSql}.
 * Every call is one statement, but the sweep, which deletes in bounded batches of one statement
 * each, and a token's record and a revocation, each one transaction that first takes an advisory
 * lock on the token id, so that whichever runs second sees the first and extends its expiry.
 * Internal to the JDBC store.
 */
public final class JdbcTokens implements Tokens {
  /** The most rows one statement of {@link #cleanupExpired} deletes. */
  static final int CLEANUP_BATCH = 1000;

  private final Database db;
  private final TokenSql sql;

  public JdbcTokens(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new TokenSql(sqlText);
  }

  @Override
  public CompletableFuture<Token> create(TenantId tenant, NewToken token) {
    return db.submit(
        "tokens.create",
        () -> {
          Requests.tenant(tenant);
          Instant expiresAt = GovernanceRequests.newToken(token, "token");
          Token row = new Token(token.id(), tenant, token.user(), db.now(), expiresAt);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> taken(tenant, token.id()))
                  // The user (or its tenant) was deleted while the token was being written.
                  .onForeignKey(() -> missing(tenant, token.user()));
          boolean inserted =
              db.transaction(
                  "tokens.create",
                  violations,
                  connection -> {
                    sql.lockTokenId(connection, tenant, token.id());
                    return sql.insert(connection, row, token.hash());
                  });
          if (!inserted) {
            throw missing(tenant, token.user());
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<Token>> get(TenantId tenant, TokenId token) {
    return db.submit(
        "tokens.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(token, "token");
          return db.run(
              "tokens.get", Violations.NONE, connection -> sql.select(connection, tenant, token));
        });
  }

  @Override
  public CompletableFuture<Optional<Token>> validate(TokenHash hash) {
    return db.submit(
        "tokens.validate",
        () -> {
          GovernanceRequests.tokenHash(hash, "hash");
          Instant now = db.now();
          return db.run(
              "tokens.validate",
              Violations.NONE,
              connection -> sql.validate(connection, hash, now));
        });
  }

  @Override
  public CompletableFuture<Revocation> revoke(
      TenantId tenant, TokenId token, String reason, Instant expiresAt) {
    return db.submit(
        "tokens.revoke",
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.tokenId(token, "token");
          Instant keptUntil = GovernanceRequests.revocation(reason, expiresAt);
          Instant now = db.now();
          // The tenant was deleted while the revocation was being written.
          Violations violations = Violations.NONE.onForeignKey(() -> Missing.tenant(tenant));
          TokenSql.Revoked revoked =
              db.transaction(
                  "tokens.revoke",
                  violations,
                  connection -> {
                    sql.lockTokenId(connection, tenant, token);
                    return sql.revoke(connection, tenant, token, reason, keptUntil, now);
                  });
          if (!revoked.tenantFound()) {
            throw Missing.tenant(tenant);
          }
          return revoked
              .revocation()
              .orElseThrow(
                  () ->
                      new InvalidArgumentException(
                          "expiresAt",
                          "must be later than now ("
                              + now
                              + "), or the token's own expiry must be"));
        });
  }

  @Override
  public CompletableFuture<Boolean> isRevoked(TenantId tenant, TokenId token) {
    return db.submit(
        "tokens.isRevoked",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(token, "token");
          Instant now = db.now();
          return db.run(
                  "tokens.isRevoked",
                  Violations.NONE,
                  connection -> sql.isRevoked(connection, tenant, token, now))
              .orElseThrow(() -> Missing.tenant(tenant));
        });
  }

  @Override
  public CompletableFuture<Page<Token>> listActive(TenantId tenant, PageRequest page) {
    return db.submit(
        "tokens.listActive",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.activeTokens(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          UUID after = IdPosition.after(cursor);
          Instant now = db.now();
          ScopedPage.Read<Token> read =
              db.run(
                  "tokens.listActive",
                  Violations.NONE,
                  connection -> sql.active(connection, tenant, after, cursor.fetchSize(), now));
          if (read.missing().isPresent()) {
            throw Missing.tenant(tenant);
          }
          return query.page(read.items(), cursor, t -> t.id().toString());
        });
  }

  @Override
  public CompletableFuture<Page<Token>> listActiveForUser(
      TenantId tenant, UserId user, PageRequest page) {
    return db.submit(
        "tokens.listActiveForUser",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userActiveTokens(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          UUID after = IdPosition.after(cursor);
          Instant now = db.now();
          ScopedPage.Read<Token> read =
              db.run(
                  "tokens.listActiveForUser",
                  Violations.NONE,
                  connection ->
                      sql.userActive(connection, tenant, user, after, cursor.fetchSize(), now));
          if (read.missing().isPresent()) {
            throw read.missing().get() == ObjectType.TENANT
                ? Missing.tenant(tenant)
                : Missing.user(user);
          }
          return query.page(read.items(), cursor, t -> t.id().toString());
        });
  }

  @Override
  public CompletableFuture<TokenCleanup> cleanupExpired() {
    return db.submit(
        "tokens.cleanupExpired",
        () -> {
          // One instant for the whole sweep, so that both counts are of what had expired then.
          Instant now = db.now();
          // A batch that found a full batch of expired rows may have left more: go on until one
          // finds fewer, whatever it could delete of them.
          long tokens = 0;
          TokenSql.Swept swept;
          do {
            swept =
                db.run(
                    "tokens.cleanupExpired",
                    Violations.NONE,
                    connection -> sql.cleanupTokens(connection, now, CLEANUP_BATCH));
            tokens += swept.deleted();
          } while (swept.picked() == CLEANUP_BATCH);
          long revocations = 0;
          do {
            swept =
                db.run(
                    "tokens.cleanupExpired",
                    Violations.NONE,
                    connection -> sql.cleanupRevocations(connection, now, CLEANUP_BATCH));
            revocations += swept.deleted();
          } while (swept.picked() == CLEANUP_BATCH);
          return new TokenCleanup(tokens, revocations);
        });
  }

  /** A unique violation of a create: the tenant's token id, else the store-wide digest. */
  private AlreadyExistsException taken(TenantId tenant, TokenId token) {
    boolean idTaken =
        db.run(
            "tokens.lookup", Violations.NONE, connection -> sql.idTaken(connection, tenant, token));
    return idTaken ? Taken.token(token) : Taken.tokenHash();
  }

  /** The outermost missing of the tenant and the user. */
  private NotFoundException missing(TenantId tenant, UserId user) {
    ObjectType missing =
        db.run(
                "tokens.lookup",
                Violations.NONE,
                connection -> sql.missing(connection, tenant, user))
            .orElse(ObjectType.USER);
    return missing == ObjectType.TENANT ? Missing.tenant(tenant) : Missing.user(user);
  }
}
