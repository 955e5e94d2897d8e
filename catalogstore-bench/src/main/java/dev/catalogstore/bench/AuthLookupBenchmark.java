package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two authentication look-ups, {@code serviceUsers().findByApiKeyHash} and {@code
 * tokens().validate}, in stores of {@code tenants} tenants with 100 service users and 100 tokens
 * each: 10 tenants (1,000 of each) against 1,000 tenants (100,000 of each). The contract says each
 * is one indexed read whatever the number of tenants: the figure should not move between the two.
 * Each call looks up another digest, drawn in turn from a sample spread over every tenant, so no
 * one row stays hot. A miss (a digest nobody holds) is measured too. The digests are computed
 * before the measurement, as a service computes one per request anyway.
 *
 * <p>Runs on the in-memory store ({@code backend=memory}) and, when the report is given a database,
 * on PostgreSQL ({@code backend=jdbc}, in its own schema).
 *
 * <p>{@link #floorFindByDigest} is the API-key look-up's floor, the least work for the same answer
 * with nothing of the store around it: in memory, a {@code ConcurrentHashMap.get} of the digest in
 * a map of every service user; on PostgreSQL, one plain-JDBC {@code SELECT *} of the service user's
 * row by its unique digest index, in the store's own table, on a pooled connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthLookupBenchmark {
  static final int PER_TENANT = 100;
  static final int SAMPLE = 4096;
  static final String SCHEMA = "catalogstore_bench_auth";

  @Param({"memory"})
  public String backend;

  @Param({"10", "1000"})
  public int tenants;

  private CatalogStore store;
  private final List<TenantId> created = new ArrayList<>();
  private final List<ApiKeyHash> keys = new ArrayList<>();
  private final List<TokenHash> tokens = new ArrayList<>();
  // Digests nobody holds, computed before the measurement so that a miss costs only its look-up.
  private final List<ApiKeyHash> strangers = new ArrayList<>();
  private int next;
  // The floor's data: every service user by digest (memory), or the digests' bytes (PostgreSQL).
  private final Map<ApiKeyHash, ServiceUser> byDigest = new ConcurrentHashMap<>();
  private final List<byte[]> digestBytes = new ArrayList<>();
  private HikariDataSource floorPool;

  @Setup(Level.Trial)
  public void fill() {
    store = open(backend);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS);
    List<CompletableFuture<?>> batch = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      TenantId tenant =
          store.tenants().create(NewTenant.named("auth-" + run + "-" + t)).join().id();
      created.add(tenant);
      UserId user = store.users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER)).join().id();
      for (int i = 0; i < PER_TENANT; i++) {
        String secret = run + "/" + t + "/" + i;
        ApiKeyHash key = ApiKeyHash.sha256Of("key:" + secret);
        batch.add(
            store
                .serviceUsers()
                .create(tenant, NewServiceUser.of("svc-" + i, RoleKind.TENANT_USER, key))
                .thenAccept(created -> byDigest.put(key, created)));
        batch.add(
            store
                .tokens()
                .create(
                    tenant,
                    new NewToken(
                        TokenId.random(), user, TokenHash.sha256Of("token:" + secret), expiry)));
        if (batch.size() >= 128) {
          batch.forEach(CompletableFuture::join);
          batch.clear();
        }
      }
    }
    batch.forEach(CompletableFuture::join);
    // A sample spread over every tenant and every position within one.
    for (int s = 0; s < SAMPLE; s++) {
      int t = (int) ((long) s * 7919 % tenants);
      int i = (s * 31) % PER_TENANT;
      String secret = run + "/" + t + "/" + i;
      keys.add(ApiKeyHash.sha256Of("key:" + secret));
      tokens.add(TokenHash.sha256Of("token:" + secret));
      strangers.add(ApiKeyHash.sha256Of("nobody:" + run + "/" + s));
      digestBytes.add(HexFormat.of().parseHex(keys.get(s).hex()));
    }
    if (backend.equals("jdbc")) {
      // As in a running database: the planner has statistics of what was just filled.
      try (HikariDataSource analyzer = new HikariDataSource()) {
        analyzer.setJdbcUrl(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
        analyzer.setMaximumPoolSize(1);
        JdbcRoundTripBenchmark.analyze(analyzer, SCHEMA);
      }
      floorPool = new HikariDataSource();
      floorPool.setJdbcUrl(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
      floorPool.setMaximumPoolSize(2);
    }
  }

  /** The API-key look-up's floor (see the class comment). */
  @Benchmark
  public Object floorFindByDigest() throws SQLException {
    int i = next++ & (SAMPLE - 1);
    if (floorPool == null) {
      return Objects.requireNonNull(byDigest.get(keys.get(i)), "a stored key was not found");
    }
    try (Connection c = floorPool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT * FROM " + SCHEMA + ".service_users WHERE api_key_hash = ?")) {
      select.setBytes(1, digestBytes.get(i));
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("a stored key was not found");
        }
        int columns = rows.getMetaData().getColumnCount();
        Object[] row = new Object[columns];
        for (int column = 1; column <= columns; column++) {
          row[column - 1] = rows.getObject(column);
        }
        return row;
      }
    }
  }

  @Benchmark
  public ServiceUser findByApiKeyHash() {
    return store
        .serviceUsers()
        .findByApiKeyHash(keys.get(next++ & (SAMPLE - 1)))
        .join()
        .orElseThrow(() -> new IllegalStateException("a stored key was not found"));
  }

  @Benchmark
  public Optional<ServiceUser> findByApiKeyHashMiss() {
    Optional<ServiceUser> found =
        store.serviceUsers().findByApiKeyHash(strangers.get(next++ & (SAMPLE - 1))).join();
    if (found.isPresent()) {
      throw new IllegalStateException("an unknown key was found");
    }
    return found;
  }

  @Benchmark
  public Token validate() {
    return store
        .tokens()
        .validate(tokens.get(next++ & (SAMPLE - 1)))
        .join()
        .orElseThrow(() -> new IllegalStateException("a stored token did not validate"));
  }

  @TearDown(Level.Trial)
  public void close() {
    List<CompletableFuture<Void>> deletions = new ArrayList<>();
    for (TenantId tenant : created) {
      deletions.add(store.tenants().delete(tenant));
    }
    deletions.forEach(CompletableFuture::join);
    store.close();
    if (floorPool != null) {
      floorPool.close();
    }
  }

  private static CatalogStore open(String backend) {
    if (backend.equals("memory")) {
      return new InMemoryCatalogStore();
    }
    String url =
        JdbcRoundTripBenchmark.jdbcUrl()
            .orElseThrow(() -> new IllegalStateException("set CATALOGSTORE_BENCH_JDBC_URL"));
    return JdbcCatalogStore.open(JdbcStoreConfig.builder().jdbcUrl(url).schema(SCHEMA).build());
  }
}
