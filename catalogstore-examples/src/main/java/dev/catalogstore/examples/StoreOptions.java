package dev.catalogstore.examples;

import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which store the walkthrough runs on: the in-memory store unless a JDBC URL is given, as {@code
 * --jdbc-url=...} or in the environment variable {@value #URL_VARIABLE}.
 *
 * @param jdbcUrl the PostgreSQL JDBC URL, if any
 * @param user the database user, if any
 * @param password the database password, if any
 * @param help whether only the usage was asked for
 */
record StoreOptions(
    Optional<String> jdbcUrl, Optional<String> user, Optional<String> password, boolean help) {
  static final String URL_VARIABLE = "CATALOGSTORE_JDBC_URL";
  static final String USER_VARIABLE = "CATALOGSTORE_JDBC_USER";
  static final String PASSWORD_VARIABLE = "CATALOGSTORE_JDBC_PASSWORD";

  static final String USAGE =
      String.join(
          "\n",
          "Usage: Walkthrough [--jdbc-url=URL [--user=NAME] [--password=SECRET]]",
          "  Without a URL the walkthrough runs on the in-memory store.",
          "  --jdbc-url   a PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/catalog",
          "  --user, --password   the database user and password, if the URL has none",
          "  Missing arguments are taken from the environment variables " + URL_VARIABLE + ",",
          "  " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ".");

  /** Reads the command line; arguments win over the environment. */
  static StoreOptions parse(List<String> args, Map<String, String> environment) {
    Optional<String> url = Optional.empty();
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return new StoreOptions(Optional.empty(), Optional.empty(), Optional.empty(), true);
      } else if (arg.startsWith("--jdbc-url=")) {
        url = value(arg);
      } else if (arg.startsWith("--user=")) {
        user = value(arg);
      } else if (arg.startsWith("--password=")) {
        password = value(arg);
      } else {
        throw new IllegalArgumentException("Unknown argument '" + arg + "'.\n" + USAGE);
      }
    }
    url = url.or(() -> env(environment, URL_VARIABLE));
    user = user.or(() -> env(environment, USER_VARIABLE));
    password = password.or(() -> env(environment, PASSWORD_VARIABLE));
    if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
      throw new IllegalArgumentException("--user and --password need --jdbc-url.\n" + USAGE);
    }
    return new StoreOptions(url, user, password, false);
  }

  /** The PostgreSQL store's configuration; empty for the in-memory store. */
  Optional<JdbcStoreConfig> jdbcConfig() {
    return jdbcUrl.map(
        url -> {
          JdbcStoreConfig.Builder config =
              JdbcStoreConfig.builder().jdbcUrl(url).connectors(Walkthrough.connectors());
          user.ifPresent(config::username);
          password.ifPresent(config::password);
          return config.build();
        });
  }

  /** Names the store for the walkthrough's title, without credentials or URL parameters. */
  String description() {
    return jdbcUrl
        .map(url -> "PostgreSQL at " + url.replaceFirst("[?;].*$", ""))
        .orElse("the in-memory store");
  }

  private static Optional<String> value(String arg) {
    return Optional.of(arg.substring(arg.indexOf('=') + 1)).filter(v -> !v.isBlank());
  }

  private static Optional<String> env(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  @Override
  public String toString() {
    return "StoreOptions[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + password.map(p -> "<redacted>")
        + ", help="
        + help
        + "]";
  }
}
