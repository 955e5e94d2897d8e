package dev.catalogstore.jdbc.permission;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The catalogs some grants name, and the failure when one of them is not the tenant's, decided in
 * the grants' order: the first grant whose scope is of another tenant ({@link
 * GrantRules#catalogUnder}) or names a catalog the tenant does not have is the one reported, so
 * every backend names the same grant. Internal to the JDBC store.
 *
 * <p>Use: {@link #of} before the database is read, look the {@link #catalogs()} up (locking them,
 * so that none is deleted before the grants are written), then {@link #resolve} with what was
 * found.
 */
public final class GrantTargets {
  private final List<Optional<String>> catalogs;
  private final Optional<NotFoundException> foreign;

  private GrantTargets(List<Optional<String>> catalogs, Optional<NotFoundException> foreign) {
    this.catalogs = catalogs;
    this.foreign = foreign;
  }

  /** The targets of validated {@code grants}, in their iteration order, under {@code tenant}. */
  public static GrantTargets of(TenantId tenant, Collection<Grant> grants) {
    List<Optional<String>> catalogs = new ArrayList<>();
    for (Grant grant : grants) {
      try {
        catalogs.add(GrantRules.catalogUnder(tenant, grant));
      } catch (NotFoundException e) {
        // Grants after this one are never reached: this is the failure, unless an earlier grant
        // names a missing catalog.
        return new GrantTargets(catalogs, Optional.of(e));
      }
    }
    return new GrantTargets(catalogs, Optional.empty());
  }

  /** The distinct catalog names to look up in the tenant. */
  public List<String> catalogs() {
    Set<String> names = new LinkedHashSet<>();
    catalogs.forEach(catalog -> catalog.ifPresent(names::add));
    return List.copyOf(names);
  }

  /**
   * The ids of the catalogs named, by name.
   *
   * @param found the tenant's catalogs among {@link #catalogs()}, by name, with their ids
   * @throws NotFoundException for the first grant that names a missing catalog or another tenant
   */
  public Map<String, UUID> resolve(Map<String, UUID> found) {
    for (Optional<String> catalog : catalogs) {
      if (catalog.isPresent() && !found.containsKey(catalog.get())) {
        throw Missing.catalog(catalog.get());
      }
    }
    if (foreign.isPresent()) {
      throw foreign.get();
    }
    return found;
  }
}
