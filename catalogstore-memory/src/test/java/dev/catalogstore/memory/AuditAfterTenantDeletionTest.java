package dev.catalogstore.memory;

import static dev.catalogstore.memory.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsAudit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A tenant's audit events live outside its data, so deleting the tenant keeps them: the operator
 * reads them by the deleted tenant's id, with the same filters, while nothing new can be appended
 * to a tenant that is gone.
 */
class AuditAfterTenantDeletionTest {
  private final Lake lake = new Lake();
  private final InMemoryCatalogStore store = lake.store;

  @Test
  void eventsOfADeletedTenantStayReadableByItsId() {
    AuditEvent login = store.audit().append(lake.tenant, event("login")).join();
    lake.create(Lake.MAIN, "orders");
    lake.commit(Lake.MAIN, "orders", 1);
    AssetRef orders = Lake.table(Lake.MAIN, "orders");
    ExpiredSnapshots expired =
        store.maintenance().expireSnapshots(lake.tenant, orders, Duration.ZERO).join();

    store.tenants().delete(lake.tenant).join();

    assertThat(store.tenants().get(lake.tenant).join()).isEmpty();
    assertThat(store.audit().get(lake.tenant, login.id()).join()).contains(login);
    assertThat(store.audit().get(lake.tenant, expired.auditEvent()).join()).isPresent();
    assertThat(
            store
                .audit()
                .list(lake.tenant, AuditFilter.ALL, PageRequest.firstPage())
                .join()
                .items())
        .extracting(AuditEvent::action)
        .containsExactlyInAnyOrder(OperationsAudit.EXPIRE_SNAPSHOTS, "login");
    AuditFilter maintenance = AuditFilter.ALL.withResourceType(OperationsAudit.ASSET);
    assertThat(store.audit().count(lake.tenant, maintenance).join()).isEqualTo(1);
  }

  @Test
  void nothingCanBeAppendedToADeletedTenant() {
    store.audit().append(lake.tenant, event("login")).join();
    store.tenants().delete(lake.tenant).join();

    Throwable failure = failureOf(store.audit().append(lake.tenant, event("late")));

    assertThat(failure).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) failure).missing()).isEqualTo(ObjectType.TENANT);
    assertThat(store.audit().count(lake.tenant, AuditFilter.ALL).join()).isEqualTo(1);
  }

  private static NewAuditEvent event(String action) {
    return NewAuditEvent.builder(AuditActor.user("ann"), action, "session", AuditResult.SUCCESS)
        .build();
  }
}
