package dev.catalogstore.examples;

import static dev.catalogstore.examples.Scene.WAREHOUSE;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A tenant's system settings: documented defaults until set, then partial updates. */
final class SettingsSteps {
  private final Scene scene;

  SettingsSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> defaultsThenAPartialUpdate() {
    scene.step("System settings: the defaults until set, then a partial update");
    return scene
        .store()
        .settings()
        .get(scene.tenant())
        .thenCompose(
            defaults -> {
              if (!defaults.equals(SystemSettings.DEFAULTS)) {
                throw new IllegalStateException("a new tenant's settings are not the defaults");
              }
              scene.say("never set: " + describe(defaults));
              return scene
                  .store()
                  .settings()
                  .update(
                      scene.tenant(),
                      SettingsUpdate.builder()
                          .defaultWarehouse(WAREHOUSE)
                          .extra(PropertyUpdate.setting("ui.theme", "dark"))
                          .build());
            })
        .thenCompose(
            updated -> {
              scene.say("update names the default warehouse and one extra setting");
              scene.say("now: " + describe(updated));
              if (updated.allowPublicSigning()
                  || !updated.defaultRetention().equals(SystemSettings.DEFAULT_RETENTION)
                  || updated.updatedAt().isEmpty()) {
                throw new IllegalStateException("the update changed what it did not name");
              }
              scene.say("what it did not name kept its default; updatedAt is set");
              return Failures.expect(
                  NotFoundException.class,
                  scene
                      .store()
                      .settings()
                      .update(
                          scene.tenant(),
                          SettingsUpdate.builder().defaultWarehouse("no-such-warehouse").build()));
            })
        .thenAccept(
            missing ->
                scene.say(
                    "a default warehouse that does not exist -> NotFoundException, missing() = "
                        + missing.missing()));
  }

  private static String describe(SystemSettings settings) {
    return "allowPublicSigning "
        + settings.allowPublicSigning()
        + ", defaultRetention "
        + days(settings.defaultRetention())
        + ", defaultWarehouse "
        + settings.defaultWarehouse().map(Narrator::quoted).orElse("none")
        + ", extra "
        + settings.extra();
  }

  private static String days(Duration retention) {
    return retention.toDays() + " days";
  }
}
