package dev.catalogstore.iceberg;

import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.io.FileIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up of metadata files that a lost commit wrote and nothing references. */
final class MetadataFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataFiles.class);

  private MetadataFiles() {}

  /**
   * Whether {@code failure} of an install proves that nothing was installed, so that the new
   * metadata file it wrote may be deleted: a lost compare-and-set, a name taken, a table, view or
   * namespace missing, or input refused, as {@link PointerCommits} reports them. Anything else,
   * {@code CommitStateUnknownException} or an unexpected error, may follow a change that landed.
   */
  static boolean provesNothingInstalled(RuntimeException failure) {
    return failure instanceof CommitFailedException
        || failure instanceof AlreadyExistsException
        || failure instanceof NoSuchTableException
        || failure instanceof NoSuchViewException
        || failure instanceof NoSuchNamespaceException
        || failure instanceof IllegalArgumentException;
  }

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
