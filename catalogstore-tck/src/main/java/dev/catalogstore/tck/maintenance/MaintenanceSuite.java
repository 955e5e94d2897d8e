package dev.catalogstore.tck.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenantSuite;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The base of the maintenance suites: a tenant with catalog {@link #LAKE}, namespace {@link #SALES}
 * and table {@link #ORDERS}, whose metadata history a test builds one day at a time under a clock
 * frozen at {@link #T0} (those tests are skipped for a backend whose test supplies no controllable
 * clock), with whole reads of an asset's history.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class MaintenanceSuite extends SampleTenantSuite {
  /** Where the clock is stopped: long past, so that no other test's data is near it. */
  protected static final Instant T0 = Instant.parse("2009-06-07T08:09:10.123456Z");

  protected static final Duration DAY = Duration.ofDays(1);
  protected static final String LAKE = "lake";
  protected static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");
  protected static final BranchRef MAIN = BranchRef.main(LAKE);
  protected static final BranchRef DEV = new BranchRef(LAKE, "dev");
  protected static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  protected static final AssetRef ORDERS_ON_DEV = new AssetRef(DEV, SALES.path(), "orders");
  protected static final AuditActor OPERATOR = AuditActor.user("operator");

  protected TenantId tenant;
  protected TckClock clock;

  @AfterEach
  void resumeTheClock() {
    if (clock != null) {
      clock.resume();
    }
  }

  /** Stops the clock at {@link #T0}; skips the test if the backend gives none. */
  protected void freezeClock() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    clock = fixture().clock().get();
    clock.freezeAt(T0);
  }

  /** A fresh tenant with warehouse, catalog {@link #LAKE} and namespace {@link #SALES}. */
  protected void createLake() {
    tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    await(store().namespaces().create(tenant, SALES, Map.of()));
  }

  /** The metadata location of version {@code name} of {@code orders}. */
  protected static String loc(String name) {
    return "s3://lake/sales/orders/metadata/" + name + ".metadata.json";
  }

  /** Creates {@code asset} as an Iceberg table at metadata {@code first}, then moves a day on. */
  protected Asset createTable(AssetRef asset, String first) {
    Asset created =
        await(store().assets().create(tenant, asset, NewAsset.icebergTable("s3://lake/t", first)));
    tick();
    return created;
  }

  /** Commits {@code asset} from {@code from} to {@code to}, then moves the clock a day on. */
  protected void commit(AssetRef asset, String from, String to) {
    await(
        store().assets().commitMetadataLocation(tenant, asset, MetadataCommit.replacing(from, to)));
    tick();
  }

  /** Moves a frozen clock a day on (no-op when the clock is not frozen). */
  protected void tick() {
    if (clock != null) {
      clock.advance(DAY);
    }
  }

  /** Creates branch {@link #DEV} from the head of main. */
  protected void branchDev() {
    await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
  }

  /** Tags the head of main as {@code name}. */
  protected void tagMain(String name) {
    await(store().tags().create(tenant, new TagRef(LAKE, name), CommitRef.head(MAIN)));
  }

  /** The asset's history, oldest first. */
  protected List<MetadataLocation> history(AssetRef asset) {
    List<MetadataLocation> newestFirst =
        PagedReads.all(page -> store().assets().history(tenant, asset, page));
    List<MetadataLocation> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The locations of the asset's history, oldest first. */
  protected List<String> locations(AssetRef asset) {
    return history(asset).stream().map(MetadataLocation::location).toList();
  }

  /** Asserts {@code id} names an event of the run: its action, actor and asset. */
  protected AuditEvent assertRunRecorded(
      AuditEventId id, String action, AuditActor actor, AssetRef asset) {
    AuditEvent event = await(store().audit().get(tenant, id)).orElseThrow();
    String assetId = await(store().assets().get(tenant, asset)).orElseThrow().id().toString();
    assertThat(event.action()).isEqualTo(action);
    assertThat(event.actor()).isEqualTo(actor);
    assertThat(event.resourceType()).isEqualTo("asset");
    assertThat(event.resourceId()).contains(assetId);
    assertThat(event.resourceName()).contains(asset.name());
    assertThat(event.result()).isEqualTo(AuditResult.SUCCESS);
    return event;
  }
}
