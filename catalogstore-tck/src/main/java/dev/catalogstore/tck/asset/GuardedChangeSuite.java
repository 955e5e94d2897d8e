package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import java.util.List;
import java.util.Optional;

/**
 * The base of the guarded change suites: the {@link LakeTenantSuite} fixture and the assertions
 * that a refused guarded change left the asset as it was.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class GuardedChangeSuite extends LakeTenantSuite {
  /** Asserts that the asset at {@code ref} is exactly {@code before}, history included. */
  protected void assertUnchanged(AssetRef ref, Asset before) {
    assertThat(get(ref)).as("the asset at %s", ref).contains(before);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(before);
    List<MetadataLocation> history = history(ref);
    assertThat(history.stream().map(MetadataLocation::location).findFirst())
        .as("the newest history entry of %s", ref)
        .isEqualTo(before.metadataLocation());
  }

  protected void assertNotRenamed(AssetRef from, Asset before, AssetRef to) {
    assertUnchanged(from, before);
    assertThat(get(to)).as("the rename's target %s", to).isEmpty();
    assertThat(Optional.of(before.ref())).contains(from);
  }
}
