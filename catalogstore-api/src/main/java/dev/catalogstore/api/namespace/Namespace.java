package dev.catalogstore.api.namespace;

import java.time.Instant;
import java.util.Map;

/**
 * A namespace of a catalog.
 *
 * @param ref its catalog and path
 * @param properties free-form key/value settings
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Namespace(
    NamespaceRef ref, Map<String, String> properties, Instant createdAt, Instant updatedAt) {
  public Namespace {
    properties = Map.copyOf(properties);
  }

  /** The namespace's path. */
  public NamespacePath path() {
    return ref.path();
  }
}
