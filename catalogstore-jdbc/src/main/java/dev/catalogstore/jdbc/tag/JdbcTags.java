package dev.catalogstore.jdbc.tag;

import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The tags facet on PostgreSQL: validation and outcomes here, the statements in {@link TagSql}.
 * Every call is one statement; the create says in its own row which part of its target is missing,
 * the delete reads again only when it deleted nothing. Internal to the JDBC store.
 */
public final class JdbcTags implements Tags {
  private final Database db;
  private final TagSql sql;

  public JdbcTags(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new TagSql(sqlText);
  }

  @Override
  public CompletableFuture<Tag> create(TenantId tenant, TagRef tag, CommitRef target) {
    return db.submit(
        "tags.create",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          VersionRequests.commitRefIn(tag.catalog(), target, "target");
          Instant now = db.now();
          Violations violations =
              Violations.NONE
                  .onUnique(() -> Taken.tag(tag))
                  // The catalog (or its tenant) was deleted while the tag was being written.
                  .onForeignKey(() -> missing(tenant, tag));
          TagSql.Created created =
              db.run(
                  "tags.create",
                  violations,
                  connection -> sql.insert(connection, tenant, tag, target, now));
          if (created.missing().isPresent()) {
            throw Missing.along(created.missing().get(), tenant, target);
          }
          return created.tag().orElseThrow();
        });
  }

  @Override
  public CompletableFuture<Optional<Tag>> get(TenantId tenant, TagRef tag) {
    return db.submit(
        "tags.get",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          return db.run(
              "tags.get", Violations.NONE, connection -> sql.select(connection, tenant, tag));
        });
  }

  @Override
  public CompletableFuture<Page<Tag>> list(TenantId tenant, String catalog, PageRequest page) {
    return db.submit(
        "tags.list",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          ListQuery query = ListQuery.tags(tenant, catalog);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Tag> found =
              db.run(
                  "tags.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, catalog, cursor));
          return query.page(found, cursor, t -> t.ref().tag());
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, TagRef tag) {
    return db.submit(
        "tags.delete",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          boolean deleted =
              db.run(
                  "tags.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, tag));
          if (!deleted) {
            throw missing(tenant, tag);
          }
          return null;
        });
  }

  /** The outermost missing part of the tag's address: the tenant, the catalog, else the tag. */
  private NotFoundException missing(TenantId tenant, TagRef tag) {
    ObjectType missing =
        db.run("tags.lookup", Violations.NONE, connection -> sql.missing(connection, tenant, tag))
            .orElse(ObjectType.TAG);
    return switch (missing) {
      case TENANT -> Missing.tenant(tenant);
      case CATALOG -> Missing.catalog(tag.catalog());
      default -> Missing.tag(tag);
    };
  }
}
