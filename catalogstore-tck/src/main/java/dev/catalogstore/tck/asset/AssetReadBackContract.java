package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies that every field given at creation is read back, for every kind, by every read path:
 * {@code get}, {@code getById} and {@code list}, also in pages of one.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetReadBackContract extends AssetSuite {
  @Test
  void everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind() {
    Map<AssetKind, Asset> created = new LinkedHashMap<>();
    for (AssetKind kind : AssetKind.values()) {
      AssetRef ref = assetOnMain(sales, "asset-of-kind-" + kind.name());
      NewAsset request = everyField(kind, ref);

      Asset stored = await(store().assets().create(tenant, ref, request));

      assertThat(stored.ref()).as("ref of %s", kind).isEqualTo(ref);
      assertThat(stored.kind()).as("kind of %s", kind).isEqualTo(kind);
      assertThat(stored.location()).as("location of %s", kind).isEqualTo(request.location());
      assertThat(stored.metadataLocation())
          .as("metadata location of %s", kind)
          .isEqualTo(request.metadataLocation());
      assertThat(stored.properties()).as("properties of %s", kind).isEqualTo(request.properties());
      assertThat(stored.createdAt()).as("createdAt of %s", kind).isEqualTo(stored.updatedAt());
      created.put(kind, stored);
    }

    for (Asset asset : created.values()) {
      assertThat(get(asset.ref())).as("get of %s", asset.kind()).contains(asset);
      assertThat(await(store().assets().getById(tenant, asset.id())))
          .as("getById of %s", asset.kind())
          .contains(asset);
      assertThat(history(asset.ref()))
          .as("history of %s", asset.kind())
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry.location()).isEqualTo(asset.metadataLocation().orElseThrow()));
    }
    assertThat(listAll(sales))
        .as("the list, by name")
        .containsExactlyElementsOf(
            created.values().stream()
                .sorted((x, y) -> CodePointOrder.STRINGS.compare(x.ref().name(), y.ref().name()))
                .toList());
  }

  @Test
  void everyFieldIsReadBackByEveryReadPathInPagesOfOne() {
    List<Asset> created = new ArrayList<>();
    for (AssetKind kind : List.of(AssetKind.ML_MODEL, AssetKind.FILE, AssetKind.SQL_VIEW)) {
      AssetRef ref = assetOnMain(sales, kind.name().toLowerCase());
      created.add(await(store().assets().create(tenant, ref, everyField(kind, ref))));
    }
    created.sort((x, y) -> CodePointOrder.STRINGS.compare(x.ref().name(), y.ref().name()));

    List<Asset> paged = new ArrayList<>();
    Page<Asset> page = list(sales, PageRequest.firstPage(1));
    paged.addAll(page.items());
    while (page.nextPageToken().isPresent()) {
      page = list(sales, page.nextPage(1).orElseThrow());
      paged.addAll(page.items());
    }

    assertThat(paged).isEqualTo(created);
  }
}
