package dev.catalogstore.jdbc.tag;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads tags from the rows of {@link TagSql}. */
final class TagRows {
  private TagRows() {}

  /** The tag in {@code row}'s {@code name, commit_id, created_at}, of catalog {@code catalog}. */
  static Tag tag(ResultSet row, String catalog) throws SQLException {
    return new Tag(
        new TagRef(catalog, row.getString("name")),
        new CommitId(Rows.uuid(row, "commit_id")),
        Rows.instant(row, "created_at"));
  }
}
