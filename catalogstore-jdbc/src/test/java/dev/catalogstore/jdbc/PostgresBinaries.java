package dev.catalogstore.jdbc;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL's server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) for tests that
 * run server processes of their own, and the operating-system user they run as.
 *
 * <p>Where the programs come from, first found wins:
 *
 * <ol>
 *   <li>the directory in {@value #ENV_BIN}, when set (to choose another server than the newest);
 *   <li>the newest {@code /usr/lib/postgresql/<major>/bin} (Debian and Ubuntu packages);
 *   <li>the embedded distribution the other tests use (zonky), which unpacks its programs when it
 *       starts a server: one throwaway start unpacks them into a directory of this run, made
 *       readable and executable by every user so that the server's user may run them.
 * </ol>
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (a container, a CI machine),
 * every program runs as {@value #ENV_OS_USER} or else the user {@code postgres}, through {@code
 * runuser}, and the directories it works in are handed to that user. If that user does not exist
 * the tests that need the programs are skipped (a JUnit assumption), with a message naming both
 * settings: nothing else can run a server as root.
 */
final class PostgresBinaries {
  static final String ENV_BIN = "CATALOGSTORE_TEST_PG_BIN";
  static final String ENV_OS_USER = "CATALOGSTORE_TEST_PG_OS_USER";

  /** Longer than any server start, stop or promotion takes (pg_ctl's own wait is 60 s). */
  private static final long COMMAND_TIMEOUT_SECONDS = 90;

  private final Path bin;

  /** The user the programs run as, when the tests run as root; empty otherwise. */
  private final Optional<String> osUser;

  private PostgresBinaries(Path bin, Optional<String> osUser) {
    this.bin = bin;
    this.osUser = osUser;
  }

  /**
   * Finds the programs. {@code scratch} is the caller's directory for the servers' files, deleted
   * by it later: it is handed to the servers' user, and the embedded distribution, if needed, is
   * unpacked in it.
   */
  static PostgresBinaries find(Path scratch) throws IOException {
    return find(scratch, System.getenv(ENV_BIN), Path.of("/usr/lib/postgresql"));
  }

  /**
   * {@link #find(Path)} with the value of {@value #ENV_BIN} (or null) and the folder of installed
   * majors given, as {@link #locate} takes them.
   */
  static PostgresBinaries find(Path scratch, String configuredBin, Path installFolder)
      throws IOException {
    Optional<String> osUser =
        runningAsRoot()
            ? Optional.of(Optional.ofNullable(System.getenv(ENV_OS_USER)).orElse("postgres"))
            : Optional.empty();
    if (osUser.isPresent()) {
      assumeUserExists(scratch, osUser.get());
    }
    PostgresBinaries binaries =
        new PostgresBinaries(locate(scratch, configuredBin, installFolder), osUser);
    binaries.handOver(scratch);
    return binaries;
  }

  /** The directory of the programs. */
  Path bin() {
    return bin;
  }

  /** Which programs, and as whom: for the test's report. */
  String describe() {
    return bin + osUser.map(user -> " as OS user " + user).orElse("");
  }

  /**
   * Gives {@code directory} to the user the server runs as, so that it may create its data
   * directories and logs in it.
   */
  void handOver(Path directory) throws IOException {
    if (osUser.isPresent()) {
      Files.setOwner(directory, serverUser(directory));
      // Private to that user (and root), as PostgreSQL wants its data directories.
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Gives {@code file}, written by the test, to the user the server runs as. */
  void handOverFile(Path file) throws IOException {
    if (osUser.isPresent()) {
      Files.setOwner(file, serverUser(file));
    }
  }

  /**
   * Skips the calling test when the tests run as root and {@code user}, who would run the server,
   * does not exist: PostgreSQL refuses root, so no server can start.
   */
  private static void assumeUserExists(Path path, String user) throws IOException {
    try {
      path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    } catch (UserPrincipalNotFoundException missing) {
      Assumptions.abort(
          "running as root, PostgreSQL's server must run as another OS user, and "
              + user
              + " does not exist: set "
              + ENV_OS_USER
              + " to a user that does (and "
              + ENV_BIN
              + " to server programs it may run)");
    }
  }

  private UserPrincipal serverUser(Path path) throws IOException {
    return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser.get());
  }

  /**
   * Runs {@code program} with {@code args} as the server's user, its output appended to {@code
   * log}; fails with the end of that log if it does not exit with 0.
   */
  void run(Path log, String program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    osUser.ifPresent(user -> command.addAll(List.of("runuser", "-u", user, "--")));
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            // A directory the server's user may enter (initdb and pg_ctl look at their own).
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not end; " + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running " + program, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited with " + process.exitValue() + "; " + tail(log));
    }
  }

  /** The last lines of {@code log}, for a failure's message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "end of "
          + log
          + ":\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e + ")";
    }
  }

  /**
   * The programs' directory: {@code configured} (the value of {@value #ENV_BIN}, or null), else the
   * newest {@code <major>/bin} in {@code installFolder}, else the embedded distribution's programs
   * unpacked under {@code scratch}.
   */
  static Path locate(Path scratch, String configured, Path installFolder) throws IOException {
    if (configured != null && !configured.isBlank()) {
      Path bin = Path.of(configured);
      if (!hasServerPrograms(bin)) {
        throw new IllegalStateException(
            ENV_BIN + "=" + configured + " holds no initdb, pg_ctl and postgres");
      }
      return bin;
    }
    if (Files.isDirectory(installFolder)) {
      try (Stream<Path> majors = Files.list(installFolder)) {
        Optional<Path> newest =
            majors
                .map(major -> major.resolve("bin"))
                .filter(PostgresBinaries::hasServerPrograms)
                .max(Comparator.comparing(PostgresBinaries::majorVersion));
        if (newest.isPresent()) {
          return newest.get();
        }
      }
    }
    return unpackEmbedded(scratch.resolve("embedded"));
  }

  /**
   * The embedded distribution's programs, unpacked into {@code directory}. Zonky unpacks them
   * before it initialises a data directory, so they are there even when the throwaway start fails
   * (as root, initdb refuses to run; the programs then run through {@code runuser} like installed
   * ones).
   */
  private static Path unpackEmbedded(Path directory) throws IOException {
    Files.createDirectories(directory);
    try {
      // Started and stopped only to unpack the programs. Zonky remembers, per binary resolver and
      // for the whole JVM, where it unpacked, and then ignores the working directory given here;
      // other tests of this JVM have used its default resolver already. A resolver object of this
      // call alone (delegating to the default one) makes it unpack here: an anonymous class, since
      // a lambda capturing nothing would be one object shared by every call.
      EmbeddedPostgres.builder()
          .setPgBinaryResolver(
              new PgBinaryResolver() {
                @Override
                public InputStream getPgBinary(String system, String architecture)
                    throws IOException {
                  return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
                }
              })
          .setOverrideWorkingDirectory(directory.toFile())
          .setDataDirectory(directory.resolve("throwaway-data"))
          .start()
          .close();
    } catch (IOException | RuntimeException refused) {
      // As root initdb may refuse; the programs are unpacked all the same (checked below).
    }
    Path bin;
    try (Stream<Path> files = Files.walk(directory)) {
      bin =
          files
              .filter(path -> path.getFileName().toString().equals("pg_ctl"))
              .map(Path::getParent)
              .filter(PostgresBinaries::hasServerPrograms)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no PostgreSQL server programs: set "
                              + ENV_BIN
                              + " to a directory with initdb, pg_ctl and postgres"));
    }
    openToEveryone(directory);
    return bin;
  }

  /**
   * Lets every user read the unpacked distribution and run its programs ({@code chmod -R a+rX}):
   * zonky unpacks it with what the process's umask allows, which can keep other users out (under
   * umask 077 they may not even enter its directories), and as root the server runs as another
   * user.
   */
  private static void openToEveryone(Path directory) throws IOException {
    Path unpacked = directory.toAbsolutePath().normalize();
    try (Stream<Path> paths = Files.walk(unpacked)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (Files.isSymbolicLink(path)) {
          continue;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        permissions.add(PosixFilePermission.GROUP_READ);
        permissions.add(PosixFilePermission.OTHERS_READ);
        if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
          permissions.add(PosixFilePermission.GROUP_EXECUTE);
          permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(path, permissions);
      }
    }
  }

  private static boolean hasServerPrograms(Path bin) {
    return Stream.of("initdb", "pg_ctl", "postgres")
        .allMatch(program -> Files.isExecutable(bin.resolve(program)));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean runningAsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | RuntimeException e) {
      // No /proc, or no unix attribute view: not Linux, where the tests do not run as root.
      return false;
    }
  }
}
