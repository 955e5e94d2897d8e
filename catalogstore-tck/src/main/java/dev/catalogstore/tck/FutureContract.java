package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous shape of the contract (DESIGN §2.1), for every facet method. The methods are
 * found by reflection over the facets of {@link CatalogStore}, so a method added to a facet is
 * covered at once; the suite fails, naming it, if it does not know a valid argument of one of the
 * new method's parameter types.
 *
 * <ul>
 *   <li>A caller may chain a store call inside the callback of another with plain {@code
 *       thenCompose} (the callback then runs on whatever thread completed the first future, a store
 *       thread included), also when the caller itself runs on an executor of one thread, and the
 *       chain completes: a store never blocks one of its own threads on another of its futures.
 *   <li>A method never throws: not on a {@code null} argument (the future fails with {@code
 *       InvalidArgumentException}), not on an argument that throws while it is read (a map whose
 *       {@code size()} and {@code entrySet()} throw: the future fails instead). Records and the
 *       request types copy what they hold when they are built, so the arguments a caller can still
 *       change or break after building them are the parameters of interface type: maps, sets, lists
 *       (a sealed interface such as {@code CommitRef} has only immutable records).
 *   <li>A future fails only with a {@link CatalogStoreException} subtype, never a raw runtime
 *       exception, also for calls under a tenant that does not exist or in an empty tenant.
 *   <li>A store reads a mutable argument before the call returns: a map, set or list the caller
 *       changes afterwards (reusing its buffer, say) changes nothing of the call.
 * </ul>
 *
 * <p>A call that hangs is reported after {@link #CALL_TIMEOUT} instead of hanging the run; the
 * suite stops at the first hung call, since a deadlocked store serves nothing afterwards.
 */
public abstract class FutureContract extends TckSuite {
  private final ExecutorService oneThread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "tck-caller-executor");
            // A chain deadlocked in a broken store must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
          });

  @AfterEach
  void stopTheExecutor() {
    oneThread.shutdownNow();
  }

  @Test
  void callsChainedInsideCallbacksOnAOneThreadExecutorComplete() {
    String name = uniqueName("tenant");
    NamespaceRef sales = NamespaceRef.of("cat", "sales");

    CompletableFuture<Asset> chain =
        store()
            .tenants()
            .create(NewTenant.named(name))
            .thenComposeAsync(
                created ->
                    store()
                        .warehouses()
                        .create(created.id(), NewWarehouse.of("wh", fileStorage("wh")))
                        .thenComposeAsync(
                            w ->
                                store()
                                    .catalogs()
                                    .create(created.id(), NewCatalog.local("cat", "wh")),
                            oneThread)
                        .thenComposeAsync(
                            c -> store().namespaces().create(created.id(), sales, Map.of()),
                            oneThread)
                        .thenComposeAsync(
                            n ->
                                store()
                                    .assets()
                                    .create(
                                        created.id(),
                                        assetOnMain(sales, "t"),
                                        NewAsset.of(AssetKind.ICEBERG_TABLE)),
                            oneThread)
                        .thenComposeAsync(
                            t ->
                                store()
                                    .assets()
                                    .commitMetadataLocation(
                                        created.id(),
                                        assetOnMain(sales, "t"),
                                        MetadataCommit.first("s3://b/t/v1.json")),
                            oneThread),
                oneThread);

    assertThat(await(chain).metadataLocation()).contains("s3://b/t/v1.json");
  }

  @Test
  void aFailureTravelsDownAChainAsTheContractsException() {
    TenantId tenant = newTenant();

    CompletableFuture<String> chain =
        store()
            .catalogs()
            .get(tenant, "missing")
            .thenComposeAsync(
                none ->
                    store().namespaces().create(tenant, NamespaceRef.of("missing", "ns"), Map.of()),
                oneThread)
            .handle(
                (namespace, failure) -> {
                  Throwable cause =
                      failure instanceof CompletionException ? failure.getCause() : failure;
                  assertThat(cause).isInstanceOf(NotFoundException.class);
                  return "handled";
                });

    assertThat(await(chain)).isEqualTo("handled");
  }

  /**
   * Every method, called with plain {@code thenCompose} inside the callback of another store call,
   * once from the test's thread and once from an executor of one thread, completes (with a value or
   * a failure) and the chain goes on to a further store call.
   */
  @Test
  void everyMethodChainedInsideAStoreCallbackCompletes() {
    for (FacetMethod method : FacetMethod.all()) {
      Scene scene = filledScene();
      Object[] arguments = scene.validArguments(method);

      CompletableFuture<?> fromTestThread =
          store()
              .tenants()
              .get(scene.tenant)
              .thenCompose(read -> method.callForFuture(store(), arguments))
              .handle((value, failure) -> "done")
              .thenCompose(done -> store().tenants().get(scene.tenant));
      assertCompletes(method + " chained from the test's thread", fromTestThread);

      CompletableFuture<?> fromOneThread =
          CompletableFuture.supplyAsync(() -> "", oneThread)
              .thenCompose(start -> store().tenants().get(scene.tenant))
              .thenCompose(read -> method.callForFuture(store(), arguments))
              .handle((value, failure) -> "done")
              .thenCompose(done -> store().tenants().get(scene.tenant));
      assertCompletes(method + " chained on a one-thread executor", fromOneThread);
    }
  }

  /** Each parameter of every method, null in turn: a failed future, never an exception. */
  @Test
  void noMethodThrowsOnANullArgumentButFailsItsFutureAsInvalid() {
    List<String> problems = new ArrayList<>();
    for (FacetMethod method : FacetMethod.all()) {
      Scene scene = filledScene();
      for (int i = 0; i < method.parameterCount(); i++) {
        Object[] arguments = scene.validArguments(method);
        arguments[i] = null;
        String call = method + " with parameter " + i + " null";
        Outcome outcome = Outcome.of(store(), method, arguments);
        outcome.problem(call).ifPresent(problems::add);
        if (outcome.failure != null && !(outcome.failure instanceof InvalidArgumentException)) {
          problems.add(
              call + " failed with " + outcome.failure + " instead of InvalidArgumentException");
        }
        if (outcome.failure == null && outcome.problem(call).isEmpty()) {
          problems.add(call + " succeeded");
        }
      }
    }
    assertThat(problems).as("calls with a null argument").isEmpty();
  }

  /**
   * Each parameter of interface type (a map, set or list) of every method, replaced in turn by one
   * that throws whatever is called on it: a failed future, never an exception.
   */
  @Test
  void noMethodThrowsOnAnArgumentThatFailsWhileReadButFailsItsFuture() {
    List<String> problems = new ArrayList<>();
    int probed = 0;
    for (FacetMethod method : FacetMethod.all()) {
      Scene scene = filledScene();
      for (int i = 0; i < method.parameterCount(); i++) {
        Class<?> type = method.method.getParameterTypes()[i];
        if (!isMutable(type)) {
          continue;
        }
        probed++;
        Object[] arguments = scene.validArguments(method);
        arguments[i] = throwingWhenRead(type);
        String call = method + " with parameter " + i + " throwing when read";
        Outcome outcome = Outcome.of(store(), method, arguments);
        outcome.problem(call).ifPresent(problems::add);
        if (outcome.failure == null && outcome.problem(call).isEmpty()) {
          problems.add(call + " succeeded: it never read its argument");
        }
      }
    }
    assertThat(probed).as("parameters of interface type probed").isPositive();
    assertThat(problems).as("calls with an argument that throws when read").isEmpty();
  }

  /**
   * A map, set or list a caller can still break may also reach a method inside a request value: a
   * record's component (at any depth: {@code NewCatalog.source.connector.credentials.values}) or
   * what a builder was given. Each such content of each parameter of every method, replaced in turn
   * by one that throws whatever is called on it: either the request cannot be built with it (it
   * copies what it is given, so the failure is the caller's own, on its own thread), or the call
   * fails its future, never throws. A request class that is not a record and holds a map, set or
   * list needs a case in {@link #BUILT_WITH_BROKEN_CONTENT}; the test fails, naming it, without
   * one.
   */
  @Test
  void noMethodThrowsOnARequestHoldingContentThatFailsWhileRead() {
    List<String> problems = new ArrayList<>();
    int carried = 0;
    for (FacetMethod method : FacetMethod.all()) {
      Object[] shapes = Scene.unfilled(TenantId.random()).validArguments(method);
      Map<Integer, List<Object>> broken = new TreeMap<>();
      for (int i = 0; i < shapes.length; i++) {
        List<Object> variants = new ArrayList<>();
        brokenVariants(shapes[i], variants, problems);
        if (!variants.isEmpty()) {
          broken.put(i, variants);
        }
      }
      if (broken.isEmpty()) {
        continue;
      }
      Scene scene = filledScene();
      for (Map.Entry<Integer, List<Object>> parameter : broken.entrySet()) {
        for (Object variant : parameter.getValue()) {
          carried++;
          Object[] arguments = scene.validArguments(method);
          arguments[parameter.getKey()] = variant;
          String call =
              method
                  + " with parameter "
                  + parameter.getKey()
                  + " holding content that throws when read";
          Outcome outcome = Outcome.of(store(), method, arguments);
          outcome.problem(call).ifPresent(problems::add);
          if (outcome.failure == null && outcome.problem(call).isEmpty()) {
            problems.add(call + " succeeded: it never read that content");
          }
        }
      }
    }
    assertThat(problems).as("calls with a request holding content that throws when read").isEmpty();
    assertThat(carried).as("requests that carry a caller's content uncopied").isPositive();
  }

  /**
   * How to build a request class that is not a record with each map, set or list it holds broken;
   * each supplier may throw (the class copies what it is given), or returns the request.
   */
  private static final Map<Class<?>, Function<Object, List<java.util.function.Supplier<Object>>>>
      BUILT_WITH_BROKEN_CONTENT =
          Map.of(
              NewAuditEvent.class,
              valid -> {
                NewAuditEvent event = (NewAuditEvent) valid;
                return List.of(
                    () ->
                        NewAuditEvent.builder(
                                event.actor(), event.action(), event.resourceType(), event.result())
                            .details(throwing(Map.class))
                            .build());
              },
              NewAsset.class,
              valid ->
                  List.of(
                      () ->
                          NewAsset.builder(((NewAsset) valid).kind())
                              .properties(throwing(Map.class))
                              .build()),
              RoleUpdate.class,
              valid -> List.of(() -> RoleUpdate.builder().grants(throwing(Set.class)).build()));

  /**
   * Adds to {@code variants} each way {@code value} can be built holding content that throws when
   * read, and that builds (a value whose constructor copies, and so throws, is left out).
   */
  private static void brokenVariants(Object value, List<Object> variants, List<String> problems) {
    if (value == null) {
      return;
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
      for (int c = 0; c < components.length; c++) {
        Object part = component(value, components[c]);
        List<Object> replacements = new ArrayList<>();
        if (isMutable(components[c].getType())) {
          replacements.add(throwingWhenRead(components[c].getType()));
        } else {
          brokenVariants(part, replacements, problems);
        }
        for (Object replacement : replacements) {
          rebuilt(value, components, c, replacement).ifPresent(variants::add);
        }
      }
      return;
    }
    if (!type.getPackageName().startsWith("dev.catalogstore.api") || type.isEnum()) {
      return;
    }
    boolean holdsContent = false;
    for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
      for (java.lang.reflect.Field field : at.getDeclaredFields()) {
        holdsContent |= !Modifier.isStatic(field.getModifiers()) && isMutable(field.getType());
      }
    }
    if (!holdsContent) {
      return;
    }
    Function<Object, List<java.util.function.Supplier<Object>>> cases =
        BUILT_WITH_BROKEN_CONTENT.get(type);
    if (cases == null) {
      problems.add(
          "FutureContract knows no way to build a "
              + type.getName()
              + " holding a map, set or list that throws when read; add one to"
              + " BUILT_WITH_BROKEN_CONTENT");
      return;
    }
    for (java.util.function.Supplier<Object> build : cases.apply(value)) {
      try {
        variants.add(build.get());
      } catch (RuntimeException copiedWhenBuilt) {
        // The request copies what it is given: the caller's own thread saw the failure.
      }
    }
  }

  private static Object component(Object record, java.lang.reflect.RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read " + component, e);
    }
  }

  /** {@code record} with component {@code index} replaced; empty if its constructor refuses it. */
  private static Optional<Object> rebuilt(
      Object record,
      java.lang.reflect.RecordComponent[] components,
      int index,
      Object replacement) {
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      values[c] = c == index ? replacement : component(record, components[c]);
      types[c] = components[c].getType();
    }
    try {
      return Optional.of(record.getClass().getDeclaredConstructor(types).newInstance(values));
    } catch (InvocationTargetException copiedWhenBuilt) {
      // The record copies what it is given: the caller's own thread saw the failure.
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build " + record.getClass().getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T throwing(Class<T> type) {
    return (T) throwingWhenRead(type);
  }

  /**
   * Every method, called under a tenant that does not exist and in an existing but empty tenant,
   * completes with a value or fails with a {@link CatalogStoreException} subtype.
   */
  @Test
  void everyMethodFailsOnlyWithTheContractsExceptions() {
    List<String> problems = new ArrayList<>();
    for (FacetMethod method : FacetMethod.all()) {
      Scene missing = Scene.unfilled(TenantId.random());
      Outcome.of(store(), method, missing.validArguments(method))
          .problem(method + " under a missing tenant")
          .ifPresent(problems::add);
      Scene empty = Scene.unfilled(newTenant());
      Outcome.of(store(), method, empty.validArguments(method))
          .problem(method + " in an empty tenant")
          .ifPresent(problems::add);
    }
    assertThat(problems).as("calls whose outcome is not the contract's").isEmpty();
  }

  /**
   * Every method that takes a map, set or list reads it before it returns: the caller clearing and
   * refilling it right after the call changes nothing of what the call does.
   */
  @Test
  void anArgumentTheCallerChangesAfterTheCallReturnedChangesNothingOfTheCall() {
    Map<String, MutationCase> cases = new TreeMap<>();
    cases.put("namespaces.create/3", this::namespaceCreateKeepsTheMapItWasGiven);
    cases.put("namespaces.replaceProperties/3", this::namespaceReplacementKeepsTheMapItWasGiven);
    cases.put("assets.list/5", this::assetListKeepsTheKindsItWasGiven);
    cases.put("assets.commitMetadataLocations/2", this::multiAssetCommitKeepsThePartsItWasGiven);
    cases.put(
        "assets.commitMetadataLocations/3", this::multiAssetCommitWithMetaKeepsThePartsItWasGiven);

    List<String> uncovered =
        FacetMethod.all().stream()
            .filter(
                method ->
                    Arrays.stream(method.method.getParameterTypes())
                        .anyMatch(FutureContract::isMutable))
            .map(FacetMethod::toString)
            .filter(name -> !cases.containsKey(name))
            .toList();
    assertThat(uncovered)
        .as("methods taking a mutable argument without a case in this test; add one")
        .isEmpty();

    for (MutationCase mutationCase : cases.values()) {
      mutationCase.run(filledScene());
    }
  }

  private void namespaceCreateKeepsTheMapItWasGiven(Scene scene) {
    NamespaceRef created = SampleTenant.SALES.child(uniqueName("ns"));
    Map<String, String> buffer = new HashMap<>(Map.of("given", "yes"));

    CompletableFuture<Namespace> call = store().namespaces().create(scene.tenant, created, buffer);
    reuse(buffer);

    assertThat(await(call).properties()).isEqualTo(Map.of("given", "yes"));
    assertThat(await(store().namespaces().get(scene.tenant, created)).orElseThrow().properties())
        .as("namespaces.create stored the map as it was when called")
        .isEqualTo(Map.of("given", "yes"));
  }

  private void namespaceReplacementKeepsTheMapItWasGiven(Scene scene) {
    Map<String, String> buffer = new HashMap<>(Map.of("given", "yes"));

    CompletableFuture<Namespace> call =
        store().namespaces().replaceProperties(scene.tenant, SampleTenant.SALES, buffer);
    reuse(buffer);

    assertThat(await(call).properties()).isEqualTo(Map.of("given", "yes"));
    assertThat(
            await(store().namespaces().get(scene.tenant, SampleTenant.SALES))
                .orElseThrow()
                .properties())
        .as("namespaces.replaceProperties stored the map as it was when called")
        .isEqualTo(Map.of("given", "yes"));
  }

  private void assetListKeepsTheKindsItWasGiven(Scene scene) {
    Set<AssetKind> buffer = new HashSet<>(Set.of(AssetKind.ICEBERG_TABLE));

    CompletableFuture<Page<Asset>> call =
        store()
            .assets()
            .list(
                scene.tenant,
                BranchRef.main(SampleTenant.CATALOG),
                SampleTenant.SALES.path(),
                buffer,
                PageRequest.firstPage());
    buffer.clear();
    buffer.add(AssetKind.DELTA_TABLE);

    assertThat(await(call).items())
        .extracting(asset -> asset.ref().name())
        .as("assets.list listed the kinds given when called")
        .containsExactly("orders");
  }

  private void multiAssetCommitKeepsThePartsItWasGiven(Scene scene) {
    multiAssetCommitKeepsThePartsItWasGiven(
        scene, buffer -> store().assets().commitMetadataLocations(scene.tenant, buffer));
  }

  private void multiAssetCommitWithMetaKeepsThePartsItWasGiven(Scene scene) {
    multiAssetCommitKeepsThePartsItWasGiven(
        scene,
        buffer ->
            store()
                .assets()
                .commitMetadataLocations(
                    scene.tenant, buffer, CommitMeta.of("futures", "a multi-asset commit")));
  }

  private void multiAssetCommitKeepsThePartsItWasGiven(
      Scene scene, Function<List<AssetCommit>, CompletableFuture<List<Asset>>> commit) {
    String next = SampleTenant.ORDERS_V2 + ".next";
    List<AssetCommit> buffer =
        new ArrayList<>(
            List.of(
                new AssetCommit(
                    SampleTenant.ORDERS, MetadataCommit.replacing(SampleTenant.ORDERS_V2, next))));

    CompletableFuture<List<Asset>> call = commit.apply(buffer);
    buffer.set(
        0,
        new AssetCommit(
            SampleTenant.CUSTOMERS,
            MetadataCommit.replacing(SampleTenant.CUSTOMERS_V1, "s3://not/given.json")));

    assertThat(await(call)).extracting(Asset::ref).containsExactly(SampleTenant.ORDERS);
    assertThat(
            await(store().assets().get(scene.tenant, SampleTenant.ORDERS))
                .orElseThrow()
                .metadataLocation())
        .contains(next);
    assertThat(
            await(store().assets().get(scene.tenant, SampleTenant.CUSTOMERS))
                .orElseThrow()
                .metadataLocation())
        .as("an asset the caller named only after the call returned")
        .contains(SampleTenant.CUSTOMERS_V1);
  }

  /**
   * Whether a caller can still change or break an argument of {@code type} after building it: an
   * interface (a map, set or list) that is not sealed. A sealed interface ({@code CommitRef}) has
   * only the contract's immutable records as implementations.
   */
  private static boolean isMutable(Class<?> type) {
    return type.isInterface() && !type.isSealed();
  }

  /** What a caller reusing its buffer does: empties it and fills it with something else. */
  private static void reuse(Map<String, String> buffer) {
    buffer.clear();
    buffer.put("changed", "after the call");
  }

  /** One case of the mutable-argument rule, run in a scene of its own. */
  @FunctionalInterface
  private interface MutationCase {
    void run(Scene scene);
  }

  /** Fails the test if {@code chain} does not complete in time, naming {@code what}. */
  private static void assertCompletes(String what, CompletableFuture<?> chain) {
    try {
      chain.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | CancellationException e) {
      fail("%s: the chain's own store calls failed: %s", what, e.getCause());
    } catch (TimeoutException e) {
      fail(
          "%s did not complete within %s: a deadlock? A store must not block one of its own "
              + "threads (or the caller's) waiting for another store call",
          what, CALL_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A fresh tenant filled with {@link SampleTenant}'s content. */
  private Scene filledScene() {
    TenantId tenant = newTenant();
    SampleTenant.fill(store(), tenant, "futures");
    AssetId orders = await(store().assets().get(tenant, SampleTenant.ORDERS)).orElseThrow().id();
    BranchRef main = BranchRef.main(SampleTenant.CATALOG);
    CommitId head = await(store().branches().get(tenant, main)).orElseThrow().head();
    await(store().tags().create(tenant, Scene.RELEASE, CommitRef.head(main)));
    await(store().branches().create(tenant, Scene.DEV, NewBranch.from(CommitRef.head(main))));
    await(
        store()
            .assets()
            .updateProperties(
                tenant,
                new AssetRef(Scene.DEV, SampleTenant.ORDERS.namespace(), "orders"),
                PropertyUpdate.setting("stage", "dev")));
    return new Scene(tenant, orders, head, Governance.fill(store(), tenant));
  }

  /**
   * The governance content of a scene: a user holding a role, a direct permission and a token, and
   * a service user, with the digests that find them.
   *
   * @param user the user
   * @param username its username
   * @param role the role assigned to it
   * @param roleName the role's name
   * @param permission the user's direct permission
   * @param serviceUser the service user
   * @param apiKeyHash the digest of its key
   * @param token the user's token
   * @param tokenHash the digest of the token
   */
  private record Governance(
      UserId user,
      String username,
      RoleId role,
      String roleName,
      PermissionId permission,
      ServiceUserId serviceUser,
      ApiKeyHash apiKeyHash,
      TokenId token,
      TokenHash tokenHash) {

    /** Ids and digests of nothing: what a missing or empty tenant's calls name. */
    static Governance none() {
      return new Governance(
          UserId.random(),
          "futures-user",
          RoleId.random(),
          "futures-role",
          PermissionId.random(),
          ServiceUserId.random(),
          freshApiKeyHash(),
          TokenId.random(),
          freshTokenHash());
    }

    static Governance fill(CatalogStore store, TenantId tenant) {
      Governance names = none();
      User user =
          await(store.users().create(tenant, NewUser.of(names.username, RoleKind.TENANT_USER)));
      Role role =
          await(
              store
                  .roles()
                  .create(tenant, NewRole.of(names.roleName, lakeGrant(tenant, Action.READ))));
      await(store.roles().assign(tenant, role.id(), user.id()));
      Permission permission =
          await(store.permissions().grant(tenant, user.id(), lakeGrant(tenant, Action.LIST)));
      ServiceUser serviceUser =
          await(
              store
                  .serviceUsers()
                  .create(
                      tenant,
                      NewServiceUser.of(
                          "futures-service", RoleKind.TENANT_USER, names.apiKeyHash)));
      await(
          store
              .tokens()
              .create(tenant, new NewToken(names.token, user.id(), names.tokenHash, inADay())));
      return new Governance(
          user.id(),
          names.username,
          role.id(),
          names.roleName,
          permission.id(),
          serviceUser.id(),
          names.apiKeyHash,
          names.token,
          names.tokenHash);
    }
  }

  private static Grant lakeGrant(TenantId tenant, Action action) {
    return Grant.of(new PermissionScope.CatalogScope(tenant, SampleTenant.CATALOG), action);
  }

  private static ApiKeyHash freshApiKeyHash() {
    return ApiKeyHash.sha256Of(UUID.randomUUID().toString());
  }

  private static TokenHash freshTokenHash() {
    return TokenHash.sha256Of(UUID.randomUUID().toString());
  }

  private static Instant inADay() {
    return Instant.now().plus(Duration.ofDays(1));
  }

  /**
   * A tenant (which may not exist or be empty) and valid arguments in it for any facet method,
   * chosen by parameter type, naming {@link SampleTenant}'s content, a {@link Governance} (a user
   * with a role, a permission and a token, and a service user; a create gets a fresh name, id and
   * digest), tag {@link #RELEASE} on the head of {@code main} and branch {@link #DEV} from it with
   * a change of its own. A create gets a fresh name, a rename a fresh target; a branch deletion
   * names {@code dev}, a merge merges {@code dev} into {@code main}.
   */
  private static final class Scene {
    static final BranchRef DEV = new BranchRef(SampleTenant.CATALOG, "dev");
    static final TagRef RELEASE = new TagRef(SampleTenant.CATALOG, "release");

    final TenantId tenant;
    final AssetId orders;
    final CommitId commit;
    final Governance governance;

    Scene(TenantId tenant, AssetId orders, CommitId commit, Governance governance) {
      this.tenant = tenant;
      this.orders = orders;
      this.commit = commit;
      this.governance = governance;
    }

    /** A scene under {@code tenant}, which holds none of what the scene names. */
    static Scene unfilled(TenantId tenant) {
      return new Scene(tenant, AssetId.random(), CommitId.random(), Governance.none());
    }

    Object[] validArguments(FacetMethod method) {
      Type[] types = method.method.getGenericParameterTypes();
      Object[] arguments = new Object[types.length];
      boolean sawAsset = false;
      boolean sawBranch = false;
      for (int i = 0; i < types.length; i++) {
        String type = types[i].getTypeName();
        boolean create = method.method.getName().equals("create");
        if (type.equals(BranchRef.class.getName()) && method.facet().equals("branches")) {
          // A new branch is fresh; a deletion, or a merge's source, is dev; a merge's target main.
          arguments[i] =
              create
                  ? new BranchRef(SampleTenant.CATALOG, uniqueName("branch"))
                  : sawBranch || method.method.getName().equals("get")
                      ? BranchRef.main(SampleTenant.CATALOG)
                      : DEV;
          sawBranch = true;
        } else if (type.equals(TagRef.class.getName())) {
          arguments[i] = create ? new TagRef(SampleTenant.CATALOG, uniqueName("tag")) : RELEASE;
        } else if (type.equals(AssetRef.class.getName())) {
          // The first asset is the one acted on, a second one (a rename's target) is fresh.
          arguments[i] =
              create || sawAsset
                  ? AssetRef.onMain(SampleTenant.SALES, uniqueName("asset"))
                  : SampleTenant.ORDERS;
          sawAsset = true;
        } else if (type.equals(NamespaceRef.class.getName())) {
          arguments[i] =
              create
                  ? SampleTenant.SALES.child(uniqueName("ns"))
                  : method.method.getName().equals("list")
                      ? NamespaceRef.root(SampleTenant.CATALOG)
                      : SampleTenant.SALES;
        } else if (type.equals(String.class.getName())) {
          arguments[i] =
              switch (method.facet()) {
                case "warehouses" -> SampleTenant.WAREHOUSE;
                case "catalogs", "commits", "branches", "tags", "federation" ->
                    SampleTenant.CATALOG;
                case "users" -> governance.username();
                case "roles" -> governance.roleName();
                case "tokens" -> "a revocation's reason";
                default ->
                    throw new AssertionError(
                        "FutureContract knows no valid String argument for "
                            + method
                            + "; add one");
              };
        } else {
          arguments[i] = valueOf(type);
        }
      }
      return arguments;
    }

    private Object valueOf(String type) {
      String ordersNext = SampleTenant.ORDERS_V2 + ".next";
      Map<String, Object> values = new HashMap<>();
      values.put(TenantId.class.getName(), tenant);
      values.put(AssetId.class.getName(), orders);
      values.put(BranchRef.class.getName(), BranchRef.main(SampleTenant.CATALOG));
      values.put(CommitId.class.getName(), commit);
      values.put(CommitRef.class.getName(), CommitRef.head(DEV));
      values.put(CommitMeta.class.getName(), CommitMeta.of("futures", "a change"));
      values.put(
          NewBranch.class.getName(),
          NewBranch.from(CommitRef.head(BranchRef.main(SampleTenant.CATALOG))));
      values.put(MergeOptions.class.getName(), MergeOptions.DEFAULT);
      values.put(NamespacePath.class.getName(), SampleTenant.SALES.path());
      values.put(PageRequest.class.getName(), PageRequest.firstPage());
      values.put(PropertyUpdate.class.getName(), PropertyUpdate.setting("futures", "yes"));
      values.put(AssetExpectation.class.getName(), AssetExpectation.ANY);
      values.put(
          MetadataCommit.class.getName(),
          MetadataCommit.replacing(SampleTenant.ORDERS_V2, ordersNext));
      values.put(NewTenant.class.getName(), NewTenant.named(uniqueName("tenant")));
      values.put(
          NewWarehouse.class.getName(), NewWarehouse.of(uniqueName("wh"), fileStorage("futures")));
      values.put(
          NewCatalog.class.getName(),
          NewCatalog.local(uniqueName("catalog"), SampleTenant.WAREHOUSE));
      values.put(NewAsset.class.getName(), NewAsset.of(AssetKind.ICEBERG_TABLE));
      values.put(
          TenantUpdate.class.getName(),
          TenantUpdate.builder().properties(PropertyUpdate.setting("futures", "yes")).build());
      values.put(
          WarehouseUpdate.class.getName(),
          WarehouseUpdate.builder().properties(PropertyUpdate.setting("futures", "yes")).build());
      values.put(
          CatalogUpdate.class.getName(),
          CatalogUpdate.builder().properties(PropertyUpdate.setting("futures", "yes")).build());
      values.put("java.util.Map<java.lang.String, java.lang.String>", Map.of("futures", "yes"));
      values.put(
          "java.util.Set<" + AssetKind.class.getName() + ">", EnumSet.allOf(AssetKind.class));
      values.put(
          "java.util.List<" + AssetCommit.class.getName() + ">",
          List.of(
              new AssetCommit(
                  SampleTenant.ORDERS,
                  MetadataCommit.replacing(SampleTenant.ORDERS_V2, ordersNext))));
      values.put(UserId.class.getName(), governance.user());
      values.put(RoleId.class.getName(), governance.role());
      values.put(PermissionId.class.getName(), governance.permission());
      values.put(ServiceUserId.class.getName(), governance.serviceUser());
      values.put(TokenId.class.getName(), governance.token());
      values.put(ApiKeyHash.class.getName(), governance.apiKeyHash());
      values.put(TokenHash.class.getName(), governance.tokenHash());
      values.put(Instant.class.getName(), inADay());
      values.put(NewUser.class.getName(), NewUser.of(uniqueName("user"), RoleKind.TENANT_USER));
      values.put(UserUpdate.class.getName(), UserUpdate.builder().displayName("Futures").build());
      values.put(
          NewRole.class.getName(),
          NewRole.of(uniqueName("role"), lakeGrant(tenant, Action.CREATE)));
      values.put(RoleUpdate.class.getName(), RoleUpdate.builder().description("futures").build());
      values.put(Grant.class.getName(), lakeGrant(tenant, Action.UPDATE));
      values.put(
          NewServiceUser.class.getName(),
          NewServiceUser.of(uniqueName("service"), RoleKind.TENANT_USER, freshApiKeyHash()));
      values.put(
          ServiceUserUpdate.class.getName(),
          ServiceUserUpdate.builder().description("futures").build());
      values.put(
          NewToken.class.getName(),
          new NewToken(TokenId.random(), governance.user(), freshTokenHash(), inADay()));
      values.put(AuditEventId.class.getName(), AuditEventId.random());
      values.put(
          NewAuditEvent.class.getName(),
          NewAuditEvent.builder(
                  AuditActor.user("futures-user"), "asset.read", "asset", AuditResult.SUCCESS)
              .resourceId(orders.toString())
              .details(Map.of("futures", "yes"))
              .build());
      values.put(
          AuditFilter.class.getName(), AuditFilter.ALL.withActor(AuditActor.user("futures-user")));
      values.put(AuditActor.class.getName(), AuditActor.serviceUser("futures-service"));
      values.put(
          SettingsUpdate.class.getName(),
          SettingsUpdate.builder().extra(PropertyUpdate.setting("futures", "yes")).build());
      values.put(Duration.class.getName(), Duration.ofDays(1));
      if (!values.containsKey(type)) {
        throw new AssertionError(
            "FutureContract knows no valid argument of type " + type + "; add one");
      }
      return values.get(type);
    }
  }

  /** A proxy of {@code type} that throws whatever is called on it, as a broken argument would. */
  private static Object throwingWhenRead(Class<?> type) {
    return Proxy.newProxyInstance(
        FutureContract.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> {
          throw new IllegalStateException(
              "a " + type.getSimpleName() + " that fails while read (" + method.getName() + ")");
        });
  }

  /** What one call did: threw, returned no future, hung, or completed with a value or a failure. */
  private static final class Outcome {
    Throwable thrown;
    boolean nullFuture;
    boolean hung;
    Object value;
    Throwable failure;

    static Outcome of(CatalogStore store, FacetMethod method, Object[] arguments) {
      Outcome outcome = new Outcome();
      CompletableFuture<?> future;
      try {
        future = method.call(store, arguments);
      } catch (Throwable thrown) {
        outcome.thrown = thrown;
        return outcome;
      }
      if (future == null) {
        outcome.nullFuture = true;
        return outcome;
      }
      try {
        outcome.value = future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | CancellationException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        outcome.failure = cause;
      } catch (TimeoutException e) {
        // A hung store serves nothing more: stop here rather than wait again for each call.
        fail("%s did not complete within %s", method, CALL_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      return outcome;
    }

    /** What breaks the contract in this outcome, described for {@code call}; empty if nothing. */
    Optional<String> problem(String call) {
      if (thrown != null) {
        return Optional.of(call + " threw " + thrown + " instead of returning a failed future");
      }
      if (nullFuture) {
        return Optional.of(call + " returned null instead of a future");
      }
      if (failure != null && !(failure instanceof CatalogStoreException)) {
        return Optional.of(
            call + " failed with " + failure + ", which is not a CatalogStoreException");
      }
      return Optional.empty();
    }
  }

  /** One method of one facet of {@link CatalogStore}, found by reflection. */
  static final class FacetMethod {
    final Method accessor;
    final Method method;

    private FacetMethod(Method accessor, Method method) {
      this.accessor = accessor;
      this.method = method;
    }

    /** Every method of every facet the store's root offers, in a stable order. */
    static List<FacetMethod> all() {
      List<FacetMethod> methods = new ArrayList<>();
      for (Method accessor : CatalogStore.class.getMethods()) {
        if (accessor.getParameterCount() != 0
            || !accessor.getReturnType().isInterface()
            || Modifier.isStatic(accessor.getModifiers())) {
          continue;
        }
        for (Method method : accessor.getReturnType().getMethods()) {
          if (!Modifier.isStatic(method.getModifiers())
              && CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
            methods.add(new FacetMethod(accessor, method));
          }
        }
      }
      methods.sort(Comparator.comparing(FacetMethod::toString));
      return List.copyOf(methods);
    }

    String facet() {
      return accessor.getName();
    }

    int parameterCount() {
      return method.getParameterCount();
    }

    /** Calls this method of {@code store}; a synchronous exception escapes as it was thrown. */
    CompletableFuture<?> call(CatalogStore store, Object[] arguments) throws Throwable {
      Object facet;
      try {
        facet = accessor.invoke(store);
        return (CompletableFuture<?>) method.invoke(facet, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /** Calls this method; a synchronous exception (a defect tested elsewhere) fails the future. */
    CompletableFuture<?> callForFuture(CatalogStore store, Object[] arguments) {
      try {
        CompletableFuture<?> future = call(store, arguments);
        return future == null
            ? CompletableFuture.failedFuture(new NullPointerException("null future"))
            : future;
      } catch (Throwable thrown) {
        return CompletableFuture.failedFuture(thrown);
      }
    }

    @Override
    public String toString() {
      return accessor.getName() + "." + method.getName() + "/" + method.getParameterCount();
    }
  }
}
