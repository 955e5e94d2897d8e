package dev.catalogstore.api.role;

import dev.catalogstore.api.permission.Grant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Roles#create} needs.
 *
 * <p>The grants are validated by the store: each needs a scope of the role's own tenant naming an
 * existing catalog of it (a scope of another tenant, or naming a catalog the tenant does not have,
 * is a {@code NotFoundException}, exactly as if it named nothing), valid names and a non-empty set
 * of actions; at most {@value dev.catalogstore.api.spi.GovernanceRequests#MAX_GRANTS} grants.
 *
 * @param name the role's name, under the rules of names, unique within the tenant
 * @param description free text up to 4096 characters (tabs and line breaks allowed); may be empty
 * @param grants what the role allows; an unmodifiable copy that keeps {@code null}s so that
 *     validation can name them, or {@code null} if given {@code null}
 */
public record NewRole(String name, String description, Set<Grant> grants) {
  public NewRole {
    grants = grants == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(grants));
  }

  /** A role without description holding {@code grants}. */
  public static NewRole of(String name, Grant... grants) {
    Set<Grant> set = new LinkedHashSet<>();
    Collections.addAll(set, grants);
    return new NewRole(name, "", set);
  }

  /** This role with {@code description}. */
  public NewRole withDescription(String description) {
    return new NewRole(name, description, grants);
  }
}
