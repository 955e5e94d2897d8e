package dev.catalogstore.api.catalog;

import dev.catalogstore.api.common.Properties;
import dev.catalogstore.api.common.SecretOptions;
import dev.catalogstore.api.warehouse.Credentials;
import java.util.Map;

/**
 * How a federated catalog reaches its remote catalog.
 *
 * <p>The options are plain settings (the remote's URI, a region, a warehouse name): stored and
 * returned in plain text. The secrets that reach the remote (an OAuth2 client secret, a bearer
 * token, access keys) go into {@code credentials}, which are sealed as a warehouse's credentials
 * are: a persistent store seals them at rest (and refuses to store any without a way to seal them),
 * a read returns them opened, and the connector receives them in plain form only when a sync calls
 * it. An option whose key {@link SecretOptions} names as a secret is refused ({@code
 * InvalidArgumentException} on {@code ...connector.options}, naming the key). {@link #toString()}
 * prints the credentials' keys only, and a secret option's value as {@value
 * SecretOptions#REDACTED}.
 *
 * @param connectorType the connector's name, for example {@code "iceberg-rest"} or {@code "glue"}
 * @param options the connector's settings, for example the remote URI; never secrets
 * @param credentials the connector's secrets ({@link Credentials#NONE} for none)
 */
public record ConnectorConfig(
    String connectorType, Map<String, String> options, Credentials credentials) {
  public ConnectorConfig {
    options = Properties.copyOf(options);
  }

  /** A connector with these options and no credentials. */
  public ConnectorConfig(String connectorType, Map<String, String> options) {
    this(connectorType, options, Credentials.NONE);
  }

  /** This configuration with {@code credentials} instead. */
  public ConnectorConfig withCredentials(Credentials credentials) {
    return new ConnectorConfig(connectorType, options, credentials);
  }

  @Override
  public String toString() {
    return "ConnectorConfig[connectorType="
        + connectorType
        + ", options="
        + SecretOptions.describe(options)
        + ", credentials="
        + credentials
        + "]";
  }
}
