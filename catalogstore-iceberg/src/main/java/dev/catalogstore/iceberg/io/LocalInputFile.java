package dev.catalogstore.iceberg.io;

import java.io.File;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * A local file to read, known by the location it was asked for: Iceberg records {@link #location()}
 * in metadata, so it must be the caller's string ({@code file:/…} stays {@code file:/…}), not the
 * path it was resolved to.
 */
final class LocalInputFile implements InputFile {
  private final String location;
  private final InputFile file;

  LocalInputFile(String location, File file) {
    this.location = location;
    this.file = org.apache.iceberg.Files.localInput(file);
  }

  @Override
  public long getLength() {
    return file.getLength();
  }

  /** Opens the file; a missing one fails with Iceberg's {@link NotFoundException}. */
  @Override
  public SeekableInputStream newStream() {
    try {
      return file.newStream();
    } catch (NotFoundException e) {
      // The wording of Iceberg's Hadoop file IO, which callers and Iceberg's own tests match on.
      throw new NotFoundException(e, "Failed to open input stream for file: %s", location);
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean exists() {
    return file.exists();
  }

  @Override
  public String toString() {
    return location;
  }
}
