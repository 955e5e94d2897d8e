package dev.catalogstore.api.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller records in the audit log ({@link AuditLog#append}); the store adds the id and the
 * time. Build one with {@link #builder}; the required parts are the builder's arguments.
 *
 * <p>This is a plain carrier: the store validates it, reporting each part under {@code event}. The
 * actor's id, the action, the resource type, the resource id and the resource name must be valid
 * names ({@code event.actor.id}, {@code event.action}, {@code event.resourceType}, {@code
 * event.resourceId}, {@code event.resourceName}: 1 to 255 code points, no control character); the
 * client address too ({@code event.clientAddress}); the details follow the rules of a property map
 * ({@code event.details}: at most 1000 entries, keys up to 255 and values up to 65 536 code
 * points).
 */
public final class NewAuditEvent {
  private final AuditActor actor;
  private final String action;
  private final String resourceType;
  private final String resourceId;
  private final String resourceName;
  private final AuditResult result;
  private final String clientAddress;
  private final Map<String, String> details;

  private NewAuditEvent(Builder builder) {
    this.actor = builder.actor;
    this.action = builder.action;
    this.resourceType = builder.resourceType;
    this.resourceId = builder.resourceId;
    this.resourceName = builder.resourceName;
    this.result = builder.result;
    this.clientAddress = builder.clientAddress;
    this.details = builder.details;
  }

  /**
   * A builder for an event of {@code actor} doing {@code action} to a resource of {@code
   * resourceType}, ending with {@code result}; with no resource id or name, client address or
   * details until they are set.
   */
  public static Builder builder(
      AuditActor actor, String action, String resourceType, AuditResult result) {
    return new Builder(actor, action, resourceType, result);
  }

  /** Who acted; may be null in an invalid event, which the store refuses. */
  public AuditActor actor() {
    return actor;
  }

  /** What was done, for example {@code "asset.create"}. */
  public String action() {
    return action;
  }

  /** The type of resource acted on, for example {@code "asset"}. */
  public String resourceType() {
    return resourceType;
  }

  /** The resource's id, if it has one. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The resource's name, if it has one. */
  public Optional<String> resourceName() {
    return Optional.ofNullable(resourceName);
  }

  /** How the action ended. */
  public AuditResult result() {
    return result;
  }

  /** The client's address, if known. */
  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }

  /** Free-form context, as given (the store copies and checks it). */
  public Map<String, String> details() {
    return details;
  }

  @Override
  public String toString() {
    return "NewAuditEvent[actor="
        + actor
        + ", action="
        + action
        + ", resourceType="
        + resourceType
        + ", resourceId="
        + resourceId
        + ", resourceName="
        + resourceName
        + ", result="
        + result
        + ", clientAddress="
        + clientAddress
        + "]";
  }

  /** Builds a {@link NewAuditEvent}; the last call on a part wins. */
  public static final class Builder {
    private final AuditActor actor;
    private final String action;
    private final String resourceType;
    private final AuditResult result;
    private String resourceId;
    private String resourceName;
    private String clientAddress;
    private Map<String, String> details = Map.of();

    private Builder(AuditActor actor, String action, String resourceType, AuditResult result) {
      this.actor = actor;
      this.action = action;
      this.resourceType = resourceType;
      this.result = result;
    }

    /** The id of the resource acted on. */
    public Builder resourceId(String id) {
      this.resourceId = Objects.requireNonNull(id, "id");
      return this;
    }

    /** The name of the resource acted on. */
    public Builder resourceName(String name) {
      this.resourceName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The address of the client that asked. */
    public Builder clientAddress(String address) {
      this.clientAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Free-form context; replaces any details set before. */
    public Builder details(Map<String, String> context) {
      this.details = Objects.requireNonNull(context, "context");
      return this;
    }

    public NewAuditEvent build() {
      return new NewAuditEvent(this);
    }
  }
}
