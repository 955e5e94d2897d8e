package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@link PostgresBinaries} finds the server programs when neither {@value
 * PostgresBinaries#ENV_BIN} nor an installed PostgreSQL gives them: the embedded distribution,
 * unpacked for this run, runnable by the user the server runs as.
 */
class PostgresBinariesTest {

  @Test
  void withoutConfiguredOrInstalledProgramsEachScratchDirectoryGetsTheEmbeddedOnesUnpacked(
      @TempDir Path first, @TempDir Path second) throws Exception {
    Path noInstall = first.resolve("no-installed-postgresql");

    Path firstBin = PostgresBinaries.locate(first, null, noInstall);
    // A second lookup in the same JVM: zonky's per-JVM memory of where it unpacked must not leave
    // this directory empty.
    Path secondBin = PostgresBinaries.locate(second, null, noInstall);

    for (Path bin : new Path[] {firstBin, secondBin}) {
      for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
        assertThat(Files.isExecutable(bin.resolve(program))).as(bin + "/" + program).isTrue();
      }
    }
    assertThat(firstBin).startsWith(first);
    assertThat(secondBin).startsWith(second);
  }

  @Test
  void theEmbeddedProgramsRunAsTheServersUser(@TempDir Path scratch) throws Exception {
    PostgresBinaries binaries =
        PostgresBinaries.find(scratch, null, scratch.resolve("no-installed-postgresql"));
    Path log = scratch.resolve("version.log");

    // As root this runs through runuser as the server's user, who must be able to read and run
    // what root unpacked (under a umask such as 077, root's files are closed to other users).
    binaries.run(log, "postgres", "--version");

    assertThat(binaries.bin()).startsWith(scratch);
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("PostgreSQL");
  }
}
