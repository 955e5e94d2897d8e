package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared conflict and not-found rules every backend reports through. */
class ConflictsTest {
  private static final AssetRef T = AssetRef.onMain("c", NamespacePath.of("ns"), "t");
  private static final AssetRef U = T.withName("u");

  private static Asset asset(AssetRef ref, String metadataLocation) {
    Instant now = Instant.EPOCH;
    return new Asset(
        AssetId.random(),
        ref,
        AssetKind.ICEBERG_TABLE,
        Optional.empty(),
        Optional.ofNullable(metadataLocation),
        Map.of(),
        now,
        now);
  }

  @Test
  void aLostCompareAndSetCarriesTheStoredLocation() {
    ConflictException e =
        catchThrowableOfType(
            () -> Conflicts.requireMetadataLocation(T, Optional.of("m1"), Optional.of("m2")),
            ConflictException.class);
    assertThat(e.currentValue()).contains("m2");
    assertThatCode(() -> Conflicts.requireMetadataLocation(T, Optional.empty(), Optional.empty()))
        .doesNotThrowAnyException();
  }

  @Test
  void aMultiAssetCommitListsEveryStalePartInRequestOrder() {
    List<AssetCommit> commits =
        List.of(
            new AssetCommit(T, MetadataCommit.replacing("m1", "m2")),
            new AssetCommit(U, MetadataCommit.first("n1")));
    AssetsConflictException e =
        catchThrowableOfType(
            () -> Conflicts.requireMetadataLocations(commits, i -> Optional.of("other")),
            AssetsConflictException.class);
    assertThat(e.conflicts())
        .extracting(AssetsConflictException.StaleAsset::asset)
        .containsExactly(T, U);
    assertThat(e.conflicts().get(1).expected()).isEmpty();
  }

  @Test
  void aGuardedChangeReportsTheFirstAttributeThatDiffers() {
    Asset current = asset(T, "m1");
    ConflictException e =
        catchThrowableOfType(
            () ->
                Conflicts.requireExpected(
                    T, AssetExpectation.ANY.withKind(AssetKind.SQL_VIEW), current),
            ConflictException.class);
    assertThat(e.currentValue()).contains("ICEBERG_TABLE");
  }

  @Test
  void theValueAKeptChangingConflictCarriesIsTheFirstCheckedAttribute() {
    Asset current = asset(T, "m1");
    assertThat(Conflicts.guardedValue(AssetExpectation.of(current), current))
        .contains(current.id().toString());
    assertThat(
            Conflicts.guardedValue(AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE), current))
        .contains("ICEBERG_TABLE");
    assertThat(Conflicts.guardedValue(AssetExpectation.ANY, current)).contains("m1");
    assertThat(Conflicts.keptChanging("assets.delete", T, Optional.of("m1")).currentValue())
        .contains("m1");
  }

  @Test
  void theMissingPartOfAnAddressIsTypedAndWordedOnce() {
    TenantId tenant = TenantId.random();
    for (ObjectType type :
        List.of(
            ObjectType.TENANT,
            ObjectType.CATALOG,
            ObjectType.BRANCH,
            ObjectType.NAMESPACE,
            ObjectType.ASSET)) {
      NotFoundException e = Missing.along(type, tenant, T);
      assertThat(e.missing()).isEqualTo(type);
    }
    assertThat(Missing.along(ObjectType.BRANCH, tenant, T).getMessage())
        .isEqualTo(Missing.branch(BranchRef.main("c")).getMessage())
        .isEqualTo("branch 'main' of catalog 'c' does not exist");
  }

  @Test
  void thePropertyLimitFieldsFollowRequestValidation() {
    assertThat(StoredProperties.COMMIT_FIELD).isEqualTo("commit.properties");
    assertThat(StoredProperties.commitPartField(2)).isEqualTo("commits[2].commit.properties");
  }
}
