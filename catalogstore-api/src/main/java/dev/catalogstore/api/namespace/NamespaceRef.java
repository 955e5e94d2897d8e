package dev.catalogstore.api.namespace;

/**
 * The address of a namespace: its catalog's name and its path.
 *
 * @param catalog the catalog's name
 * @param path the namespace's path in that catalog ({@link NamespacePath#ROOT} only as a parent)
 */
public record NamespaceRef(String catalog, NamespacePath path) {
  public static NamespaceRef of(String catalog, String... segments) {
    return new NamespaceRef(catalog, NamespacePath.of(segments));
  }

  /** The root of {@code catalog}, to list its top-level namespaces. */
  public static NamespaceRef root(String catalog) {
    return new NamespaceRef(catalog, NamespacePath.ROOT);
  }

  /** The address of the child {@code segment} of this namespace. */
  public NamespaceRef child(String segment) {
    return new NamespaceRef(catalog, path.child(segment));
  }

  @Override
  public String toString() {
    return catalog + ":" + path;
  }
}
