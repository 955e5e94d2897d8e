package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.location;
import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.properties;
import static dev.catalogstore.api.spi.Inputs.propertyUpdate;
import static dev.catalogstore.api.spi.Inputs.required;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.SecretOptions;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of the contract's request values, shared by every backend so that all of them accept
 * and reject exactly the same inputs with the same field names. Each method takes the parameter's
 * name as {@code field} and reports nested parts as {@code field.part}.
 */
public final class Requests {
  private Requests() {}

  public static TenantId tenant(TenantId tenant) {
    return required(tenant, "tenant");
  }

  public static NewTenant newTenant(NewTenant tenant, String field) {
    required(tenant, field);
    name(tenant.name(), field + ".name");
    properties(tenant.properties(), field + ".properties");
    return tenant;
  }

  public static TenantUpdate tenantUpdate(TenantUpdate update, String field) {
    required(update, field);
    update.name().ifPresent(n -> name(n, field + ".name"));
    propertyUpdate(update.properties(), field + ".properties");
    return update;
  }

  public static NewWarehouse newWarehouse(NewWarehouse warehouse, String field) {
    required(warehouse, field);
    name(warehouse.name(), field + ".name");
    storage(warehouse.storage(), field + ".storage");
    credentials(warehouse.credentials(), field + ".credentials");
    properties(warehouse.properties(), field + ".properties");
    return warehouse;
  }

  public static WarehouseUpdate warehouseUpdate(WarehouseUpdate update, String field) {
    required(update, field);
    update.storage().ifPresent(s -> storage(s, field + ".storage"));
    update.credentials().ifPresent(c -> credentials(c, field + ".credentials"));
    propertyUpdate(update.properties(), field + ".properties");
    return update;
  }

  public static NewCatalog newCatalog(NewCatalog catalog, String field) {
    required(catalog, field);
    name(catalog.name(), field + ".name");
    CatalogSource source = required(catalog.source(), field + ".source");
    if (source instanceof CatalogSource.Local local) {
      name(local.warehouse(), field + ".source.warehouse");
    } else if (source instanceof CatalogSource.Federated federated) {
      connector(federated.connector(), field + ".source.connector");
    }
    properties(catalog.properties(), field + ".properties");
    return catalog;
  }

  public static CatalogUpdate catalogUpdate(CatalogUpdate update, String field) {
    required(update, field);
    update.connector().ifPresent(c -> connector(c, field + ".connector"));
    propertyUpdate(update.properties(), field + ".properties");
    return update;
  }

  /** A namespace address whose path has at least one segment. */
  public static NamespaceRef namespace(NamespaceRef namespace, String field) {
    required(namespace, field);
    name(namespace.catalog(), field + ".catalog");
    Inputs.namespacePath(namespace.path(), field + ".path");
    return namespace;
  }

  /** A namespace address that may be a catalog's root (for listing children). */
  public static NamespaceRef namespaceOrRoot(NamespaceRef namespace, String field) {
    required(namespace, field);
    name(namespace.catalog(), field + ".catalog");
    Inputs.namespacePathOrRoot(namespace.path(), field + ".path");
    return namespace;
  }

  public static BranchRef branch(BranchRef branch, String field) {
    required(branch, field);
    name(branch.catalog(), field + ".catalog");
    name(branch.branch(), field + ".branch");
    return branch;
  }

  public static AssetRef asset(AssetRef asset, String field) {
    // The common, valid case is checked without building the field names of errors (a string
    // concatenation each, which would cost a single-asset read more than its look-up).
    if (asset != null
        && asset.branch() != null
        && Inputs.isName(asset.branch().catalog())
        && Inputs.isName(asset.branch().branch())
        && Inputs.isNamespacePath(asset.namespace())
        && Inputs.isName(asset.name())) {
      return asset;
    }
    required(asset, field);
    branch(asset.branch(), field + ".branch");
    Inputs.namespacePath(asset.namespace(), field + ".namespace");
    name(asset.name(), field + ".name");
    return asset;
  }

  public static AssetId assetId(AssetId id, String field) {
    return required(id, field);
  }

  public static NewAsset newAsset(NewAsset request, String field) {
    required(request, field);
    required(request.kind(), field + ".kind");
    request.location().ifPresent(l -> location(l, field + ".location"));
    request.metadataLocation().ifPresent(l -> location(l, field + ".metadataLocation"));
    properties(request.properties(), field + ".properties");
    return request;
  }

  public static MetadataCommit metadataCommit(MetadataCommit commit, String field) {
    required(commit, field);
    commit.expected().ifPresent(l -> location(l, field + ".expected"));
    location(commit.next(), field + ".next");
    if (commit.expected().filter(commit.next()::equals).isPresent()) {
      // Every concurrent writer would "win" a swap of a location for itself, each appending a
      // history entry: the exactly-one-winner rule needs next to differ from expected.
      throw new InvalidArgumentException(field + ".next", "must differ from expected");
    }
    commit.location().ifPresent(l -> location(l, field + ".location"));
    propertyUpdate(commit.properties(), field + ".properties");
    return commit;
  }

  /**
   * The parts of a multi-asset commit: at least one, each valid, no asset named twice, all on the
   * catalog and branch of the first.
   */
  public static List<AssetCommit> assetCommits(List<AssetCommit> commits, String field) {
    required(commits, field);
    if (commits.isEmpty()) {
      throw new InvalidArgumentException(field, "must name at least one asset");
    }
    Set<AssetRef> seen = new HashSet<>();
    for (int i = 0; i < commits.size(); i++) {
      String part = field + "[" + i + "]";
      AssetCommit commit = required(commits.get(i), part);
      asset(commit.asset(), part + ".asset");
      metadataCommit(commit.commit(), part + ".commit");
      if (!commit.asset().branch().equals(commits.get(0).asset().branch())) {
        throw new InvalidArgumentException(
            part + ".asset.branch",
            "every asset of one commit must be on " + commits.get(0).asset().branch());
      }
      if (!seen.add(commit.asset())) {
        throw new InvalidArgumentException(part + ".asset", "names an asset given before");
      }
    }
    return List.copyOf(commits);
  }

  /**
   * The arguments of a rename, in the order every backend reports them: {@code from}, {@code to},
   * then the rule that an asset moves only within its catalog and branch ({@code to.branch}), then
   * {@code expected}.
   */
  public static void assetRename(AssetRef from, AssetRef to, AssetExpectation expected) {
    asset(from, "from");
    asset(to, "to");
    if (!from.branch().equals(to.branch())) {
      throw new InvalidArgumentException(
          "to.branch",
          "an asset moves only within its catalog and branch "
              + from.branch()
              + ", not to "
              + to.branch());
    }
    assetExpectation(expected, "expected");
  }

  /** The expectation of a guarded delete or rename; {@link AssetExpectation#ANY} is valid. */
  public static AssetExpectation assetExpectation(AssetExpectation expected, String field) {
    required(expected, field);
    expected.metadataLocation().ifPresent(l -> location(l, field + ".metadataLocation"));
    return expected;
  }

  /** A non-empty set of asset kinds, returned as an unmodifiable {@link EnumSet} copy. */
  public static Set<AssetKind> assetKinds(Set<AssetKind> kinds, String field) {
    required(kinds, field);
    if (kinds.isEmpty()) {
      throw new InvalidArgumentException(field, "must name at least one kind");
    }
    EnumSet<AssetKind> copy = EnumSet.noneOf(AssetKind.class);
    for (AssetKind kind : kinds) {
      copy.add(required(kind, field + "[]"));
    }
    return Collections.unmodifiableSet(copy);
  }

  private static void storage(StorageConfig storage, String field) {
    required(storage, field);
    required(storage.type(), field + ".type");
    location(storage.rootLocation(), field + ".rootLocation");
    plainOptions(storage.options(), field + ".options", "warehouse's credentials");
  }

  private static void credentials(Credentials credentials, String field) {
    required(credentials, field);
    properties(credentials.values(), field + ".values");
  }

  private static void connector(ConnectorConfig connector, String field) {
    required(connector, field);
    name(connector.connectorType(), field + ".connectorType");
    plainOptions(connector.options(), field + ".options", "connector's credentials");
    credentials(connector.credentials(), field + ".credentials");
  }

  /**
   * A property map that holds no secret by {@link SecretOptions}'s rule. The message names the key,
   * never its value, and says where the secret belongs ({@code home}).
   */
  private static void plainOptions(Map<String, String> options, String field, String home) {
    properties(options, field);
    for (String key : options.keySet()) {
      if (SecretOptions.isSecret(key)) {
        throw new InvalidArgumentException(
            field,
            "key '"
                + key
                + "' holds a secret, which is never stored in plain options: put it into the "
                + home
                + ", which are sealed");
      }
    }
  }
}
