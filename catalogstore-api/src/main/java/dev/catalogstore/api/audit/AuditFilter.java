package dev.catalogstore.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events of a tenant to list or count. Each criterion that is set must hold (they
 * combine with AND); a criterion not set selects everything; {@link #ALL} sets none.
 *
 * <ul>
 *   <li>the actor, action, resource type, resource id and result are compared exactly: strings by
 *       equality, with no case folding, trimming or prefix matching;
 *   <li>the time range is half-open: an event matches if it occurred at or after {@link #from()}
 *       and strictly before {@link #to()}. Events are recorded at microsecond precision, and a
 *       store rounds a finer bound up to the next microsecond, which selects exactly the same
 *       events.
 * </ul>
 *
 * <pre>{@code
 * AuditFilter denied = AuditFilter.ALL
 *     .withActor(AuditActor.user(userId))
 *     .withResult(AuditResult.DENIED)
 *     .withFrom(startOfDay)
 *     .withTo(startOfNextDay);
 * }</pre>
 *
 * <p>This is a plain carrier: the store validates it. A string criterion that is not a valid name
 * (blank, longer than 255 code points, with a control character) is an {@code
 * InvalidArgumentException} on {@code filter.actor.id}, {@code filter.action}, {@code
 * filter.resourceType} or {@code filter.resourceId}; a bound before {@code 0001-01-01T00:00:00Z} or
 * after {@code 10000-01-01T00:00:00Z} is one on {@code filter.from} or {@code filter.to}, and a
 * range whose {@code from} is not before its {@code to} is one on {@code filter.to}. A page token
 * is bound to the filter it was issued for.
 */
public final class AuditFilter {
  /** Selects every event of the tenant. */
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);

  private final AuditActor actor;
  private final String action;
  private final String resourceType;
  private final String resourceId;
  private final AuditResult result;
  private final Instant from;
  private final Instant to;

  private AuditFilter(
      AuditActor actor,
      String action,
      String resourceType,
      String resourceId,
      AuditResult result,
      Instant from,
      Instant to) {
    this.actor = actor;
    this.action = action;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.result = result;
    this.from = from;
    this.to = to;
  }

  /** This filter, also requiring the event's actor to be {@code expectedActor}. */
  public AuditFilter withActor(AuditActor expectedActor) {
    // A null would silently widen the filter; ALL (or not calling this) says "any actor".
    Objects.requireNonNull(expectedActor, "expectedActor");
    return new AuditFilter(expectedActor, action, resourceType, resourceId, result, from, to);
  }

  /** This filter, also requiring the event's action to be exactly {@code expectedAction}. */
  public AuditFilter withAction(String expectedAction) {
    Objects.requireNonNull(expectedAction, "expectedAction");
    return new AuditFilter(actor, expectedAction, resourceType, resourceId, result, from, to);
  }

  /** This filter, also requiring the event's resource type to be exactly {@code expectedType}. */
  public AuditFilter withResourceType(String expectedType) {
    Objects.requireNonNull(expectedType, "expectedType");
    return new AuditFilter(actor, action, expectedType, resourceId, result, from, to);
  }

  /**
   * This filter, also requiring the event to have a resource id, exactly {@code expectedId}. An
   * event without a resource id never matches such a filter.
   */
  public AuditFilter withResourceId(String expectedId) {
    Objects.requireNonNull(expectedId, "expectedId");
    return new AuditFilter(actor, action, resourceType, expectedId, result, from, to);
  }

  /** This filter, also requiring the event's result to be {@code expectedResult}. */
  public AuditFilter withResult(AuditResult expectedResult) {
    Objects.requireNonNull(expectedResult, "expectedResult");
    return new AuditFilter(actor, action, resourceType, resourceId, expectedResult, from, to);
  }

  /** This filter, also requiring the event to have occurred at or after {@code inclusiveFrom}. */
  public AuditFilter withFrom(Instant inclusiveFrom) {
    Objects.requireNonNull(inclusiveFrom, "inclusiveFrom");
    return new AuditFilter(actor, action, resourceType, resourceId, result, inclusiveFrom, to);
  }

  /** This filter, also requiring the event to have occurred strictly before {@code exclusiveTo}. */
  public AuditFilter withTo(Instant exclusiveTo) {
    Objects.requireNonNull(exclusiveTo, "exclusiveTo");
    return new AuditFilter(actor, action, resourceType, resourceId, result, from, exclusiveTo);
  }

  /** The actor required, if any. */
  public Optional<AuditActor> actor() {
    return Optional.ofNullable(actor);
  }

  /** The action required, if any. */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  /** The resource type required, if any. */
  public Optional<String> resourceType() {
    return Optional.ofNullable(resourceType);
  }

  /** The resource id required, if any. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The result required, if any. */
  public Optional<AuditResult> result() {
    return Optional.ofNullable(result);
  }

  /** The inclusive lower bound of the time range, if any. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** The exclusive upper bound of the time range, if any. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditFilter other
        && Objects.equals(actor, other.actor)
        && Objects.equals(action, other.action)
        && Objects.equals(resourceType, other.resourceType)
        && Objects.equals(resourceId, other.resourceId)
        && result == other.result
        && Objects.equals(from, other.from)
        && Objects.equals(to, other.to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(actor, action, resourceType, resourceId, result, from, to);
  }

  @Override
  public String toString() {
    return "AuditFilter[actor="
        + actor
        + ", action="
        + action
        + ", resourceType="
        + resourceType
        + ", resourceId="
        + resourceId
        + ", result="
        + result
        + ", from="
        + from
        + ", to="
        + to
        + "]";
  }
}
