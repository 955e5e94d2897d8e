package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.jdbc.TenantDistributionRules.Report;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantDistributionRules} catches each kind of break of the tenant-first rule: each test
 * adds one bad table or key to a small schema that keeps every rule, in a scratch schema of its
 * own, and checks that exactly that break is reported.
 */
class TenantDistributionRulesTest {
  /**
   * A schema keeping every rule: a reference table, a distributed parent and child, a local table.
   */
  private static final String GOOD_SCHEMA =
      """
      CREATE TABLE %1$s.tenants (
          tenant_id uuid PRIMARY KEY,
          name text UNIQUE);
      CREATE TABLE %1$s.parents (
          tenant_id uuid NOT NULL REFERENCES %1$s.tenants,
          parent_id uuid NOT NULL,
          name text NOT NULL,
          PRIMARY KEY (tenant_id, parent_id),
          UNIQUE (tenant_id, name));
      CREATE TABLE %1$s.children (
          tenant_id uuid NOT NULL,
          child_id uuid NOT NULL,
          parent_id uuid NOT NULL,
          PRIMARY KEY (tenant_id, child_id),
          FOREIGN KEY (tenant_id, parent_id) REFERENCES %1$s.parents (tenant_id, parent_id));
      CREATE UNIQUE INDEX children_parent_uq ON %1$s.children (tenant_id, parent_id, child_id);
      CREATE INDEX children_by_parent_ix ON %1$s.children (parent_id);
      CREATE TABLE %1$s.history (version integer PRIMARY KEY, script text);
      """;

  private static final DistributionAllowList ALLOWED =
      DistributionAllowList.none()
          .referenceTable("tenants", "names are unique across tenants")
          .localTable("history", "bookkeeping of the migrations");

  private String schema;

  @BeforeEach
  void createGoodSchema() throws SQLException {
    schema = TestPostgres.uniqueSchema("rules");
    execute("CREATE SCHEMA " + schema);
    execute(GOOD_SCHEMA);
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void aSchemaKeyedAndForeignKeyedByTenantIdFirstKeepsTheRules() throws SQLException {
    Report report = check(ALLOWED);

    assertThat(report.distributedTables()).containsExactly("children", "parents");
    assertThat(report.violations()).isEmpty();
  }

  @Test
  void aTableWithoutTenantIdIsReported() throws SQLException {
    execute("CREATE TABLE %1$s.kinds (kind text PRIMARY KEY)");

    assertThat(found(check(ALLOWED)))
        .containsExactlyInAnyOrder(
            "TENANT_COLUMN kinds: has no tenant_id column",
            "PRIMARY_KEY kinds: primary key kinds_pkey starts with column kind, not tenant_id");
  }

  @Test
  void aNullableOrDifferentlyTypedTenantIdIsReported() throws SQLException {
    execute(
        """
        CREATE TABLE %1$s.loose (tenant_id uuid, id uuid NOT NULL);
        CREATE TABLE %1$s.typed (tenant_id text NOT NULL, id uuid NOT NULL,
                                 PRIMARY KEY (tenant_id, id));
        CREATE UNIQUE INDEX loose_uq ON %1$s.loose (tenant_id, id);
        """);

    assertThat(found(check(ALLOWED)))
        .containsExactlyInAnyOrder(
            "TENANT_COLUMN loose: tenant_id may be NULL",
            "PRIMARY_KEY loose: has no primary key",
            "TENANT_COLUMN typed: tenant_id is text, not uuid like every other");
  }

  @Test
  void aPrimaryKeyThatIncludesTenantIdButNotFirstIsReported() throws SQLException {
    // Citus would accept it (the key includes the distribution column); the rule here is stricter.
    execute(
        "CREATE TABLE %1$s.items (tenant_id uuid NOT NULL, item_id uuid NOT NULL,"
            + " PRIMARY KEY (item_id, tenant_id))");

    assertThat(found(check(ALLOWED)))
        .containsExactly(
            "PRIMARY_KEY items: primary key items_pkey starts with column item_id, not tenant_id");
  }

  @Test
  void uniqueConstraintsAndIndexesWithoutTenantIdFirstAreReported() throws SQLException {
    execute(
        """
        ALTER TABLE %1$s.parents ADD CONSTRAINT parents_name_uq UNIQUE (name);
        CREATE UNIQUE INDEX parents_lower_name_uq ON %1$s.parents (lower(name), tenant_id);
        CREATE UNIQUE INDEX children_partial_uq ON %1$s.children (child_id)
            WHERE parent_id IS NOT NULL;
        """);

    assertThat(found(check(ALLOWED)))
        .containsExactlyInAnyOrder(
            "UNIQUE_KEY parents_name_uq: unique on table parents starts with column name,"
                + " not tenant_id",
            "UNIQUE_KEY parents_lower_name_uq: unique on table parents starts with an expression,"
                + " not tenant_id",
            "UNIQUE_KEY children_partial_uq: unique on table children starts with column"
                + " child_id, not tenant_id");
  }

  @Test
  void aForeignKeyThatDoesNotPairTenantIdWithTenantIdIsReported() throws SQLException {
    execute(
        """
        CREATE TABLE %1$s.links (
            tenant_id uuid NOT NULL,
            link_id uuid NOT NULL,
            owner_tenant uuid NOT NULL,
            parent_id uuid NOT NULL,
            PRIMARY KEY (tenant_id, link_id),
            -- Another tenant's parent: the key does not name this row's tenant at all.
            CONSTRAINT links_owner_fk FOREIGN KEY (owner_tenant, parent_id)
                REFERENCES %1$s.parents (tenant_id, parent_id),
            -- Both columns named, but crossed: tenant_id matches the parent's id.
            CONSTRAINT links_crossed_fk FOREIGN KEY (tenant_id, parent_id)
                REFERENCES %1$s.parents (parent_id, tenant_id));
        """);

    assertThat(found(check(ALLOWED)))
        .containsExactlyInAnyOrder(
            "FOREIGN_KEY links.links_owner_fk: does not start by pairing tenant_id with"
                + " tenant_id of parents",
            "FOREIGN_KEY links.links_crossed_fk: does not start by pairing tenant_id with"
                + " tenant_id of parents");
  }

  @Test
  void aForeignKeyThatPairsTenantIdButNotFirstIsReported() throws SQLException {
    // Citus would accept it (the distribution columns are paired); the rule here is stricter.
    execute(
        """
        CREATE TABLE %1$s.notes (
            tenant_id uuid NOT NULL,
            note_id uuid NOT NULL,
            parent_id uuid NOT NULL,
            PRIMARY KEY (tenant_id, note_id),
            CONSTRAINT notes_parent_fk FOREIGN KEY (parent_id, tenant_id)
                REFERENCES %1$s.parents (parent_id, tenant_id));
        """);

    assertThat(found(check(ALLOWED)))
        .containsExactly(
            "FOREIGN_KEY notes.notes_parent_fk: does not start by pairing tenant_id with"
                + " tenant_id of parents");
  }

  @Test
  void aReferenceTableThatReferencesADistributedTableIsReported() throws SQLException {
    execute(
        """
        CREATE TABLE %1$s.featured (
            tenant_id uuid NOT NULL,
            parent_id uuid NOT NULL,
            PRIMARY KEY (tenant_id, parent_id),
            CONSTRAINT featured_parent_fk FOREIGN KEY (tenant_id, parent_id)
                REFERENCES %1$s.parents (tenant_id, parent_id));
        """);

    assertThat(found(check(ALLOWED.referenceTable("featured", "a short list for every node"))))
        .containsExactly(
            "FOREIGN_KEY featured.featured_parent_fk: reference table featured references"
                + " distributed table parents");
  }

  @Test
  void aForeignKeyToOrFromALocalTableIsReported() throws SQLException {
    execute(
        """
        ALTER TABLE %1$s.parents ADD COLUMN version integer;
        ALTER TABLE %1$s.parents ADD CONSTRAINT parents_version_fk FOREIGN KEY (version)
            REFERENCES %1$s.history (version);
        ALTER TABLE %1$s.history ADD COLUMN tenant_id uuid;
        ALTER TABLE %1$s.history ADD CONSTRAINT history_tenant_fk FOREIGN KEY (tenant_id)
            REFERENCES %1$s.tenants (tenant_id);
        """);

    assertThat(found(check(ALLOWED)))
        .containsExactlyInAnyOrder(
            "FOREIGN_KEY parents.parents_version_fk: references local table history",
            "FOREIGN_KEY history.history_tenant_fk: local table history references tenants");
  }

  @Test
  void aGlobalUniqueIndexIsAcceptedOnlyWhileTheAllowListNamesIt() throws SQLException {
    execute("CREATE UNIQUE INDEX children_id_uq ON %1$s.children (child_id)");

    assertThat(found(check(ALLOWED))).hasSize(1);
    assertThat(found(check(ALLOWED.globalUniqueIndex("children_id_uq", "ids are global"))))
        .isEmpty();
  }

  @Test
  void anAllowListEntryThatExcusesNothingIsReported() throws SQLException {
    DistributionAllowList stale =
        ALLOWED
            .referenceTable("dropped_table", "was a reference table once")
            .globalUniqueIndex("dropped_uq", "was global once")
            .globalUniqueIndex(
                "parents_tenant_id_name_key", "keeps the rule: it starts with tenant_id")
            .globalUniqueIndex("tenants_name_key", "on a reference table, which may have it");

    assertThat(found(check(stale)))
        .containsExactlyInAnyOrder(
            "ALLOW_LIST dropped_table: no such table in the schema",
            "ALLOW_LIST dropped_uq: no such unique index in the schema",
            "ALLOW_LIST parents_tenant_id_name_key: needs no place on the allow-list: it starts with"
                + " tenant_id, or its table is not distributed",
            "ALLOW_LIST tenants_name_key: needs no place on the allow-list: it starts with"
                + " tenant_id, or its table is not distributed");
  }

  @Test
  void everyAllowListEntryNeedsItsReason() {
    assertThatThrownBy(() -> DistributionAllowList.none().referenceTable("tenants", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenants");
    assertThatThrownBy(() -> DistributionAllowList.none().globalUniqueIndex("x_uq", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x_uq");
  }

  private Report check(DistributionAllowList allowed) throws SQLException {
    try (Connection connection = TestPostgres.connect()) {
      return TenantDistributionRules.check(connection, schema, allowed);
    }
  }

  private static List<String> found(Report report) {
    return report.violations().stream().map(Object::toString).toList();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql.formatted(schema));
    }
  }
}
