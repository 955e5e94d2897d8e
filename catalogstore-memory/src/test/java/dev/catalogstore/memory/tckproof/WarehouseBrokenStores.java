package dev.catalogstore.memory.tckproof;

import java.util.List;

/** Broken stores whose defect lives in the warehouses facet. */
final class WarehouseBrokenStores {
  private WarehouseBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of();
  }
}
