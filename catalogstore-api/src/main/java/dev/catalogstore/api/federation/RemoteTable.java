package dev.catalogstore.api.federation;

import java.util.Objects;

/**
 * A table of a remote catalog, as a {@link FederatedCatalogConnector} lists it in one namespace.
 *
 * @param name its name in its namespace
 * @param metadataLocation where its current metadata file is, mirrored as the asset's metadata
 *     location
 */
public record RemoteTable(String name, String metadataLocation) {
  public RemoteTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metadataLocation, "metadataLocation");
  }
}
