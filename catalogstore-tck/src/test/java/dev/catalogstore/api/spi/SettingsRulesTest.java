package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How an update changes a tenant's settings ({@link SettingsRules#apply}): each named part replaces
 * the stored value, the rest is kept, the extra settings change as a property map under its limits,
 * and the stamp never goes backwards.
 */
class SettingsRulesTest {
  private static final Instant NOW = Instant.parse("2024-02-03T04:05:06.000007Z");
  private static final SystemSettings STORED =
      new SystemSettings(
          true,
          Duration.ofDays(9),
          Optional.of("wh"),
          Map.of("a", "1", "b", "2"),
          Optional.of(NOW.minusSeconds(60)));

  private static SystemSettings apply(SystemSettings stored, SettingsUpdate update) {
    return SettingsRules.apply(stored, update, NOW, "update");
  }

  @Test
  void anEmptyUpdateKeepsEverythingButStampsNow() {
    SystemSettings applied = apply(STORED, SettingsUpdate.builder().build());

    assertThat(applied)
        .isEqualTo(
            new SystemSettings(
                true, Duration.ofDays(9), Optional.of("wh"), STORED.extra(), Optional.of(NOW)));
  }

  @Test
  void eachNamedPartReplacesOnlyItself() {
    assertThat(apply(STORED, SettingsUpdate.builder().allowPublicSigning(false).build()))
        .extracting(SystemSettings::allowPublicSigning, SystemSettings::defaultRetention)
        .containsExactly(false, Duration.ofDays(9));
    assertThat(apply(STORED, SettingsUpdate.builder().defaultRetention(Duration.ZERO).build()))
        .extracting(SystemSettings::defaultRetention, SystemSettings::defaultWarehouse)
        .containsExactly(Duration.ZERO, Optional.of("wh"));
    assertThat(apply(STORED, SettingsUpdate.builder().defaultWarehouse("other").build()))
        .extracting(SystemSettings::defaultWarehouse, SystemSettings::allowPublicSigning)
        .containsExactly(Optional.of("other"), true);
  }

  @Test
  void clearingTheDefaultWarehouseRemovesItAndTheLastCallOfTheBuilderWins() {
    assertThat(
            apply(STORED, SettingsUpdate.builder().clearDefaultWarehouse().build())
                .defaultWarehouse())
        .isEmpty();
    assertThat(
            apply(
                    STORED,
                    SettingsUpdate.builder().clearDefaultWarehouse().defaultWarehouse("x").build())
                .defaultWarehouse())
        .contains("x");
    assertThat(
            apply(
                    STORED,
                    SettingsUpdate.builder().defaultWarehouse("x").clearDefaultWarehouse().build())
                .defaultWarehouse())
        .isEmpty();
  }

  @Test
  void theExtraSettingsChangeAsAPropertyMap() {
    SystemSettings applied =
        apply(
            STORED,
            SettingsUpdate.builder()
                .extra(new PropertyUpdate(Map.of("c", "3", "a", "changed"), Set.of("b")))
                .build());

    assertThat(applied.extra()).isEqualTo(Map.of("a", "changed", "c", "3"));
  }

  @Test
  void theDefaultsAreWhatAFirstUpdateStartsFrom() {
    SystemSettings applied =
        apply(SystemSettings.DEFAULTS, SettingsUpdate.builder().allowPublicSigning(true).build());

    assertThat(applied)
        .isEqualTo(
            new SystemSettings(
                true,
                SystemSettings.DEFAULT_RETENTION,
                Optional.empty(),
                Map.of(),
                Optional.of(NOW)));
  }

  @Test
  void extraSettingsBeyondTheLimitsOfAPropertyMapAreRefusedOnUpdateExtra() {
    Map<String, String> full = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      full.put("k" + i, "v");
    }
    SystemSettings atTheLimit =
        new SystemSettings(false, Duration.ZERO, Optional.empty(), full, Optional.empty());

    assertThatThrownBy(
            () ->
                apply(
                    atTheLimit,
                    SettingsUpdate.builder().extra(PropertyUpdate.setting("one", "more")).build()))
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo("update.extra");
    assertThat(
            apply(
                    atTheLimit,
                    SettingsUpdate.builder()
                        .extra(new PropertyUpdate(Map.of("one", "more"), Set.of("k0")))
                        .build())
                .extra())
        .hasSize(1000);
  }

  @Test
  void theStampNeverGoesBackwards() {
    SystemSettings later =
        new SystemSettings(
            false, Duration.ZERO, Optional.empty(), Map.of(), Optional.of(NOW.plusSeconds(5)));

    assertThat(apply(later, SettingsUpdate.builder().build()).updatedAt())
        .contains(NOW.plusSeconds(5));
  }
}
