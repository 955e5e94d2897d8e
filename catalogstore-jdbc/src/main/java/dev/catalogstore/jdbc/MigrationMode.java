package dev.catalogstore.jdbc;

/** What the store does with its schema when it opens. */
public enum MigrationMode {
  /**
   * Creates the schema if needed and applies every pending migration (needs DDL rights). Safe when
   * several processes open stores at once: one migrates, the others wait for it and find the schema
   * up to date.
   */
  MIGRATE,
  /**
   * Changes nothing; opening fails unless every migration this version knows has been applied, for
   * operators who run migrations separately and give the application no DDL rights.
   */
  VALIDATE
}
