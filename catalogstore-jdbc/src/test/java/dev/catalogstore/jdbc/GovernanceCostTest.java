package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import dev.catalogstore.tck.TckClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the governance calls cost in statements: each authentication look-up is one statement, as
 * are a user's effective permissions, and the sweep of expired tokens and revocations deletes in
 * bounded batches (one statement per batch, however many rows expired). The store runs on its own
 * schema with a controlled clock, so the sweep sees only this test's rows.
 */
class GovernanceCostTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("govcost");
  private static final TckClock CLOCK = new TckClock();

  private static HikariDataSource pool;
  private static CountingDataSource counting;
  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    hikari.setMaximumPoolSize(4);
    pool = new HikariDataSource(hikari);
    counting = new CountingDataSource(pool);
    store =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .dataSource(counting.dataSource())
                .schema(SCHEMA)
                .maximumPoolSize(4)
                .clock(CLOCK)
                .secretCodec(AesGcmSecretCodec.of(1, TestPostgres.TEST_KEY))
                // The purger's look for work would count among the calls' statements.
                .pausePurgeForTests()
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    pool.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void theAuthenticationLookUpsAndEffectivePermissionsAreOneStatementEach() {
    TenantId tenant = newTenant();
    User user = store.users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER)).join();
    ApiKeyHash key = ApiKeyHash.sha256Of("key-" + UUID.randomUUID());
    store.serviceUsers().create(tenant, NewServiceUser.of("etl", RoleKind.TENANT_USER, key)).join();
    TokenHash token = TokenHash.sha256Of("token-" + UUID.randomUUID());
    store
        .tokens()
        .create(
            tenant,
            new NewToken(
                TokenId.random(), user.id(), token, CLOCK.instant().plus(Duration.ofHours(1))))
        .join();

    counting.reset();
    assertThat(store.serviceUsers().findByApiKeyHash(key).join()).isPresent();
    assertThat(counting.statements()).isEqualTo(1);

    counting.reset();
    assertThat(store.tokens().validate(token).join()).isPresent();
    assertThat(counting.statements()).isEqualTo(1);

    counting.reset();
    store.permissions().listUserPermissions(tenant, user.id(), PageRequest.firstPage()).join();
    assertThat(counting.statements()).isEqualTo(1);
  }

  @Test
  void theSweepDeletesInBatchesAndCountsEveryRow() throws SQLException {
    CLOCK.freezeAt(Instant.parse("2030-01-01T00:00:00Z"));
    try {
      store.tokens().cleanupExpired().join();
      TenantId tenant = newTenant();
      User user = store.users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER)).join();
      Instant past = CLOCK.instant().minusSeconds(1);
      Instant future = CLOCK.instant().plusSeconds(3600);
      insertTokens(tenant, user, 2_500, past);
      insertTokens(tenant, user, 7, future);
      insertRevocations(tenant, 1_200, past);
      insertRevocations(tenant, 3, future);

      counting.reset();
      TokenCleanup cleanup = store.tokens().cleanupExpired().join();

      assertThat(cleanup).isEqualTo(new TokenCleanup(2_500, 1_200));
      // Tokens: 1000, 1000, 500; revocations: 1000, 200.
      assertThat(counting.statements()).isEqualTo(5);
      assertThat(store.tokens().listActive(tenant, PageRequest.firstPage(100)).join().items())
          .hasSize(7);
      assertThat(store.tokens().cleanupExpired().join()).isEqualTo(new TokenCleanup(0, 0));
    } finally {
      CLOCK.resume();
    }
  }

  private static TenantId newTenant() {
    return store.tenants().create(NewTenant.named("cost-" + UUID.randomUUID())).join().id();
  }

  /** {@code count} tokens of {@code user} expiring at {@code expiresAt}, written directly. */
  private static void insertTokens(TenantId tenant, User user, int count, Instant expiresAt)
      throws SQLException {
    run(
        "INSERT INTO \""
            + SCHEMA
            + "\".tokens (tenant_id, token_id, user_id, token_hash, issued_at, expires_at)"
            + " SELECT ?, gen_random_uuid(), ?,"
            + " sha256(convert_to(gen_random_uuid()::text, 'UTF8')), ?, ?"
            + " FROM generate_series(1, ?)",
        tenant.value(),
        user.id().value(),
        OffsetDateTime.ofInstant(expiresAt.minusSeconds(60), ZoneOffset.UTC),
        OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
        count);
  }

  /** {@code count} revocations of random token ids kept until {@code expiresAt}. */
  private static void insertRevocations(TenantId tenant, int count, Instant expiresAt)
      throws SQLException {
    run(
        "INSERT INTO \""
            + SCHEMA
            + "\".token_revocations (tenant_id, token_id, reason, revoked_at, expires_at)"
            + " SELECT ?, gen_random_uuid(), 'test', ?, ? FROM generate_series(1, ?)",
        tenant.value(),
        OffsetDateTime.ofInstant(expiresAt.minusSeconds(60), ZoneOffset.UTC),
        OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
        count);
  }

  private static void run(String sql, Object... values) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
