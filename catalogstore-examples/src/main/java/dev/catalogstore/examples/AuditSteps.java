package dev.catalogstore.examples;

import static dev.catalogstore.examples.Scene.ORDERS;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.user.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The audit log: a catalog service appends who did what, and reads it back by filter, newest first;
 * there is no call that changes or removes an event.
 */
final class AuditSteps {
  private final Scene scene;

  AuditSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> appendAndFilter() {
    scene.step("Append audit events; list and count them by filter");
    CompletableFuture<User> alice = user("alice");
    CompletableFuture<User> bob = user("bob");
    CompletableFuture<Asset> orders =
        scene.store().assets().get(scene.tenant(), ORDERS).thenApply(found -> found.orElseThrow());
    return alice.thenCompose(
        a ->
            bob.thenCompose(
                b -> orders.thenCompose(table -> record(new Actors(a, b), table.id().toString()))));
  }

  /** Users of the walkthrough, by their ids, and a service user by name. */
  private record Actors(User alice, User bob) {
    AuditActor aliceActor() {
      return AuditActor.user(alice.id().toString());
    }

    AuditActor bobActor() {
      return AuditActor.user(bob.id().toString());
    }

    String name(AuditActor actor) {
      if (actor.equals(aliceActor())) {
        return "alice";
      } else if (actor.equals(bobActor())) {
        return "bob";
      }
      return actor.kind() == AuditActor.Kind.SERVICE_USER ? "service user " + actor.id() : "?";
    }
  }

  private CompletableFuture<Void> record(Actors actors, String ordersId) {
    AuditActor ingest = AuditActor.serviceUser("nightly-ingest");
    // As a service records them, one after the other, each as its call ends.
    List<NewAuditEvent> events =
        List.of(
            onOrders(actors.aliceActor(), "asset.updateProperties", AuditResult.SUCCESS, ordersId)
                .clientAddress("10.0.0.7")
                .details(Map.of("set", "retention"))
                .build(),
            NewAuditEvent.builder(
                    actors.aliceActor(), "namespace.create", "namespace", AuditResult.SUCCESS)
                .resourceName("2024.q2")
                .build(),
            onOrders(actors.bobActor(), "asset.delete", AuditResult.DENIED, ordersId).build(),
            onOrders(ingest, "asset.commit", AuditResult.SUCCESS, ordersId).build());
    CompletableFuture<AuditEvent> appended = CompletableFuture.completedFuture(null);
    for (NewAuditEvent event : events) {
      appended =
          appended.thenCompose(ignored -> scene.store().audit().append(scene.tenant(), event));
    }
    AuditFilter aboutOrders = AuditFilter.ALL.withResourceType("asset").withResourceId(ordersId);
    return appended
        .thenCompose(
            last -> {
              scene.say("appended " + events.size() + " events; the store stamps id and time");
              return scene
                  .store()
                  .audit()
                  .list(scene.tenant(), aboutOrders, PageRequest.firstPage(10));
            })
        .thenCompose(
            page -> {
              List<AuditEvent> listed = page.items();
              if (listed.size() != 3
                  || !listed.equals(listed.stream().sorted(AuditFilters.NEWEST_FIRST).toList())) {
                throw new IllegalStateException("the events of orders are not listed newest first");
              }
              scene.say("events of orders, newest first (resource id filter):");
              listed.forEach(
                  event ->
                      scene.say(
                          "  "
                              + event.action()
                              + " by "
                              + actors.name(event.actor())
                              + ": "
                              + event.result()));
              return count(AuditFilter.ALL.withResult(AuditResult.DENIED), "result = DENIED", 1);
            })
        .thenCompose(
            ignored -> count(AuditFilter.ALL.withActor(actors.aliceActor()), "actor = alice", 2))
        .thenRun(() -> scene.say("no call updates or deletes an event: the log only grows"));
  }

  private CompletableFuture<Void> count(AuditFilter filter, String described, long expected) {
    return scene
        .store()
        .audit()
        .count(scene.tenant(), filter)
        .thenAccept(
            count -> {
              scene.say("count(" + described + "): " + count);
              if (count != expected) {
                throw new IllegalStateException("counted " + count + ", expected " + expected);
              }
            });
  }

  private static NewAuditEvent.Builder onOrders(
      AuditActor actor, String action, AuditResult result, String ordersId) {
    return NewAuditEvent.builder(actor, action, "asset", result)
        .resourceId(ordersId)
        .resourceName("orders");
  }

  private CompletableFuture<User> user(String username) {
    return scene
        .store()
        .users()
        .findByUsername(scene.tenant(), username)
        .thenApply(found -> found.orElseThrow());
  }
}
