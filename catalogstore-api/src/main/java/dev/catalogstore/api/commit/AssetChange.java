package dev.catalogstore.api.commit;

import java.util.Objects;
import java.util.Optional;

/**
 * One key's change: its content before and after. In a commit it is one operation; folded over
 * several commits ({@link dev.catalogstore.api.spi.NetChanges}) it is the net change of a key; in a
 * merge plan it is what to do on the target.
 *
 * <p>A create has no {@code before}, a delete no {@code after}. A rename is two changes: the old
 * key deleted and the new key created, since history and merges compare by key.
 *
 * @param key the asset's key on the branch
 * @param before the content before the change; empty if the key did not exist
 * @param after the content after the change; empty if the key no longer exists
 */
public record AssetChange(
    AssetKey key, Optional<AssetContent> before, Optional<AssetContent> after) {
  public AssetChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before.isEmpty() && after.isEmpty()) {
      // Neither a create nor a delete nor an update: no store ever records this.
      throw new IllegalArgumentException("a change of " + key + " needs a before or an after");
    }
  }

  /** {@code key} created with {@code content}. */
  public static AssetChange created(AssetKey key, AssetContent content) {
    return new AssetChange(key, Optional.empty(), Optional.of(content));
  }

  /** {@code key} changed from {@code before} to {@code after}. */
  public static AssetChange updated(AssetKey key, AssetContent before, AssetContent after) {
    return new AssetChange(key, Optional.of(before), Optional.of(after));
  }

  /** {@code key}, which held {@code content}, deleted. */
  public static AssetChange deleted(AssetKey key, AssetContent content) {
    return new AssetChange(key, Optional.of(content), Optional.empty());
  }

  /** Whether the key did not exist before. */
  public boolean isCreate() {
    return before.isEmpty();
  }

  /** Whether the key no longer exists after. */
  public boolean isDelete() {
    return after.isEmpty();
  }

  /** Whether the content after equals the content before: a change that changes nothing. */
  public boolean isNoOp() {
    return before.equals(after);
  }
}
