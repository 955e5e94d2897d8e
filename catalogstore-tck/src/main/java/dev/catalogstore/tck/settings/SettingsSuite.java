package dev.catalogstore.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckSuite;
import java.util.concurrent.CompletableFuture;

/**
 * The base of the settings suites: reads and updates of a tenant's settings.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class SettingsSuite extends TckSuite {
  /** The tenant's settings. */
  protected SystemSettings settings(TenantId tenant) {
    return await(store().settings().get(tenant));
  }

  /** Applies {@code update} to the tenant's settings. */
  protected SystemSettings update(TenantId tenant, SettingsUpdate update) {
    return await(store().settings().update(tenant, update));
  }

  /** Asserts the call fails with {@link NotFoundException} saying {@code missing}. */
  protected static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    NotFoundException e = assertFails(NotFoundException.class, call);
    assertThat(e.missing()).as("what %s says is missing", e).isEqualTo(missing);
  }
}
