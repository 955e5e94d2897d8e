package dev.catalogstore.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables and unique indexes that {@link TenantDistributionRules} lets break the tenant-first
 * rule, each with the reason, so that every exception is written down where the check reads it.
 * Immutable; each method returns a new list with one more entry.
 *
 * <ul>
 *   <li>A <b>reference table</b> is not distributed by tenant: it would be one shard copied to
 *       every node (Citus's {@code create_reference_table}). Distributed tables may reference it;
 *       it may reference no distributed table.
 *   <li>A <b>local table</b> stays on the coordinator alone (for example Flyway's history); no
 *       foreign key may join it to another table.
 *   <li>A <b>global unique index</b> on a distributed table does not start with {@code tenant_id}:
 *       a known break of the rule, which a tenant-distributed database would refuse until it is
 *       redesigned. Its reason must say so.
 * </ul>
 */
final class DistributionAllowList {
  private final Map<String, String> referenceTables;
  private final Map<String, String> localTables;
  private final Map<String, String> globalUniqueIndexes;

  private DistributionAllowList(
      Map<String, String> referenceTables,
      Map<String, String> localTables,
      Map<String, String> globalUniqueIndexes) {
    this.referenceTables = referenceTables;
    this.localTables = localTables;
    this.globalUniqueIndexes = globalUniqueIndexes;
  }

  /** No exception: every table is distributed by tenant_id and keeps every rule. */
  static DistributionAllowList none() {
    return new DistributionAllowList(Map.of(), Map.of(), Map.of());
  }

  DistributionAllowList referenceTable(String table, String reason) {
    notListedYet(table);
    return new DistributionAllowList(
        with(referenceTables, table, reason), localTables, globalUniqueIndexes);
  }

  DistributionAllowList localTable(String table, String reason) {
    notListedYet(table);
    return new DistributionAllowList(
        referenceTables, with(localTables, table, reason), globalUniqueIndexes);
  }

  DistributionAllowList globalUniqueIndex(String index, String reason) {
    if (globalUniqueIndexes.containsKey(index)) {
      throw new IllegalArgumentException("index " + index + " is already on the allow-list");
    }
    return new DistributionAllowList(
        referenceTables, localTables, with(globalUniqueIndexes, index, reason));
  }

  /** Reference tables by name, with their reasons. */
  Map<String, String> referenceTables() {
    return referenceTables;
  }

  /** Local tables by name, with their reasons. */
  Map<String, String> localTables() {
    return localTables;
  }

  /** Global unique indexes by name, with their reasons. */
  Map<String, String> globalUniqueIndexes() {
    return globalUniqueIndexes;
  }

  boolean isDistributed(String table) {
    return !referenceTables.containsKey(table) && !localTables.containsKey(table);
  }

  private void notListedYet(String table) {
    if (referenceTables.containsKey(table) || localTables.containsKey(table)) {
      throw new IllegalArgumentException("table " + table + " is already on the allow-list");
    }
  }

  private static Map<String, String> with(Map<String, String> entries, String name, String reason) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an allow-list entry needs a name");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("allow-list entry " + name + " needs its reason");
    }
    Map<String, String> copy = new LinkedHashMap<>(entries);
    copy.put(name, reason);
    return Collections.unmodifiableMap(copy);
  }
}
