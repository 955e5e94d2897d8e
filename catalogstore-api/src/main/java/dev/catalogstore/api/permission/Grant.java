package dev.catalogstore.api.permission;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Some actions allowed on a scope and everything the scope contains (see {@link PermissionScope}).
 * A grant holding {@link Action#ALL} allows every action; otherwise it allows exactly the actions
 * it lists.
 *
 * <p>Like the api's other input records, a grant keeps {@code null}s (a {@code null} scope or scope
 * component, a {@code null} actions set, a {@code null} among the actions) so that the store's
 * validation can name them, and {@link #actions()} may return {@code null}. {@link
 * dev.catalogstore.api.spi.PermissionResolver} treats a {@code null} set as no actions and ignores
 * a {@code null} element.
 *
 * @param scope what the grant applies to
 * @param actions the actions it allows; an unmodifiable copy that keeps {@code null} elements, or
 *     {@code null} if given {@code null}, so that the store's validation can name them
 */
public record Grant(PermissionScope scope, Set<Action> actions) {
  /** Takes an unmodifiable copy of {@code actions}, keeping any {@code null} for validation. */
  public Grant {
    actions = actions == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(actions));
  }

  /** A grant of {@code actions} on {@code scope}. */
  public static Grant of(PermissionScope scope, Action... actions) {
    Set<Action> set = new LinkedHashSet<>();
    Collections.addAll(set, actions);
    return new Grant(scope, set);
  }
}
