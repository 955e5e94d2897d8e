package dev.catalogstore.jdbc.commit;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The commits facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * CommitSql}. Every call is one query; a page says in the same row which part of its address is
 * missing. Commits are written by the asset changes and merges themselves. Internal to the JDBC
 * store.
 */
public final class JdbcCommits implements Commits {
  private final Database db;
  private final CommitSql sql;

  public JdbcCommits(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new CommitSql(sqlText);
  }

  @Override
  public CompletableFuture<Optional<Commit>> get(TenantId tenant, String catalog, CommitId id) {
    return db.submit(
        "commits.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          VersionRequests.commitId(id, "id");
          return db.run(
              "commits.get",
              Violations.NONE,
              connection -> sql.select(connection, tenant, catalog, id));
        });
  }

  @Override
  public CompletableFuture<Page<Commit>> ancestry(
      TenantId tenant, CommitRef from, PageRequest page) {
    return db.submit(
        "commits.ancestry",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.commitRef(from, "from");
          ListQuery query = ListQuery.ancestry(tenant, from);
          ListQuery.Cursor cursor = query.cursor(page);
          CommitSql.Lookup<Commit> found =
              db.run(
                  "commits.ancestry",
                  Violations.NONE,
                  connection -> sql.ancestryPage(connection, tenant, from, cursor));
          if (found.missing().isPresent()) {
            throw Missing.along(found.missing().get(), tenant, from);
          }
          return query.page(found.items(), cursor, c -> c.id().toString());
        });
  }

  @Override
  public CompletableFuture<Page<AssetChange>> operations(
      TenantId tenant, String catalog, CommitId id, PageRequest page) {
    return db.submit(
        "commits.operations",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          VersionRequests.commitId(id, "id");
          ListQuery query = ListQuery.operations(tenant, catalog, id);
          ListQuery.Cursor cursor = query.cursor(page);
          CommitSql.Lookup<CommitSql.Numbered> found =
              db.run(
                  "commits.operations",
                  Violations.NONE,
                  connection -> sql.operationsPage(connection, tenant, catalog, id, cursor));
          if (found.missing().isPresent()) {
            throw missing(found.missing().get(), tenant, catalog, id);
          }
          Page<CommitSql.Numbered> numbered =
              query.page(found.items(), cursor, n -> Long.toString(n.ordinal()));
          return new Page<>(
              numbered.items().stream().map(CommitSql.Numbered::change).toList(),
              numbered.nextPageToken());
        });
  }

  private static RuntimeException missing(
      ObjectType missing, TenantId tenant, String catalog, CommitId id) {
    return Missing.along(missing, tenant, CommitRef.id(catalog, id));
  }
}
