package dev.catalogstore.api.branch;

/**
 * The address of a branch: its catalog's name and the branch's name. Every catalog has the branch
 * {@link #MAIN}, created with it.
 *
 * @param catalog the catalog's name
 * @param branch the branch's name
 */
public record BranchRef(String catalog, String branch) {
  /** The name of the branch every catalog is created with. */
  public static final String MAIN = "main";

  /** The branch {@code main} of {@code catalog}. */
  public static BranchRef main(String catalog) {
    return new BranchRef(catalog, MAIN);
  }

  @Override
  public String toString() {
    return catalog + "@" + branch;
  }
}
