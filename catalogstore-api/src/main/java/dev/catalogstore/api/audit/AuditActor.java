package dev.catalogstore.api.audit;

import java.util.Objects;

/**
 * Who performed an audited action: a user or a service user, by id, or the store itself ({@link
 * #SYSTEM}) for the events it records of its own maintenance and federation work when the caller
 * names no actor.
 *
 * <p>The id is kept as text (the canonical form of the user's or service user's id) rather than as
 * a reference, because an audit event outlives what it names: it stays readable after the user, and
 * even the tenant, is deleted. Two actors are equal only if both their kind and their id are equal,
 * exactly (no case folding), so a user and a service user that happen to share an id are different
 * actors.
 *
 * @param kind whether the actor is a user or a service user
 * @param id the actor's id; a valid name (checked where the actor is used as input)
 */
public record AuditActor(Kind kind, String id) {
  /** The store itself: the actor of maintenance and sync events recorded without a caller's. */
  public static final AuditActor SYSTEM = new AuditActor(Kind.SYSTEM, "catalogstore");

  public AuditActor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  /** The user with this id. */
  public static AuditActor user(String id) {
    return new AuditActor(Kind.USER, id);
  }

  /** The service user with this id. */
  public static AuditActor serviceUser(String id) {
    return new AuditActor(Kind.SERVICE_USER, id);
  }

  /** The kinds of actor. */
  public enum Kind {
    /** A human user, authenticated by a token. */
    USER,
    /** A service user, authenticated by an API key. */
    SERVICE_USER,
    /** The store or the service around it, acting on its own (a scheduled maintenance run). */
    SYSTEM
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
