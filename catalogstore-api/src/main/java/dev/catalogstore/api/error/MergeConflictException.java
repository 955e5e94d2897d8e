package dev.catalogstore.api.error;

import dev.catalogstore.api.branch.MergeConflict;
import java.util.List;

/**
 * A merge with strategy {@code FAIL} found conflicting changes and applied nothing. {@link
 * #conflicts()} lists every conflict, sorted by key, with the contents at the merge base, on the
 * source and on the target, so the caller can resolve them (merge with {@code SOURCE_WINS} or
 * {@code TARGET_WINS}, or change one side and merge again).
 */
public class MergeConflictException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  private final transient List<MergeConflict> conflicts;

  public MergeConflictException(String message, List<MergeConflict> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * Every conflict, sorted by key. Empty after Java serialization, which does not carry the list.
   */
  public List<MergeConflict> conflicts() {
    return conflicts == null ? List.of() : conflicts;
  }
}
