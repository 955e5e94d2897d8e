package dev.catalogstore.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The plain-JDBC floor of a metadata commit with its version-history commit: the least work a
 * PostgreSQL store can do for it, with nothing of the store around it. In one transaction: the
 * compare-and-set {@code UPDATE} of the asset, the {@code INSERT} of its metadata-history entry,
 * the {@code INSERT} of the commit and of its one operation (content before and after as {@code
 * jsonb}), and the {@code UPDATE} moving the branch's head, each a prepared statement on primary
 * keys, then {@code COMMIT}.
 */
final class ChangeWithCommitFloor {
  private static final String PREFIX = "public.catalogstore_bench_floor_";

  private String location = "s3://floor/v0.metadata.json";
  private long sequence;
  private UUID head = UUID.randomUUID();
  private long generation;

  private ChangeWithCommitFloor() {}

  /** Creates the floor's tables, shaped like the store's, with one asset and one branch. */
  static ChangeWithCommitFloor create(Connection c) throws SQLException {
    drop(c);
    ChangeWithCommitFloor floor = new ChangeWithCommitFloor();
    try (Statement ddl = c.createStatement()) {
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "assets (id int PRIMARY KEY, metadata_location text, metadata_sequence bigint)");
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "history (asset_id int, sequence bigint, location text, previous text,"
              + " committed_at timestamptz, PRIMARY KEY (asset_id, sequence))");
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "commits (id uuid PRIMARY KEY, parent uuid, generation bigint,"
              + " created_at timestamptz)");
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "changes (commit_id uuid, ordinal int, name text, before jsonb, after jsonb,"
              + " PRIMARY KEY (commit_id, ordinal))");
      ddl.execute(
          "CREATE TABLE " + PREFIX + "branches (id int PRIMARY KEY, head uuid, generation bigint)");
      ddl.execute("INSERT INTO " + PREFIX + "assets VALUES (1, '" + floor.location + "', 0)");
      ddl.execute("INSERT INTO " + PREFIX + "branches VALUES (1, '" + floor.head + "', 0)");
    }
    return floor;
  }

  static void drop(Connection c) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      for (String table : new String[] {"assets", "history", "commits", "changes", "branches"}) {
        ddl.execute("DROP TABLE IF EXISTS " + PREFIX + table);
      }
    }
  }

  /** One metadata commit with its commit record, in one transaction; returns the new sequence. */
  long commitOnce(Connection c) throws SQLException {
    String next = "s3://floor/v" + (sequence + 1) + ".metadata.json";
    UUID commit = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    c.setAutoCommit(false);
    try {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE "
                  + PREFIX
                  + "assets SET metadata_location = ?, metadata_sequence = metadata_sequence + 1"
                  + " WHERE id = 1 AND metadata_location = ? RETURNING metadata_sequence")) {
        update.setString(1, next);
        update.setString(2, location);
        try (ResultSet rows = update.executeQuery()) {
          rows.next();
          sequence = rows.getLong(1);
        }
      }
      try (PreparedStatement history =
          c.prepareStatement("INSERT INTO " + PREFIX + "history VALUES (1, ?, ?, ?, ?)")) {
        history.setLong(1, sequence);
        history.setString(2, next);
        history.setString(3, location);
        history.setTimestamp(4, now);
        history.executeUpdate();
      }
      try (PreparedStatement commits =
          c.prepareStatement("INSERT INTO " + PREFIX + "commits VALUES (?, ?, ?, ?)")) {
        commits.setObject(1, commit);
        commits.setObject(2, head);
        commits.setLong(3, generation + 1);
        commits.setTimestamp(4, now);
        commits.executeUpdate();
      }
      try (PreparedStatement changes =
          c.prepareStatement(
              "INSERT INTO " + PREFIX + "changes VALUES (?, 1, 't', ?::jsonb, ?::jsonb)")) {
        changes.setObject(1, commit);
        changes.setString(2, "{\"metadataLocation\":\"" + location + "\"}");
        changes.setString(3, "{\"metadataLocation\":\"" + next + "\"}");
        changes.executeUpdate();
      }
      try (PreparedStatement branch =
          c.prepareStatement(
              "UPDATE " + PREFIX + "branches SET head = ?, generation = ? WHERE id = 1")) {
        branch.setObject(1, commit);
        branch.setLong(2, generation + 1);
        branch.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    location = next;
    head = commit;
    generation++;
    return sequence;
  }
}
