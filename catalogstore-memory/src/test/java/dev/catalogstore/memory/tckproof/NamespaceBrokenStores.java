package dev.catalogstore.memory.tckproof;

import java.util.List;

/** Broken stores whose defect lives in the namespaces facet. */
final class NamespaceBrokenStores {
  private NamespaceBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of();
  }
}
