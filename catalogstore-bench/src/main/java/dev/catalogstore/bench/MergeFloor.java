package dev.catalogstore.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plain-JDBC floor of a merge of {@value #CHANGED} changed tables: the rows a merge must read
 * and write, with nothing of the store around it, on tables shaped like the store's. In one
 * transaction: lock both branches' heads ({@code SELECT … FOR UPDATE}), read the changed tables on
 * the source and on the target (by primary key), update the target's rows to the source's in one
 * statement, insert the merge commit (two parents) and its {@value #CHANGED} changes (before and
 * after as {@code jsonb}, one statement), move the target's head, then {@code COMMIT}.
 *
 * <p>What it leaves out is the search for the merge base in the commit history and the three-way
 * decision, which the store must make: the store's figure against this floor is what that search
 * and the store's own layers cost, on top of the writes any merge makes.
 */
final class MergeFloor {
  static final int CHANGED = MergeCostBenchmark.CHANGED;
  private static final String PREFIX = "public.catalogstore_bench_mergefloor_";
  private static final int MAIN = 1;
  private static final int FEATURE = 2;

  private final String[] names = new String[CHANGED];
  private long round;

  private MergeFloor() {
    for (int i = 0; i < CHANGED; i++) {
      names[i] = String.format("t%06d", i);
    }
  }

  /** Creates the floor's tables with {@value #CHANGED} tables on each of two branches. */
  static MergeFloor create(Connection c) throws SQLException {
    drop(c);
    MergeFloor floor = new MergeFloor();
    try (Statement ddl = c.createStatement()) {
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "assets (branch int, name text, metadata_location text, metadata_sequence bigint,"
              + " PRIMARY KEY (branch, name))");
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "commits (id uuid PRIMARY KEY, parent uuid, merge_parent uuid, generation bigint,"
              + " created_at timestamptz)");
      ddl.execute(
          "CREATE TABLE "
              + PREFIX
              + "changes (commit_id uuid, ordinal int, name text, before jsonb, after jsonb,"
              + " PRIMARY KEY (commit_id, ordinal))");
      ddl.execute(
          "CREATE TABLE " + PREFIX + "branches (id int PRIMARY KEY, head uuid, generation bigint)");
      for (int branch : new int[] {MAIN, FEATURE}) {
        ddl.execute(
            "INSERT INTO "
                + PREFIX
                + "branches VALUES ("
                + branch
                + ", '"
                + UUID.randomUUID()
                + "', 0)");
        for (String name : floor.names) {
          ddl.execute(
              "INSERT INTO "
                  + PREFIX
                  + "assets VALUES ("
                  + branch
                  + ", '"
                  + name
                  + "', 's3://floor/"
                  + branch
                  + "/"
                  + name
                  + "/v0.metadata.json', 1)");
        }
      }
    }
    return floor;
  }

  static void drop(Connection c) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      for (String table : new String[] {"assets", "commits", "changes", "branches"}) {
        ddl.execute("DROP TABLE IF EXISTS " + PREFIX + table);
      }
    }
  }

  /** One merge's reads and writes, in one transaction; returns the rows updated on the target. */
  int mergeOnce(Connection c) throws SQLException {
    round++;
    UUID commit = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    c.setAutoCommit(false);
    try {
      UUID sourceHead = null;
      UUID targetHead = null;
      long generation = 0;
      try (PreparedStatement heads =
          c.prepareStatement(
              "SELECT id, head, generation FROM "
                  + PREFIX
                  + "branches WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
        heads.setInt(1, MAIN);
        heads.setInt(2, FEATURE);
        try (ResultSet rows = heads.executeQuery()) {
          while (rows.next()) {
            if (rows.getInt(1) == MAIN) {
              targetHead = rows.getObject(2, UUID.class);
              generation = rows.getLong(3);
            } else {
              sourceHead = rows.getObject(2, UUID.class);
            }
          }
        }
      }
      Array keys = c.createArrayOf("text", names);
      List<String> after = read(c, FEATURE, keys);
      List<String> before = read(c, MAIN, keys);
      int updated;
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE "
                  + PREFIX
                  + "assets t SET metadata_location = s.location || '#' || ?,"
                  + " metadata_sequence = t.metadata_sequence + 1"
                  + " FROM unnest(?::text[], ?::text[]) AS s(name, location)"
                  + " WHERE t.branch = ? AND t.name = s.name")) {
        update.setLong(1, round);
        update.setArray(2, keys);
        update.setArray(3, c.createArrayOf("text", after.toArray()));
        update.setInt(4, MAIN);
        updated = update.executeUpdate();
      }
      try (PreparedStatement commits =
          c.prepareStatement("INSERT INTO " + PREFIX + "commits VALUES (?, ?, ?, ?, ?)")) {
        commits.setObject(1, commit);
        commits.setObject(2, targetHead);
        commits.setObject(3, sourceHead);
        commits.setLong(4, generation + 1);
        commits.setTimestamp(5, now);
        commits.executeUpdate();
      }
      try (PreparedStatement changes =
          c.prepareStatement(
              "INSERT INTO "
                  + PREFIX
                  + "changes SELECT ?, o, n, jsonb_build_object('metadataLocation', b),"
                  + " jsonb_build_object('metadataLocation', a)"
                  + " FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x(n, b, a, o)")) {
        changes.setObject(1, commit);
        changes.setArray(2, keys);
        changes.setArray(3, c.createArrayOf("text", before.toArray()));
        changes.setArray(4, c.createArrayOf("text", after.toArray()));
        changes.executeUpdate();
      }
      try (PreparedStatement branch =
          c.prepareStatement(
              "UPDATE " + PREFIX + "branches SET head = ?, generation = ? WHERE id = ?")) {
        branch.setObject(1, commit);
        branch.setLong(2, generation + 1);
        branch.setInt(3, MAIN);
        branch.executeUpdate();
      }
      c.commit();
      if (updated != CHANGED) {
        throw new IllegalStateException("the merge floor updated " + updated + " rows");
      }
      return updated;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static List<String> read(Connection c, int branch, Array keys) throws SQLException {
    List<String> locations = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT metadata_location FROM "
                + PREFIX
                + "assets WHERE branch = ? AND name = ANY(?) ORDER BY name")) {
      select.setInt(1, branch);
      select.setArray(2, keys);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          locations.add(rows.getString(1));
        }
      }
    }
    return locations;
  }
}
