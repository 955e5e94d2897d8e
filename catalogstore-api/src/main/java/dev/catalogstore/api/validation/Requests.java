package dev.catalogstore.api.validation;

import static dev.catalogstore.api.validation.Inputs.location;
import static dev.catalogstore.api.validation.Inputs.name;
import static dev.catalogstore.api.validation.Inputs.properties;
import static dev.catalogstore.api.validation.Inputs.propertyUpdate;
import static dev.catalogstore.api.validation.Inputs.required;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.WarehouseUpdate;

/**
 * Validation of the contract's request values, shared by every backend so that all of them
 * accept and reject exactly the same inputs with the same field names. Each method takes the
 * parameter's name as {@code field} and reports nested parts as {@code field.part}.
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
    return commit;
  }

  private static void storage(StorageConfig storage, String field) {
    required(storage, field);
    required(storage.type(), field + ".type");
    location(storage.rootLocation(), field + ".rootLocation");
    properties(storage.options(), field + ".options");
  }

  private static void credentials(Credentials credentials, String field) {
    required(credentials, field);
    properties(credentials.values(), field + ".values");
  }

  private static void connector(ConnectorConfig connector, String field) {
    required(connector, field);
    name(connector.connectorType(), field + ".connectorType");
    properties(connector.options(), field + ".options");
  }
}
