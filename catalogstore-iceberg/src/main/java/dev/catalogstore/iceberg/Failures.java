package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.AssetKind;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/** Iceberg's wording for names that are taken, shared by creates and renames. */
final class Failures {
  private Failures() {}

  /**
   * Creating {@code identifier} as {@code wanted} failed because an asset of kind {@code existing}
   * holds the name: Iceberg says "View with same name" when a table meets a view, and vice versa.
   */
  static AlreadyExistsException alreadyExists(
      TableIdentifier identifier, AssetKind wanted, Optional<AssetKind> existing) {
    boolean wantsView = wanted == AssetKind.ICEBERG_VIEW;
    boolean isView = existing.map(kind -> kind == AssetKind.ICEBERG_VIEW).orElse(wantsView);
    if (wantsView == isView) {
      return new AlreadyExistsException("%s already exists: %s", noun(isView), identifier);
    }
    return new AlreadyExistsException(
        "%s with same name already exists: %s", noun(isView), identifier);
  }

  /**
   * Renaming {@code from} onto {@code to} failed because an asset of kind {@code existing} is
   * there.
   */
  static AlreadyExistsException renameTarget(
      TableIdentifier from, TableIdentifier to, Optional<AssetKind> existing) {
    boolean isView = existing.map(kind -> kind == AssetKind.ICEBERG_VIEW).orElse(false);
    return new AlreadyExistsException(
        "Cannot rename %s to %s. %s already exists", from, to, noun(isView));
  }

  private static String noun(boolean view) {
    return view ? "View" : "Table";
  }
}
