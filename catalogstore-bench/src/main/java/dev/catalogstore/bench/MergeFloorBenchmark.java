package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plain-JDBC floor of {@link MergeCostBenchmark}'s merge on PostgreSQL ({@link MergeFloor}), on
 * a pooled connection of the same server. A separate benchmark because the merge benchmark prepares
 * every one of its calls with commits of its own, which the floor does not need.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MergeFloorBenchmark {
  private HikariDataSource pool;
  private MergeFloor floor;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    pool = new HikariDataSource();
    pool.setJdbcUrl(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
    pool.setMaximumPoolSize(2);
    try (Connection c = pool.getConnection()) {
      floor = MergeFloor.create(c);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    try (Connection c = pool.getConnection()) {
      MergeFloor.drop(c);
    }
    pool.close();
  }

  @Benchmark
  public int floorMerge() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return floor.mergeOnce(c);
    }
  }
}
