package dev.catalogstore.api.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.catalogstore.api.asset.AssetExpectation.Mismatch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a guard says what it expects, and which difference it reports first. */
class AssetExpectationTest {
  private static final AssetId ID = AssetId.random();

  @Test
  void anyChecksNothing() {
    assertThat(AssetExpectation.ANY.mismatch(ID, AssetKind.SQL_VIEW, Optional.of("s3://m")))
        .isEmpty();
  }

  @Test
  void aNullExpectationIsRefusedRatherThanSilentlyDroppingTheGuard() {
    assertThatNullPointerException().isThrownBy(() -> AssetExpectation.ANY.withId(null));
    assertThatNullPointerException().isThrownBy(() -> AssetExpectation.ANY.withKind(null));
    assertThatNullPointerException()
        .isThrownBy(() -> AssetExpectation.ANY.withMetadataLocation(null));
  }

  @Test
  void theIdIsReportedBeforeTheKindAndTheKindBeforeTheMetadataLocation() {
    AssetExpectation expected =
        AssetExpectation.ANY
            .withId(ID)
            .withKind(AssetKind.ICEBERG_TABLE)
            .withMetadataLocation("s3://v1");
    AssetId other = AssetId.random();

    assertThat(expected.mismatch(other, AssetKind.SQL_VIEW, Optional.empty()))
        .contains(new Mismatch("id", other.toString()));
    assertThat(expected.mismatch(ID, AssetKind.SQL_VIEW, Optional.empty()))
        .contains(new Mismatch("kind", "SQL_VIEW"));
    assertThat(expected.mismatch(ID, AssetKind.ICEBERG_TABLE, Optional.of("s3://v2")))
        .contains(new Mismatch("metadataLocation", "s3://v2"));
    assertThat(expected.mismatch(ID, AssetKind.ICEBERG_TABLE, Optional.of("s3://v1"))).isEmpty();
  }

  @Test
  void withoutMetadataLocationRequiresThatTheAssetHasNone() {
    AssetExpectation none = AssetExpectation.ANY.withoutMetadataLocation();

    assertThat(none.mismatch(ID, AssetKind.FILE, Optional.empty())).isEmpty();
    assertThat(none.mismatch(ID, AssetKind.FILE, Optional.of("s3://m")))
        .contains(new Mismatch("metadataLocation", "s3://m"));
  }
}
