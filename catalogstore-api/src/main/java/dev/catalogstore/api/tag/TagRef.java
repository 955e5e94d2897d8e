package dev.catalogstore.api.tag;

/**
 * The address of a tag: its catalog's name and the tag's name.
 *
 * @param catalog the catalog's name
 * @param tag the tag's name, unique within the catalog
 */
public record TagRef(String catalog, String tag) {
  @Override
  public String toString() {
    return catalog + "#" + tag;
  }
}
