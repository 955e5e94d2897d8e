package dev.catalogstore.api.audit;

/** How the audited action ended. */
public enum AuditResult {
  /** The action was carried out. */
  SUCCESS,
  /** The action was allowed but failed (bad input, a conflict, an unavailable backend, ...). */
  FAILURE,
  /** The action was refused for lack of permission; nothing was attempted. */
  DENIED
}
