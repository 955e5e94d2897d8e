package dev.catalogstore.jdbc.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement whose parameters are named in its text, {@code :tenant} or {@code :path::text[]},
 * compiled once to JDBC's positional form. A name may appear several times; {@link SqlStatement}
 * binds it everywhere at once and refuses to run while a name is unbound.
 *
 * <p>A parameter is a colon followed by a letter or underscore, outside quotes and comments; a
 * double colon is PostgreSQL's cast. The store's statements use neither positional {@code ?}
 * parameters nor array slices ({@code a[1:n]}), which would read as names.
 */
public final class NamedSql {
  private final String jdbc;
  private final Map<String, int[]> positions;
  private final int parameterCount;

  private NamedSql(String jdbc, Map<String, int[]> positions, int parameterCount) {
    this.jdbc = jdbc;
    this.positions = positions;
    this.parameterCount = parameterCount;
  }

  /** Compiles {@code sql}; fails on a positional {@code ?} or an unterminated quote. */
  public static NamedSql parse(String sql) {
    StringBuilder jdbc = new StringBuilder(sql.length());
    Map<String, List<Integer>> found = new LinkedHashMap<>();
    int count = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i);
        jdbc.append(sql, i, end);
        i = end;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        jdbc.append(sql, i, end);
        i = end;
      } else if (c == ':' && sql.startsWith("::", i)) {
        jdbc.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < sql.length() && isNameStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < sql.length() && isNamePart(sql.charAt(end))) {
          end++;
        }
        found.computeIfAbsent(sql.substring(i + 1, end), name -> new ArrayList<>()).add(++count);
        jdbc.append('?');
        i = end;
      } else if (c == '?') {
        throw new IllegalArgumentException("a positional parameter in named SQL: " + sql);
      } else {
        jdbc.append(c);
        i++;
      }
    }
    Map<String, int[]> positions = new LinkedHashMap<>();
    found.forEach(
        (name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
    return new NamedSql(jdbc.toString(), Map.copyOf(positions), count);
  }

  /** The text with each parameter replaced by {@code ?}, for {@code prepareStatement}. */
  public String jdbc() {
    return jdbc;
  }

  /** The parameter names. */
  public Set<String> names() {
    return positions.keySet();
  }

  /** How many {@code ?} the JDBC text has. */
  int parameterCount() {
    return parameterCount;
  }

  /** The 1-based JDBC positions of {@code name}. */
  int[] positions(String name) {
    int[] at = positions.get(name);
    if (at == null) {
      throw new IllegalArgumentException("the statement has no parameter :" + name + ": " + jdbc);
    }
    return at;
  }

  @Override
  public String toString() {
    return jdbc;
  }

  private static int closingQuote(String sql, int open) {
    char quote = sql.charAt(open);
    for (int i = open + 1; i < sql.length(); i++) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++; // a doubled quote stands for itself
          continue;
        }
        return i + 1;
      }
    }
    throw new IllegalArgumentException("an unterminated quote in: " + sql);
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
