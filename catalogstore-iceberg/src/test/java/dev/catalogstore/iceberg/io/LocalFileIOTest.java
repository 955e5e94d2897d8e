package dev.catalogstore.iceberg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file IO: locations kept as given, and deletions that stay where they are meant to. */
class LocalFileIOTest {
  @TempDir Path root;

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void aFileKeepsTheLocationItWasAskedFor() throws IOException {
    String location = "file:" + root + "/t/metadata/v1.json";
    OutputFile out = io.newOutputFile(location);
    try (PositionOutputStream stream = out.create()) {
      stream.write(42);
    }

    assertThat(out.location()).isEqualTo(location);
    assertThat(out.toInputFile().location()).isEqualTo(location);
    assertThat(io.newInputFile(location).getLength()).isEqualTo(1);
    assertThat(io.newInputFile("file://" + root + "/t/metadata/v1.json").exists()).isTrue();
  }

  @Test
  void creatingAFileTwiceFailsAndAMissingFileIsNotFound() throws IOException {
    String location = root + "/a.json";
    io.newOutputFile(location).create().close();

    assertThatThrownBy(() -> io.newOutputFile(location).create())
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> io.newInputFile(root + "/missing.json").newStream())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Failed to open input stream for file: " + root + "/missing.json");
  }

  @Test
  void onlyCreatingAFileCreatesItsDirectory() {
    io.newOutputFile(root + "/never/written.json");

    assertThat(root.resolve("never")).doesNotExist();
  }

  @Test
  void listingAPrefixGivesLocationsSpelledLikeThePrefix() throws IOException {
    Files.createDirectories(root.resolve("t/data"));
    Files.writeString(root.resolve("t/data/a.parquet"), "a");
    Files.writeString(root.resolve("t/b.json"), "bb");

    List<String> locations = new ArrayList<>();
    for (FileInfo info : io.listPrefix("file:" + root + "/t")) {
      locations.add(info.location() + "=" + info.size());
    }

    assertThat(locations)
        .containsExactlyInAnyOrder(
            "file:" + root + "/t/data/a.parquet=1", "file:" + root + "/t/b.json=2");
  }

  @Test
  void deletingAPrefixRemovesTheTreeAndRefusesTheRoot() throws IOException {
    Files.createDirectories(root.resolve("t/data"));
    Files.writeString(root.resolve("t/data/a.parquet"), "a");
    Files.writeString(root.resolve("keep.txt"), "k");

    io.deletePrefix(root + "/t");
    io.deletePrefix(root + "/gone"); // nothing there: nothing to do

    assertThat(root.resolve("t")).doesNotExist();
    assertThat(root.resolve("keep.txt")).exists();
    assertThatThrownBy(() -> io.deletePrefix("/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> io.deletePrefix("file:/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> io.deletePrefix("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileOnAnotherHostIsRefused() {
    assertThatThrownBy(() -> io.newInputFile("file://server/share/a.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("local files only");
  }

  @Test
  void deletingAMissingFileIsNotAnError() {
    io.deleteFile(root + "/never-there.json");

    assertThat(root.resolve("never-there.json")).doesNotExist();
  }
}
