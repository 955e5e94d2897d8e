package dev.catalogstore.memory.tckproof;

import java.util.List;

/** Broken stores whose defect lives in the tenants facet. */
final class TenantBrokenStores {
  private TenantBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of();
  }
}
