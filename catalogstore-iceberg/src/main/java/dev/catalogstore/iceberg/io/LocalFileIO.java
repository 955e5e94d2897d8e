package dev.catalogstore.iceberg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * A {@code FileIO} for a local or mounted file system, without Hadoop: for embedded use, tests and
 * single-machine services ({@code io-impl=dev.catalogstore.iceberg.io.LocalFileIO}). Locations are
 * plain paths or {@code file:} URIs without a host ({@code file:/p}, {@code file:///p}), and a file
 * keeps the location it was asked for, which is what Iceberg records in metadata. Reading and
 * writing are Iceberg's own local files ({@link org.apache.iceberg.Files}); this class adds
 * deletion and prefix listing, which purges and orphan-file removal use.
 */
public class LocalFileIO implements SupportsPrefixOperations {
  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, path(location).toFile());
  }

  /** A file to write; its directory is created when the file is. */
  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(location, path(location).toFile());
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

  /**
   * Every regular file under the directory {@code prefix}, each located as {@code prefix} followed
   * by its relative path, so that listed locations match those recorded in metadata.
   */
  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path root = path(prefix);
    List<FileInfo> files = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    walk(
        root,
        (file, attributes) ->
            files.add(
                new FileInfo(
                    base + root.relativize(file).toString().replace('\\', '/'),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis())),
        directory -> {});
    return files;
  }

  /**
   * Deletes the directory {@code prefix} with everything under it. A file-system root or an empty
   * prefix is refused: one mistyped property must not empty a disk.
   */
  @Override
  public void deletePrefix(String prefix) {
    Path root = path(prefix);
    if (prefix.isBlank() || root.toAbsolutePath().getParent() == null) {
      throw new IllegalArgumentException("Refusing to delete everything under '" + prefix + "'");
    }
    if (!Files.exists(root)) {
      return;
    }
    walk(root, (file, attributes) -> delete(file), LocalFileIO::delete);
  }

  private interface FileAction {
    void accept(Path file, BasicFileAttributes attributes) throws IOException;
  }

  private interface DirectoryAction {
    void accept(Path directory) throws IOException;
  }

  /** Walks the tree; files and directories that vanish meanwhile are skipped, not errors. */
  private static void walk(Path root, FileAction onFile, DirectoryAction afterDirectory) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (attributes.isRegularFile()) {
                onFile.accept(file, attributes);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e)
                throws IOException {
              if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
              }
              afterDirectory.accept(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot walk " + root, e);
    }
  }

  private static void delete(Path path) throws IOException {
    Files.deleteIfExists(path);
  }

  /**
   * The path of a location. Iceberg builds locations by joining strings, without percent-encoding,
   * so the part after {@code file:} is taken as it is, not decoded as a URI.
   */
  static Path path(String location) {
    if (location.startsWith("file://")) {
      String rest = location.substring("file://".length());
      if (!rest.startsWith("/")) {
        throw new IllegalArgumentException(
            "LocalFileIO reads local files only, not files on host: " + location);
      }
      return Paths.get(rest);
    }
    if (location.startsWith("file:")) {
      return Paths.get(location.substring("file:".length()));
    }
    return Paths.get(location);
  }
}
