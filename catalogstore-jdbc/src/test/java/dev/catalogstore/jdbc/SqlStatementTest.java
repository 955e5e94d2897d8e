package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Binding by name against a real PostgreSQL: every occurrence, every type, nothing forgotten. */
class SqlStatementTest {
  @Test
  void aNameIsBoundEverywhereItAppears() throws Exception {
    NamedSql sql =
        NamedSql.parse(
            "SELECT :x::text AS a, :x::text AS b, :n::integer + 1 AS c, :id::uuid AS d, "
                + ":props::jsonb ->> 'k' AS e, cardinality(:names::text[]) AS f");
    UUID id = UUID.randomUUID();
    try (Connection connection = TestPostgres.connect();
        SqlStatement query = SqlStatement.prepare(connection, sql)) {
      List<String> row =
          query
              .text("x", "same")
              .integer("n", 41)
              .uuid("id", id)
              .json("props", Map.of("k", "v"))
              .textArray("names", List.of("p", "q"))
              .queryOne(
                  r ->
                      List.of(
                          r.getString("a"),
                          r.getString("b"),
                          r.getString("c"),
                          r.getString("d"),
                          r.getString("e"),
                          r.getString("f")))
              .orElseThrow();

      assertThat(row).containsExactly("same", "same", "42", id.toString(), "v", "2");
    }
  }

  @Test
  void aStatementWithAnUnboundNameDoesNotRun() throws Exception {
    NamedSql sql = NamedSql.parse("SELECT :a::text, :b::text");
    try (Connection connection = TestPostgres.connect();
        SqlStatement query = SqlStatement.prepare(connection, sql)) {
      query.text("a", "bound");

      assertThatThrownBy(() -> query.query(row -> row.getString(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(":b")
          .hasMessageNotContaining(":a");
    }
  }
}
