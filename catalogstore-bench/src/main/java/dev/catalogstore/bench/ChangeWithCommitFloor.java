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

  private final int id;
  private String location = "s3://floor/v0.metadata.json";
  private long sequence;
  private UUID head = UUID.randomUUID();
  private long generation;

  private ChangeWithCommitFloor(int id) {
    this.id = id;
  }

  /** Creates the floor's tables afresh, shaped like the store's, without rows. */
  static void createTables(Connection c) throws SQLException {
    drop(c);
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
    }
  }

  /**
   * A floor of its own asset and branch, both with primary key {@code id}, so that callers on
   * different threads commit to different rows, as the store's callers commit to their own
   * branches.
   */
  static ChangeWithCommitFloor insert(Connection c, int id) throws SQLException {
    ChangeWithCommitFloor floor = new ChangeWithCommitFloor(id);
    try (Statement ddl = c.createStatement()) {
      ddl.execute(
          "INSERT INTO " + PREFIX + "assets VALUES (" + id + ", '" + floor.location + "', 0)");
      ddl.execute(
          "INSERT INTO " + PREFIX + "branches VALUES (" + id + ", '" + floor.head + "', 0)");
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
                  + " WHERE id = ? AND metadata_location = ? RETURNING metadata_sequence")) {
        update.setString(1, next);
        update.setInt(2, id);
        update.setString(3, location);
        try (ResultSet rows = update.executeQuery()) {
          rows.next();
          sequence = rows.getLong(1);
        }
      }
      try (PreparedStatement history =
          c.prepareStatement("INSERT INTO " + PREFIX + "history VALUES (?, ?, ?, ?, ?)")) {
        history.setInt(1, id);
        history.setLong(2, sequence);
        history.setString(3, next);
        history.setString(4, location);
        history.setTimestamp(5, now);
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
              "UPDATE " + PREFIX + "branches SET head = ?, generation = ? WHERE id = ?")) {
        branch.setObject(1, commit);
        branch.setLong(2, generation + 1);
        branch.setInt(3, id);
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
