package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.Properties;
import dev.catalogstore.api.common.SecretOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Secrets: a warehouse's (the keys that reach its storage) or a federated catalog's connector's
 * (the credentials of the remote catalog). They are the only sealed slot of the contract: a
 * persistent backend seals them at rest (the PostgreSQL store with its {@code SecretCodec}, and it
 * refuses to store any without one) and opens them on every read, so a read returns them as they
 * were given. They never appear in a {@code toString()} (this one prints the keys only), in an
 * audit event or in a store's error message. Plain option maps may not hold the secrets {@link
 * dev.catalogstore.api.common.SecretOptions} names; those go here.
 *
 * @param values secret key/value pairs
 */
public record Credentials(Map<String, String> values) {
  /** No secrets. */
  public static final Credentials NONE = new Credentials(Map.of());

  public Credentials {
    values = Properties.copyOf(values);
  }

  public static Credentials of(Map<String, String> values) {
    return new Credentials(values);
  }

  /**
   * {@code text} with every occurrence of every non-empty value replaced by {@value
   * dev.catalogstore.api.common.SecretOptions#REDACTED}, longer values first (so a value that holds
   * another is replaced whole): for a message that may quote a secret, such as what a connector
   * threw. {@code null} stays {@code null}.
   */
  public String redactedIn(String text) {
    if (text == null || values == null || values.isEmpty()) {
      return text;
    }
    List<String> secrets =
        values.values().stream()
            .filter(value -> value != null && !value.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, SecretOptions.REDACTED);
    }
    return redacted;
  }

  @Override
  public String toString() {
    return "Credentials[keys="
        + (values == null ? "null" : values.keySet())
        + ", values=<redacted>]";
  }
}
