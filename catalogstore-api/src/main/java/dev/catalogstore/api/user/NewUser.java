package dev.catalogstore.api.user;

import java.util.Optional;

/**
 * What {@link Users#create} needs. Build one with {@link #of} and the {@code with…} methods.
 *
 * @param username the user's name: 1 to 255 characters, not blank, no control characters, unique
 *     within the tenant and kept exactly (no case folding)
 * @param email an email address: up to 320 characters, one {@code @} with text on both sides, no
 *     whitespace or control characters; or empty
 * @param displayName a display name, under the rules of names; or empty
 * @param roleKind the user's kind; {@link RoleKind#ROOT} only in the system tenant
 * @param active whether the user may act from the start
 */
public record NewUser(
    String username,
    Optional<String> email,
    Optional<String> displayName,
    RoleKind roleKind,
    boolean active) {

  /** An active user with no email and no display name. */
  public static NewUser of(String username, RoleKind roleKind) {
    return new NewUser(username, Optional.empty(), Optional.empty(), roleKind, true);
  }

  /** This user with {@code email}. */
  public NewUser withEmail(String email) {
    return new NewUser(username, Optional.ofNullable(email), displayName, roleKind, active);
  }

  /** This user with {@code displayName}. */
  public NewUser withDisplayName(String displayName) {
    return new NewUser(username, email, Optional.ofNullable(displayName), roleKind, active);
  }

  /** This user, created inactive. */
  public NewUser inactive() {
    return new NewUser(username, email, displayName, roleKind, false);
  }
}
