package dev.catalogstore.jdbc;

import dev.catalogstore.api.CatalogStore;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writers for {@link FailoverTest}: each chain owns one Iceberg table and keeps exactly one call in
 * flight, cycling through a metadata commit on its table, a property update of it, the creation of
 * a namespace and the creation of a table, and records every write the store acknowledged. After a
 * write failed with {@link UnavailableException} its reply may have been lost, so the chain reads
 * its table back before it commits again (as {@code UnavailableException} tells a client to).
 *
 * <p>Afterwards it checks that every acknowledged write is there, through the store or straight
 * from the tables, and that each table's metadata history is one unbroken chain.
 */
final class FailoverLoad {
  private static final String CATALOG = "cat";
  private static final String NAMESPACE = "db";
  private static final Executor RETRY_PAUSE =
      CompletableFuture.delayedExecutor(25, TimeUnit.MILLISECONDS);

  /** One finished call, by System.nanoTime. */
  record Outcome(long submitted, long completed, boolean ok, boolean write) {}

  private final CatalogStore store;
  private final int chainCount;
  private final int setUpBatch;
  private final List<Chain> chains = new ArrayList<>();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean running = true;
  private TenantId tenant;

  /**
   * @param setUpBatch how many tables are created at once while setting up, so that no set-up call
   *     waits for a connection long enough to time out
   */
  FailoverLoad(CatalogStore store, int chainCount, int setUpBatch) {
    this.store = store;
    this.chainCount = chainCount;
    this.setUpBatch = setUpBatch;
  }

  /** Creates the tenant, its catalog, a namespace and one table per chain. */
  void setUp() {
    tenant = store.tenants().create(NewTenant.named("failover")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
    store.namespaces().create(tenant, NamespaceRef.of(CATALOG, NAMESPACE), Map.of()).join();
    List<CompletableFuture<Asset>> created = new ArrayList<>();
    for (int i = 0; i < chainCount; i++) {
      Chain chain = new Chain(i);
      chains.add(chain);
      created.add(store.assets().create(tenant, chain.table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
      if (created.size() == setUpBatch) {
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
        created.clear();
      }
    }
    CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
  }

  TenantId tenant() {
    return tenant;
  }

  void start() {
    chains.forEach(Chain::next);
  }

  /**
   * Stops issuing calls and waits for those in flight, and retries already scheduled, to end; no
   * call is issued once it returns.
   */
  void stop() throws Exception {
    running = false;
    if (inFlight.get() > 0) {
      try {
        drained.get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            inFlight.get()
                + " calls still in flight after 60 s; unexpected failures: "
                + unexpected,
            e);
      }
    }
  }

  int inFlight() {
    return inFlight.get();
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * Failures other than UnavailableException, and anything the load itself threw (a call that threw
   * instead of returning a future, a reply it could not use).
   */
  List<Throwable> unexpected() {
    return List.copyOf(unexpected);
  }

  int acknowledgedWrites() {
    return chains.stream().mapToInt(Chain::acknowledged).sum();
  }

  /**
   * Runs {@code call}, recording when it was submitted and when it ended, and how; then the chain's
   * next call. The call counts as in flight until it has ended and, after a failure, until the
   * chain's retry has run.
   */
  private <T> void track(
      Supplier<CompletableFuture<T>> call, boolean write, Chain chain, Consumer<T> onSuccess) {
    inFlight.incrementAndGet();
    long submitted = System.nanoTime();
    CompletableFuture<T> future;
    try {
      future = call.get();
    } catch (RuntimeException thrown) {
      // Thrown instead of returned as a failed future: recorded (as unexpected) the same way.
      future = CompletableFuture.failedFuture(thrown);
    }
    future.whenComplete(
        (result, failure) -> settle(submitted, write, chain, onSuccess, result, failure));
  }

  private <T> void settle(
      long submitted,
      boolean write,
      Chain chain,
      Consumer<T> onSuccess,
      T result,
      Throwable failure) {
    boolean retryScheduled = false;
    try {
      long completed = System.nanoTime();
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      outcomes.add(new Outcome(submitted, completed, cause == null, write));
      if (cause == null) {
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
          // A client backs off a little before it retries, and not on this stack.
          RETRY_PAUSE.execute(() -> retry(chain));
          retryScheduled = true;
        }
      }
    } catch (RuntimeException | Error e) {
      // whenComplete would swallow it: the chain would end without a trace, and stop() wait for it.
      unexpected.add(e);
    } finally {
      if (!retryScheduled) {
        release();
      }
    }
  }

  /** The chain's call after a failed one; the failed call stays in flight until this has run. */
  private void retry(Chain chain) {
    try {
      chain.next();
    } catch (RuntimeException | Error e) {
      unexpected.add(e);
    } finally {
      release();
    }
  }

  private void release() {
    if (inFlight.decrementAndGet() == 0 && !running) {
      drained.complete(null);
    }
  }

  /** One table and what the store acknowledged of this chain's writes. */
  private final class Chain {
    private final int id;
    final AssetRef table;
    private int step;
    private boolean uncertain;
    private Optional<String> location = Optional.empty();
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<String> propertyKeys = Collections.synchronizedList(new ArrayList<>());
    final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    final List<String> tables = Collections.synchronizedList(new ArrayList<>());

    Chain(int id) {
      this.id = id;
      this.table = AssetRef.onMain(NamespaceRef.of(CATALOG, NAMESPACE), "t" + id);
    }

    int acknowledged() {
      return committed.size() + propertyKeys.size() + namespaces.size() + tables.size();
    }

    /**
     * The chain's next call, unless the load was stopped; runs on the thread that completed the
     * last one.
     */
    synchronized void next() {
      if (!running) {
        return;
      }
      int n = ++step;
      if (uncertain) {
        // A write whose reply was lost may have landed: read the table before committing again.
        track(
            () -> store.assets().get(tenant, table),
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
      switch (n % 4) {
        case 0 -> {
          String next = "file:///wh/t" + id + "/v" + n + ".metadata.json";
          MetadataCommit commit =
              location.isEmpty()
                  ? MetadataCommit.first(next)
                  : MetadataCommit.replacing(location.get(), next);
          track(
              () -> store.assets().commitMetadataLocation(tenant, table, commit),
              true,
              this,
              asset -> {
                synchronized (this) {
                  location = Optional.of(next);
                  committed.add(next);
                }
              });
        }
        case 1 -> {
          String key = "k" + n;
          track(
              () ->
                  store.assets().updateProperties(tenant, table, PropertyUpdate.setting(key, "v")),
              true,
              this,
              asset -> propertyKeys.add(key));
        }
        case 2 -> {
          String name = "n" + id + "_" + n;
          track(
              () -> store.namespaces().create(tenant, NamespaceRef.of(CATALOG, name), Map.of()),
              true,
              this,
              created -> namespaces.add(name));
        }
        default -> {
          String name = "c" + id + "_" + n;
          track(
              () ->
                  store
                      .assets()
                      .create(
                          tenant,
                          AssetRef.onMain(NamespaceRef.of(CATALOG, NAMESPACE), name),
                          NewAsset.of(AssetKind.ICEBERG_TABLE)),
              true,
              this,
              created -> tables.add(name));
        }
      }
    }

    synchronized void unsure(boolean write) {
      uncertain = uncertain || write;
    }
  }

  /** What a check found: acknowledged writes checked, those missing, and broken history chains. */
  record Check(int checked, List<String> missing, List<String> brokenChains) {}

  /** Reads every acknowledged write back through the store, and each chain table's history. */
  Check checkThroughStore() {
    Set<String> namespaces = new HashSet<>();
    forEachPage(
        page -> store.namespaces().list(tenant, NamespaceRef.root(CATALOG), page),
        (Namespace namespace) -> namespaces.add(namespace.path().lastSegment()));
    Set<String> tables = new HashSet<>();
    AssetRef anyTable = chains.get(0).table;
    forEachPage(
        page -> store.assets().list(tenant, anyTable.branch(), anyTable.namespace(), page),
        (Asset asset) -> tables.add(asset.ref().name()));
    Map<String, List<HistoryEntry>> histories = new HashMap<>();
    Map<String, Set<String>> properties = new HashMap<>();
    for (Chain chain : chains) {
      Asset asset = store.assets().get(tenant, chain.table).join().orElseThrow();
      properties.put(chain.table.name(), asset.properties().keySet());
      List<HistoryEntry> history = new ArrayList<>();
      forEachPage(
          page -> store.assets().history(tenant, chain.table, page),
          (MetadataLocation entry) ->
              history.add(
                  new HistoryEntry(
                      entry.sequence(), entry.location(), entry.previousLocation().orElse(null))));
      Collections.reverse(history); // the store lists newest first
      histories.put(chain.table.name(), history);
    }
    return check(namespaces, tables, properties, histories);
  }

  /**
   * Reads every acknowledged write straight from the store's tables in {@code schema}, on {@code
   * connection}: what the database holds, without the store in between.
   */
  Check checkDirectly(Connection connection, String schema) throws SQLException {
    Set<String> namespaces = new HashSet<>();
    query(
        connection,
        "SELECT name FROM \"" + schema + "\".namespaces WHERE tenant_id = ?",
        rows -> namespaces.add(rows.getString(1)));
    Set<String> tables = new HashSet<>();
    Map<String, Set<String>> properties = new HashMap<>();
    query(
        connection,
        "SELECT name, ARRAY(SELECT jsonb_object_keys(properties)) FROM \""
            + schema
            + "\".assets WHERE tenant_id = ?",
        rows -> {
          tables.add(rows.getString(1));
          properties.put(rows.getString(1), Set.of((String[]) rows.getArray(2).getArray()));
        });
    Map<String, List<HistoryEntry>> histories = new HashMap<>();
    query(
        connection,
        "SELECT a.name, h.sequence, h.location, h.previous_location FROM \""
            + schema
            + "\".metadata_history h JOIN \""
            + schema
            + "\".assets a USING (tenant_id, asset_id) WHERE h.tenant_id = ?"
            + " ORDER BY a.name, h.sequence",
        rows ->
            histories
                .computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                .add(new HistoryEntry(rows.getLong(2), rows.getString(3), rows.getString(4))));
    return check(namespaces, tables, properties, histories);
  }

  /** One metadata-history entry, oldest first in a list. */
  private record HistoryEntry(long sequence, String location, String previous) {}

  private Check check(
      Set<String> namespaces,
      Set<String> tables,
      Map<String, Set<String>> properties,
      Map<String, List<HistoryEntry>> histories) {
    int checked = 0;
    List<String> missing = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (Chain chain : chains) {
      String table = chain.table.name();
      List<HistoryEntry> history = histories.getOrDefault(table, List.of());
      brokenLink(history).ifPresent(problem -> broken.add(table + ": " + problem));
      List<String> locations = history.stream().map(HistoryEntry::location).toList();
      // Acknowledged commits appear in the history in the order they were acknowledged.
      int from = 0;
      for (String location : chain.committed) {
        checked++;
        int at = locations.subList(from, locations.size()).indexOf(location);
        if (at < 0) {
          missing.add(table + " commit " + location);
        } else {
          from += at + 1;
        }
      }
      for (String key : chain.propertyKeys) {
        checked++;
        if (!properties.getOrDefault(table, Set.of()).contains(key)) {
          missing.add(table + " property " + key);
        }
      }
      for (String namespace : chain.namespaces) {
        checked++;
        if (!namespaces.contains(namespace)) {
          missing.add("namespace " + namespace);
        }
      }
      for (String created : chain.tables) {
        checked++;
        if (!tables.contains(created)) {
          missing.add("table " + created);
        }
      }
    }
    return new Check(checked, missing, broken);
  }

  /**
   * The first break in a history listed oldest first: a sequence number skipped (nothing prunes in
   * this test), or an entry whose previous location is not the entry before it (a fork).
   */
  private static Optional<String> brokenLink(List<HistoryEntry> history) {
    String before = null;
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry entry = history.get(i);
      if (entry.sequence() != i + 1) {
        return Optional.of("entry " + (i + 1) + " has sequence " + entry.sequence());
      }
      if (!Objects.equals(entry.previous(), before)) {
        return Optional.of(
            "entry "
                + entry.sequence()
                + " replaced "
                + entry.previous()
                + ", but the entry before it is "
                + before);
      }
      before = entry.location();
    }
    return Optional.empty();
  }

  private <T> void forEachPage(
      Function<PageRequest, CompletableFuture<Page<T>>> list, Consumer<T> each) {
    PageRequest page = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<T> items = list.apply(page).join();
      items.items().forEach(each);
      Optional<PageRequest> next = items.nextPage(PageRequest.MAX_LIMIT);
      if (next.isEmpty()) {
        return;
      }
      page = next.get();
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(Connection connection, String sql, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, tenant.value());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }
}
