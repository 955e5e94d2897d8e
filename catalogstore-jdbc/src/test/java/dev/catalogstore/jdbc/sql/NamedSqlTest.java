package dev.catalogstore.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How statement text with named parameters becomes JDBC's positional form. */
class NamedSqlTest {
  @Test
  void eachNamedParameterBecomesAPositionAndARepeatedNameKeepsAllOfIts() {
    NamedSql sql =
        NamedSql.parse(
            "SELECT * FROM t WHERE a = :tenant AND b > :after AND c = :tenant LIMIT :limit");

    assertThat(sql.jdbc()).isEqualTo("SELECT * FROM t WHERE a = ? AND b > ? AND c = ? LIMIT ?");
    assertThat(sql.names()).containsExactlyInAnyOrder("tenant", "after", "limit");
    assertThat(sql.positions("tenant")).containsExactly(1, 3);
    assertThat(sql.positions("after")).containsExactly(2);
    assertThat(sql.parameterCount()).isEqualTo(4);
  }

  @Test
  void castsQuotesAndCommentsAreNotParameters() {
    NamedSql sql =
        NamedSql.parse(
            """
        -- a comment naming :nothing
        SELECT ':literal', 'it''s :quoted', "odd:column", x::text, :path::text[]
        FROM t
        """);

    assertThat(sql.names()).containsExactly("path");
    assertThat(sql.jdbc())
        .contains(
            "':literal'",
            "'it''s :quoted'",
            "\"odd:column\"",
            "x::text",
            "?::text[]",
            "-- a comment naming :nothing");
  }

  @Test
  void aNameTheStatementDoesNotHaveIsADefect() {
    NamedSql sql = NamedSql.parse("SELECT :a");

    assertThatThrownBy(() -> sql.positions("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":b");
  }

  @Test
  void positionalParametersAndUnterminatedQuotesAreRefused() {
    assertThatThrownBy(() -> NamedSql.parse("SELECT ? FROM t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedSql.parse("SELECT 'open FROM t"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
