package dev.catalogstore.memory;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The namespaces of one catalog, indexed by parent path and then by last segment in code-point
 * order. A lookup is a hash probe plus a tree lookup, and listing the direct children of a parent
 * costs O(log n + page size) however deep or wide the rest of the tree is.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class NamespaceTree {
  // Only non-empty child maps are kept, so containsKey answers "has children".
  private final Map<NamespacePath, NavigableMap<String, Namespace>> childrenByParent =
      new HashMap<>();

  Optional<Namespace> get(NamespacePath path) {
    return path.isRoot()
        ? Optional.empty()
        : Optional.ofNullable(children(path.parent()).get(path.lastSegment()));
  }

  /** Whether {@code path} exists; the root always does. */
  boolean exists(NamespacePath path) {
    return path.isRoot() || get(path).isPresent();
  }

  boolean hasChildren(NamespacePath path) {
    return childrenByParent.containsKey(path);
  }

  /** The direct children of {@code parent} by last segment, read-only. */
  NavigableMap<String, Namespace> children(NamespacePath parent) {
    NavigableMap<String, Namespace> children = childrenByParent.get(parent);
    return children == null
        ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(children);
  }

  /** Every namespace of the catalog with its properties, at any depth; costs O(namespaces). */
  Map<NamespacePath, Map<String, String>> all() {
    Map<NamespacePath, Map<String, String>> all = new HashMap<>();
    for (NavigableMap<String, Namespace> children : childrenByParent.values()) {
      for (Namespace namespace : children.values()) {
        all.put(namespace.path(), namespace.properties());
      }
    }
    return all;
  }

  /** Adds or replaces the namespace at {@code namespace.path()}. */
  void put(Namespace namespace) {
    NamespacePath path = namespace.path();
    childrenByParent
        .computeIfAbsent(path.parent(), p -> new TreeMap<>(CodePointOrder.STRINGS))
        .put(path.lastSegment(), namespace);
  }

  void remove(NamespacePath path) {
    NavigableMap<String, Namespace> siblings = childrenByParent.get(path.parent());
    if (siblings != null) {
      siblings.remove(path.lastSegment());
      if (siblings.isEmpty()) {
        childrenByParent.remove(path.parent());
      }
    }
  }
}
