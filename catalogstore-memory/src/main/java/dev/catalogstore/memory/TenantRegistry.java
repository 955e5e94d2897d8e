package dev.catalogstore.memory;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The store's tenants: one {@link TenantState} per tenant id, and the store-wide index of tenant
 * names, which both keeps names unique and orders the tenant listing.
 *
 * <h2>Thread-safety, without a global lock</h2>
 *
 * Both indexes are concurrent maps. A name is claimed with one atomic {@code putIfAbsent} on the
 * name index, so of two concurrent creates or renames to one name exactly one wins. A tenant is
 * entered in the id index before it claims its name (and leaves it again if the claim fails), so a
 * claimed name always leads to a state; its id is fresh, so nobody can reach the state before
 * {@code tenants().create} returns. Renames and deletions run under the tenant's own write lock.
 * The name index may briefly hold two names of a tenant being renamed; the listing shows a tenant
 * only under the name its current value carries.
 *
 * <p>The system tenant is entered at construction and never leaves: its name is taken like any
 * other, and the listing skips it.
 */
final class TenantRegistry {
  /** The name of {@link TenantId#SYSTEM}. */
  static final String SYSTEM_NAME = "system";

  private final Map<TenantId, TenantState> byId = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<String, TenantId> idsByName =
      new ConcurrentSkipListMap<>(CodePointOrder.STRINGS);
  private final CredentialIndex credentialIndex = new CredentialIndex();
  // Store-wide, not per tenant: audit events outlive their tenant's deletion.
  private final AuditEvents auditEvents = new AuditEvents();
  private volatile boolean closed;

  TenantRegistry(Instant systemCreatedAt) {
    Tenant system =
        new Tenant(TenantId.SYSTEM, SYSTEM_NAME, Map.of(), systemCreatedAt, systemCreatedAt);
    byId.put(TenantId.SYSTEM, new TenantState(system, credentialIndex));
    idsByName.put(SYSTEM_NAME, TenantId.SYSTEM);
  }

  /**
   * Registers a new tenant with a fresh id; fails with {@code AlreadyExistsException} if the name
   * is taken. Returns the tenant's value.
   */
  Tenant create(String name, Map<String, String> properties, Instant now) {
    checkOpen();
    TenantState state;
    Tenant tenant;
    do {
      tenant = new Tenant(TenantId.random(), name, properties, now, now);
      state = new TenantState(tenant, credentialIndex);
    } while (byId.putIfAbsent(tenant.id(), state) != null);
    if (idsByName.putIfAbsent(name, tenant.id()) != null) {
      byId.remove(tenant.id(), state);
      throw nameTaken(name);
    }
    return tenant;
  }

  /**
   * The state of {@code tenant} if it is registered. It may be deleted concurrently: callers go
   * through {@link #find}, {@link #read} or {@link #write}, which check under the tenant's lock.
   */
  private Optional<TenantState> state(TenantId tenant) {
    checkOpen();
    return Optional.ofNullable(byId.get(tenant));
  }

  /** Runs a read of {@code tenant} under its read lock; empty if the tenant does not exist. */
  <T> Optional<T> find(TenantId tenant, Function<TenantState, Optional<T>> read) {
    return state(tenant).flatMap(state -> state.read(read, Optional::empty));
  }

  /** Runs a read of {@code tenant} under its read lock; {@code NotFoundException} if missing. */
  <T> T read(TenantId tenant, Function<TenantState, T> read) {
    TenantState state = state(tenant).orElseThrow(() -> Missing.tenant(tenant));
    return state.read(
        read,
        () -> {
          throw Missing.tenant(tenant);
        });
  }

  /** Runs a change of {@code tenant} under its write lock; {@code NotFoundException} if missing. */
  <T> T write(TenantId tenant, Function<TenantState, T> change) {
    TenantState state = state(tenant).orElseThrow(() -> Missing.tenant(tenant));
    return state.write(
        change,
        () -> {
          throw Missing.tenant(tenant);
        });
  }

  /**
   * Runs a change confined to one branch of {@code tenant} under the tenant's read lock and the
   * branch's write lock (see {@link TenantState#writeBranch}); {@code NotFoundException} if the
   * tenant, or the catalog or branch of {@code branch}, is missing.
   */
  <T> T writeBranch(TenantId tenant, BranchRef branch, TenantState.BranchChange<T> change) {
    TenantState state = state(tenant).orElseThrow(() -> Missing.tenant(tenant));
    return state.writeBranch(
        branch,
        change,
        () -> {
          throw Missing.tenant(tenant);
        });
  }

  /**
   * The state of {@code tenant}, or null if it is not registered; for optimistic readers, which
   * check {@link TenantState#isDeleted} themselves.
   */
  TenantState stateOrNull(TenantId tenant) {
    checkOpen();
    return byId.get(tenant);
  }

  /**
   * Replaces {@code state}'s tenant value with {@code renamed}, moving the tenant's name claim if
   * the name changes. Must run under the state's write lock; fails with {@code
   * AlreadyExistsException}, changing nothing, if another tenant has the new name.
   */
  void replace(TenantState state, Tenant renamed) {
    Tenant current = state.tenant();
    TenantId holder = idsByName.putIfAbsent(renamed.name(), current.id());
    if (holder != null && !holder.equals(current.id())) {
      throw nameTaken(renamed.name());
    }
    state.replaceTenant(renamed);
    if (!current.name().equals(renamed.name())) {
      idsByName.remove(current.name(), current.id());
    }
  }

  /**
   * Unregisters {@code state}'s tenant and releases its secret digests, so they no longer resolve.
   * Must run under the state's write lock.
   */
  void remove(TenantState state) {
    Tenant tenant = state.tenant();
    state.credentials().releaseAll();
    state.markDeleted();
    byId.remove(tenant.id(), state);
    idsByName.remove(tenant.name(), tenant.id());
  }

  /**
   * The tenants other than the system tenant whose names follow {@code after}, in code-point order,
   * lazily: reading k of them costs O(log n + k).
   */
  Stream<Tenant> tenantsAfter(Optional<String> after) {
    checkOpen();
    NavigableMap<String, TenantId> names =
        after.isPresent() ? idsByName.tailMap(after.get(), false) : idsByName;
    Set<TenantId> seen = new HashSet<>();
    return names.entrySet().stream()
        .filter(entry -> !entry.getValue().isSystem())
        .map(entry -> current(entry.getKey(), entry.getValue()))
        .flatMap(Optional::stream)
        // A rename completing mid-scan could show one tenant under both names.
        .filter(tenant -> seen.add(tenant.id()));
  }

  /** The tenant registered under {@code name}, if that is still its name and it is not deleted. */
  private Optional<Tenant> current(String name, TenantId id) {
    TenantState state = byId.get(id);
    if (state == null || state.isDeleted()) {
      return Optional.empty();
    }
    Tenant tenant = state.tenant();
    return tenant.name().equals(name) ? Optional.of(tenant) : Optional.empty();
  }

  /** The store-wide index of secret digests. */
  CredentialIndex credentialIndex() {
    checkOpen();
    return credentialIndex;
  }

  /** Every tenant's audit log, deleted tenants' included. */
  AuditEvents auditEvents() {
    checkOpen();
    return auditEvents;
  }

  /**
   * Runs {@code change} on every tenant, the system tenant included, each under its own write lock
   * in turn (never two at once); tenants deleted meanwhile are skipped. For store-wide sweeps.
   */
  void forEachTenant(Consumer<TenantState> change) {
    checkOpen();
    for (TenantState state : byId.values()) {
      state.write(
          s -> {
            change.accept(s);
            return null;
          },
          () -> null);
    }
  }

  /** Refuses every further call; idempotent. */
  void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new UnavailableException(
          "the in-memory catalog store is closed", new IllegalStateException("closed"));
    }
  }

  private static AlreadyExistsException nameTaken(String name) {
    return Taken.tenantName(name);
  }
}
