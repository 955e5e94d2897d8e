package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outage bound, proven on a real PostgreSQL that is stopped and started again under load: this
 * class runs its OWN embedded server (also when {@code CATALOGSTORE_TEST_JDBC_URL} names another),
 * since it must stop it.
 *
 * <p>{@value #CHAINS} independent writers keep one call each in flight at all times (creates,
 * metadata commits, property updates), far more than the store's {@value #POOL} connections, so
 * hundreds of calls are queued when the server stops. While it is down every call must fail with
 * {@link UnavailableException} within the documented bound, {@code connectionTimeout} from its
 * submission, measured per call from submit to failure, queued calls included; once the server is
 * back the same store must serve again within {@link #RECOVERY_BOUND}; and every write the store
 * acknowledged must be there afterwards.
 */
class OutageTest {
  private static final int POOL = 4;
  private static final int CHAINS = 120;

  /** The store's connectionTimeout: the documented bound on a call's wait for a connection. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /**
   * What a failing call may take beyond the bound: running the call's own code on a loaded machine
   * (this machine's two cores are shared by several builds), not a second wait.
   */
  private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(1);

  /** How soon after the server accepts connections again the store must serve. */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(2);

  private static final Executor RETRY_PAUSE =
      CompletableFuture.delayedExecutor(25, TimeUnit.MILLISECONDS);

  private static final Duration LOAD_BEFORE = Duration.ofSeconds(1);

  /**
   * Longer than the bound, so that a store that merely waited for the database (each call for a
   * connection timeout of its own, one batch after another) would be caught, not rescued by the
   * restart.
   */
  private static final Duration OUTAGE = Duration.ofMillis(4500);

  private static final Duration LOAD_AFTER = Duration.ofMillis(2500);

  private static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres server;

  @BeforeAll
  static void startServer() throws IOException {
    dataDirectory = Files.createTempDirectory("catalogstore-outage");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** The server on the same data directory and port, as an operator's restart would bring it. */
  private static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  @Test
  void theStoresOwnThreadsFailEveryCallWithinTheBoundAndServeAgainAfterARestart() throws Exception {
    runOutage("outage_own", null, "catalogstore-");
  }

  @Test
  void anApplicationsExecutorKeepsTheBoundsAndRunsTheCalls() throws Exception {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            body -> {
              Thread thread = new Thread(body, "app-call-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      runOutage("outage_app", executor, "app-call-");
    } finally {
      executor.shutdownNow();
    }
  }

  private void runOutage(String schema, Executor executor, String callThreadPrefix)
      throws Exception {
    JdbcStoreConfig.Builder config =
        JdbcStoreConfig.builder()
            .jdbcUrl(server.getJdbcUrl("postgres", "postgres"))
            .schema(schema)
            .maximumPoolSize(POOL)
            .maximumQueuedCalls(100_000)
            .connectionTimeout(CONNECTION_TIMEOUT)
            .queryTimeout(Duration.ofSeconds(5));
    if (executor != null) {
      config.callExecutor(executor);
    }
    Load load;
    Timeline timeline = new Timeline();
    try (JdbcCatalogStore store = JdbcCatalogStore.open(config.build())) {
      load = new Load(store, timeline);
      load.setUp();
      load.start();

      Thread.sleep(LOAD_BEFORE.toMillis());
      int queuedAtStop = load.inFlight();
      timeline.stopping = System.nanoTime();
      server.close();
      long stopped = System.nanoTime();
      Thread.sleep(OUTAGE.toMillis());
      long restarting = System.nanoTime();
      server = start();
      timeline.back = System.nanoTime();
      Thread.sleep(LOAD_AFTER.toMillis());
      load.stop();

      Stats stats = load.stats();
      load.checkDurability();
      System.out.printf(
          "OutageTest[%s]: %d calls in flight when the server stopped (pool %d); stop took %d ms,"
              + " restart %d ms; %d calls failed with UnavailableException (%d before the stop), the"
              + " slowest after %d"
              + " ms; of the calls made while the server was stopping or down the slowest ended"
              + " after %d ms (bound %d ms = connectionTimeout); first success %d ms after the server was"
              + " back (bound %d ms); %d writes acknowledged, %d of them checked, %d lost%n",
          schema,
          queuedAtStop,
          POOL,
          millis(stopped - timeline.stopping),
          millis(timeline.back - restarting),
          stats.failures,
          stats.failuresBeforeStop,
          millis(stats.slowestFailureNanos),
          millis(stats.slowestDuringOutageNanos),
          CONNECTION_TIMEOUT.toMillis(),
          millis(stats.recoveryNanos),
          RECOVERY_BOUND.toMillis(),
          load.acknowledged(),
          load.checkedWrites(),
          load.lostWrites());

      assertThat(load.unexpected).as("failures other than UnavailableException").isEmpty();
      assertThat(queuedAtStop).as("calls queued behind the pool at the stop").isGreaterThan(100);
      assertThat(stats.failures).as("calls that failed during the outage").isPositive();
      // A call made before the stop may have been running its statement while the server took
      // its time to stop: that one ends when the server closes its connection.
      assertThat(millis(stats.slowestFailureNanos))
          .as("the slowest failure, from submission")
          .isLessThanOrEqualTo(
              CONNECTION_TIMEOUT.plus(SCHEDULING_SLACK).toMillis()
                  + millis(stopped - timeline.stopping));
      assertThat(millis(stats.slowestDuringOutageNanos))
          .as("the slowest call made while the server was stopping or down, from submission")
          .isLessThanOrEqualTo(CONNECTION_TIMEOUT.plus(SCHEDULING_SLACK).toMillis());
      assertThat(stats.recoveryNanos).as("a call succeeded after the restart").isPositive();
      assertThat(millis(stats.recoveryNanos))
          .as("from the server accepting connections to the store's first success")
          .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
      assertThat(stats.failuresLongAfterBack)
          .as("calls submitted later than the recovery bound after the restart that failed")
          .isZero();
      // (A call that ended before its callback was attached runs it on the attaching thread.)
      assertThat(load.completedOn)
          .as("threads that ran the calls")
          .anyMatch(name -> name.startsWith(callThreadPrefix))
          .noneMatch(
              name -> !name.startsWith(callThreadPrefix) && name.startsWith("catalogstore-"));
      assertThat(load.acknowledgedDuring(timeline))
          .as("writes acknowledged after the restart")
          .isPositive();
      assertThat(load.lostWrites()).as("acknowledged writes missing afterwards").isZero();
    }
    // The store closed cleanly above (close() returned); its calls all ended.
    assertThat(load.inFlight()).isZero();
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** When the server went away and came back, by System.nanoTime. */
  private static final class Timeline {
    volatile long stopping = Long.MAX_VALUE;
    volatile long back = Long.MAX_VALUE;
  }

  /** One finished call. */
  private record Outcome(long submitted, long completed, boolean ok, boolean write) {}

  private record Stats(
      long slowestDuringOutageNanos,
      long failures,
      long failuresBeforeStop,
      long slowestFailureNanos,
      long recoveryNanos,
      long failuresLongAfterBack) {}

  /**
   * The writers: each chain owns one asset and keeps exactly one call in flight, choosing the next
   * call when the last one ends (no thread blocks on a future).
   */
  private static final class Load {
    private final JdbcCatalogStore store;
    private final Timeline timeline;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    final Set<String> completedOn = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Chain> chains = new ArrayList<>();
    private volatile boolean running = true;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private TenantId tenant;
    private int lost;
    private int checked;

    Load(JdbcCatalogStore store, Timeline timeline) {
      this.store = store;
      this.timeline = timeline;
    }

    void setUp() {
      tenant = store.tenants().create(NewTenant.named("outage")).join().id();
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
      store.namespaces().create(tenant, NamespaceRef.of("cat", "db"), Map.of()).join();
      List<CompletableFuture<Asset>> created = new ArrayList<>();
      for (int i = 0; i < CHAINS; i++) {
        AssetRef ref = AssetRef.onMain(NamespaceRef.of("cat", "db"), "t" + i);
        chains.add(new Chain(i, ref));
        created.add(store.assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));
        if (created.size() == POOL * 4) {
          // In batches the pool serves well within connectionTimeout, even on a busy machine.
          CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
          created.clear();
        }
      }
      CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
    }

    void start() {
      for (Chain chain : chains) {
        chain.next();
      }
    }

    /** Stops issuing calls and waits for those in flight to end. */
    void stop() throws Exception {
      running = false;
      if (inFlight.get() > 0) {
        drained.get(60, TimeUnit.SECONDS);
      }
    }

    int inFlight() {
      return inFlight.get();
    }

    /** Runs {@code call}, recording when it was submitted and when it ended, and how. */
    private <T> void track(
        Supplier<CompletableFuture<T>> call,
        boolean write,
        Chain chain,
        java.util.function.Consumer<T> onSuccess) {
      inFlight.incrementAndGet();
      long submitted = System.nanoTime();
      call.get()
          .whenComplete(
              (result, failure) -> {
                long completed = System.nanoTime();
                Throwable cause =
                    failure instanceof CompletionException ? failure.getCause() : failure;
                outcomes.add(new Outcome(submitted, completed, cause == null, write));
                if (cause == null) {
                  // A call that failed at once (the database known down) fails on the caller's
                  // thread; a call that ran completes on the thread that ran it.
                  completedOn.add(Thread.currentThread().getName());
                  onSuccess.accept(result);
                } else if (cause instanceof UnavailableException) {
                  chain.unsure(write);
                } else {
                  unexpected.add(cause);
                }
                if (running) {
                  if (cause == null) {
                    chain.next();
                  } else {
                    // Not on this stack (a call failed at submission completes on it), and not
                    // in a tight loop: a client backs off a little before it retries.
                    RETRY_PAUSE.execute(chain::next);
                  }
                }
                if (inFlight.decrementAndGet() == 0 && !running) {
                  drained.complete(null);
                }
              });
    }

    /** One asset and what the store acknowledged about it. */
    private final class Chain {
      private final int id;
      private final AssetRef ref;
      private int step;
      private boolean uncertain;
      private Optional<String> location = Optional.empty();
      final List<String> committed = new ArrayList<>();
      final List<String> properties = new ArrayList<>();
      final List<String> namespaces = new ArrayList<>();
      final List<Long> acknowledgedAt = new ArrayList<>();

      Chain(int id, AssetRef ref) {
        this.id = id;
        this.ref = ref;
      }

      /** The chain's next call; runs on the thread that completed the last one. */
      synchronized void next() {
        int n = ++step;
        if (uncertain) {
          // A write whose reply was lost may have landed: read the asset before going on.
          track(
              () -> store.assets().get(tenant, ref),
              false,
              this,
              asset -> {
                synchronized (this) {
                  location = asset.orElseThrow().metadataLocation();
                  uncertain = false;
                }
              });
          return;
        }
        switch (n % 3) {
          case 0 -> {
            String next = "file:///wh/t" + id + "/v" + n + ".metadata.json";
            MetadataCommit commit =
                location.isEmpty()
                    ? MetadataCommit.first(next)
                    : MetadataCommit.replacing(location.get(), next);
            track(
                () -> store.assets().commitMetadataLocation(tenant, ref, commit),
                true,
                this,
                asset ->
                    acknowledge(
                        () -> {
                          location = Optional.of(next);
                          committed.add(next);
                        }));
          }
          case 1 -> {
            String key = "k" + n;
            track(
                () ->
                    store.assets().updateProperties(tenant, ref, PropertyUpdate.setting(key, "v")),
                true,
                this,
                asset -> acknowledge(() -> properties.add(key)));
          }
          default -> {
            NamespaceRef namespace = NamespaceRef.of("cat", "n" + id + "_" + n);
            track(
                () -> store.namespaces().create(tenant, namespace, Map.of("chain", "" + id)),
                true,
                this,
                created -> acknowledge(() -> namespaces.add(namespace.path().lastSegment())));
          }
        }
      }

      synchronized void unsure(boolean write) {
        uncertain = uncertain || write;
      }

      private synchronized void acknowledge(Runnable record) {
        record.run();
        acknowledgedAt.add(System.nanoTime());
      }
    }

    int acknowledged() {
      return chains.stream().mapToInt(c -> c.acknowledgedAt.size()).sum();
    }

    long acknowledgedDuring(Timeline timeline) {
      return chains.stream()
          .flatMap(c -> c.acknowledgedAt.stream())
          .filter(at -> at > timeline.back)
          .count();
    }

    int checkedWrites() {
      return checked;
    }

    int lostWrites() {
      return lost;
    }

    /** Reads every acknowledged write back through the store. */
    void checkDurability() {
      Set<String> namespaces = topLevelNamespaces();
      for (Chain chain : chains) {
        Asset asset = store.assets().get(tenant, chain.ref).join().orElseThrow();
        Set<String> history = new HashSet<>();
        PageRequest page = PageRequest.firstPage(PageRequest.MAX_LIMIT);
        while (true) {
          Page<MetadataLocation> locations = store.assets().history(tenant, chain.ref, page).join();
          locations.items().forEach(entry -> history.add(entry.location()));
          Optional<PageRequest> nextPage = locations.nextPage(PageRequest.MAX_LIMIT);
          if (nextPage.isEmpty()) {
            break;
          }
          page = nextPage.get();
        }
        for (String location : chain.committed) {
          check(history.contains(location));
        }
        for (String key : chain.properties) {
          check(asset.properties().containsKey(key));
        }
        for (String name : chain.namespaces) {
          check(namespaces.contains(name));
        }
      }
    }

    /** The names of the catalog's top-level namespaces. */
    private Set<String> topLevelNamespaces() {
      Set<String> names = new HashSet<>();
      PageRequest page = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      while (true) {
        Page<Namespace> namespaces =
            store.namespaces().list(tenant, NamespaceRef.root("cat"), page).join();
        namespaces.items().forEach(namespace -> names.add(namespace.path().lastSegment()));
        Optional<PageRequest> nextPage = namespaces.nextPage(PageRequest.MAX_LIMIT);
        if (nextPage.isEmpty()) {
          return names;
        }
        page = nextPage.get();
      }
    }

    private void check(boolean present) {
      checked++;
      if (!present) {
        lost++;
      }
    }

    Stats stats() {
      long failures = 0;
      long slowest = 0;
      long firstSuccessAfterBack = Long.MAX_VALUE;
      long failuresLongAfterBack = 0;
      long failuresBeforeStop = 0;
      long slowestDuringOutage = 0;
      for (Outcome outcome : outcomes) {
        if (outcome.submitted() >= timeline.stopping && outcome.submitted() < timeline.back) {
          slowestDuringOutage =
              Math.max(slowestDuringOutage, outcome.completed() - outcome.submitted());
        }
        if (!outcome.ok()) {
          failures++;
          if (outcome.completed() < timeline.stopping) {
            failuresBeforeStop++;
          }
          slowest = Math.max(slowest, outcome.completed() - outcome.submitted());
          if (outcome.submitted() - timeline.back > RECOVERY_BOUND.toNanos()) {
            failuresLongAfterBack++;
          }
        } else if (outcome.completed() > timeline.back) {
          firstSuccessAfterBack = Math.min(firstSuccessAfterBack, outcome.completed());
        }
      }
      long recovery =
          firstSuccessAfterBack == Long.MAX_VALUE ? -1 : firstSuccessAfterBack - timeline.back;
      return new Stats(
          slowestDuringOutage,
          failures,
          failuresBeforeStop,
          slowest,
          recovery,
          failuresLongAfterBack);
    }
  }
}
