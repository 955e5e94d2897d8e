package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The byte limit on stored properties in the schema (migration V7), checked behind the store's
 * back: {@code property_bytes} counts exactly what {@link Inputs#utf8Length} counts, every column
 * with an entry-count constraint has a byte-total one next to it (added {@code NOT VALID}), and the
 * constraint refuses one byte past {@link StoredProperties#MAX_TOTAL_BYTES} and accepts exactly it.
 */
class StoredPropertyBytesSchemaTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("bytes");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JdbcCatalogStore store;

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
  void propertyBytesCountsTheUtf8BytesOfKeysAndValuesAsJavaDoes() throws Exception {
    List<Map<String, String>> maps =
        List.of(
            Map.of(),
            Map.of("k", ""),
            Map.of("a\u00E9", "\u20AC\uD83D\uDE00", "\u4E2D\u6587", "line\nbreak\ttab"),
            Map.of("emoji", "\uD83D\uDE00".repeat(64 * 1024), "q", "\"quoted\\\""));
    try (Connection connection = TestPostgres.connect();
        PreparedStatement statement =
            connection.prepareStatement("SELECT " + quoted() + ".property_bytes(?::jsonb)")) {
      for (Map<String, String> map : maps) {
        statement.setString(1, JSON.writeValueAsString(map));
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          assertThat(row.getLong(1)).as("%s", map.keySet()).isEqualTo(Inputs.utf8Length(map));
        }
      }
    }
  }

  @Test
  void everyColumnWithAnEntryLimitHasANotValidByteLimitNamedForTheStoresMapping()
      throws SQLException {
    Map<String, String> countChecks = new HashMap<>();
    Map<String, String> byteChecks = new HashMap<>();
    try (Connection connection = TestPostgres.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT c.conname, pg_get_constraintdef(c.oid), c.convalidated, t.relname"
                    + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE n.nspname = ? AND c.contype = 'c'")) {
      statement.setString(1, SCHEMA);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          String definition = rows.getString(2);
          String table = rows.getString(4);
          if (definition.contains("property_count(")) {
            countChecks.put(table, column(definition, "property_count("));
          }
          if (definition.contains("property_bytes(")) {
            assertThat(name).isEqualTo(table + "_" + nameStem(table) + "properties_bytes_ck");
            assertThat(definition).contains("<= 1048576").contains("NOT VALID");
            assertThat(rows.getBoolean(3)).as(name + " is NOT VALID").isFalse();
            byteChecks.put(table, column(definition, "property_bytes("));
          }
        }
      }
    }
    assertThat(countChecks)
        .containsOnlyKeys(
            "tenants", "warehouses", "catalogs", "namespaces", "assets", "tenant_settings");
    assertThat(byteChecks).isEqualTo(countChecks);
  }

  @Test
  void theConstraintAcceptsExactlyTheLimitAndRefusesOneByteMore() throws Exception {
    TenantId tenant =
        store.tenants().create(new NewTenant("bytes-" + UUID.randomUUID(), Map.of())).join().id();
    Map<String, String> atTheLimit = new LinkedHashMap<>();
    // Values of 16,000 four-byte characters, the last one shorter and made up to exactly the limit
    // with a character of 1, 2 or 3 bytes.
    long left = StoredProperties.MAX_TOTAL_BYTES;
    for (int i = 0; left > 0; i++) {
      String key = "k" + i;
      long room = Math.min(left - key.length(), 4 * 16_000);
      atTheLimit.put(
          key,
          "\uD83D\uDE00".repeat((int) (room / 4))
              + new String[] {"", "a", "\u00E9", "\u20AC"}[(int) (room % 4)]);
      left -= key.length() + room;
    }
    assertThat(Inputs.utf8Length(atTheLimit)).isEqualTo(StoredProperties.MAX_TOTAL_BYTES);
    Map<String, String> oneByteMore = new LinkedHashMap<>(atTheLimit);
    oneByteMore.put("k0", "\u20AC\u00E9" + atTheLimit.get("k0").substring(2));
    assertThat(Inputs.utf8Length(oneByteMore)).isEqualTo(StoredProperties.MAX_TOTAL_BYTES + 1);

    assertThat(setProperties(tenant, atTheLimit)).isEqualTo(1);
    PSQLException refused =
        catchThrowableOfType(() -> setProperties(tenant, oneByteMore), PSQLException.class);
    assertThat(refused.getSQLState()).isEqualTo("23514");
    assertThat(refused.getServerErrorMessage().getConstraint())
        .isEqualTo("tenants_properties_bytes_ck");
    assertThat(store.tenants().get(tenant).join().orElseThrow().properties()).isEqualTo(atTheLimit);
  }

  private static int setProperties(TenantId tenant, Map<String, String> properties)
      throws SQLException, JsonProcessingException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE " + quoted() + ".tenants SET properties = ?::jsonb WHERE tenant_id = ?")) {
      statement.setString(1, JSON.writeValueAsString(properties));
      statement.setObject(2, tenant.value());
      return statement.executeUpdate();
    }
  }

  /** The column a check's function is applied to, from the check's definition. */
  private static String column(String definition, String function) {
    int start = definition.indexOf(function) + function.length();
    return definition.substring(start, definition.indexOf(')', start));
  }

  /** {@code extra_} for tenant settings' extra settings, nothing for a properties column. */
  private static String nameStem(String table) {
    return table.equals("tenant_settings") ? "extra_" : "";
  }

  private static String quoted() {
    return "\"" + SCHEMA + "\"";
  }
}
