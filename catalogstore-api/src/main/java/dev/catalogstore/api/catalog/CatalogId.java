package dev.catalogstore.api.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies a catalog within its tenant. */
public record CatalogId(UUID value) {
  public CatalogId {
    Objects.requireNonNull(value, "value");
  }

  public static CatalogId random() {
    return new CatalogId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
