package dev.catalogstore.jdbc.commit;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads commits and their changes from the rows of the commit statements. */
public final class CommitRows {
  /** The commit columns {@link #commit} reads, from the commit aliased {@code m}. */
  public static final String COLUMNS =
      """
      m.commit_id, m.first_parent_id, m.second_parent_id, m.generation, m.author, m.message,
      m.created_at""";

  /** The change columns {@link #change} reads, from the change aliased {@code x}. */
  public static final String CHANGE_COLUMNS = "x.ordinal, x.namespace, x.name, x.before, x.after";

  private CommitRows() {}

  /** The commit of {@link #COLUMNS} in {@code row}, of catalog {@code catalog}. */
  public static Commit commit(ResultSet row, String catalog) throws SQLException {
    return new Commit(
        new CommitId(Rows.uuid(row, "commit_id")),
        catalog,
        parents(row),
        new CommitMeta(Rows.optionalText(row, "author"), Rows.optionalText(row, "message")),
        Rows.instant(row, "created_at"));
  }

  /** The parents in {@code row}'s {@code first_parent_id} and {@code second_parent_id}. */
  public static List<CommitId> parents(ResultSet row) throws SQLException {
    List<CommitId> parents = new ArrayList<>(2);
    UUID first = Rows.uuid(row, "first_parent_id");
    if (first != null) {
      parents.add(new CommitId(first));
      UUID second = Rows.uuid(row, "second_parent_id");
      if (second != null) {
        parents.add(new CommitId(second));
      }
    }
    return List.copyOf(parents);
  }

  /** The change of {@link #CHANGE_COLUMNS} in {@code row}. */
  public static AssetChange change(ResultSet row) throws SQLException {
    return new AssetChange(
        new AssetKey(new NamespacePath(Rows.textArray(row, "namespace")), row.getString("name")),
        ContentJson.read(row.getString("before")),
        ContentJson.read(row.getString("after")));
  }
}
