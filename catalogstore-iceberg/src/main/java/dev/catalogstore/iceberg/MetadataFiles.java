package dev.catalogstore.iceberg;

import org.apache.iceberg.io.FileIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up of metadata files that a lost commit wrote and nothing references. */
final class MetadataFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataFiles.class);

  private MetadataFiles() {}

  /**
   * Deletes {@code location}; a failure is logged, never thrown, so that it cannot hide the
   * commit's own failure. A file left behind is garbage, not damage: nothing points to it.
   */
  static void deleteQuietly(FileIO io, String location) {
    try {
      io.deleteFile(location);
    } catch (RuntimeException e) {
      LOG.warn("Could not delete unreferenced metadata file {}", location, e);
    }
  }
}
