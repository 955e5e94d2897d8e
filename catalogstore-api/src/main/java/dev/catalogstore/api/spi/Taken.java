package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.token.TokenId;

/**
 * Every backend's {@link AlreadyExistsException}s, one wording per kind of thing, whether the
 * backend finds the key taken by reading or by a unique constraint.
 */
public final class Taken {
  private Taken() {}

  /** Tenant names are unique across the store. */
  public static AlreadyExistsException tenantName(String name) {
    return new AlreadyExistsException("a tenant named '" + name + "' already exists");
  }

  public static AlreadyExistsException warehouse(String name) {
    return new AlreadyExistsException("warehouse '" + name + "' already exists");
  }

  public static AlreadyExistsException catalog(String name) {
    return new AlreadyExistsException("catalog '" + name + "' already exists");
  }

  public static AlreadyExistsException namespace(NamespaceRef namespace) {
    return new AlreadyExistsException("namespace " + namespace + " already exists");
  }

  /** The asset key is taken: by a create, or as the target of a rename. */
  public static AlreadyExistsException asset(AssetRef asset) {
    return new AlreadyExistsException("asset " + asset + " already exists");
  }

  public static AlreadyExistsException branch(BranchRef branch) {
    return new AlreadyExistsException(
        "branch '" + branch.branch() + "' of catalog '" + branch.catalog() + "' already exists");
  }

  public static AlreadyExistsException tag(TagRef tag) {
    return new AlreadyExistsException(
        "tag '" + tag.tag() + "' of catalog '" + tag.catalog() + "' already exists");
  }

  /** Usernames are unique per tenant. */
  public static AlreadyExistsException username(String username) {
    return new AlreadyExistsException("a user named '" + username + "' already exists");
  }

  /** Role names are unique per tenant. */
  public static AlreadyExistsException roleName(String name) {
    return new AlreadyExistsException("a role named '" + name + "' already exists");
  }

  /** Service user names are unique per tenant. */
  public static AlreadyExistsException serviceUserName(String name) {
    return new AlreadyExistsException("a service user named '" + name + "' already exists");
  }

  /**
   * API key digests are unique in the whole store. The message names nothing else: equal digests
   * mean the caller holds that very key, so saying that it is taken reveals nothing new.
   */
  public static AlreadyExistsException apiKeyHash() {
    return new AlreadyExistsException("a service user with this API key digest already exists");
  }

  /** Token ids are unique per tenant. */
  public static AlreadyExistsException token(TokenId token) {
    return new AlreadyExistsException("token " + token + " already exists");
  }

  /** Token digests are unique in the whole store; as for {@link #apiKeyHash()}. */
  public static AlreadyExistsException tokenHash() {
    return new AlreadyExistsException("a token with this digest already exists");
  }
}
