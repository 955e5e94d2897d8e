package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.Json;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cheap paths of decoding a row and keying a namespace read exactly what the plain ones read: a
 * jsonb map as PostgreSQL prints it, and the SHA-256 path key of rows stored before.
 */
class RowDecodingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aJsonbMapAsPostgresqlPrintsItReadsAsTheDataBindingReadsIt() throws Exception {
    Map<String, String> written = new LinkedHashMap<>();
    written.put("k", "v");
    written.put("empty", "");
    written.put("quote\"back\\slash", "line\nbreak\ttab");
    written.put("unicode é 漢 \uD83D\uDE00", "\u0001 control");
    written.put("number-like", "12");
    try (Connection connection = TestPostgres.connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT ?::jsonb, '{}'::jsonb, '{\"a\": \"b\"}'::jsonb")) {
      select.setString(1, Json.write(written));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        for (int column = 1; column <= 3; column++) {
          String printed = row.getString(column);
          assertThat(Json.read(printed)).isEqualTo(dataBinding(printed));
        }
        assertThat(Json.read(row.getString(1))).isEqualTo(written);
        assertThat(Json.read(row.getString(2))).isEmpty();
      }
    }
  }

  @Test
  void jsonThatIsNotAnObjectOfStringsTakesTheDataBinding() throws Exception {
    for (String json :
        List.of(
            "{\"n\": 1, \"b\": true}", "{\"a\": \"b\"} ", "{ }", "{\"a\": \"b\"} {\"c\": \"d\"}")) {
      assertThat(Json.read(json)).as(json).isEqualTo(dataBinding(json));
    }
    assertThat(Json.read((String) null)).isNull();
    assertThatThrownBy(() -> Json.read("{\"a\": ")).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> Json.read("[1]")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void theNamespaceKeyIsTheSha256OfLengthPrefixedSegments() throws Exception {
    // The key of ["db"] as PostgreSQL computes it: sha256('\x00000002'::bytea || 'db'::bytea).
    assertThat(HexFormat.of().formatHex(NamespaceKey.of(NamespacePath.of("db"))))
        .isEqualTo("1d12057669ea048787c575af622a2574bf853546680d9507d7d4f74ec73cec3e");
    for (NamespacePath path :
        List.of(
            NamespacePath.of("a.b"),
            NamespacePath.of("a", "b"),
            NamespacePath.of("é", "漢字", "x".repeat(255)))) {
      assertThat(NamespaceKey.of(path)).isEqualTo(plainKey(path)).isEqualTo(NamespaceKey.of(path));
    }
    assertThat(NamespaceKey.of(NamespacePath.of("a.b")))
        .isNotEqualTo(NamespaceKey.of(NamespacePath.of("a", "b")));
  }

  private static Map<String, String> dataBinding(String json) throws Exception {
    return Map.copyOf(MAPPER.readValue(json, new TypeReference<Map<String, String>>() {}));
  }

  /** The key as it was computed before: a digest looked up per key, lengths through a buffer. */
  private static byte[] plainKey(NamespacePath path) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (String segment : path.segments()) {
      byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
      sha256.update(utf8);
    }
    return sha256.digest();
  }
}
