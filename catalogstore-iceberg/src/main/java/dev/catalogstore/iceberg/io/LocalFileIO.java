package dev.catalogstore.iceberg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * A {@code FileIO} for a local or mounted file system, without Hadoop: for embedded use, tests and
 * single-machine services ({@code io-impl=dev.catalogstore.iceberg.io.LocalFileIO}). Locations are
 * plain paths or {@code file:} URIs, and a file keeps the location it was asked for, which is what
 * Iceberg records in metadata. Reading and writing are Iceberg's own local files ({@link
 * org.apache.iceberg.Files}); this class adds deletion and prefix listing, which a purge uses.
 */
public class LocalFileIO implements SupportsPrefixOperations {
  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, path(location).toFile());
  }

  @Override
  public OutputFile newOutputFile(String location) {
    Path path = path(location);
    try {
      Path parent = path.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of " + location, e);
    }
    return new LocalOutputFile(location, path.toFile());
  }

  /** Deletes the file; a file already gone is not an error, as Iceberg's other FileIOs do. */
  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + location, e);
    }
  }

  /** Every regular file under {@code prefix}, a directory. */
  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path root = path(prefix);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      String scheme = prefix.startsWith("file:") ? "file:" : "";
      return files
          .filter(Files::isRegularFile)
          .map(file -> info(scheme + file.toAbsolutePath(), file))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + prefix, e);
    }
  }

  /** Deletes the directory {@code prefix} with everything under it. */
  @Override
  public void deletePrefix(String prefix) {
    Path root = path(prefix);
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // deleted concurrently: the goal is reached
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + prefix, e);
    }
  }

  private static FileInfo info(String location, Path file) {
    try {
      return new FileInfo(location, Files.size(file), Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the attributes of " + file, e);
    }
  }

  /**
   * The path of a location. Iceberg builds locations by joining strings, without percent-encoding,
   * so the part after {@code file:} is taken as it is, not decoded as a URI.
   */
  private static Path path(String location) {
    if (location.startsWith("file://")) {
      return Paths.get(location.substring("file://".length()));
    }
    if (location.startsWith("file:")) {
      return Paths.get(location.substring("file:".length()));
    }
    return Paths.get(location);
  }
}
