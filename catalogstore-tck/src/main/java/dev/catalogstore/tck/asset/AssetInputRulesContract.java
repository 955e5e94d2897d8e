package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.InputRulesSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code assets()} facet: the names in an asset's coordinates (catalog, branch,
 * namespace segments, asset name) for every method that takes them, property maps and updates,
 * locations, required arguments, and the order of validation (see {@link InputRulesSuite} for the
 * rules every facet keeps).
 *
 * <p>Validation comes first: a call with a valid first argument and an invalid later one fails with
 * {@code InvalidArgumentException} naming the later one and changes nothing of the first (a create
 * whose properties are bad creates nothing; an update whose removals are bad sets nothing; a rename
 * whose target is bad moves nothing); and bad input is refused as bad even where what it addresses
 * does not exist (a missing tenant, catalog or namespace), never reported as {@code
 * NotFoundException}.
 *
 * <p>Each test works in a fresh tenant holding catalog {@code cat}, namespace {@code ns} and the
 * table {@code ns.t} with one committed metadata location, and proves by a {@link TenantSnapshot}
 * that refused calls changed nothing.
 */
public abstract class AssetInputRulesContract extends InputRulesSuite {
  private static final String V1 = "s3://cat/ns/t/metadata/1.json";
  private static final NamespacePath NS_PATH = NamespacePath.of("ns");

  /** A tenant with catalog {@code cat}, namespace {@code ns} and table {@code ns.t}. */
  private final class Fixture {
    final TenantId tenant;
    final AssetRef table = AssetRef.onMain(CAT, NS_PATH, "t");
    final AssetRef free = AssetRef.onMain(CAT, NS_PATH, "free");
    final Asset created;
    final TenantSnapshot before;

    Fixture() {
      tenant = newTenant();
      newLocalCatalog(tenant, CAT);
      newNamespaces(tenant, CAT, "ns", "child");
      created =
          await(
              store()
                  .assets()
                  .create(
                      tenant,
                      table,
                      NewAsset.builder(AssetKind.ICEBERG_TABLE)
                          .location("s3://cat/ns/t")
                          .metadataLocation(V1)
                          .properties(Map.of("k", "v"))
                          .build()));
      before = TenantSnapshot.read(store(), tenant);
    }

    void assertUnchanged() {
      assertThat(TenantSnapshot.read(store(), tenant))
          .as("the tenant's data after the refused calls")
          .isEqualTo(before);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // names in the coordinates, for every method that takes them

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void assetNamesFollowTheNameRulesInEveryMethod(String problem, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    AssetRef bad = world.table.withName(name);
    AssetRef good = world.table;

    assertInvalid(
        "asset.name", () -> store().assets().create(tenant, bad, NewAsset.of(AssetKind.FILE)));
    assertInvalid("asset.name", () -> store().assets().get(tenant, bad));
    assertInvalid(
        "asset.name",
        () -> store().assets().updateProperties(tenant, bad, PropertyUpdate.setting("k", "x")));
    assertInvalid("asset.name", () -> store().assets().delete(tenant, bad));
    assertInvalid(
        "asset.name",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, bad, MetadataCommit.replacing(V1, "s3://x/2.json")));
    assertInvalid(
        "asset.name", () -> store().assets().history(tenant, bad, PageRequest.firstPage()));
    assertInvalid("from.name", () -> store().assets().rename(tenant, bad, world.free));
    assertInvalid("to.name", () -> store().assets().rename(tenant, good, bad));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void namespaceSegmentsFollowTheNameRulesInEveryMethod(String problem, String segment) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    NamespacePath second = NamespacePath.of("ns", segment);
    AssetRef bad = world.table.inNamespace(second);
    AssetRef good = world.table;

    assertInvalid(
        "asset.namespace[1]",
        () -> store().assets().create(tenant, bad, NewAsset.of(AssetKind.FILE)));
    assertInvalid("asset.namespace[1]", () -> store().assets().get(tenant, bad));
    assertInvalid(
        "asset.namespace[1]",
        () -> store().assets().updateProperties(tenant, bad, PropertyUpdate.setting("k", "x")));
    assertInvalid("asset.namespace[1]", () -> store().assets().delete(tenant, bad));
    assertInvalid(
        "asset.namespace[1]",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, bad, MetadataCommit.replacing(V1, "s3://x/2.json")));
    assertInvalid(
        "asset.namespace[1]", () -> store().assets().history(tenant, bad, PageRequest.firstPage()));
    assertInvalid(
        "namespace[1]",
        () -> store().assets().list(tenant, BranchRef.main(CAT), second, PageRequest.firstPage()));
    assertInvalid("from.namespace[1]", () -> store().assets().rename(tenant, bad, good));
    assertInvalid("to.namespace[1]", () -> store().assets().rename(tenant, good, bad));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void catalogAndBranchNamesFollowTheNameRulesInEveryMethod(String problem, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    for (String part : new String[] {"catalog", "branch"}) {
      BranchRef branch =
          part.equals("catalog") ? new BranchRef(name, "main") : new BranchRef(CAT, name);
      AssetRef bad = new AssetRef(branch, NS_PATH, "t");
      String field = ".branch." + part;

      assertInvalid(
          "asset" + field, () -> store().assets().create(tenant, bad, NewAsset.of(AssetKind.FILE)));
      assertInvalid("asset" + field, () -> store().assets().get(tenant, bad));
      assertInvalid(
          "asset" + field,
          () -> store().assets().updateProperties(tenant, bad, PropertyUpdate.setting("k", "x")));
      assertInvalid("asset" + field, () -> store().assets().delete(tenant, bad));
      assertInvalid(
          "asset" + field,
          () ->
              store()
                  .assets()
                  .commitMetadataLocation(tenant, bad, MetadataCommit.first("s3://x/2.json")));
      assertInvalid(
          "asset" + field, () -> store().assets().history(tenant, bad, PageRequest.firstPage()));
      assertInvalid(
          "branch." + part,
          () -> store().assets().list(tenant, branch, NS_PATH, PageRequest.firstPage()));
      assertInvalid("from" + field, () -> store().assets().rename(tenant, bad, world.table));
      assertInvalid("to" + field, () -> store().assets().rename(tenant, world.table, bad));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // properties and locations

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    Fixture world = new Fixture();

    assertInvalid(
        "request.properties" + suffix,
        () ->
            store()
                .assets()
                .create(
                    world.tenant,
                    world.free,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE).properties(bad).build()));
    assertInvalid(
        "update.set" + suffix,
        () ->
            store()
                .assets()
                .updateProperties(world.tenant, world.table, new PropertyUpdate(bad, Set.of())));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    Fixture world = new Fixture();

    assertInvalid(
        "update" + suffix, () -> store().assets().updateProperties(world.tenant, world.table, bad));

    world.assertUnchanged();
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabsInEveryWritePath() {
    Fixture world = new Fixture();
    Map<String, String> properties = edgeCaseProperties();

    Asset created =
        await(
            store()
                .assets()
                .create(
                    world.tenant,
                    world.free,
                    NewAsset.builder(AssetKind.ML_MODEL).properties(properties).build()));
    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(world.tenant, world.table, PropertyUpdate.setting(properties)));

    assertThat(created.properties()).isEqualTo(properties);
    assertThat(await(store().assets().get(world.tenant, world.free))).contains(created);
    assertThat(updated.properties()).containsAllEntriesOf(properties).containsEntry("k", "v");
    assertThat(await(store().assets().get(world.tenant, world.table))).contains(updated);
  }

  @Test
  void locationsAreKeptExactlyAndBadOnesRefused() {
    Fixture world = new Fixture();
    String odd = "s3://bucket/a b/50%_x/ünï/😀/?q=1#f";

    Asset created =
        await(
            store()
                .assets()
                .create(
                    world.tenant,
                    world.free,
                    NewAsset.builder(AssetKind.DIRECTORY)
                        .location(odd)
                        .metadataLocation(odd + "/m")
                        .build()));
    assertThat(created.location()).contains(odd);
    assertThat(await(store().assets().get(world.tenant, world.free))).contains(created);

    for (String bad : new String[] {"", " ", "s3://a\u0000b", "s3://a\nb", "s3://\ud800"}) {
      AssetRef other = world.free.withName("other");
      assertInvalid(
          "request.location",
          () ->
              store()
                  .assets()
                  .create(
                      world.tenant, other, NewAsset.builder(AssetKind.FILE).location(bad).build()));
      assertInvalid(
          "request.metadataLocation",
          () ->
              store()
                  .assets()
                  .create(
                      world.tenant,
                      other,
                      NewAsset.builder(AssetKind.FILE).metadataLocation(bad).build()));
      assertThat(await(store().assets().get(world.tenant, other))).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // required arguments

  @Test
  void aNullTenantIsRefusedByEveryMethod() {
    Fixture world = new Fixture();
    AssetRef t = world.table;
    PageRequest page = PageRequest.firstPage();

    assertInvalid(
        "tenant", () -> store().assets().create(null, world.free, NewAsset.of(AssetKind.FILE)));
    assertInvalid("tenant", () -> store().assets().get(null, t));
    assertInvalid("tenant", () -> store().assets().getById(null, world.created.id()));
    assertInvalid("tenant", () -> store().assets().list(null, BranchRef.main(CAT), NS_PATH, page));
    assertInvalid("tenant", () -> store().assets().rename(null, t, world.free));
    assertInvalid(
        "tenant",
        () -> store().assets().updateProperties(null, t, PropertyUpdate.setting("k", "x")));
    assertInvalid("tenant", () -> store().assets().delete(null, t));
    assertInvalid(
        "tenant",
        () ->
            store()
                .assets()
                .commitMetadataLocation(null, t, MetadataCommit.replacing(V1, "s3://x/2.json")));
    assertInvalid("tenant", () -> store().assets().history(null, t, page));

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // validation order: a bad later argument changes nothing of a good earlier one

  @Test
  void aCreateWithAGoodNameAndBadPropertiesCreatesNothing() {
    Fixture world = new Fixture();

    assertInvalid(
        "request.properties[owner]",
        () ->
            store()
                .assets()
                .create(
                    world.tenant,
                    world.free,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .location("s3://cat/ns/free")
                        .metadataLocation("s3://cat/ns/free/1.json")
                        .properties(mapOf("owner", null))
                        .build()));
    assertInvalid(
        "request.metadataLocation",
        () ->
            store()
                .assets()
                .create(
                    world.tenant,
                    world.free,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .location("s3://cat/ns/free")
                        .metadataLocation("s3://cat/ns/free/\u0000")
                        .build()));

    world.assertUnchanged();
    Asset later =
        await(store().assets().create(world.tenant, world.free, NewAsset.of(AssetKind.FILE)));
    assertThat(later.kind()).as("the name stayed free").isEqualTo(AssetKind.FILE);
  }

  @Test
  void anUpdateWithGoodKeysToSetAndABadKeyToRemoveSetsNothing() {
    Fixture world = new Fixture();

    assertInvalid(
        "update.remove",
        () ->
            store()
                .assets()
                .updateProperties(
                    world.tenant,
                    world.table,
                    new PropertyUpdate(Map.of("k", "changed", "new", "x"), Set.of(" "))));
    assertInvalid(
        "update.set[bad]",
        () ->
            store()
                .assets()
                .updateProperties(
                    world.tenant,
                    world.table,
                    new PropertyUpdate(mapOf("bad", null), Set.of("k"))));

    world.assertUnchanged();
  }

  @Test
  void aRenameWithAGoodSourceAndABadTargetMovesNothing() {
    Fixture world = new Fixture();

    assertInvalid(
        "to.name",
        () ->
            store().assets().rename(world.tenant, world.table, world.table.withName("bad\u0000")));
    assertInvalid(
        "to.namespace",
        () ->
            store()
                .assets()
                .rename(world.tenant, world.table, world.table.inNamespace(NamespacePath.ROOT)));
    assertInvalid("to", () -> store().assets().rename(world.tenant, world.table, null));

    world.assertUnchanged();
  }

  @Test
  void aCommitWithAGoodNextAndABadExpectedOrPropertiesChangesNothing() {
    Fixture world = new Fixture();

    assertInvalid(
        "commit.expected",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    world.tenant,
                    world.table,
                    MetadataCommit.replacing(V1 + "\u0007", "s3://x/2.json")));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    world.tenant, world.table, MetadataCommit.replacing(V1, "")));

    world.assertUnchanged();
  }

  @Test
  void badInputWhereNothingExistsIsStillInvalidArgumentNotNotFound() {
    Fixture world = new Fixture();
    TenantId missingTenant = new TenantId(UUID.randomUUID());
    AssetRef inMissingNamespace = AssetRef.onMain(CAT, NamespacePath.of("no-such-ns"), "t");
    AssetRef inMissingCatalog = AssetRef.onMain("no-such-cat", NS_PATH, "t");
    PageRequest badPage = PageRequest.firstPage(0);

    for (TenantId tenant : new TenantId[] {missingTenant, world.tenant}) {
      for (AssetRef where : new AssetRef[] {inMissingNamespace, inMissingCatalog}) {
        AssetRef badName = where.withName("bad\u0000");
        assertInvalid(
            "asset.name",
            () -> store().assets().create(tenant, badName, NewAsset.of(AssetKind.FILE)));
        assertInvalid(
            "request.kind",
            () -> store().assets().create(tenant, where, NewAsset.builder(null).build()));
        assertInvalid(
            "request.properties key",
            () ->
                store()
                    .assets()
                    .create(
                        tenant,
                        where,
                        NewAsset.builder(AssetKind.FILE).properties(Map.of(" ", "v")).build()));
        assertInvalid("asset.name", () -> store().assets().get(tenant, badName));
        assertInvalid(
            "update.set key",
            () ->
                store().assets().updateProperties(tenant, where, PropertyUpdate.setting("", "v")));
        assertInvalid("asset.name", () -> store().assets().delete(tenant, badName));
        assertInvalid(
            "to.name", () -> store().assets().rename(tenant, where, where.withName("\u0000")));
        assertInvalid(
            "commit.next",
            () ->
                store().assets().commitMetadataLocation(tenant, where, MetadataCommit.first(" ")));
        assertInvalid("page.limit", () -> store().assets().history(tenant, where, badPage));
        assertInvalid(
            "page.limit",
            () -> store().assets().list(tenant, where.branch(), where.namespace(), badPage));
      }
      assertInvalid("id", () -> store().assets().getById(tenant, null));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------

  /** Unused ids stay unknown: no method conjures an asset for them. */
  @Test
  void anUnknownIdIsEmptyNotInvalid() {
    Fixture world = new Fixture();

    assertThat(await(store().assets().getById(world.tenant, AssetId.random()))).isEmpty();
    world.assertUnchanged();
  }
}
