package dev.catalogstore.api.commit;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * An asset's key within a branch: its namespace and name. History and merges compare assets by key,
 * not by id, because ids are per branch: the same table has different ids on two branches.
 *
 * <p>Keys are ordered by namespace (segment by segment, by code point, a shorter prefix first),
 * then by name (by code point), the order of {@link CodePointOrder}, so that everything listed per
 * key (a commit's operations, a merge's changes and conflicts) comes out in one deterministic order
 * on every backend.
 *
 * @param namespace the namespace the asset lives in
 * @param name the asset's name in that namespace
 */
public record AssetKey(NamespacePath namespace, String name) implements Comparable<AssetKey> {
  private static final Comparator<AssetKey> ORDER =
      Comparator.comparing((AssetKey k) -> k.namespace.segments(), CodePointOrder.SEQUENCES)
          .thenComparing(AssetKey::name, CodePointOrder.STRINGS);

  public AssetKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The key of the asset at {@code ref}, dropping its catalog and branch. */
  public static AssetKey of(AssetRef ref) {
    return new AssetKey(ref.namespace(), ref.name());
  }

  /** Namespace first, then name, both by code point. */
  @Override
  public int compareTo(AssetKey other) {
    return ORDER.compare(this, other);
  }

  /** A readable form for messages: {@code "sales"."2024.q1"."orders"}. */
  @Override
  public String toString() {
    return namespace + ".\"" + name + "\"";
  }
}
