package dev.catalogstore.api.error;

import java.util.Objects;

/**
 * The input is malformed: null, blank, too long, containing control characters, a malformed or
 * foreign page token, and similar. {@link #field()} names the offending input (for example {@code
 * "catalog.name"} or {@code "page.pageToken"}). A call failing with this exception has changed
 * nothing.
 */
public class InvalidArgumentException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidArgumentException(String field, String problem) {
    super(Objects.requireNonNull(field, "field") + ": " + problem);
    this.field = field;
  }

  /** The path of the rejected input, as named in the method's signature and the model records. */
  public String field() {
    return field;
  }
}
