package dev.catalogstore.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Two PostgreSQL server processes of this test run: a primary and a synchronous streaming-
 * replication standby, on two distinct free ports of 127.0.0.1 (a server whose port was taken
 * meanwhile moves to another), in a temporary directory deleted by {@link #close}, which also kills
 * whatever still runs.
 *
 * <p>The primary waits, at every commit, until the standby has written the commit's WAL ({@code
 * synchronous_standby_names} names the standby, {@code synchronous_commit = on}), so no commit is
 * acknowledged that the standby lacks. The standby is a copy of the primary's freshly initialised,
 * cleanly stopped data directory that streams from the primary: the same way works with the
 * embedded distribution, which has no {@code pg_basebackup}.
 */
final class ReplicatedPostgres implements AutoCloseable {
  /**
   * The standby's {@code application_name}, which the primary's synchronous_standby_names names.
   */
  static final String STANDBY_NAME = "standby";

  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final long REPLICATION_WAIT_MILLIS = 30_000;

  /** How often a server is started on another port when another process took its port. */
  private static final int BIND_ATTEMPTS = 3;

  /** One server: its data directory, its log, its port. */
  record Server(String name, Path data, Path log, int port) {
    Server onPort(int newPort) {
      return new Server(name, data, log, newPort);
    }

    /** A single-host URL: this server, whatever its role. */
    String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }
  }

  private final PostgresBinaries binaries;
  private final Path base;
  private final Path commands;
  // Final once start() returns: a server moves to another port only while it is first started.
  private volatile Server primary;
  private volatile Server standby;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ReplicatedPostgres(
      PostgresBinaries binaries, Path base, int primaryPort, int standbyPort) {
    this.binaries = binaries;
    this.base = base;
    this.commands = base.resolve("commands.log");
    this.primary =
        new Server("primary", base.resolve("primary"), base.resolve("primary.log"), primaryPort);
    this.standby =
        new Server("standby", base.resolve("standby"), base.resolve("standby.log"), standbyPort);
  }

  /**
   * Initialises both servers, starts them, and returns once the standby streams from the primary as
   * its synchronous standby. Whatever fails on the way, nothing is left running.
   */
  static ReplicatedPostgres start() throws IOException, SQLException {
    Path base = Files.createTempDirectory("catalogstore-failover");
    ReplicatedPostgres servers;
    try {
      PostgresBinaries binaries = PostgresBinaries.find(base);
      int primaryPort = freePort(Set.of());
      servers = new ReplicatedPostgres(binaries, base, primaryPort, freePort(Set.of(primaryPort)));
    } catch (IOException | RuntimeException e) {
      // Also when a JUnit assumption skips the test (TestAbortedException).
      delete(base);
      throw e;
    }
    // Also when the JVM ends without running the test's @AfterAll (killed by a build timeout).
    Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "stop-replicated-postgres"));
    try {
      servers.initialise();
      servers.waitForSynchronousStandby();
      return servers;
    } catch (IOException | SQLException | RuntimeException e) {
      servers.close();
      throw e;
    }
  }

  Server primary() {
    return primary;
  }

  Server standby() {
    return standby;
  }

  /** Which programs run the servers, for the test's report. */
  String describe() {
    return binaries.describe();
  }

  /**
   * The URL a client uses to always reach whichever server is the primary: both hosts, in order,
   * and pgjdbc's {@code targetServerType=primary}, which connects only to a server that accepts
   * writes (it asks each new connection's server) and tries the next host otherwise.
   */
  String primaryUrl() {
    return "jdbc:postgresql://127.0.0.1:"
        + primary.port()
        + ",127.0.0.1:"
        + standby.port()
        + "/"
        + DATABASE
        + "?targetServerType=primary&user="
        + USER;
  }

  /** A plain connection to {@code server}. */
  static Connection connect(Server server) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl());
  }

  /** Promotes the standby to primary; returns once it accepts writes. */
  void promoteStandby() throws IOException {
    binaries.run(commands, "pg_ctl", "promote", "-w", "-t", "60", "-D", standby.data().toString());
  }

  /**
   * Stops the old primary as a crash would: {@code immediate} ends every backend at once, without a
   * checkpoint, and closes its clients' connections.
   */
  void stopPrimaryImmediately() throws IOException {
    binaries.run(
        commands,
        "pg_ctl",
        "stop",
        "-m",
        "immediate",
        "-w",
        "-t",
        "60",
        "-D",
        primary.data().toString());
  }

  /** Whether {@code server}'s postmaster is alive, by pg_ctl. */
  boolean isRunning(Server server) {
    try {
      binaries.run(commands, "pg_ctl", "status", "-D", server.data().toString());
      return true;
    } catch (IOException notRunning) {
      return false;
    }
  }

  /** Kills both servers (whatever still runs) and deletes their directories; once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Server server : List.of(standby, primary)) {
      if (Files.exists(server.data().resolve("postmaster.pid"))) {
        try {
          binaries.run(
              commands,
              "pg_ctl",
              "stop",
              "-m",
              "immediate",
              "-w",
              "-t",
              "20",
              "-D",
              server.data().toString());
        } catch (IOException e) {
          killPostmaster(server);
        }
      }
    }
    delete(base);
  }

  private void initialise() throws IOException {
    binaries.run(
        commands,
        "initdb",
        "-D",
        primary.data().toString(),
        "-U",
        USER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync");
    appendSettings(
        primary,
        "port = " + primary.port(),
        "listen_addresses = '127.0.0.1'",
        // No Unix socket: clients use TCP, and nothing can collide in a shared socket directory.
        "unix_socket_directories = ''",
        "shared_buffers = '16MB'",
        // Neither server's machine crashes in this test, only server processes stop, so what a
        // server wrote reached the operating system and survives; fsync would only add disk waits
        // on a shared machine. What the test checks is replication: a commit is acknowledged only
        // once the standby has written it.
        "fsync = off",
        // max_connections and max_wal_senders keep initdb's values: the standby starts from the
        // copy's checkpoint, which records them, and refuses settings lower than those.
        "wal_level = replica",
        "wal_keep_size = '256MB'",
        "hot_standby = on",
        "synchronous_commit = on",
        "synchronous_standby_names = '" + STANDBY_NAME + "'");
    // A cleanly stopped data directory (initdb leaves it so) is a valid base for a standby: it
    // replays from the copy's checkpoint with WAL streamed from the primary.
    copy(primary.data(), standby.data());
    primary = start(primary, Set.of(standby.port()));
    // Written once the primary's port is final.
    appendSettings(
        standby,
        "port = " + standby.port(),
        // Once promoted it runs alone: waiting for a standby it does not have would stop every
        // commit. An operator (or Patroni) names a new standby when one is attached.
        "synchronous_standby_names = ''",
        "primary_conninfo = 'host=127.0.0.1 port="
            + primary.port()
            + " user="
            + USER
            + " application_name="
            + STANDBY_NAME
            + "'");
    Path signal = standby.data().resolve("standby.signal");
    Files.createFile(signal);
    binaries.handOverFile(signal);
    standby = start(standby, Set.of(primary.port()));
  }

  /**
   * Starts {@code server}; if another process took its port since it was chosen, starts it on
   * another free port, not one of {@code taken}. Returns the server with the port it listens on.
   */
  private Server start(Server server, Set<Integer> taken) throws IOException {
    for (int attempt = 1; ; attempt++) {
      long logBefore = Files.exists(server.log()) ? Files.size(server.log()) : 0;
      try {
        binaries.run(
            commands,
            "pg_ctl",
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            server.data().toString(),
            "-l",
            server.log().toString());
        return server;
      } catch (IOException e) {
        if (attempt == BIND_ATTEMPTS
            || !logSince(server.log(), logBefore).contains("could not bind")) {
          throw new IOException(
              "the " + server.name() + " did not start; " + PostgresBinaries.tail(server.log()), e);
        }
      }
      Set<Integer> avoid = new HashSet<>(taken);
      avoid.add(server.port());
      server = server.onPort(freePort(avoid));
      appendSettings(server, "port = " + server.port());
    }
  }

  /** What {@code log} gained after its first {@code offset} bytes. */
  private static String logSince(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    byte[] bytes = Files.readAllBytes(log);
    int from = (int) Math.min(offset, bytes.length);
    return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
  }

  /** Waits until the primary reports the standby as its synchronous standby. */
  private void waitForSynchronousStandby() throws SQLException, IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLICATION_WAIT_MILLIS);
    try (Connection connection = connect(primary);
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                    + STANDBY_NAME
                    + "'")) {
          if (rows.next() && "sync".equals(rows.getString(1))) {
            return;
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IOException(
              "the standby did not become synchronous within "
                  + REPLICATION_WAIT_MILLIS
                  + " ms; "
                  + PostgresBinaries.tail(standby.log()));
        }
        sleep(50);
      }
    }
  }

  private void appendSettings(Server server, String... lines) throws IOException {
    // Appended to the file initdb wrote (so it keeps its owner); a later line wins over an earlier.
    Files.writeString(
        server.data().resolve("postgresql.conf"),
        "\n# " + server.name() + " of the failover test\n" + String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** Copies a directory tree with its permissions and owners. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.copy(
            path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** The last resort when pg_ctl cannot stop a server: its postmaster's pid, killed. */
  private static void killPostmaster(Server server) {
    try {
      String pid = Files.readAllLines(server.data().resolve("postmaster.pid")).get(0).trim();
      Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(pid));
      // Its backends exit when they notice their postmaster is gone.
      postmaster.ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | RuntimeException e) {
      // Nothing left to kill.
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: left behind at worst.
    }
  }

  /** A port free on 127.0.0.1 now, not one of {@code taken}. */
  private static int freePort(Set<Integer> taken) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (!taken.contains(port)) {
          return port;
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for replication", e);
    }
  }
}
