package dev.catalogstore.jdbc.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Conflicts;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlWork;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The assets facet on PostgreSQL: validation and outcomes here, the statements in {@link AssetSql}
 * and {@link MetadataSql}.
 *
 * <p>Every operation but the multi-asset commit is one statement, which decides atomically
 * (constraints, a conditional {@code UPDATE} or {@code DELETE}). Only when it matched nothing does
 * a second read ({@link AssetSql#lookup}) say why: the outermost missing part of the address, a
 * lost compare-and-set with the location stored now, an expectation that does not hold. The
 * multi-asset commit is one transaction that locks, checks and writes. Internal to the JDBC store.
 *
 * <p>Every change appends its version commit to the asset's branch and moves the branch's head in
 * the same statement (the multi-asset commit: in its last statement), so the change and its commit
 * are one atomic step, and a call that changes nothing writes no commit. The commit's author and
 * message are validated after every other argument.
 *
 * <p>If that second read finds nothing wrong, the asset changed back in between (an A-B-A race), so
 * the change may hold now and runs again, at most {@value #CONDITIONAL_ATTEMPTS} times. An asset
 * that keeps changing under every attempt makes a guarded rename or delete, or a metadata commit,
 * fail with {@code ConflictException} ({@link Conflicts#keptChanging}), which the contract allows:
 * it carries the value the last read found (the metadata location for a commit, the value of the
 * first attribute the expectation checks for a guarded change, {@link Conflicts#guardedValue}), and
 * the caller reads again and retries. Nothing was changed.
 *
 * <p>Times are never earlier than what they follow: every {@code UPDATE} stamps {@code
 * GREATEST(now, the row's updated_at)} (the row as locked, so a change queued behind another on the
 * same row is not stamped before it), and the multi-asset commit reads the clock after it holds its
 * row locks. So an asset's {@code updatedAt} and its history's {@code committedAt} never go
 * backwards as its sequence rises, and equal the clock's instant whenever the previous value is not
 * later.
 */
public final class JdbcAssets implements Assets {
  /**
   * How often a conditional change runs when its failure path finds nothing wrong: the asset
   * changed back between the statement and the read (an A-B-A race), so the change may now hold.
   */
  private static final int CONDITIONAL_ATTEMPTS = 3;

  private final Database db;
  private final AssetSql sql;
  private final MetadataSql metadata;

  public JdbcAssets(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new AssetSql(sqlText);
    this.metadata = new MetadataSql(sqlText);
  }

  @Override
  public CompletableFuture<Asset> create(
      TenantId tenant, AssetRef asset, NewAsset request, CommitMeta meta) {
    return db.submit(
        "assets.create",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.newAsset(request, "request");
          VersionRequests.commitMeta(meta, "meta");
          Instant now = db.now();
          Asset row =
              new Asset(
                  AssetId.random(),
                  asset,
                  request.kind(),
                  request.location(),
                  request.metadataLocation(),
                  request.properties(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> taken(asset))
                  // The namespace or branch was deleted while the asset was being inserted.
                  .onForeignKey(() -> missingPlace(tenant, asset.branch(), asset.namespace()));
          boolean created =
              db.run(
                  "assets.create",
                  violations,
                  connection -> sql.insert(connection, tenant, row, meta));
          if (!created) {
            throw missingPlace(tenant, asset.branch(), asset.namespace());
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<Asset>> get(TenantId tenant, AssetRef asset) {
    return db.submit(
        "assets.get",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          return db.run(
              "assets.get", Violations.NONE, connection -> sql.select(connection, tenant, asset));
        });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getById(TenantId tenant, AssetId id) {
    return db.submit(
        "assets.getById",
        () -> {
          Requests.tenant(tenant);
          Requests.assetId(id, "id");
          return db.run(
              "assets.getById",
              Violations.NONE,
              connection -> sql.selectById(connection, tenant, id));
        });
  }

  @Override
  public CompletableFuture<Page<Asset>> list(
      TenantId tenant,
      BranchRef branch,
      NamespacePath namespace,
      Set<AssetKind> callersKinds,
      PageRequest page) {
    // Copied now, on the caller's thread: the call runs later on a store thread, by when the
    // caller may have changed or reused its set. (The copy keeps nulls for validation to name.)
    return db.submit(
        "assets.list",
        () -> copyOf(callersKinds),
        kinds ->
            () -> {
              Requests.tenant(tenant);
              Requests.branch(branch, "branch");
              Inputs.namespacePath(namespace, "namespace");
              Set<AssetKind> validKinds = Requests.assetKinds(kinds, "kinds");
              ListQuery query = ListQuery.assets(tenant, branch, namespace, validKinds);
              ListQuery.Cursor cursor = query.cursor(page);
              List<Optional<Asset>> rows =
                  db.run(
                      "assets.list",
                      Violations.NONE,
                      connection ->
                          sql.page(connection, tenant, branch, namespace, validKinds, cursor));
              if (rows.isEmpty()) {
                throw missingPlace(tenant, branch, namespace);
              }
              List<Asset> items = rows.stream().flatMap(Optional::stream).toList();
              return query.page(items, cursor, a -> a.ref().name());
            });
  }

  @Override
  public CompletableFuture<Asset> rename(
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected, CommitMeta meta) {
    return db.submit(
        "assets.rename",
        () -> {
          Requests.tenant(tenant);
          Requests.assetRename(from, to, expected);
          VersionRequests.commitMeta(meta, "meta");
          if (from.equals(to)) {
            // The target is taken by the asset itself, if it exists and is the one expected.
            checkExpectation(from, expected, existing(tenant, from));
            throw taken(to);
          }
          Instant now = db.now();
          Violations violations =
              Violations.NONE
                  .onUnique(() -> taken(to))
                  // The target namespace was deleted while the asset was being moved into it.
                  .onForeignKey(() -> missingPlace(tenant, to.branch(), to.namespace()));
          return conditionally(
              "assets.rename",
              from,
              violations,
              connection -> sql.rename(connection, tenant, from, to, expected, now, meta),
              () -> {
                Optional<String> last = checkExpectation(from, expected, existing(tenant, from));
                AssetRows.AssetLookup target = lookup(tenant, to);
                if (target.asset().isPresent()) {
                  throw taken(to);
                }
                ObjectType missing = target.missing().orElseThrow();
                if (missing != ObjectType.ASSET) {
                  throw Missing.along(missing, tenant, to);
                }
                return last;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update, CommitMeta meta) {
    return db.submit(
        "assets.updateProperties",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Inputs.propertyUpdate(update, "update");
          VersionRequests.commitMeta(meta, "meta");
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("update");
          return db.run(
                  "assets.updateProperties",
                  violations,
                  connection -> sql.updateProperties(connection, tenant, asset, update, now, meta))
              .orElseThrow(() -> missing(tenant, asset));
        });
  }

  @Override
  public CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected, CommitMeta meta) {
    return db.submit(
        "assets.delete",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.assetExpectation(expected, "expected");
          VersionRequests.commitMeta(meta, "meta");
          Instant now = db.now();
          conditionally(
              "assets.delete",
              asset,
              Violations.NONE,
              connection ->
                  sql.delete(connection, tenant, asset, expected, now, meta)
                      ? Optional.of(asset)
                      : Optional.empty(),
              () -> checkExpectation(asset, expected, existing(tenant, asset)));
          return null;
        });
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit, CommitMeta meta) {
    return db.submit(
        "assets.commitMetadataLocation",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.metadataCommit(commit, "commit");
          VersionRequests.commitMeta(meta, "meta");
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit(StoredProperties.COMMIT_FIELD);
          return conditionally(
              "assets.commitMetadataLocation",
              asset,
              violations,
              connection -> metadata.commit(connection, tenant, asset, commit, now, meta),
              () -> {
                Optional<String> current = existing(tenant, asset).metadataLocation();
                Conflicts.requireMetadataLocation(asset, commit.expected(), current);
                return current;
              });
        });
  }

  @Override
  public CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> callersCommits, CommitMeta meta) {
    // Copied now, on the caller's thread, as for list's kinds.
    return db.submit(
        "assets.commitMetadataLocations",
        () -> copyOf(callersCommits),
        commits ->
            () -> {
              Requests.tenant(tenant);
              List<AssetCommit> valid = Requests.assetCommits(commits, "commits");
              VersionRequests.commitMeta(meta, "meta");
              BranchRef branch = valid.get(0).asset().branch();
              return db.transaction(
                  "assets.commitMetadataLocations",
                  // No property-limit violation is declared: every part's new properties are
                  // computed from its locked row and checked below, per part and with its own
                  // field, before the write, and the write stores exactly those values. A violation
                  // would mean the statement does not do what this code believes: a defect,
                  // reported as InternalStoreException rather than on a made-up field.
                  Violations.NONE,
                  connection -> {
                    MetadataSql.LockedBranch lockedBranch =
                        metadata.lock(connection, tenant, branch, valid);
                    Map<Integer, Asset> locked = lockedBranch.assets();
                    // Read after the locks are held: a commit that waited for another is stamped
                    // after it.
                    Instant now = db.now();
                    for (int i = 0; i < valid.size(); i++) {
                      if (!locked.containsKey(i)) {
                        throw missing(connection, tenant, valid.get(i).asset());
                      }
                    }
                    Conflicts.requireMetadataLocations(
                        valid, i -> locked.get(i).metadataLocation());
                    for (int i = 0; i < valid.size(); i++) {
                      StoredProperties.check(
                          locked.get(i).properties(),
                          valid.get(i).commit().properties(),
                          StoredProperties.commitPartField(i));
                    }
                    return metadata.apply(
                        connection,
                        tenant,
                        valid,
                        locked,
                        lockedBranch.head().orElseThrow(),
                        now,
                        meta);
                  });
            });
  }

  /** A copy of the caller's set that keeps a null element for validation to name. */
  private static <E> Set<E> copyOf(Set<E> callers) {
    return callers == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(callers));
  }

  /** A copy of the caller's list that keeps a null element for validation to name. */
  private static <E> List<E> copyOf(List<E> callers) {
    return callers == null ? null : Collections.unmodifiableList(new ArrayList<>(callers));
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> history(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return db.submit(
        "assets.history",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          ListQuery query = ListQuery.history(tenant, asset);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Optional<MetadataLocation>> rows =
              db.run(
                  "assets.history",
                  Violations.NONE,
                  connection -> metadata.historyPage(connection, tenant, asset, cursor));
          if (rows.isEmpty()) {
            throw missing(tenant, asset);
          }
          List<MetadataLocation> items = rows.stream().flatMap(Optional::stream).toList();
          return query.page(items, cursor, h -> Long.toString(h.sequence()));
        });
  }

  /**
   * Runs a conditional change of {@code asset}, one statement that matches nothing unless its
   * conditions hold. If it matched nothing, {@code explain} reads the asset again and throws what
   * went wrong; if it finds nothing wrong, the asset changed back in between, and the change runs
   * again. After {@value #CONDITIONAL_ATTEMPTS} such rounds it gives up with {@link
   * Conflicts#keptChanging}, carrying the value {@code explain} returned from its last read.
   */
  private <T> T conditionally(
      String operation,
      AssetRef asset,
      Violations violations,
      SqlWork<Optional<T>> change,
      Supplier<Optional<String>> explain) {
    Optional<String> lastRead = Optional.empty();
    for (int attempt = 1; attempt <= CONDITIONAL_ATTEMPTS; attempt++) {
      Optional<T> changed = db.run(operation, violations, change);
      if (changed.isPresent()) {
        return changed.get();
      }
      lastRead = explain.get();
    }
    throw Conflicts.keptChanging(operation, asset, lastRead);
  }

  /**
   * Throws {@code ConflictException} if {@code current} does not meet {@code expected}; otherwise
   * returns the value a conflict would carry ({@link Conflicts#guardedValue}).
   */
  private static Optional<String> checkExpectation(
      AssetRef asset, AssetExpectation expected, Asset current) {
    Conflicts.requireExpected(asset, expected, current);
    return Conflicts.guardedValue(expected, current);
  }

  /** The asset as it is now; {@code NotFoundException} for the outermost missing part. */
  private Asset existing(TenantId tenant, AssetRef asset) {
    AssetRows.AssetLookup found = lookup(tenant, asset);
    if (found.missing().isPresent()) {
      throw Missing.along(found.missing().get(), tenant, asset);
    }
    return found.asset().orElseThrow();
  }

  private AssetRows.AssetLookup lookup(TenantId tenant, AssetRef asset) {
    return db.run(
        "assets.lookup", Violations.NONE, connection -> sql.lookup(connection, tenant, asset));
  }

  /**
   * The failure path of a statement that did not find {@code asset}: the outermost missing part of
   * its address; the asset itself if all exist by now (it did not when the statement ran).
   */
  private NotFoundException missing(TenantId tenant, AssetRef asset) {
    return db.run(
        "assets.lookup", Violations.NONE, connection -> missing(connection, tenant, asset));
  }

  private NotFoundException missing(Connection connection, TenantId tenant, AssetRef asset)
      throws SQLException {
    ObjectType missing = sql.lookup(connection, tenant, asset).missing().orElse(ObjectType.ASSET);
    return Missing.along(missing, tenant, asset);
  }

  /** Like {@link #missing(TenantId, AssetRef)}, for the place of a create or a list. */
  private NotFoundException missingPlace(
      TenantId tenant, BranchRef branch, NamespacePath namespace) {
    ObjectType missing =
        db.run(
                "assets.lookup",
                Violations.NONE,
                connection -> sql.missingPlace(connection, tenant, branch, namespace))
            .orElse(ObjectType.NAMESPACE);
    return Missing.along(missing, tenant, branch, namespace);
  }

  private static AlreadyExistsException taken(AssetRef asset) {
    return Taken.asset(asset);
  }
}
