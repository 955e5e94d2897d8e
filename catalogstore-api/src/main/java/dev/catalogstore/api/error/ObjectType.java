package dev.catalogstore.api.error;

/**
 * The kinds of things a store holds, as named by {@link NotFoundException#missing()}: a caller can
 * tell "no such table" from "no such namespace" without a second read.
 */
public enum ObjectType {
  TENANT,
  WAREHOUSE,
  CATALOG,
  BRANCH,
  NAMESPACE,
  ASSET,
  COMMIT,
  TAG,
  USER,
  ROLE,
  SERVICE_USER
}
