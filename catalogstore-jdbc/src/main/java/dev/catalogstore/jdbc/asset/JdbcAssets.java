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
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.NotFound;
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

/**
 * The assets facet on PostgreSQL: validation and outcomes here, the statements in {@link AssetSql}
 * and {@link MetadataSql}.
 *
 * <p>Every operation but the multi-asset commit is one statement, which decides atomically
 * (constraints, a conditional {@code UPDATE} or {@code DELETE}). Only when it matched nothing does
 * a second read ({@link AssetSql#lookup}) say why: the outermost missing part of the address, a
 * lost compare-and-set with the location stored now, an expectation that does not hold. The
 * multi-asset commit is one transaction that locks, checks and writes. Internal to the JDBC store.
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
  public CompletableFuture<Asset> create(TenantId tenant, AssetRef asset, NewAsset request) {
    return db.submit(
        "assets.create",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.newAsset(request, "request");
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
                  "assets.create", violations, connection -> sql.insert(connection, tenant, row));
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
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected) {
    return db.submit(
        "assets.rename",
        () -> {
          Requests.tenant(tenant);
          Requests.assetRename(from, to, expected);
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
              violations,
              connection -> sql.rename(connection, tenant, from, to, expected, now),
              () -> {
                checkExpectation(from, expected, existing(tenant, from));
                AssetRows.AssetLookup target = lookup(tenant, to);
                if (target.asset().isPresent()) {
                  throw taken(to);
                }
                ObjectType missing = target.missing().orElseThrow();
                if (missing != ObjectType.ASSET) {
                  throw NotFound.along(missing, tenant, to);
                }
              });
        });
  }

  @Override
  public CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return db.submit(
        "assets.updateProperties",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Inputs.propertyUpdate(update, "update");
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("update");
          return db.run(
                  "assets.updateProperties",
                  violations,
                  connection -> sql.updateProperties(connection, tenant, asset, update, now))
              .orElseThrow(() -> missing(tenant, asset));
        });
  }

  @Override
  public CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected) {
    return db.submit(
        "assets.delete",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.assetExpectation(expected, "expected");
          conditionally(
              "assets.delete",
              Violations.NONE,
              connection ->
                  sql.delete(connection, tenant, asset, expected)
                      ? Optional.of(asset)
                      : Optional.empty(),
              () -> checkExpectation(asset, expected, existing(tenant, asset)));
          return null;
        });
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return db.submit(
        "assets.commitMetadataLocation",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.metadataCommit(commit, "commit");
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("commit.properties");
          return conditionally(
              "assets.commitMetadataLocation",
              violations,
              connection -> metadata.commit(connection, tenant, asset, commit, now),
              () -> {
                Optional<String> current = existing(tenant, asset).metadataLocation();
                if (!current.equals(commit.expected())) {
                  throw new ConflictException(
                      "the metadata location of asset "
                          + asset
                          + " is "
                          + describe(current)
                          + ", not "
                          + describe(commit.expected())
                          + " as expected",
                      current.orElse(null));
                }
              });
        });
  }

  @Override
  public CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> callersCommits) {
    // Copied now, on the caller's thread, as for list's kinds.
    return db.submit(
        "assets.commitMetadataLocations",
        () -> copyOf(callersCommits),
        commits ->
            () -> {
              Requests.tenant(tenant);
              List<AssetCommit> valid = Requests.assetCommits(commits, "commits");
              BranchRef branch = valid.get(0).asset().branch();
              Instant now = db.now();
              return db.transaction(
                  "assets.commitMetadataLocations",
                  Violations.NONE.onPropertyLimit("commits"),
                  connection -> {
                    Map<Integer, Asset> locked = metadata.lock(connection, tenant, branch, valid);
                    for (int i = 0; i < valid.size(); i++) {
                      if (!locked.containsKey(i)) {
                        throw missing(connection, tenant, valid.get(i).asset());
                      }
                    }
                    List<StaleAsset> stale = new ArrayList<>();
                    for (int i = 0; i < valid.size(); i++) {
                      AssetCommit part = valid.get(i);
                      Optional<String> current = locked.get(i).metadataLocation();
                      if (!current.equals(part.commit().expected())) {
                        stale.add(new StaleAsset(part.asset(), part.commit().expected(), current));
                      }
                    }
                    if (!stale.isEmpty()) {
                      throw new AssetsConflictException(
                          stale.size()
                              + " of "
                              + valid.size()
                              + " assets do not have the expected metadata location: "
                              + stale,
                          stale);
                    }
                    for (int i = 0; i < valid.size(); i++) {
                      StoredProperties.check(
                          locked.get(i).properties(),
                          valid.get(i).commit().properties(),
                          "commits[" + i + "].commit.properties");
                    }
                    return metadata.apply(connection, tenant, valid, locked, now);
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
   * Runs a conditional change, one statement that matches nothing unless its conditions hold. If it
   * matched nothing, {@code explain} reads the asset again and throws what went wrong; if it finds
   * nothing wrong, the asset changed back in between, and the change runs again.
   */
  private <T> T conditionally(
      String operation, Violations violations, SqlWork<Optional<T>> change, Runnable explain) {
    for (int attempt = 1; attempt <= CONDITIONAL_ATTEMPTS; attempt++) {
      Optional<T> changed = db.run(operation, violations, change);
      if (changed.isPresent()) {
        return changed.get();
      }
      explain.run();
    }
    throw new ConflictException(
        operation
            + " failed: the asset kept changing while the store "
            + "decided; read it again and retry");
  }

  /** Throws {@code ConflictException} if {@code current} does not meet {@code expected}. */
  private static void checkExpectation(AssetRef asset, AssetExpectation expected, Asset current) {
    Optional<AssetExpectation.Mismatch> mismatch =
        expected.mismatch(current.id(), current.kind(), current.metadataLocation());
    if (mismatch.isPresent()) {
      String value = mismatch.get().currentValue();
      throw new ConflictException(
          "asset "
              + asset
              + " is not the one expected: its "
              + mismatch.get().attribute()
              + " is "
              + (value == null ? "unset" : "'" + value + "'"),
          value);
    }
  }

  /** The asset as it is now; {@code NotFoundException} for the outermost missing part. */
  private Asset existing(TenantId tenant, AssetRef asset) {
    AssetRows.AssetLookup found = lookup(tenant, asset);
    if (found.missing().isPresent()) {
      throw NotFound.along(found.missing().get(), tenant, asset);
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
    return NotFound.along(missing, tenant, asset);
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
    return NotFound.along(missing, tenant, branch, namespace);
  }

  private static AlreadyExistsException taken(AssetRef asset) {
    return new AlreadyExistsException("asset " + asset + " already exists");
  }

  private static String describe(Optional<String> location) {
    return location.map(l -> "'" + l + "'").orElse("unset");
  }
}
