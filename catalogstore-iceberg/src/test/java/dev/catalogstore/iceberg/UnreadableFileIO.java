package dev.catalogstore.iceberg;

import dev.catalogstore.iceberg.io.LocalFileIO;
import java.util.Map;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.InputFile;

/**
 * A {@link LocalFileIO} that cannot open one file for reading, as a storage that denies access or
 * times out would: {@link #UNREADABLE} names the file's location. Every other file reads normally.
 */
public class UnreadableFileIO extends LocalFileIO {
  /** Catalog property: the location of the file this FileIO fails to open. */
  static final String UNREADABLE = "test.unreadable-location";

  private String unreadable;

  @Override
  public void initialize(Map<String, String> properties) {
    super.initialize(properties);
    this.unreadable = properties.get(UNREADABLE);
  }

  @Override
  public InputFile newInputFile(String location) {
    if (location.equals(unreadable)) {
      // Not a NotFoundException: the file may well exist, it just cannot be read now.
      throw new RuntimeIOException("injected: cannot read %s", location);
    }
    return super.newInputFile(location);
  }
}
