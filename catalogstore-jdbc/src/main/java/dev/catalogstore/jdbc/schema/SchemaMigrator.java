package dev.catalogstore.jdbc.schema;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.jdbc.sql.SqlErrors;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store's schema to the version this library needs, with Flyway and only Flyway: the
 * migrations in {@code db/migration/postgresql}, recorded in the schema's own history table {@value
 * #HISTORY_TABLE}. Flyway holds a PostgreSQL advisory lock while it migrates, so stores opening at
 * once in several processes apply each migration exactly once. Internal to the JDBC store.
 */
public final class SchemaMigrator {
  /** Flyway's history table, in the store's schema. */
  public static final String HISTORY_TABLE = "catalogstore_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
  private static final String LOCATION = "classpath:db/migration/postgresql";

  private final String logPrefix;
  private final Flyway flyway;
  private final String schema;

  public SchemaMigrator(String logPrefix, DataSource dataSource, String schema) {
    this.logPrefix = logPrefix;
    this.schema = schema;
    this.flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .table(HISTORY_TABLE)
            .locations(LOCATION)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
  }

  /**
   * Creates the schema if needed and applies pending migrations.
   *
   * @throws CatalogStoreException {@code UnavailableException} if the database cannot be reached,
   *     {@code PreconditionFailedException} if the database user lacks the rights to create the
   *     schema or change its tables (which no retry gives: migrate as a user that has them, and
   *     open with {@code VALIDATE}), or if the schema's history does not match this library's
   *     migrations
   */
  public void migrate() {
    long started = System.nanoTime();
    MigrateResult result = withFlyway("migrate", flyway::migrate);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (result.migrationsExecuted == 0) {
      LOG.info(
          "{} - Schema \"{}\" is up to date at version {}", logPrefix, schema, currentVersion());
    } else {
      LOG.info(
          "{} - Schema \"{}\" migrated from {} to version {} ({} migration(s) applied in {} ms)",
          logPrefix,
          schema,
          result.initialSchemaVersion == null ? "empty" : "version " + result.initialSchemaVersion,
          result.targetSchemaVersion,
          result.migrationsExecuted,
          millis);
    }
  }

  /**
   * Checks, changing nothing, that every migration of this library has been applied.
   *
   * @throws CatalogStoreException {@code PreconditionFailedException} if not, or if the database
   *     user may not read the schema's history table; {@code UnavailableException} if the database
   *     cannot be reached
   */
  public void validate() {
    ValidateResult result = withFlyway("validate", flyway::validateWithResult);
    if (!result.validationSuccessful) {
      throw new PreconditionFailedException(
          "schema \""
              + schema
              + "\" is not at the version this library needs (migration mode "
              + "VALIDATE changes nothing; apply the migrations, or open with MIGRATE): "
              + result.getAllErrorMessages());
    }
    LOG.info("{} - Schema \"{}\" validated at version {}", logPrefix, schema, currentVersion());
  }

  private String currentVersion() {
    MigrationInfo current = withFlyway("info", () -> flyway.info().current());
    return current == null ? "none" : current.getVersion().getVersion();
  }

  /** Runs a Flyway command, turning its failures into the contract's exceptions. */
  private <T> T withFlyway(String command, Supplier<T> call) {
    try {
      return call.get();
    } catch (FlywayException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          if (SqlErrors.isInsufficientPrivilege(sql)) {
            LOG.error("{} - Schema {} of \"{}\" was refused", logPrefix, command, schema, e);
            throw new PreconditionFailedException(privilegeMissing(command, sql));
          }
          throw SqlErrors.translate(
              "schema " + command + " of \"" + schema + "\"", sql, Violations.NONE);
        }
      }
      // The contract's exception carries no cause: the details go to the log.
      LOG.error("{} - Schema {} of \"{}\" failed", logPrefix, command, schema, e);
      throw new PreconditionFailedException(
          "schema " + command + " of \"" + schema + "\" failed: " + e.getMessage());
    }
  }

  /**
   * Why a Flyway command was refused for want of a privilege, and what the operator can do: the
   * database user stays the same however often the store opens, so this is no outage.
   */
  private String privilegeMissing(String command, SQLException refusal) {
    String refused =
        "schema " + command + " of \"" + schema + "\" was refused (" + refusal.getMessage() + "): ";
    if (command.equals("migrate")) {
      return refused
          + "the database user lacks the DDL rights a migration needs (to create the schema, or"
          + " to own and change its tables); apply the migrations as a user that has them, and"
          + " open this store with migration mode VALIDATE";
    }
    return refused
        + "the database user needs USAGE on the schema and SELECT on its tables, "
        + HISTORY_TABLE
        + " included";
  }
}
