package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No secret at rest, read behind the store's back: after tenants with users, roles, permissions,
 * service users (random API keys), tokens (random secrets, one revoked) and warehouses with
 * credentials (AES-GCM) are written, every column of every table of the store's schema, read as
 * text, as hex and escape of its bytes and as those bytes decoded, holds none of the raw API keys,
 * raw tokens or warehouse secret values, nor their base64 or hex encodings. The digests the store
 * must keep are found there, which proves the scan reads what was written.
 */
class GovernanceSecretsAtRestTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("govsecrets");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static JdbcCatalogStore store;

  private final List<String> secrets = new ArrayList<>();
  private final List<String> digests = new ArrayList<>();

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void noTableHoldsARawKeyTokenOrWarehouseSecret() throws SQLException {
    for (int i = 0; i < 2; i++) {
      writeTenant(store.tenants().create(NewTenant.named("gov-" + UUID.randomUUID())).join().id());
    }
    writeServiceUser(TenantId.SYSTEM, "root-" + UUID.randomUUID(), RoleKind.ROOT);

    List<String> cells = everyCell();

    assertThat(cells).as("the scan reads the store's tables").isNotEmpty();
    for (String digest : digests) {
      assertThat(cells).as("a digest the store keeps").anyMatch(cell -> cell.contains(digest));
    }
    for (String secret : secrets) {
      for (String form : forms(secret)) {
        assertThat(cells)
            .as("a secret, or an encoding of it, at rest")
            .noneMatch(cell -> cell.contains(form));
      }
    }
  }

  /**
   * Writes one tenant's governance data, a warehouse with credentials and a federated catalog whose
   * connector has credentials.
   */
  private void writeTenant(TenantId tenant) {
    String accessKey = randomSecret();
    String secretKey = randomSecret();
    secrets.add(accessKey);
    secrets.add(secretKey);
    store
        .warehouses()
        .create(
            tenant,
            new NewWarehouse(
                "lake",
                StorageConfig.of(StorageType.S3, "s3://bucket/lake"),
                Credentials.of(Map.of("access-key-id", accessKey, "secret-access-key", secretKey)),
                Map.of()))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("sales", "lake")).join();
    String connectorToken = randomSecret();
    secrets.add(connectorToken);
    store
        .catalogs()
        .create(
            tenant,
            NewCatalog.federated(
                "partner",
                new ConnectorConfig(
                    "iceberg-rest",
                    Map.of("uri", "https://partner.example/catalog"),
                    Credentials.of(Map.of("token", connectorToken)))))
        .join();

    User admin =
        store
            .users()
            .create(
                tenant,
                NewUser.of("admin", RoleKind.TENANT_ADMIN)
                    .withEmail("admin@example.com")
                    .withDisplayName("Admin"))
            .join();
    User analyst = store.users().create(tenant, NewUser.of("analyst", RoleKind.TENANT_USER)).join();
    Role reader =
        store
            .roles()
            .create(
                tenant,
                NewRole.of(
                    "reader",
                    Grant.of(new PermissionScope.CatalogScope(tenant, "sales"), Action.READ),
                    Grant.of(
                        new PermissionScope.NamespaceScope(
                            tenant, "sales", NamespacePath.of("eu", "fr")),
                        Action.LIST)))
            .join();
    store.roles().assign(tenant, reader.id(), analyst.id()).join();
    store
        .permissions()
        .grant(
            tenant,
            admin.id(),
            Grant.of(new PermissionScope.TenantScope(tenant), Action.MANAGE_USERS))
        .join();

    writeServiceUser(tenant, "etl", RoleKind.TENANT_USER);
    writeServiceUser(tenant, "backup", RoleKind.TENANT_ADMIN);

    Instant expires = Instant.now().plus(Duration.ofHours(1));
    TokenId revoked = writeToken(tenant, admin, expires);
    writeToken(tenant, analyst, expires);
    store.tokens().revoke(tenant, revoked, "rotated", expires).join();
  }

  private void writeServiceUser(TenantId tenant, String name, RoleKind kind) {
    String apiKey = randomSecret();
    ApiKeyHash hash = ApiKeyHash.sha256Of(apiKey);
    secrets.add(apiKey);
    digests.add(hash.hex());
    store.serviceUsers().create(tenant, NewServiceUser.of(name, kind, hash)).join();
  }

  private TokenId writeToken(TenantId tenant, User user, Instant expires) {
    String token = randomSecret();
    TokenHash hash = TokenHash.sha256Of(token);
    secrets.add(token);
    digests.add(hash.hex());
    TokenId id = TokenId.random();
    store.tokens().create(tenant, new NewToken(id, user.id(), hash, expires)).join();
    return id;
  }

  /** A secret as a service issues one: 256 random bits, base64url. */
  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The secret and the encodings of its UTF-8 bytes that a careless store might keep. */
  private static List<String> forms(String secret) {
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(utf8);
    return List.of(
        secret,
        Base64.getEncoder().encodeToString(utf8),
        Base64.getEncoder().withoutPadding().encodeToString(utf8),
        Base64.getUrlEncoder().encodeToString(utf8),
        hex,
        hex.toUpperCase(Locale.ROOT));
  }

  /**
   * Every non-NULL cell of every table of the schema, as PostgreSQL prints it; a bytea cell also as
   * hex, as escape, and as its bytes decoded as UTF-8 and as Latin-1.
   */
  private static List<String> everyCell() throws SQLException {
    Map<String, List<String[]>> columns = new LinkedHashMap<>();
    try (Connection connection = TestPostgres.connect()) {
      try (PreparedStatement query =
          connection.prepareStatement(
              """
              SELECT c.table_name, c.column_name, c.data_type
              FROM information_schema.columns c
              JOIN information_schema.tables t
                  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
              WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE'
              ORDER BY c.table_name, c.ordinal_position
              """)) {
        query.setString(1, SCHEMA);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            columns
                .computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                .add(new String[] {rows.getString(2), rows.getString(3)});
          }
        }
      }
      assertThat(columns)
          .containsKeys(
              "users",
              "roles",
              "role_grants",
              "role_assignments",
              "permissions",
              "service_users",
              "tokens",
              "token_revocations",
              "warehouses");
      List<String> cells = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        for (Map.Entry<String, List<String[]>> table : columns.entrySet()) {
          String from = "\"" + SCHEMA + "\".\"" + table.getKey() + "\" x";
          // The whole row as text, then each column on its own.
          try (ResultSet rows = statement.executeQuery("SELECT x::text FROM " + from)) {
            while (rows.next()) {
              cells.add(rows.getString(1));
            }
          }
          for (String[] column : table.getValue()) {
            String name = "x.\"" + column[0] + "\"";
            boolean bytes = column[1].equals("bytea");
            String select =
                bytes
                    ? "SELECT "
                        + name
                        + "::text, encode("
                        + name
                        + ", 'hex'), encode("
                        + name
                        + ", 'escape'), "
                        + name
                    : "SELECT " + name + "::text";
            try (ResultSet rows =
                statement.executeQuery(
                    select + " FROM " + from + " WHERE " + name + " IS NOT NULL")) {
              while (rows.next()) {
                cells.add(rows.getString(1));
                if (bytes) {
                  cells.add(rows.getString(2));
                  cells.add(rows.getString(3));
                  byte[] value = rows.getBytes(4);
                  cells.add(new String(value, StandardCharsets.UTF_8));
                  cells.add(new String(value, StandardCharsets.ISO_8859_1));
                }
              }
            }
          }
        }
      }
      return cells;
    }
  }
}
