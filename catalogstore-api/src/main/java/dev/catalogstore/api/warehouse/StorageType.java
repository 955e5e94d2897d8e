package dev.catalogstore.api.warehouse;

/** The kind of object storage a warehouse keeps its files in. */
public enum StorageType {
  /** Amazon S3 and S3-compatible stores. */
  S3,
  /** Google Cloud Storage. */
  GCS,
  /** Azure Data Lake Storage Gen2. */
  ADLS,
  /** A local or mounted file system. */
  FILE
}
