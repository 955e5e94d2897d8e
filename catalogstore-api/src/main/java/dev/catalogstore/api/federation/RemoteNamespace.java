package dev.catalogstore.api.federation;

import dev.catalogstore.api.namespace.NamespacePath;
import java.util.Map;
import java.util.Objects;

/**
 * A namespace of a remote catalog, as a {@link FederatedCatalogConnector} lists it.
 *
 * @param path its path; never the empty root
 * @param properties its properties, mirrored as the namespace's properties
 */
public record RemoteNamespace(NamespacePath path, Map<String, String> properties) {
  public RemoteNamespace {
    Objects.requireNonNull(path, "path");
    properties = Map.copyOf(properties);
  }

  /** A namespace without properties. */
  public static RemoteNamespace of(NamespacePath path) {
    return new RemoteNamespace(path, Map.of());
  }
}
