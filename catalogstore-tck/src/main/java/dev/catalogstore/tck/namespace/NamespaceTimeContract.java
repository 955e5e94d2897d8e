package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code namespaces()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock). Every mutating method
 * is covered: {@code create} stamps both times; every form of {@code updateProperties} (set-only,
 * remove-only, both, empty, removing an absent key) and {@code replaceProperties} moves {@code
 * updatedAt} to the clock's instant and keeps {@code createdAt}, even when the properties end up
 * unchanged; a refused call moves nothing. What a write returns is what {@code get} and {@code
 * list} read afterwards.
 */
public abstract class NamespaceTimeContract extends TimeSuite {
  @Test
  void aNamespaceIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    Namespace created = await(store().namespaces().create(tenant, ref, Map.of()));
    clock.advance(LATER);
    Namespace updated =
        await(store().namespaces().replaceProperties(tenant, ref, Map.of("k", "v")));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void createStampsATopLevelAndANestedNamespaceWithTheClockCutToMicroseconds() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");

    for (NamespaceRef ref :
        List.of(NamespaceRef.of("cat", "db"), NamespaceRef.of("cat", "db", "nested"))) {
      Namespace created = await(store().namespaces().create(tenant, ref, Map.of("k", "v")));

      assertThat(created.createdAt()).as("createdAt of %s", ref).isEqualTo(T0_MICROS);
      assertThat(created.updatedAt()).as("updatedAt of %s", ref).isEqualTo(T0_MICROS);
      assertReadsBack(tenant, created);
    }
  }

  @Test
  void everyFormOfUpdatePropertiesMovesUpdatedAtAndKeepsCreatedAt() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    await(store().namespaces().create(tenant, ref, Map.of("a", "1", "b", "2")));
    Map<String, PropertyUpdate> updates = new LinkedHashMap<>();
    updates.put("set-only", PropertyUpdate.setting("c", "3"));
    updates.put("remove-only", PropertyUpdate.removing(Set.of("a")));
    updates.put("set and remove", new PropertyUpdate(Map.of("a", "1"), Set.of("c")));
    updates.put("setting a value it already has", PropertyUpdate.setting("a", "1"));
    updates.put("removing an absent key", PropertyUpdate.removing(Set.of("never-set")));
    updates.put("empty", PropertyUpdate.NONE);

    Instant expected = T0_MICROS;
    for (Map.Entry<String, PropertyUpdate> update : updates.entrySet()) {
      clock.advance(LATER);
      expected = expected.plus(LATER);

      Namespace updated =
          await(store().namespaces().updateProperties(tenant, ref, update.getValue()));

      assertThat(updated.createdAt())
          .as("createdAt after a %s update", update.getKey())
          .isEqualTo(T0_MICROS);
      assertThat(updated.updatedAt())
          .as("updatedAt after a %s update", update.getKey())
          .isEqualTo(expected);
      assertReadsBack(tenant, updated);
    }
  }

  @Test
  void replacePropertiesMovesUpdatedAtAndKeepsCreatedAtAlsoForTheSameMap() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    await(store().namespaces().create(tenant, ref, Map.of("a", "1")));

    Instant expected = T0_MICROS;
    for (Map<String, String> properties :
        List.of(Map.of("b", "2"), Map.of("b", "2"), Map.<String, String>of())) {
      clock.advance(LATER);
      expected = expected.plus(LATER);

      Namespace replaced = await(store().namespaces().replaceProperties(tenant, ref, properties));

      assertThat(replaced.createdAt())
          .as("createdAt after replacing with %s", properties)
          .isEqualTo(T0_MICROS);
      assertThat(replaced.updatedAt())
          .as("updatedAt after replacing with %s", properties)
          .isEqualTo(expected);
      assertReadsBack(tenant, replaced);
    }
  }

  /** A refused call changes nothing, its namespace's {@code updatedAt} included. */
  @Test
  void aRefusedCallLeavesTheTimestampsUnchanged() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    Namespace original = await(store().namespaces().create(tenant, ref, Map.of("a", "1")));
    await(store().assets().create(tenant, AssetRef.onMain(ref, "t"), NewAsset.of(AssetKind.FILE)));
    Map<String, Supplier<?>> refused = new LinkedHashMap<>();
    refused.put(
        "a create of the existing namespace",
        () ->
            assertFails(
                AlreadyExistsException.class,
                () -> store().namespaces().create(tenant, ref, Map.of("b", "2"))));
    refused.put(
        "an update setting and removing one key",
        () ->
            assertFails(
                InvalidArgumentException.class,
                () ->
                    store()
                        .namespaces()
                        .updateProperties(
                            tenant, ref, new PropertyUpdate(Map.of("a", "2"), Set.of("a")))));
    refused.put(
        "an update with a bad value",
        () ->
            assertFails(
                InvalidArgumentException.class,
                () ->
                    store()
                        .namespaces()
                        .updateProperties(
                            tenant, ref, PropertyUpdate.setting("a", "bad\u0000value"))));
    refused.put(
        "a replacement with a bad key",
        () ->
            assertFails(
                InvalidArgumentException.class,
                () -> store().namespaces().replaceProperties(tenant, ref, Map.of(" ", "v"))));
    refused.put(
        "a delete while it holds an asset",
        () ->
            assertFails(
                PreconditionFailedException.class, () -> store().namespaces().delete(tenant, ref)));

    for (Map.Entry<String, Supplier<?>> call : refused.entrySet()) {
      clock.advance(LATER);
      call.getValue().get();

      assertThat(await(store().namespaces().get(tenant, ref)))
          .as("the namespace after %s", call.getKey())
          .contains(original);
    }
    assertReadsBack(tenant, original);
  }

  /** Asserts that {@code namespace} is what {@code get} and the parent's list read now. */
  private void assertReadsBack(TenantId tenant, Namespace namespace) {
    NamespaceRef ref = namespace.ref();
    assertThat(await(store().namespaces().get(tenant, ref)))
        .as("get of %s", ref)
        .contains(namespace);
    NamespaceRef parent = new NamespaceRef(ref.catalog(), ref.path().parent());
    assertThat(PagedReads.all(page -> store().namespaces().list(tenant, parent, page)))
        .as("the list of %s", parent)
        .filteredOn(n -> n.path().equals(ref.path()))
        .containsExactly(namespace);
  }
}
