package dev.catalogstore.iceberg.io;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/** A local file to write, known by the location it was asked for (see {@link LocalInputFile}). */
final class LocalOutputFile implements OutputFile {
  private final String location;
  private final File path;
  private final OutputFile file;

  LocalOutputFile(String location, File path) {
    this.location = location;
    this.path = path;
    this.file = org.apache.iceberg.Files.localOutput(path);
  }

  /** Creates the file; fails with Iceberg's {@code AlreadyExistsException} if it exists. */
  @Override
  public PositionOutputStream create() {
    createDirectory();
    return file.create();
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    createDirectory();
    return file.createOrOverwrite();
  }

  private void createDirectory() {
    File parent = path.getAbsoluteFile().getParentFile();
    if (parent != null) {
      try {
        Files.createDirectories(parent.toPath());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the directory of " + location, e);
      }
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public InputFile toInputFile() {
    return new LocalInputFile(location, path);
  }

  @Override
  public String toString() {
    return location;
  }
}
