package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.InputRulesSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of versioning (see {@link InputRulesSuite} for the rules every facet keeps): the
 * names in branch, tag and commit references for every method that takes them, required arguments,
 * a new branch's request, a commit's author and message for every change that records one, and page
 * tokens, which serve only the list they were minted for. Bad input fails with {@code
 * InvalidArgumentException} naming the field exactly as the method's parameter, nested with dots
 * ({@code request.from.branch.branch}, {@code options.meta.author}, {@code page.pageToken}).
 *
 * <p>Validation comes first: bad input is refused as bad where what it addresses does not exist (a
 * missing tenant, catalog or asset), never as missing; a change's {@link CommitMeta} is checked
 * after the call's other arguments; and a refused call changes nothing, proved by a {@link
 * TenantSnapshot} (branches, histories and tags included). Valid branch and tag names, authors and
 * messages are kept exactly.
 *
 * <p>Each test works in a fresh tenant holding catalog {@code cat} with namespace {@code ns} and
 * table {@code ns.t}, branch {@code dev} with a change of its own, tag {@code release} on the head
 * of {@code main}, and a second catalog {@code other}.
 */
public abstract class VersionInputRulesContract extends InputRulesSuite {
  private static final String OTHER = "other";
  private static final BranchRef MAIN = BranchRef.main(CAT);
  private static final BranchRef DEV = new BranchRef(CAT, "dev");
  private static final BranchRef FREE_BRANCH = new BranchRef(CAT, "free");
  private static final TagRef RELEASE = new TagRef(CAT, "release");
  private static final TagRef FREE_TAG = new TagRef(CAT, "free");
  private static final NamespacePath NS_PATH = NamespacePath.of("ns");
  private static final AssetRef TABLE = AssetRef.onMain(CAT, NS_PATH, "t");
  private static final AssetRef TABLE_ON_DEV = new AssetRef(DEV, NS_PATH, "t");
  private static final String V1 = "s3://cat/ns/t/metadata/1.json";
  private static final CommitMeta META = CommitMeta.of("alice", "a valid change");

  /** The tenant of a test and what it held after it was built. */
  private final class Fixture {
    final TenantId tenant;
    final CommitId mainHead;
    final CommitId devHead;
    final TenantSnapshot before;

    Fixture() {
      tenant = newTenant();
      newLocalCatalog(tenant, CAT);
      newNamespaces(tenant, CAT, "ns");
      await(store().catalogs().create(tenant, NewCatalog.local(OTHER, CAT + "-wh")));
      await(store().assets().create(tenant, TABLE, NewAsset.icebergTable("s3://cat/ns/t", V1)));
      mainHead = head(MAIN);
      await(store().tags().create(tenant, RELEASE, CommitRef.head(MAIN)));
      await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
      await(
          store()
              .assets()
              .updateProperties(tenant, TABLE_ON_DEV, PropertyUpdate.setting("stage", "dev")));
      devHead = head(DEV);
      before = TenantSnapshot.read(store(), tenant);
    }

    CommitId head(BranchRef branch) {
      return await(store().branches().get(tenant, branch)).orElseThrow().head();
    }

    void assertUnchanged() {
      assertThat(TenantSnapshot.read(store(), tenant))
          .as("the tenant's data after the refused calls")
          .isEqualTo(before);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // names in references, for every method that takes them

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void branchNamesFollowTheNameRulesInEveryMethod(String problem, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    for (String part : new String[] {"catalog", "branch"}) {
      BranchRef bad =
          part.equals("catalog") ? new BranchRef(name, "dev") : new BranchRef(CAT, name);
      CommitRef badHead = CommitRef.head(bad);

      assertInvalid(
          "branch." + part,
          () -> store().branches().create(tenant, bad, NewBranch.from(CommitRef.head(MAIN))));
      assertInvalid("branch." + part, () -> store().branches().get(tenant, bad));
      assertInvalid("branch." + part, () -> store().branches().delete(tenant, bad));
      assertInvalid("source." + part, () -> store().branches().merge(tenant, bad, MAIN));
      assertInvalid("target." + part, () -> store().branches().merge(tenant, DEV, bad));
      assertInvalid(
          "source." + part,
          () -> store().branches().merge(tenant, bad, MAIN, MergeOptions.DEFAULT.asDryRun()));
      assertInvalid(
          "target." + part,
          () -> store().branches().merge(tenant, DEV, bad, MergeOptions.DEFAULT.asDryRun()));
      assertInvalid(
          "from.branch." + part,
          () -> store().commits().ancestry(tenant, badHead, PageRequest.firstPage()));
      assertInvalid(
          "request.from.branch." + part,
          () -> store().branches().create(tenant, FREE_BRANCH, NewBranch.from(badHead)));
      assertInvalid(
          "target.branch." + part, () -> store().tags().create(tenant, FREE_TAG, badHead));
    }

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void tagNamesFollowTheNameRulesInEveryMethod(String problem, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    for (String part : new String[] {"catalog", "tag"}) {
      TagRef bad = part.equals("catalog") ? new TagRef(name, "release") : new TagRef(CAT, name);
      CommitRef badTag = CommitRef.tag(bad);

      assertInvalid("tag." + part, () -> store().tags().create(tenant, bad, CommitRef.head(MAIN)));
      assertInvalid("tag." + part, () -> store().tags().get(tenant, bad));
      assertInvalid("tag." + part, () -> store().tags().delete(tenant, bad));
      assertInvalid(
          "from.tag." + part,
          () -> store().commits().ancestry(tenant, badTag, PageRequest.firstPage()));
      assertInvalid(
          "request.from.tag." + part,
          () -> store().branches().create(tenant, FREE_BRANCH, NewBranch.from(badTag)));
      assertInvalid("target.tag." + part, () -> store().tags().create(tenant, FREE_TAG, badTag));
    }

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void catalogNamesFollowTheNameRulesInEveryMethodTakingOne(String problem, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;

    assertInvalid("catalog", () -> store().commits().get(tenant, name, world.mainHead));
    assertInvalid(
        "catalog",
        () -> store().commits().operations(tenant, name, world.devHead, PageRequest.firstPage()));
    assertInvalid("catalog", () -> store().branches().list(tenant, name, PageRequest.firstPage()));
    assertInvalid("catalog", () -> store().tags().list(tenant, name, PageRequest.firstPage()));
    if (name != null) { // a commit reference by id cannot be built without its catalog
      CommitRef badId = CommitRef.id(name, world.mainHead);
      assertInvalid(
          "from.catalog", () -> store().commits().ancestry(tenant, badId, PageRequest.firstPage()));
      assertInvalid(
          "request.from.catalog",
          () -> store().branches().create(tenant, FREE_BRANCH, NewBranch.from(badId)));
      assertInvalid("target.catalog", () -> store().tags().create(tenant, FREE_TAG, badId));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // required arguments

  @Test
  void everyVersionArgumentIsRequired() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    PageRequest page = PageRequest.firstPage();
    CommitRef main = CommitRef.head(MAIN);
    NewBranch fromMain = NewBranch.from(main);

    assertInvalid("tenant", () -> store().commits().get(null, CAT, world.mainHead));
    assertInvalid("id", () -> store().commits().get(tenant, CAT, null));
    assertInvalid("tenant", () -> store().commits().ancestry(null, main, page));
    assertInvalid("from", () -> store().commits().ancestry(tenant, null, page));
    assertInvalid("page", () -> store().commits().ancestry(tenant, main, null));
    assertInvalid("tenant", () -> store().commits().operations(null, CAT, world.devHead, page));
    assertInvalid("id", () -> store().commits().operations(tenant, CAT, null, page));
    assertInvalid("page", () -> store().commits().operations(tenant, CAT, world.devHead, null));

    assertInvalid("tenant", () -> store().branches().create(null, FREE_BRANCH, fromMain));
    assertInvalid("branch", () -> store().branches().create(tenant, null, fromMain));
    assertInvalid("request", () -> store().branches().create(tenant, FREE_BRANCH, null));
    assertInvalid(
        "request.from",
        () ->
            store()
                .branches()
                .create(
                    tenant, FREE_BRANCH, new NewBranch(null, BranchType.INGEST, Optional.empty())));
    assertInvalid(
        "request.type",
        () ->
            store()
                .branches()
                .create(tenant, FREE_BRANCH, new NewBranch(main, null, Optional.empty())));
    assertInvalid("tenant", () -> store().branches().get(null, DEV));
    assertInvalid("branch", () -> store().branches().get(tenant, null));
    assertInvalid("tenant", () -> store().branches().list(null, CAT, page));
    assertInvalid("catalog", () -> store().branches().list(tenant, null, page));
    assertInvalid("page", () -> store().branches().list(tenant, CAT, null));
    assertInvalid("tenant", () -> store().branches().delete(null, DEV));
    assertInvalid("branch", () -> store().branches().delete(tenant, null));
    assertInvalid("tenant", () -> store().branches().merge(null, DEV, MAIN));
    assertInvalid("source", () -> store().branches().merge(tenant, null, MAIN));
    assertInvalid("target", () -> store().branches().merge(tenant, DEV, null));
    assertInvalid("tenant", () -> store().branches().merge(null, DEV, MAIN, MergeOptions.DEFAULT));
    assertInvalid(
        "source", () -> store().branches().merge(tenant, null, MAIN, MergeOptions.DEFAULT));
    assertInvalid(
        "target", () -> store().branches().merge(tenant, DEV, null, MergeOptions.DEFAULT));
    assertInvalid("options", () -> store().branches().merge(tenant, DEV, MAIN, null));

    assertInvalid("tenant", () -> store().tags().create(null, FREE_TAG, main));
    assertInvalid("tag", () -> store().tags().create(tenant, null, main));
    assertInvalid("target", () -> store().tags().create(tenant, FREE_TAG, null));
    assertInvalid("tenant", () -> store().tags().get(null, RELEASE));
    assertInvalid("tag", () -> store().tags().get(tenant, null));
    assertInvalid("tenant", () -> store().tags().list(null, CAT, page));
    assertInvalid("catalog", () -> store().tags().list(tenant, null, page));
    assertInvalid("page", () -> store().tags().list(tenant, CAT, null));
    assertInvalid("tenant", () -> store().tags().delete(null, RELEASE));
    assertInvalid("tag", () -> store().tags().delete(tenant, null));

    world.assertUnchanged();
  }

  @Test
  void everyChangeRequiresItsMeta() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;

    for (Map.Entry<String, Function<CommitMeta, CompletableFuture<?>>> change :
        changes(tenant).entrySet()) {
      InvalidArgument.expect(change.getKey(), "meta", () -> change.getValue().apply(null));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // the requests

  @Test
  void aNewBranchStartsInItsOwnCatalogFromAValidSubset() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    CommitRef main = CommitRef.head(MAIN);

    assertInvalid(
        "request.from.catalog",
        () ->
            store()
                .branches()
                .create(
                    tenant, FREE_BRANCH, NewBranch.from(CommitRef.head(BranchRef.main(OTHER)))));
    assertInvalid(
        "request.from.catalog",
        () ->
            store()
                .branches()
                .create(tenant, FREE_BRANCH, NewBranch.from(CommitRef.id(OTHER, world.mainHead))));
    assertInvalid(
        "request.assets",
        () ->
            store()
                .branches()
                .create(tenant, FREE_BRANCH, NewBranch.partial(main, BranchType.INGEST, Set.of())));
    assertInvalid(
        "request.assets.namespace",
        () ->
            store()
                .branches()
                .create(
                    tenant,
                    FREE_BRANCH,
                    NewBranch.partial(
                        main, BranchType.INGEST, Set.of(new AssetKey(NamespacePath.ROOT, "t")))));
    assertInvalid(
        "request.assets.namespace[1]",
        () ->
            store()
                .branches()
                .create(
                    tenant,
                    FREE_BRANCH,
                    NewBranch.partial(
                        main,
                        BranchType.INGEST,
                        Set.of(new AssetKey(NamespacePath.of("ns", " "), "t")))));
    assertInvalid(
        "request.assets.name",
        () ->
            store()
                .branches()
                .create(
                    tenant,
                    FREE_BRANCH,
                    NewBranch.partial(
                        main, BranchType.INGEST, Set.of(new AssetKey(NS_PATH, "a\u0000b")))));

    world.assertUnchanged();
  }

  @Test
  void aTagNamesACommitOfItsOwnCatalog() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;

    assertInvalid(
        "target.catalog",
        () -> store().tags().create(tenant, FREE_TAG, CommitRef.head(BranchRef.main(OTHER))));
    assertInvalid(
        "target.catalog",
        () -> store().tags().create(tenant, FREE_TAG, CommitRef.tag(new TagRef(OTHER, "x"))));
    assertInvalid(
        "target.catalog",
        () -> store().tags().create(tenant, FREE_TAG, CommitRef.id(OTHER, world.mainHead)));

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // author and message

  /** Authors the name rule refuses (a null author cannot be built). */
  public static Stream<Arguments> invalidAuthors() {
    return TckNames.invalid().filter(arguments -> arguments.get()[1] != null);
  }

  /** Messages the message rule refuses. */
  public static Stream<Arguments> invalidMessages() {
    return Stream.of(
        arguments("empty", ""),
        arguments("blank", " \t\n "),
        arguments("65537 characters", "m".repeat(64 * 1024 + 1)),
        arguments("NUL U+0000", "a\u0000b"),
        arguments("DEL U+007F", "a\u007fb"),
        arguments("C1 control U+009F", "a\u009fb"),
        arguments("escape U+001B", "a\u001bb"),
        arguments("unpaired high surrogate", "a\uD83Db"),
        arguments("unpaired low surrogate", "a\uDE00b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAuthors")
  void authorsFollowTheNameRulesInEveryChangeAndMerge(String problem, String author) {
    Fixture world = new Fixture();
    CommitMeta bad = new CommitMeta(Optional.of(author), Optional.of("a message"));

    assertEveryChangeAndMergeRefuses(world, bad, "author");
    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMessages")
  void messagesFollowTheMessageRulesInEveryChangeAndMerge(String problem, String message) {
    Fixture world = new Fixture();
    CommitMeta bad = CommitMeta.of("alice", message);

    assertEveryChangeAndMergeRefuses(world, bad, "message");
    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void everyValidAuthorIsKeptExactly(String label, String author) {
    Fixture world = new Fixture();
    CommitMeta meta = new CommitMeta(Optional.of(author), Optional.empty());

    assertRecordedExactly(world, meta);
  }

  @Test
  void messagesKeepTheirLineBreaksTabsAndEveryCharacterExactly() {
    Fixture world = new Fixture();
    for (String message :
        List.of(
            "one line",
            "two\nlines",
            "windows\r\nline\rbreaks",
            "\ttabbed\t",
            " padded ",
            "日本語 😀 e\u0301 ß",
            "m".repeat(64 * 1024),
            "😀".repeat(64 * 1024))) {
      assertRecordedExactly(world, CommitMeta.message(message));
    }
  }

  @Test
  void theMetaIsCheckedAfterTheCallsOtherArguments() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    CommitMeta bad = CommitMeta.of(" ", "a blank author");
    AssetRef badName = TABLE.withName(" ");

    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, badName, NewAsset.of(AssetKind.FILE), bad));
    assertInvalid(
        "request.properties key",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    TABLE.withName("new"),
                    NewAsset.builder(AssetKind.FILE).properties(Map.of(" ", "v")).build(),
                    bad));
    assertInvalid(
        "to.name",
        () -> store().assets().rename(tenant, TABLE, badName, AssetExpectation.ANY, bad));
    assertInvalid(
        "update.remove",
        () ->
            store()
                .assets()
                .updateProperties(tenant, TABLE, PropertyUpdate.removing(Set.of(" ")), bad));
    assertInvalid(
        "asset.name", () -> store().assets().delete(tenant, badName, AssetExpectation.ANY, bad));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, TABLE, MetadataCommit.replacing(V1, V1), bad));
    assertInvalid(
        "commits", () -> store().assets().commitMetadataLocations(tenant, List.of(), bad));
    assertInvalid(
        "target",
        () -> store().branches().merge(tenant, DEV, DEV, MergeOptions.DEFAULT.withMeta(bad)));

    world.assertUnchanged();
  }

  @Test
  void badInputIsRefusedAsBadWhereWhatItNamesDoesNotExist() {
    Fixture world = new Fixture();
    TenantId missingTenant = TenantId.random();
    CommitMeta bad = CommitMeta.of("a\u0000b", "a control character in the author");
    AssetRef missingAsset = TABLE.withName("missing");
    BranchRef missingCatalog = new BranchRef("missing-cat", "dev");

    for (TenantId tenant : List.of(missingTenant, world.tenant)) {
      assertInvalid(
          "meta.author",
          () -> store().assets().updateProperties(tenant, missingAsset, PropertyUpdate.NONE, bad));
      assertInvalid(
          "meta.author",
          () -> store().assets().delete(tenant, missingAsset, AssetExpectation.ANY, bad));
      assertInvalid(
          "meta.author",
          () ->
              store()
                  .assets()
                  .commitMetadataLocation(tenant, missingAsset, MetadataCommit.first(V1), bad));
      assertInvalid(
          "options.meta.author",
          () ->
              store()
                  .branches()
                  .merge(
                      tenant,
                      missingCatalog,
                      BranchRef.main("missing-cat"),
                      MergeOptions.DEFAULT.withMeta(bad)));
      assertInvalid(
          "branch.branch",
          () ->
              store()
                  .branches()
                  .create(
                      tenant,
                      new BranchRef("missing-cat", ""),
                      NewBranch.from(CommitRef.head(missingCatalog))));
      assertInvalid(
          "request.from.catalog",
          () ->
              store()
                  .branches()
                  .create(tenant, missingCatalog, NewBranch.from(CommitRef.head(MAIN))));
      assertInvalid(
          "target.catalog",
          () ->
              store().tags().create(tenant, new TagRef("missing-cat", "t"), CommitRef.head(MAIN)));
      assertInvalid(
          "tag.tag", () -> store().tags().delete(tenant, new TagRef("missing-cat", "\t")));
      assertInvalid(
          "branch.branch", () -> store().branches().delete(tenant, new BranchRef(CAT, "")));
      assertInvalid(
          "page.limit",
          () ->
              store()
                  .commits()
                  .ancestry(
                      tenant,
                      CommitRef.id("missing-cat", CommitId.random()),
                      PageRequest.firstPage(0)));
      assertInvalid(
          "page.pageToken",
          () ->
              store()
                  .commits()
                  .operations(
                      tenant,
                      "missing-cat",
                      CommitId.random(),
                      PageRequest.nextPage("not a token", 10)));
      assertInvalid(
          "page.limit",
          () -> store().branches().list(tenant, "missing-cat", PageRequest.firstPage(0)));
      assertInvalid(
          "page.pageToken",
          () -> store().tags().list(tenant, "missing-cat", PageRequest.nextPage("x", 10)));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // page tokens

  @Test
  void aPageTokenServesOnlyTheListItWasMintedFor() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    await(store().tags().create(tenant, new TagRef(CAT, "second"), CommitRef.head(DEV)));
    // A rename, so that its commit has two operations.
    await(store().assets().rename(tenant, TABLE_ON_DEV, TABLE_ON_DEV.withName("t2")));
    CommitId rename = world.head(DEV);
    TenantSnapshot before = TenantSnapshot.read(store(), tenant);
    String branches = token(p -> store().branches().list(tenant, CAT, p));
    String tags = token(p -> store().tags().list(tenant, CAT, p));
    String devAncestry = token(p -> store().commits().ancestry(tenant, CommitRef.head(DEV), p));
    String operations = token(p -> store().commits().operations(tenant, CAT, rename, p));

    for (String foreign : List.of(tags, devAncestry, operations)) {
      assertInvalid(
          "page.pageToken",
          () -> store().branches().list(tenant, CAT, PageRequest.nextPage(foreign, 1)));
    }
    assertInvalid(
        "page.pageToken",
        () -> store().branches().list(tenant, OTHER, PageRequest.nextPage(branches, 1)));
    for (String foreign : List.of(branches, devAncestry, operations)) {
      assertInvalid(
          "page.pageToken",
          () -> store().tags().list(tenant, CAT, PageRequest.nextPage(foreign, 1)));
    }
    assertInvalid(
        "page.pageToken", () -> store().tags().list(tenant, OTHER, PageRequest.nextPage(tags, 1)));
    for (CommitRef other :
        List.of(
            CommitRef.head(MAIN),
            CommitRef.tag(RELEASE),
            CommitRef.id(CAT, world.devHead),
            CommitRef.head(BranchRef.main(OTHER)))) {
      assertInvalid(
          "page.pageToken",
          () -> store().commits().ancestry(tenant, other, PageRequest.nextPage(devAncestry, 1)));
    }
    for (String foreign : List.of(branches, tags, operations)) {
      assertInvalid(
          "page.pageToken",
          () ->
              store()
                  .commits()
                  .ancestry(tenant, CommitRef.head(DEV), PageRequest.nextPage(foreign, 1)));
    }
    for (String foreign : List.of(branches, tags, devAncestry)) {
      assertInvalid(
          "page.pageToken",
          () ->
              store().commits().operations(tenant, CAT, rename, PageRequest.nextPage(foreign, 1)));
    }
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .commits()
                .operations(tenant, CAT, world.devHead, PageRequest.nextPage(operations, 1)));

    assertThat(TenantSnapshot.read(store(), tenant)).isEqualTo(before);
  }

  @Test
  void aPageLimitBelowOneIsRefusedByEveryList() {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    for (int limit : new int[] {0, -1}) {
      PageRequest bad = PageRequest.firstPage(limit);
      assertInvalid("page.limit", () -> store().branches().list(tenant, CAT, bad));
      assertInvalid("page.limit", () -> store().tags().list(tenant, CAT, bad));
      assertInvalid(
          "page.limit", () -> store().commits().ancestry(tenant, CommitRef.head(DEV), bad));
      assertInvalid(
          "page.limit", () -> store().commits().operations(tenant, CAT, world.devHead, bad));
    }

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // valid names

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void everyValidBranchAndTagNameIsKeptExactly(String label, String name) {
    Fixture world = new Fixture();
    TenantId tenant = world.tenant;
    BranchRef branch = new BranchRef(CAT, name);
    TagRef tag = new TagRef(CAT, name);

    Branch created =
        await(store().branches().create(tenant, branch, NewBranch.from(CommitRef.head(DEV))));
    Tag tagged = await(store().tags().create(tenant, tag, CommitRef.head(branch)));

    assertThat(created.ref()).isEqualTo(branch);
    assertThat(tagged.ref()).isEqualTo(tag);
    assertThat(tagged.commit()).isEqualTo(world.devHead);
    assertThat(await(store().branches().get(tenant, branch))).contains(created);
    assertThat(await(store().tags().get(tenant, tag))).contains(tagged);
    assertThat(PagedReads.all(p -> store().branches().list(tenant, CAT, p)))
        .extracting(b -> b.ref().branch())
        .contains(name);
    assertThat(PagedReads.all(p -> store().tags().list(tenant, CAT, p)))
        .extracting(t -> t.ref().tag())
        .contains(name);
    assertThat(PagedReads.all(p -> store().commits().ancestry(tenant, CommitRef.tag(tag), p)))
        .first()
        .extracting(Commit::id)
        .isEqualTo(world.devHead);
    assertThat(await(store().assets().get(tenant, new AssetRef(branch, NS_PATH, "t")))).isPresent();
    await(store().tags().delete(tenant, tag));
    await(store().branches().delete(tenant, branch));
    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** Every asset change that records a meta, on the table of {@code tenant}, by name. */
  private Map<String, Function<CommitMeta, CompletableFuture<?>>> changes(TenantId tenant) {
    Map<String, Function<CommitMeta, CompletableFuture<?>>> changes = new LinkedHashMap<>();
    changes.put(
        "assets.create",
        meta ->
            store()
                .assets()
                .create(tenant, TABLE.withName("new"), NewAsset.of(AssetKind.FILE), meta));
    changes.put(
        "assets.rename",
        meta ->
            store()
                .assets()
                .rename(tenant, TABLE, TABLE.withName("renamed"), AssetExpectation.ANY, meta));
    changes.put(
        "assets.updateProperties",
        meta ->
            store()
                .assets()
                .updateProperties(tenant, TABLE, PropertyUpdate.setting("k", "v"), meta));
    changes.put(
        "assets.delete",
        meta -> store().assets().delete(tenant, TABLE, AssetExpectation.ANY, meta));
    changes.put(
        "assets.commitMetadataLocation",
        meta ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, TABLE, MetadataCommit.replacing(V1, "s3://cat/ns/t/2.json"), meta));
    changes.put(
        "assets.commitMetadataLocations",
        meta ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(
                            TABLE, MetadataCommit.replacing(V1, "s3://cat/ns/t/2.json"))),
                    meta));
    return changes;
  }

  /** Every change and a merge refuse {@code bad}, naming its {@code part}. */
  private void assertEveryChangeAndMergeRefuses(Fixture world, CommitMeta bad, String part) {
    for (Map.Entry<String, Function<CommitMeta, CompletableFuture<?>>> change :
        changes(world.tenant).entrySet()) {
      InvalidArgument.expect(change.getKey(), "meta." + part, () -> change.getValue().apply(bad));
    }
    assertInvalid(
        "options.meta." + part,
        () ->
            store().branches().merge(world.tenant, DEV, MAIN, MergeOptions.DEFAULT.withMeta(bad)));
    assertInvalid(
        "options.meta." + part,
        () ->
            store()
                .branches()
                .merge(world.tenant, DEV, MAIN, MergeOptions.DEFAULT.asDryRun().withMeta(bad)));
  }

  /** A change recording {@code meta} and a merge with it read {@code meta} back exactly. */
  private void assertRecordedExactly(Fixture world, CommitMeta meta) {
    TenantId tenant = world.tenant;
    await(store().assets().updateProperties(tenant, TABLE, PropertyUpdate.setting("k", "v"), meta));
    CommitId changed = world.head(MAIN);
    assertThat(await(store().commits().get(tenant, CAT, changed)).orElseThrow().meta())
        .as("the meta of the change read back")
        .isEqualTo(meta);
    assertThat(
            await(
                    store()
                        .commits()
                        .ancestry(tenant, CommitRef.head(MAIN), PageRequest.firstPage(1)))
                .items())
        .singleElement()
        .extracting(Commit::meta)
        .as("the meta of the change in the ancestry")
        .isEqualTo(meta);
  }

  /** The token of the first page of one item of {@code list}, which must have more. */
  private static String token(Function<PageRequest, CompletableFuture<? extends Page<?>>> list) {
    return await(list.apply(PageRequest.firstPage(1)))
        .nextPageToken()
        .orElseThrow(() -> new AssertionError("the list has one item only"));
  }

  /** Asserts that {@code change} refuses its input on {@code field}, naming the change. */
  private static final class InvalidArgument {
    static void expect(String change, String field, ThrowingCall<CompletableFuture<?>> call) {
      assertThat(assertFails(InvalidArgumentException.class, call).field())
          .as("the field %s refused", change)
          .isEqualTo(field);
    }
  }
}
