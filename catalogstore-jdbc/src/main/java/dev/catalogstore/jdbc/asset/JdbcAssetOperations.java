package dev.catalogstore.jdbc.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetOperations;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.validation.Inputs;
import dev.catalogstore.api.validation.Requests;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.Keyset;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Assets on PostgreSQL: validation and outcomes here, the statements in {@link AssetReads}, {@link
 * AssetWrites} and {@link MetadataPointer}. Each operation is one statement; only a failed rename
 * onto itself or a failed commit reads again, to tell its failures apart. Internal to the JDBC
 * store.
 */
public final class JdbcAssetOperations implements AssetOperations {
  private final Database db;
  private final AssetReads reads;
  private final AssetWrites writes;
  private final MetadataPointer pointer;

  public JdbcAssetOperations(Database db, SqlText sql) {
    this.db = db;
    this.reads = new AssetReads(sql);
    this.writes = new AssetWrites(sql);
    this.pointer = new MetadataPointer(sql);
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return db.submit("createAsset", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      Requests.newAsset(request, "request");
      Instant now = db.now();
      return db.run(
          "createAsset",
          new Violations(
              () -> new AlreadyExistsException("asset " + asset + " already exists"),
              // The namespace or branch was deleted while the asset was being inserted.
              () -> placeNotFound(asset)),
          connection -> writes.create(connection, tenant, asset, request, now))
          .orElseThrow(() -> placeNotFound(asset));
    });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAsset(TenantId tenant, AssetRef asset) {
    return db.submit("getAsset", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      return db.run("getAsset", Violations.none("getAsset"),
          connection -> reads.get(connection, tenant, asset));
    });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return db.submit("getAssetById", () -> {
      Requests.tenant(tenant);
      Requests.assetId(id, "id");
      return db.run("getAssetById", Violations.none("getAssetById"),
          connection -> reads.getById(connection, tenant, id));
    });
  }

  @Override
  public CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    return db.submit("listAssets", () -> {
      Requests.tenant(tenant);
      Requests.branch(branch, "branch");
      Inputs.namespacePath(namespace, "namespace");
      List<String> arguments = new ArrayList<>(List.of(branch.catalog(), branch.branch()));
      arguments.addAll(namespace.segments());
      Keyset keyset = new Keyset(tenant, "assets", arguments);
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      List<Optional<Asset>> rows = db.run("listAssets", Violations.none("listAssets"),
          connection -> reads.page(connection, tenant, branch, namespace, cursor));
      if (rows.isEmpty()) {
        throw new NotFoundException("namespace " + namespace + " on branch " + branch
            + " does not exist (or its catalog or branch does not)");
      }
      List<Asset> items = rows.stream().flatMap(Optional::stream).toList();
      return keyset.page(items, cursor, a -> List.of(a.ref().name()));
    });
  }

  @Override
  public CompletableFuture<Asset> renameAsset(TenantId tenant, AssetRef from, AssetRef to) {
    return db.submit("renameAsset", () -> {
      Requests.tenant(tenant);
      Requests.asset(from, "from");
      Requests.asset(to, "to");
      if (!from.branch().equals(to.branch())) {
        throw new InvalidArgumentException(
            "to.branch", "an asset moves within its catalog and branch " + from.branch()
                + ", not to " + to.branch());
      }
      if (from.equals(to)) {
        // The target is taken by the asset itself, if it exists.
        boolean exists = db.run("renameAsset", Violations.none("renameAsset"),
            connection -> reads.get(connection, tenant, from)).isPresent();
        throw exists
            ? new AlreadyExistsException("asset " + to + " already exists")
            : assetNotFound(from);
      }
      Instant now = db.now();
      return db.run(
          "renameAsset",
          new Violations(
              () -> new AlreadyExistsException("asset " + to + " already exists"),
              () -> new NotFoundException("namespace " + to.namespaceRef() + " does not exist")),
          connection -> writes.rename(connection, tenant, from, to, now))
          .orElseThrow(() -> new NotFoundException(
              "asset " + from + " does not exist, or namespace " + to.namespaceRef()
                  + " does not"));
    });
  }

  @Override
  public CompletableFuture<Asset> updateAssetProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return db.submit("updateAssetProperties", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      Inputs.propertyUpdate(update, "update");
      Instant now = db.now();
      return db.run("updateAssetProperties", Violations.none("updateAssetProperties"),
          connection -> writes.updateProperties(connection, tenant, asset, update, now))
          .orElseThrow(() -> assetNotFound(asset));
    });
  }

  @Override
  public CompletableFuture<Void> deleteAsset(TenantId tenant, AssetRef asset) {
    return db.submit("deleteAsset", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      boolean deleted = db.run("deleteAsset", Violations.none("deleteAsset"),
          connection -> writes.delete(connection, tenant, asset));
      if (!deleted) {
        throw assetNotFound(asset);
      }
      return null;
    });
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return db.submit("commitMetadataLocation", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      Requests.metadataCommit(commit, "commit");
      Instant now = db.now();
      Optional<Asset> committed = db.run(
          "commitMetadataLocation",
          Violations.none("commitMetadataLocation"),
          connection -> pointer.commit(connection, tenant, asset, commit, now));
      if (committed.isPresent()) {
        return committed.get();
      }
      Optional<Optional<String>> current = db.run(
          "commitMetadataLocation",
          Violations.none("commitMetadataLocation"),
          connection -> pointer.currentLocation(connection, tenant, asset));
      if (current.isEmpty()) {
        throw assetNotFound(asset);
      }
      throw new ConflictException(
          "the metadata location of asset " + asset + " is "
              + current.get().map(l -> "'" + l + "'").orElse("unset") + ", not "
              + commit.expected().map(l -> "'" + l + "'").orElse("unset") + " as expected",
          current.get().orElse(null));
    });
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> listMetadataHistory(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return db.submit("listMetadataHistory", () -> {
      Requests.tenant(tenant);
      Requests.asset(asset, "asset");
      List<String> arguments = new ArrayList<>(List.of(asset.catalog(), asset.branch().branch()));
      arguments.addAll(asset.namespace().segments());
      arguments.add(asset.name());
      Keyset keyset = new Keyset(tenant, "metadata-history", arguments);
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      long beforeSequence = cursor.beforeSequence();
      List<Optional<MetadataLocation>> rows = db.run(
          "listMetadataHistory",
          Violations.none("listMetadataHistory"),
          connection -> pointer.historyPage(connection, tenant, asset, beforeSequence, cursor));
      if (rows.isEmpty()) {
        throw assetNotFound(asset);
      }
      List<MetadataLocation> items = rows.stream().flatMap(Optional::stream).toList();
      return keyset.page(items, cursor, h -> List.of(Long.toString(h.sequence())));
    });
  }

  private static NotFoundException assetNotFound(AssetRef asset) {
    return new NotFoundException("asset " + asset + " does not exist");
  }

  private static NotFoundException placeNotFound(AssetRef asset) {
    return new NotFoundException("namespace " + asset.namespaceRef() + " on branch "
        + asset.branch() + " does not exist (or its catalog or branch does not)");
  }
}
