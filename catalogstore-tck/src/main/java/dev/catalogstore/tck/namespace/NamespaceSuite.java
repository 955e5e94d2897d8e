package dev.catalogstore.tck.namespace;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckSuite;
import java.util.List;

/**
 * The base of the suites specifying {@link dev.catalogstore.api.namespace.Namespaces}: listing the
 * children of a namespace.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class NamespaceSuite extends TckSuite {
  /** The paths of {@code parent}'s children, in the order listed (one page suffices here). */
  protected List<NamespacePath> listChildren(TenantId tenant, NamespaceRef parent) {
    return await(store().namespaces().list(tenant, parent, PageRequest.firstPage()))
        .items()
        .stream()
        .map(Namespace::path)
        .toList();
  }
}
