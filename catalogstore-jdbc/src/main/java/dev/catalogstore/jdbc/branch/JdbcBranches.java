package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Merges;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.StoredHistory;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The branches facet on PostgreSQL: validation and outcomes here; the statements in {@link
 * BranchSql}, {@link BranchCreationSql} and {@link MergeSql}. A get, list or delete is one
 * statement; a creation ({@link BranchCreation}) and a merge ({@link Merging}) are one transaction
 * each. Internal to the JDBC store.
 */
public final class JdbcBranches implements Branches {
  private final Database db;
  private final BranchSql sql;
  private final BranchCreation creation;
  private final Merging merging;

  public JdbcBranches(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new BranchSql(sqlText);
    StoredHistory.Statements histories = StoredHistory.statements(sqlText);
    this.creation = new BranchCreation(sql, new BranchCreationSql(sqlText), histories);
    this.merging = new Merging(db, new MergeSql(sqlText), histories);
  }

  @Override
  public CompletableFuture<Branch> create(TenantId tenant, BranchRef branch, NewBranch request) {
    return db.submit(
        "branches.create",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.newBranch(branch, request, "request");
          Instant now = db.now();
          Violations violations =
              Violations.NONE
                  .onUnique(() -> Taken.branch(branch))
                  .onForeignKey(() -> whyNotCreated(tenant, branch));
          return db.transaction(
              "branches.create",
              violations,
              connection ->
                  StoredHistory.unwrapping(
                      connection, c -> creation.create(c, tenant, branch, request, now)));
        });
  }

  @Override
  public CompletableFuture<Optional<Branch>> get(TenantId tenant, BranchRef branch) {
    return db.submit(
        "branches.get",
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          return db.run(
              "branches.get",
              Violations.NONE,
              connection -> sql.select(connection, tenant, branch));
        });
  }

  @Override
  public CompletableFuture<Page<Branch>> list(TenantId tenant, String catalog, PageRequest page) {
    return db.submit(
        "branches.list",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          ListQuery query = ListQuery.branches(tenant, catalog);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Branch> found =
              db.run(
                  "branches.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, catalog, cursor));
          return query.page(found, cursor, b -> b.ref().branch());
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, BranchRef branch) {
    return db.submit(
        "branches.delete",
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          boolean deleted =
              db.run(
                  "branches.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, branch));
          if (deleted) {
            return null;
          }
          Optional<ObjectType> missing = lookup(tenant, branch);
          if (missing.isPresent()) {
            throw missing(missing.get(), tenant, branch);
          }
          // It exists, so it is main, which the delete never matches.
          throw Merges.mainUndeletable(branch);
        });
  }

  @Override
  public CompletableFuture<MergeResult> merge(
      TenantId tenant, BranchRef source, BranchRef target, MergeOptions options) {
    return db.submit(
        "branches.merge",
        () -> {
          Requests.tenant(tenant);
          VersionRequests.merge(source, target, options);
          Violations violations =
              Violations.NONE
                  // A namespace the merge creates an asset in was deleted meanwhile.
                  .onForeignKey(
                  () ->
                      new ConflictException(
                          "a namespace was deleted while the merge into "
                              + target
                              + " was writing to it; nothing was merged"));
          return db.transaction(
              "branches.merge",
              violations,
              connection ->
                  StoredHistory.unwrapping(
                      connection, c -> merging.merge(c, tenant, source, target, options)));
        });
  }

  /**
   * The failure path of a creation that hit a foreign key: its tenant or catalog was deleted
   * meanwhile, or a namespace of an asset it copied.
   */
  private CatalogStoreException whyNotCreated(TenantId tenant, BranchRef branch) {
    Optional<ObjectType> missing = lookup(tenant, branch);
    if (missing.isPresent() && missing.get() != ObjectType.BRANCH) {
      return missing(missing.get(), tenant, branch);
    }
    return new ConflictException(
        "a namespace was deleted while branch "
            + branch
            + " was being created; nothing was created");
  }

  private Optional<ObjectType> lookup(TenantId tenant, BranchRef branch) {
    return db.run(
        "branches.lookup", Violations.NONE, connection -> sql.missing(connection, tenant, branch));
  }

  /** The failure for the part {@code missing} of a branch's address. */
  private static NotFoundException missing(ObjectType missing, TenantId tenant, BranchRef branch) {
    return switch (missing) {
      case TENANT -> Missing.tenant(tenant);
      case CATALOG -> Missing.catalog(branch.catalog());
      default -> Missing.branch(branch);
    };
  }
}
