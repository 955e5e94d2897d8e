package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * A warehouse's secrets (access keys, client secrets). Persistent backends seal them at rest and
 * open them on every read. {@link #toString()} never prints the values.
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

  @Override
  public String toString() {
    return "Credentials[keys="
        + (values == null ? "null" : values.keySet())
        + ", values=<redacted>]";
  }
}
