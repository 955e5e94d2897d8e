package dev.catalogstore.jdbc.settings;

import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.SettingsRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The settings facet on PostgreSQL: a read is one statement; an update is one transaction that
 * locks the tenant's settings row, locks the default warehouse it names (so that warehouse cannot
 * be deleted before the update commits), applies {@link SettingsRules#apply} to what it read and
 * writes the result. Settings go with their tenant (a foreign key that cascades). Internal to the
 * JDBC store.
 */
public final class JdbcSettings implements Settings {
  private final Database db;
  private final SettingsSql sql;

  public JdbcSettings(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new SettingsSql(sqlText);
  }

  @Override
  public CompletableFuture<SystemSettings> get(TenantId tenant) {
    return db.submit(
        "settings.get",
        () -> {
          Requests.tenant(tenant);
          return db.run(
                  "settings.get", Violations.NONE, connection -> sql.select(connection, tenant))
              .orElseThrow(() -> Missing.tenant(tenant));
        });
  }

  @Override
  public CompletableFuture<SystemSettings> update(TenantId tenant, SettingsUpdate update) {
    return db.submit(
        "settings.update",
        () -> {
          Requests.tenant(tenant);
          SettingsUpdate valid = OperationsRequests.settingsUpdate(update, "update");
          // The tenant's deletion racing the first update: its row is gone by the key's check.
          Violations violations =
              Violations.NONE
                  .onForeignKey(() -> Missing.tenant(tenant))
                  .onPropertyLimit("update.extra");
          return db.transaction(
              "settings.update",
              violations,
              connection -> {
                SettingsSql.Locked locked =
                    sql.lock(connection, tenant).orElseThrow(() -> Missing.tenant(tenant));
                SystemSettings stored = locked.settings();
                UUID warehouseId = valid.clearsDefaultWarehouse() ? null : locked.warehouseId();
                if (valid.defaultWarehouse().isPresent()) {
                  String name = valid.defaultWarehouse().get();
                  warehouseId =
                      sql.warehouse(connection, tenant, name)
                          .orElseThrow(() -> Missing.warehouse(name));
                }
                // Read after the lock: an update that waited for another is stamped after it.
                SystemSettings next = SettingsRules.apply(stored, valid, db.now(), "update");
                sql.write(connection, tenant, next, warehouseId);
                return next;
              });
        });
  }
}
