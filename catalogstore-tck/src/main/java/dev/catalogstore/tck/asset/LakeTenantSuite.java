package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.TckSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the suites for what an Iceberg catalog needs of the assets facet (commits that also
 * move the location or change properties, multi-asset commits, guarded changes, kinds-narrowed
 * lists): a fresh tenant holding catalog {@code lake} and namespace {@code sales}, tables made in
 * one line, whole reads, and a frozen clock for the timestamp rules.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class LakeTenantSuite extends TckSuite {
  protected static final String CATALOG = "lake";

  /** An instant with nanoseconds, which a store must cut to microseconds. */
  protected static final Instant T0 = Instant.parse("2032-04-05T06:07:08.987654321Z");

  /** {@link #T0} cut to microseconds. */
  protected static final Instant T0_MICROS = Instant.parse("2032-04-05T06:07:08.987654Z");

  protected static final Duration LATER = Duration.ofMinutes(7);

  protected TenantId tenant;
  protected NamespaceRef sales;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, CATALOG);
    sales = newNamespaces(tenant, CATALOG, "sales");
  }

  /** The {@code n}th metadata file of the table {@code name}. */
  protected static String v(String name, int n) {
    return "s3://lake/sales/" + name + "/metadata/" + n + ".metadata.json";
  }

  /** An Iceberg table in {@code sales} whose metadata is {@code v(name, 1)}, with properties. */
  protected AssetRef table(String name, Map<String, String> properties) {
    AssetRef ref = assetOnMain(sales, name);
    await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.builder(AssetKind.ICEBERG_TABLE)
                    .location("s3://lake/sales/" + name)
                    .metadataLocation(v(name, 1))
                    .properties(properties)
                    .build()));
    return ref;
  }

  /** An Iceberg table in {@code sales} whose metadata is {@code v(name, 1)}. */
  protected AssetRef table(String name) {
    return table(name, Map.of());
  }

  /** An asset of {@code kind} in {@code sales} with nothing but its kind. */
  protected AssetRef bare(String name, AssetKind kind) {
    AssetRef ref = assetOnMain(sales, name);
    await(store().assets().create(tenant, ref, NewAsset.of(kind)));
    return ref;
  }

  protected Optional<Asset> get(AssetRef ref) {
    return await(store().assets().get(tenant, ref));
  }

  protected Asset read(AssetRef ref) {
    return get(ref).orElseThrow(() -> new AssertionError("asset " + ref + " does not exist"));
  }

  protected List<MetadataLocation> history(AssetRef ref) {
    return PagedReads.all(page -> store().assets().history(tenant, ref, page));
  }

  /** The metadata locations of the asset's history, newest first. */
  protected List<String> historyLocations(AssetRef ref) {
    return history(ref).stream().map(MetadataLocation::location).toList();
  }

  /**
   * Runs {@code body} with the store's clock frozen at {@link #T0}, and resumes the clock after;
   * skips the test for a backend without a controllable clock.
   */
  protected void withFrozenClock(Consumer<TckClock> body) {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    TckClock clock = fixture().clock().get();
    clock.freezeAt(T0);
    try {
      body.accept(clock);
    } finally {
      clock.resume();
    }
  }

  /**
   * Asserts that a history, newest first, is one linear chain: sequences n..1 without gaps, each
   * entry's previous location the location of the entry before it, the first without one: the shape
   * of a history maintenance has not pruned.
   */
  protected static void assertOneChain(List<MetadataLocation> newestFirst) {
    int size = newestFirst.size();
    assertThat(newestFirst)
        .extracting(MetadataLocation::sequence)
        .containsExactlyElementsOf(
            IntStream.iterate(size, n -> n >= 1, n -> n - 1).mapToObj(n -> (long) n).toList());
    for (int i = 0; i < size - 1; i++) {
      assertThat(newestFirst.get(i).previousLocation())
          .as("the location entry %d replaced", newestFirst.get(i).sequence())
          .contains(newestFirst.get(i + 1).location());
    }
    if (size > 0) {
      assertThat(newestFirst.get(size - 1).previousLocation()).as("before entry 1").isEmpty();
    }
  }
}
