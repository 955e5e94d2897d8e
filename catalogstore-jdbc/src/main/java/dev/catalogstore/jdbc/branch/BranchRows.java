package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads branches from the rows of the branch statements. */
final class BranchRows {
  /** The branch columns {@link #branch} reads, from the branch aliased {@code b}. */
  static final String COLUMNS =
      "b.name, b.branch_type, b.head_commit_id, b.partial, b.created_at, b.updated_at";

  private BranchRows() {}

  /** The branch of {@link #COLUMNS} in {@code row}, of catalog {@code catalog}. */
  static Branch branch(ResultSet row, String catalog) throws SQLException {
    return new Branch(
        new BranchRef(catalog, row.getString("name")),
        BranchType.valueOf(row.getString("branch_type")),
        new CommitId(Rows.uuid(row, "head_commit_id")),
        row.getBoolean("partial"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
