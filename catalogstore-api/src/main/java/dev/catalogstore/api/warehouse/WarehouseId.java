package dev.catalogstore.api.warehouse;

import java.util.Objects;
import java.util.UUID;

/** Identifies a warehouse within its tenant. */
public record WarehouseId(UUID value) {
  public WarehouseId {
    Objects.requireNonNull(value, "value");
  }

  public static WarehouseId random() {
    return new WarehouseId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
