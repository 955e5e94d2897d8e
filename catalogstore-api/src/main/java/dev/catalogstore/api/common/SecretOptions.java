package dev.catalogstore.api.common;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The rule that keeps secrets out of plain option maps ({@code StorageConfig.options}, {@code
 * ConnectorConfig.options}).
 *
 * <p>Option maps are stored and returned as they are, in plain text, and may be printed. Secrets
 * have a sealed slot of their own: a warehouse's {@code credentials} and a connector's {@code
 * credentials} ({@code dev.catalogstore.api.warehouse.Credentials}), which a persistent store seals
 * at rest and which no {@code toString()} prints. The store cannot tell every secret from its key,
 * so the rule is explicit rather than a guess: the keys listed here, which name secrets in Apache
 * Iceberg's FileIO and REST catalog properties and in Hadoop's file systems, are refused in an
 * option map ({@code InvalidArgumentException} on the map's field, naming the key, never the value)
 * and belong in the credentials. Any other key is stored as given: a caller must put every other
 * secret into the credentials too.
 *
 * <p>The keys, compared ignoring case: {@code s3.secret-access-key}, {@code s3.session-token},
 * {@code s3.sse.key} (an SSE-C customer key), {@code gcs.oauth2.token}, {@code
 * gcs.oauth2.refresh-token}, {@code adls.auth.shared-key.account.key}, {@code client.secret},
 * {@code credential} and {@code token} (an Iceberg REST catalog's OAuth2 credential and bearer
 * token), {@code password}, {@code rest.auth.basic.password}, {@code fs.s3a.secret.key}, {@code
 * fs.s3a.session.token}, {@code fs.gs.auth.client.secret}, {@code
 * fs.gs.auth.service.account.private.key}, {@code jdbc.password} (Iceberg's JdbcCatalog), {@code
 * header.authorization} (an Iceberg REST catalog's header); and every key starting with {@code
 * adls.sas-token.}, {@code fs.azure.account.key.}, {@code fs.azure.sas.} or {@code
 * fs.azure.account.oauth2.client.secret} (with or without an account suffix).
 */
public final class SecretOptions {
  /** Keys that name a secret, lower case. */
  private static final Set<String> EXACT =
      Set.of(
          "s3.secret-access-key",
          "s3.session-token",
          "s3.sse.key",
          "gcs.oauth2.token",
          "gcs.oauth2.refresh-token",
          "adls.auth.shared-key.account.key",
          "client.secret",
          "credential",
          "token",
          "password",
          "rest.auth.basic.password",
          "fs.s3a.secret.key",
          "fs.s3a.session.token",
          "fs.gs.auth.client.secret",
          "fs.gs.auth.service.account.private.key",
          "jdbc.password",
          "header.authorization");

  /** Prefixes of keys that name a secret (one per storage account), lower case. */
  private static final Set<String> PREFIXES =
      Set.of(
          "adls.sas-token.",
          "fs.azure.account.key.",
          "fs.azure.sas.",
          "fs.azure.account.oauth2.client.secret");

  /** What an option map's {@code toString()} prints in place of a secret's value. */
  public static final String REDACTED = "<redacted>";

  private SecretOptions() {}

  /** Whether {@code key} names a secret by this rule; false for {@code null}. */
  public static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (EXACT.contains(lower)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code options} as a {@code toString()} prints it: {@code {key=value, ...}} in the map's order,
   * with {@link #REDACTED} for the value of every key {@link #isSecret} names (such a map is
   * refused by the store, but may still be printed before it is).
   */
  public static String describe(Map<String, String> options) {
    if (options == null) {
      return "null";
    }
    StringJoiner joined = new StringJoiner(", ", "{", "}");
    options.forEach((key, value) -> joined.add(key + "=" + (isSecret(key) ? REDACTED : value)));
    return joined.toString();
  }
}
