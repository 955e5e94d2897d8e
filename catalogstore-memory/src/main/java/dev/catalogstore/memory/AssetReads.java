package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;

/**
 * Single-asset reads without a lock: {@code assets().get} and {@code getById}. Each reads
 * optimistically, validating a stamp of the tenant (which every holder of the tenant's write lock
 * moves) and one of the asset's branch (which every change to the branch's assets moves), and reads
 * again under the tenant's and the branch's read locks if either moved. A validated read saw the
 * state between two operations, as a locked one would; a read that crossed a change may have seen
 * anything, and is thrown away. See {@link TenantState} for the whole scheme.
 *
 * <p>Why this and not the read lock alone: a read lock is a shared counter every reader writes, so
 * readers on several cores contend on one cache line; an optimistic read only reads.
 */
final class AssetReads {
  private AssetReads() {}

  /** The asset at {@code ref} in {@code tenant}; empty if the tenant or the asset is missing. */
  static Optional<Asset> byRef(TenantRegistry registry, TenantId tenant, AssetRef ref) {
    TenantState state = registry.stateOrNull(tenant);
    if (state == null) {
      return Optional.empty();
    }
    Optional<Asset> read = optimistic(state, ref);
    if (read != null) {
      return read;
    }
    return state.read(
        s -> {
          BranchState branch = branch(s, ref);
          return branch == null
              ? Optional.empty()
              : branch.reading(() -> value(branch.entry(ref.namespace(), ref.name())));
        },
        Optional::empty);
  }

  /**
   * The asset with id {@code id} in {@code tenant}; empty if the tenant or the asset is missing.
   */
  static Optional<Asset> byId(TenantRegistry registry, TenantId tenant, AssetId id) {
    TenantState state = registry.stateOrNull(tenant);
    if (state == null) {
      return Optional.empty();
    }
    Optional<Asset> read = optimistic(state, id);
    if (read != null) {
      return read;
    }
    return state.read(
        s -> {
          while (true) {
            AssetEntry entry = s.assetsById().get(id);
            if (entry == null) {
              return Optional.<Asset>empty();
            }
            // Still indexed once its branch is locked: not removed by a change that held the lock.
            Optional<Asset> locked =
                entry
                    .branch()
                    .reading(
                        () -> s.assetsById().get(id) == entry ? Optional.of(entry.asset()) : null);
            if (locked != null) {
              return locked;
            }
          }
        },
        Optional::empty);
  }

  /** The validated optimistic read of {@code ref}, or null if it must be read again locked. */
  private static Optional<Asset> optimistic(TenantState state, AssetRef ref) {
    long tenantStamp = state.tryOptimisticRead();
    if (tenantStamp == 0) {
      return null;
    }
    Optional<Asset> read;
    BranchState branch = state.isDeleted() ? null : branch(state, ref);
    if (branch == null) {
      read = Optional.empty();
    } else {
      long branchStamp = branch.tryOptimisticRead();
      if (branchStamp == 0) {
        return null;
      }
      read = value(branch.entry(ref.namespace(), ref.name()));
      if (!branch.validate(branchStamp)) {
        return null;
      }
    }
    return state.validate(tenantStamp) ? read : null;
  }

  /** The validated optimistic read of {@code id}, or null if it must be read again locked. */
  private static Optional<Asset> optimistic(TenantState state, AssetId id) {
    long tenantStamp = state.tryOptimisticRead();
    if (tenantStamp == 0) {
      return null;
    }
    Optional<Asset> read;
    AssetEntry entry = state.isDeleted() ? null : state.assetsById().get(id);
    if (entry == null) {
      // Not indexed: never made, removed, or not yet indexed by a change to some branch under way,
      // whose asset no other read can see before that change ends either.
      read = Optional.empty();
    } else {
      BranchState branch = entry.branch();
      long branchStamp = branch.tryOptimisticRead();
      if (branchStamp == 0) {
        return null;
      }
      // Looked up again inside the branch's stamp: still indexed, so not removed by then.
      if (state.assetsById().get(id) != entry) {
        return null;
      }
      read = Optional.of(entry.asset());
      if (!branch.validate(branchStamp)) {
        return null;
      }
    }
    return state.validate(tenantStamp) ? read : null;
  }

  private static BranchState branch(TenantState state, AssetRef ref) {
    CatalogState catalog = state.catalogs().get(ref.catalog());
    return catalog == null ? null : catalog.branches().get(ref.branch().branch());
  }

  private static Optional<Asset> value(AssetEntry entry) {
    return entry == null ? Optional.empty() : Optional.of(entry.asset());
  }
}
