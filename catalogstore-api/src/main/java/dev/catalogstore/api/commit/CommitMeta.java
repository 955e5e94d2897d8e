package dev.catalogstore.api.commit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a change and why, recorded with the commit the change appends to its branch. Both are
 * optional: a change without them still gets its commit.
 *
 * <p>The store validates them when the change is made: an author is a name (1 to 255 characters,
 * not blank, no control characters), a message is 1 to 65,536 characters, not blank, where tabs and
 * line breaks are allowed.
 *
 * @param author who made the change, for example a user name or a service's name
 * @param message why, as free text
 */
public record CommitMeta(Optional<String> author, Optional<String> message) {
  /** No author and no message. */
  public static final CommitMeta NONE = new CommitMeta(Optional.empty(), Optional.empty());

  public CommitMeta {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(message, "message");
  }

  /** An author and a message. */
  public static CommitMeta of(String author, String message) {
    return new CommitMeta(Optional.of(author), Optional.of(message));
  }

  /** A message without an author. */
  public static CommitMeta message(String message) {
    return new CommitMeta(Optional.empty(), Optional.of(message));
  }
}
