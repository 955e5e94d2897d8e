package dev.catalogstore.api.asset;

/** What an asset is: a table of some format, a view, files, or a model. */
public enum AssetKind {
  ICEBERG_TABLE,
  DELTA_TABLE,
  HUDI_TABLE,
  PAIMON_TABLE,
  LANCE_TABLE,
  VORTEX_TABLE,
  NIMBLE_TABLE,
  PARQUET_TABLE,
  ORC_TABLE,
  AVRO_TABLE,
  CSV_TABLE,
  JSON_TABLE,
  ICEBERG_VIEW,
  SQL_VIEW,
  FILE,
  DIRECTORY,
  ML_MODEL
}
