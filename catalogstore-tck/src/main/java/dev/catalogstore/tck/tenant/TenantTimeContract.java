package dev.catalogstore.tck.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.tck.TimeSuite;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code tenants()} facet: its timestamps come from the store's clock, cut to
 * microseconds, for every kind of change {@code tenants().update} makes; a refused update leaves
 * them as they were (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class TenantTimeContract extends TimeSuite {
  @Test
  void aTenantIsStampedByTheStoresClockOnCreateAndUpdate() {
    Tenant created = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    clock.advance(LATER);
    Tenant updated =
        await(
            store()
                .tenants()
                .update(
                    created.id(),
                    TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aRenameOnlyUpdateMovesUpdatedAt() {
    Tenant created = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    clock.advance(LATER);
    Tenant renamed =
        await(
            store()
                .tenants()
                .update(
                    created.id(),
                    TenantUpdate.builder().name(uniqueName("tenant-renamed")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), renamed.createdAt(), renamed.updatedAt());
    assertThat(await(store().tenants().get(created.id()))).contains(renamed);
  }

  @Test
  void aRemoveOnlyAndAnEmptyUpdateMoveUpdatedAt() {
    Tenant created =
        await(
            store()
                .tenants()
                .create(new NewTenant(uniqueName("tenant"), Map.of("a", "1", "b", "2"))));
    clock.advance(LATER);
    Tenant removed =
        await(
            store()
                .tenants()
                .update(
                    created.id(),
                    TenantUpdate.builder()
                        .properties(PropertyUpdate.removing(java.util.Set.of("a")))
                        .build()));
    assertStamped(
        created.createdAt(), created.updatedAt(), removed.createdAt(), removed.updatedAt());

    clock.advance(LATER);
    Tenant touched = await(store().tenants().update(created.id(), TenantUpdate.builder().build()));
    assertThat(touched.createdAt()).isEqualTo(T0_MICROS);
    assertThat(touched.updatedAt()).isEqualTo(T0_MICROS.plus(LATER).plus(LATER));
    assertThat(await(store().tenants().get(created.id()))).contains(touched);
  }

  @Test
  void aRefusedUpdateLeavesTheTimestampsAsTheyWere() {
    Tenant created = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    Tenant holder = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    clock.advance(LATER);

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tenants()
                .update(created.id(), TenantUpdate.builder().name(holder.name()).build()));
    assertFails(
        InvalidArgumentException.class,
        () ->
            store()
                .tenants()
                .update(
                    created.id(),
                    TenantUpdate.builder()
                        .properties(PropertyUpdate.setting("k", "bad\u0000"))
                        .build()));

    assertThat(await(store().tenants().get(created.id()))).contains(created);
    assertThat(created.updatedAt()).isEqualTo(T0_MICROS);
  }
}
