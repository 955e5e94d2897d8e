package dev.catalogstore.memory.tckproof;

import java.util.List;

/**
 * Broken stores whose defect breaks a rule every facet keeps (futures, chaining, time) rather
 * than one area's semantics.
 */
final class CrossCuttingBrokenStores {
  private CrossCuttingBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of();
  }
}
