package dev.catalogstore.jdbc.commit;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writing a commit and moving a head from values the Java code computed, for the changes that run
 * as a transaction and hold their branch's lock (a multi-asset commit, a merge): {@link #STEPS} are
 * CTEs appended to the statement that applies the change, so the change, its commit and the head
 * move are still one statement.
 */
public final class CommitWrites {
  /**
   * CTEs {@code recorded} and {@code operations} (the commit and its changes, only if {@code
   * :writes_commit}) and {@code moved} (the head, always). Bound by {@link #bind}; start with a
   * comma, after the statement's own CTEs.
   */
  public static final String STEPS =
      """
      , recorded AS (
          INSERT INTO ${schema}.commits
              (tenant_id, commit_id, catalog_id, first_parent_id, second_parent_id, generation,
               author, message, created_at)
          SELECT :tenant, :commit_id::uuid, :catalog_id, :first_parent::uuid,
                 :second_parent::uuid, :generation, :author::text, :message::text,
                 :commit_created_at
          WHERE :writes_commit
      ), operations AS (
          INSERT INTO ${schema}.commit_changes
              (tenant_id, commit_id, parent_index, ordinal, namespace, name, before, after)
          SELECT :tenant, :commit_id::uuid, o.parent_index, o.ordinal,
                 ARRAY(SELECT jsonb_array_elements_text(o.namespace::jsonb)), o.name,
                 o.before::jsonb, o.after::jsonb
          FROM unnest(:op_parents::integer[], :op_ordinals::integer[], :op_namespaces::text[],
                      :op_names::text[], :op_befores::text[], :op_afters::text[])
              AS o(parent_index, ordinal, namespace, name, before, after)
          WHERE :writes_commit
      ), moved AS (
          UPDATE ${schema}.branches
          SET head_commit_id = :new_head,
              head_generation = :new_head_generation,
              head_created_at = :new_head_created_at,
              updated_at = :branch_updated_at
          WHERE tenant_id = :tenant AND branch_id = :branch_id
          RETURNING branch_id
      )""";

  private CommitWrites() {}

  /**
   * Binds {@link #STEPS}: {@code commit} (if any) is written in catalog {@code catalogId}, and the
   * branch {@code branchId} moves as {@code move} says.
   */
  public static SqlStatement bind(
      SqlStatement statement,
      TenantId tenant,
      UUID catalogId,
      Optional<NewCommit> commit,
      HeadMove move)
      throws SQLException {
    List<Integer> parents = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<String> namespaces = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> befores = new ArrayList<>();
    List<String> afters = new ArrayList<>();
    if (commit.isPresent()) {
      List<List<AssetChange>> byParent = commit.get().changes();
      for (int parent = 0; parent < byParent.size(); parent++) {
        int ordinal = 0;
        for (AssetChange change : sortedByKey(byParent.get(parent))) {
          parents.add(parent);
          ordinals.add(++ordinal);
          namespaces.add(ContentJson.path(change.key().namespace()));
          names.add(change.key().name());
          befores.add(ContentJson.write(change.before()));
          afters.add(ContentJson.write(change.after()));
        }
      }
    }
    NewCommit written = commit.orElse(null);
    return statement
        .uuid("tenant", tenant.value())
        .uuid("catalog_id", catalogId)
        .bool("writes_commit", written != null)
        .uuid("commit_id", written == null ? null : written.id().value())
        .uuid("first_parent", written == null ? null : parent(written, 0))
        .uuid("second_parent", written == null ? null : parent(written, 1))
        .bigint("generation", written == null ? 0 : written.generation())
        .text("author", written == null ? null : written.meta().author().orElse(null))
        .text("message", written == null ? null : written.meta().message().orElse(null))
        .timestamp(
            "commit_created_at", written == null ? move.headCreatedAt() : written.createdAt())
        .integerArray("op_parents", parents)
        .integerArray("op_ordinals", ordinals)
        .textArray("op_namespaces", namespaces)
        .textArray("op_names", names)
        .textArray("op_befores", befores)
        .textArray("op_afters", afters)
        .uuid("new_head", move.head().value())
        .bigint("new_head_generation", move.headGeneration())
        .timestamp("new_head_created_at", move.headCreatedAt())
        .timestamp("branch_updated_at", move.updatedAt())
        .uuid("branch_id", move.branchId());
  }

  private static UUID parent(NewCommit commit, int index) {
    return commit.parents().size() > index ? commit.parents().get(index).value() : null;
  }

  private static List<AssetChange> sortedByKey(List<AssetChange> changes) {
    List<AssetChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(AssetChange::key));
    return sorted;
  }

  /**
   * A commit to write.
   *
   * @param id its id
   * @param parents its parents, first the head it is written on
   * @param generation one more than its parents' highest
   * @param meta its author and message
   * @param createdAt its time
   * @param changes its changes relative to each parent (index 0 first), numbered in key order
   */
  public record NewCommit(
      CommitId id,
      List<CommitId> parents,
      long generation,
      CommitMeta meta,
      Instant createdAt,
      List<List<AssetChange>> changes) {
    public NewCommit {
      Objects.requireNonNull(id, "id");
      parents = List.copyOf(parents);
      if (parents.isEmpty() || parents.size() > 2 || changes.size() > parents.size()) {
        throw new IllegalArgumentException("a written commit has one or two parents");
      }
      changes = List.copyOf(changes);
    }
  }

  /**
   * Where a branch's head moves.
   *
   * @param branchId the branch
   * @param head the new head
   * @param headGeneration the new head's generation
   * @param headCreatedAt the new head's time
   * @param updatedAt the branch's new updated_at
   */
  public record HeadMove(
      UUID branchId,
      CommitId head,
      long headGeneration,
      Instant headCreatedAt,
      Instant updatedAt) {}
}
