package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One keyset-paged list of the contract as its page tokens see it: the tenant it is read under, the
 * list's stable name and the arguments that select its items. Each list of the contract has one
 * factory here, which fixes the list's name and the layout of its arguments, so that every backend
 * binds its tokens the same way and {@link PageTokens} refuses a token replayed under another
 * tenant, on another list, or on the same list with other arguments (another parent namespace,
 * another set of asset kinds).
 *
 * <p>How a backend pages a list, after validating the call's other inputs through {@link Requests}:
 *
 * <pre>{@code
 * ListQuery query = ListQuery.assets(tenant, branch, namespace, kinds);
 * ListQuery.Cursor cursor = query.cursor(page); // limit and token, validated
 * List<Asset> fetched = ...; // up to cursor.fetchSize() items following cursor.after(), in order
 * return query.page(fetched, cursor, asset -> asset.ref().name());
 * }</pre>
 *
 * <p>Every list of the contract is positioned by one value: the name (or last path segment) of the
 * last item returned, for a history its sequence number, or for the audit log the time and id of
 * the last event returned, as one {@link AuditFilters.Position}.
 */
public final class ListQuery {
  private final TenantId tenant;
  private final String name;
  private final List<String> arguments;
  private final Keyset keyset;

  // What a list's positions are, so that a token's position is checked before a backend reads it.
  private enum Keyset {
    NAME,
    SEQUENCE,
    EVENT,
    COMMIT,
    ID
  }

  private ListQuery(TenantId tenant, String name, List<String> arguments) {
    this(tenant, name, arguments, Keyset.NAME);
  }

  private ListQuery(TenantId tenant, String name, List<String> arguments, Keyset keyset) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.name = name;
    this.arguments = List.copyOf(arguments);
    this.keyset = keyset;
  }

  /** The tenants, by name; listed under {@link TenantId#SYSTEM}, as no tenant owns the list. */
  public static ListQuery tenants() {
    return new ListQuery(TenantId.SYSTEM, "tenants", List.of());
  }

  /** A tenant's warehouses, by name. */
  public static ListQuery warehouses(TenantId tenant) {
    return new ListQuery(tenant, "warehouses", List.of());
  }

  /** A tenant's catalogs, by name. */
  public static ListQuery catalogs(TenantId tenant) {
    return new ListQuery(tenant, "catalogs", List.of());
  }

  /** The direct children of {@code parent} (a catalog's root included), by last segment. */
  public static ListQuery namespaces(TenantId tenant, NamespaceRef parent) {
    List<String> arguments = new ArrayList<>();
    arguments.add(parent.catalog());
    arguments.addAll(parent.path().segments());
    return new ListQuery(tenant, "namespaces", arguments);
  }

  /**
   * The assets of the given kinds directly in {@code namespace} on {@code branch}, by name. The
   * kinds are bound in one canonical form, their names sorted and joined, so a token serves any set
   * of the same kinds however it iterates, and no other set.
   */
  public static ListQuery assets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, Set<AssetKind> kinds) {
    List<String> arguments = new ArrayList<>();
    arguments.add(branch.catalog());
    arguments.add(branch.branch());
    // One argument of fixed place, before the path's variable number of segments: a kind's name
    // can thus never be mistaken for a segment.
    arguments.add(kinds.stream().map(AssetKind::name).sorted().collect(Collectors.joining(",")));
    arguments.addAll(namespace.segments());
    return new ListQuery(tenant, "assets", arguments);
  }

  /** The metadata history of {@code asset}, newest first, by sequence number. */
  public static ListQuery history(TenantId tenant, AssetRef asset) {
    List<String> arguments = new ArrayList<>();
    arguments.add(asset.catalog());
    arguments.add(asset.branch().branch());
    arguments.addAll(asset.namespace().segments());
    arguments.add(asset.name());
    return new ListQuery(tenant, "metadata-history", arguments, Keyset.SEQUENCE);
  }

  /** The branches of a catalog, by name. */
  public static ListQuery branches(TenantId tenant, String catalog) {
    return new ListQuery(tenant, "branches", List.of(catalog));
  }

  /** The tags of a catalog, by name. */
  public static ListQuery tags(TenantId tenant, String catalog) {
    return new ListQuery(tenant, "tags", List.of(catalog));
  }

  /**
   * The first-parent ancestry of the commit {@code from} names, newest first, positioned by the
   * last commit returned: the next page starts at that commit's first parent, so it continues where
   * the previous page ended even if the branch or tag named has moved since.
   */
  public static ListQuery ancestry(TenantId tenant, CommitRef from) {
    List<String> arguments = new ArrayList<>();
    arguments.add(from.catalog());
    if (from instanceof CommitRef.Head head) {
      arguments.add("branch");
      arguments.add(head.branch().branch());
    } else if (from instanceof CommitRef.Tagged tagged) {
      arguments.add("tag");
      arguments.add(tagged.tag().tag());
    } else {
      arguments.add("commit");
      arguments.add(((CommitRef.ById) from).id().toString());
    }
    return new ListQuery(tenant, "ancestry", arguments, Keyset.COMMIT);
  }

  /**
   * The operations of a commit, by key, positioned by their ordinal: each commit's operations are
   * numbered from 1 in key order when it is written.
   */
  public static ListQuery operations(TenantId tenant, String catalog, CommitId commit) {
    return new ListQuery(
        tenant, "commit-operations", List.of(catalog, commit.toString()), Keyset.SEQUENCE);
  }

  /**
   * The tenant's audit events that match {@code filter}, newest first ({@link
   * AuditFilters#NEWEST_FIRST}), by {@link AuditFilters.Position}. Pass the filter {@link
   * AuditFilters#validate} returned. Every criterion is bound in a fixed place, an unset one as
   * {@code ""} (which no valid criterion is), so a token serves only an equal filter: one that
   * differs in any criterion, or sets one the other leaves out, is refused.
   */
  public static ListQuery auditEvents(TenantId tenant, AuditFilter filter) {
    List<String> arguments =
        List.of(
            filter.actor().map(AuditActor::kind).map(Enum::name).orElse(""),
            filter.actor().map(AuditActor::id).orElse(""),
            filter.action().orElse(""),
            filter.resourceType().orElse(""),
            filter.resourceId().orElse(""),
            filter.result().map(AuditResult::name).orElse(""),
            filter.from().map(Instant::toString).orElse(""),
            filter.to().map(Instant::toString).orElse(""));
    return new ListQuery(tenant, "audit-events", arguments, Keyset.EVENT);
  }

  /** A tenant's users, by username. */
  public static ListQuery users(TenantId tenant) {
    return new ListQuery(tenant, "users", List.of());
  }

  /** A tenant's roles, by name. */
  public static ListQuery roles(TenantId tenant) {
    return new ListQuery(tenant, "roles", List.of());
  }

  /** The roles assigned to a user, by name. */
  public static ListQuery userRoles(TenantId tenant, UserId user) {
    return new ListQuery(tenant, "user-roles", List.of(user.toString()));
  }

  /** The users assigned a role, by username. */
  public static ListQuery roleUsers(TenantId tenant, RoleId role) {
    return new ListQuery(tenant, "role-users", List.of(role.toString()));
  }

  /** A tenant's direct permissions, by id in its string form. */
  public static ListQuery permissions(TenantId tenant) {
    return new ListQuery(tenant, "permissions", List.of(), Keyset.ID);
  }

  /** A user's effective permissions, by id in its string form. */
  public static ListQuery userPermissions(TenantId tenant, UserId user) {
    return new ListQuery(tenant, "user-permissions", List.of(user.toString()), Keyset.ID);
  }

  /** A tenant's service users, by name. */
  public static ListQuery serviceUsers(TenantId tenant) {
    return new ListQuery(tenant, "service-users", List.of());
  }

  /** A tenant's active tokens, by id in its string form. */
  public static ListQuery activeTokens(TenantId tenant) {
    return new ListQuery(tenant, "active-tokens", List.of(), Keyset.ID);
  }

  /** A user's active tokens, by id in its string form. */
  public static ListQuery userActiveTokens(TenantId tenant, UserId user) {
    return new ListQuery(tenant, "user-active-tokens", List.of(user.toString()), Keyset.ID);
  }

  /**
   * Validates {@code page} (field {@code page}) for this list: its limit, then capped, and its
   * token, which must have been minted for this tenant, list and arguments, and hold a position of
   * the list's kind (a name, for a history a sequence number of at least 1, for the audit log an
   * event's time and id, for a list ordered by id an id in its canonical form).
   *
   * @throws InvalidArgumentException on {@code page.limit} for a limit below 1, on {@link
   *     PageTokens#FIELD} for a malformed or foreign token
   */
  public Cursor cursor(PageRequest page) {
    int limit = Inputs.pageLimit(page, "page");
    Optional<String> after =
        PageTokens.decode(page, tenant, name, arguments)
            .map(
                position -> {
                  if (position.size() != 1) {
                    throw new InvalidArgumentException(
                        PageTokens.FIELD, "malformed page token position");
                  }
                  return position.get(0);
                });
    switch (keyset) {
      case SEQUENCE -> after.ifPresent(PageTokens::sequence);
      case EVENT -> after.ifPresent(AuditFilters.Position::decode);
      case COMMIT -> after.ifPresent(ListQuery::commitPosition);
      case ID -> after.ifPresent(ListQuery::idPosition);
      case NAME -> {}
    }
    return new Cursor(limit, after);
  }

  /**
   * The page made of {@code fetched}, which holds up to {@code cursor.fetchSize()} items read in
   * list order after the cursor's position: the extra item, if read, only proves that more follow,
   * and the next token then resumes after the last item returned. So a next token is present if and
   * only if more items existed when the page was read.
   *
   * @param position the position of an item: its name, last segment or sequence number, or for an
   *     audit event {@link AuditFilters#position}
   */
  public <T> Page<T> page(List<T> fetched, Cursor cursor, Function<T, String> position) {
    if (fetched.size() <= cursor.limit()) {
      return Page.last(fetched);
    }
    List<T> items = fetched.subList(0, cursor.limit());
    String last = position.apply(items.get(items.size() - 1));
    return new Page<>(
        items, Optional.of(PageTokens.encode(tenant, name, arguments, List.of(last))));
  }

  private static CommitId commitPosition(String position) {
    try {
      return new CommitId(java.util.UUID.fromString(position));
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(PageTokens.FIELD, "malformed page token position");
    }
  }

  /** An id's canonical lowercase UUID form, as the lists ordered by id are positioned by. */
  private static void idPosition(String position) {
    try {
      if (java.util.UUID.fromString(position).toString().equals(position)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidArgumentException(PageTokens.FIELD, "malformed page token position");
  }

  @Override
  public String toString() {
    return "ListQuery[" + name + " " + arguments + " of " + tenant + "]";
  }

  /**
   * A validated page request of one list.
   *
   * @param limit the page size, at least 1 and capped at {@link PageRequest#MAX_LIMIT}
   * @param after the position of the last item of the previous page; empty for the first page
   */
  public record Cursor(int limit, Optional<String> after) {
    /** How many items to read for a page: one more than the limit, to learn whether more follow. */
    public int fetchSize() {
      return limit + 1;
    }

    /**
     * The name to read after: the position, or {@code ""} on the first page, which sorts before
     * every valid (non-blank) name, so one keyset query serves every page.
     */
    public String afterName() {
      return after.orElse("");
    }

    /**
     * The history sequence to read below, newest first: the position, or {@link Long#MAX_VALUE} on
     * the first page. Only for a history's cursor, whose position {@link #cursor} checked.
     */
    public long beforeSequence() {
      return after.map(PageTokens::sequence).orElse(Long.MAX_VALUE);
    }

    /**
     * The audit-log position to read below, newest first: the last event of the previous page, or
     * {@link AuditFilters.Position#TOP} on the first page. Only for an audit cursor, whose position
     * {@link #cursor} checked.
     */
    public AuditFilters.Position beforeEvent() {
      return after.map(AuditFilters.Position::decode).orElse(AuditFilters.Position.TOP);
    }

    /**
     * The last commit of the previous page of an ancestry, whose first parent the next page starts
     * at; empty on the first page. Only for an ancestry's cursor, whose position {@link #cursor}
     * checked.
     */
    public Optional<CommitId> afterCommit() {
      return after.map(ListQuery::commitPosition);
    }

    /**
     * The ordinal to read after, in ascending order: the position, or 0 on the first page. Only for
     * a sequence-positioned cursor read oldest first, such as a commit's operations.
     */
    public long afterSequence() {
      return after.map(PageTokens::sequence).orElse(0L);
    }
  }
}
