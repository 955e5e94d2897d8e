package dev.catalogstore.api.permission;

/**
 * What a grant allows on its scope (DESIGN §2.8). Actions are independent of each other: holding
 * one never implies holding another ({@link #READ} does not imply {@link #LIST}, {@link #WRITE}
 * does not imply {@link #CREATE}, {@link #UPDATE} or {@link #DELETE}, and so on). The one exception
 * is {@link #ALL}, which allows every action, itself included.
 */
public enum Action {
  /** Read a resource's contents or metadata. */
  READ,
  /** Write to a resource. Implies none of {@link #CREATE}, {@link #UPDATE}, {@link #DELETE}. */
  WRITE,
  /** Create resources within the scope. */
  CREATE,
  /** Change existing resources. */
  UPDATE,
  /** Delete resources. */
  DELETE,
  /** List the resources within the scope. Not implied by {@link #READ}. */
  LIST,
  /** Every action, this one included; the only action that implies others. */
  ALL,
  /** Create a branch of a catalog. */
  CREATE_BRANCH,
  /** Merge one branch of a catalog into another. */
  MERGE_BRANCH,
  /** Manage the users, roles and permissions of a tenant. */
  MANAGE_USERS,
  /** Create, change and delete catalogs. */
  MANAGE_CATALOGS,
  /** Manage federation and discovery settings. */
  MANAGE_DISCOVERY
}
