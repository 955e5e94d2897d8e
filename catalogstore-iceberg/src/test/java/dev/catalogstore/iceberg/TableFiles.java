package dev.catalogstore.iceberg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.FileIO;

/** Checks that a table's metadata refers only to files that exist on local disk. */
final class TableFiles {
  private TableFiles() {}

  /**
   * The files {@code table}'s current metadata refers to that are missing: its metadata file and
   * metadata log, every snapshot's manifest list, and the manifests of every readable list. Empty
   * for an intact table; a lost commit whose file was deleted shows up here.
   */
  static Set<String> missing(Table table) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    FileIO io = table.io();
    Set<String> missing = new TreeSet<>();
    for (String file : TestCatalogs.referencedMetadataFiles(metadata)) {
      addIfMissing(missing, file);
    }
    for (Snapshot snapshot : metadata.snapshots()) {
      String list = snapshot.manifestListLocation();
      if (!exists(list)) {
        missing.add(list);
        continue; // its manifests cannot be listed
      }
      for (ManifestFile manifest : snapshot.allManifests(io)) {
        addIfMissing(missing, manifest.path());
      }
    }
    return missing;
  }

  private static void addIfMissing(Set<String> missing, String file) {
    if (!exists(file)) {
      missing.add(file);
    }
  }

  private static boolean exists(String location) {
    String path = location.startsWith("file:") ? java.net.URI.create(location).getPath() : location;
    return Files.exists(Path.of(path));
  }
}
