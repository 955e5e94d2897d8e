package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the walkthrough must print, on any store: the assertions every walkthrough test shares. */
final class WalkthroughStory {
  private static final String ROOT = "s3://acme-lake/wh/";
  private static final String METADATA = ROOT + "sales/2024.q1/orders/metadata/";
  private static final String ID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private WalkthroughStory() {}

  /** Runs the walkthrough on {@code store} and returns what it printed. */
  static String run(CatalogStore store, String storeDescription) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Walkthrough.run(store, out, storeDescription).join();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Asserts that {@code output} tells the whole story, step by step. */
  static void assertTold(String output, String storeDescription) {
    List<String> lines = output.lines().map(String::strip).toList();

    assertThat(lines).first().isEqualTo("CatalogStore walkthrough on " + storeDescription);
    assertThat(lines).filteredOn(line -> line.matches("\\d+\\. .*")).hasSize(31);
    assertThat(lines)
        .containsSubsequence(
            "created \"sales\" (depth 1)",
            "created \"sales\".\"2024.q1\" (depth 2)",
            "children of \"sales\": \"2024.q1\", \"2024.q2\"");

    assertThat(lines)
        .containsSubsequence(
            "orders: v1 -> v2 committed",
            "orders: v2 -> v3 committed",
            "writer A commits v3 -> v4: won",
            "writer B commits v3 -> v4-writer-b: LOST, ConflictException",
            "currentValue() = " + METADATA + "v4.metadata.json",
            "writer B commits v4 -> v5: won");

    assertThat(lines)
        .containsSubsequence(
            "created user alice: TENANT_ADMIN",
            "role analyst (READ, LIST on sales) assigned to bob",
            "may bob READ sales.2024.q1.orders? yes",
            "may bob WRITE it? no",
            "created service user nightly-ingest; the store got SHA-256 of its key",
            "request with the key: nightly-ingest of this tenant",
            "request with another key: nobody",
            "bob's session token validates: yes",
            "revoked (\"signed out\")",
            "the token validates after the revocation: no",
            "the expired token is gone: yes");

    List<String> history = section(lines, "The metadata history of orders");
    assertThat(history)
        .containsExactly(
            "#5  v5.metadata.json  replaced v4.metadata.json",
            "#4  v4.metadata.json  replaced v3.metadata.json",
            "#3  v3.metadata.json  replaced v2.metadata.json",
            "#2  v2.metadata.json  replaced v1.metadata.json",
            "#1  v1.metadata.json  (first)",
            "5 entries; v4-writer-b never became current, so it is not among them");

    List<String> paging = section(lines, "Page through the tables");
    assertThat(paging)
        .containsSubsequence(
            "page 1: customers, orders", "page 2: payments, refunds", "page 3: shipments");
    assertThat(paging).filteredOn(line -> line.startsWith("next page token: ")).hasSize(2);
    assertThat(paging).filteredOn(line -> line.startsWith("no next page token")).hasSize(1);

    assertThat(section(lines, "Typed errors"))
        .containsSubsequence(
            "a table named \"orders\\u0007\"",
            "-> InvalidArgumentException, field() = asset.name",
            "namespace \"finance\".\"2024\", parent missing",
            "-> NotFoundException, missing() = NAMESPACE",
            "a commit to orders in \"sales\".\"2024.q3\" (no such namespace)",
            "-> NotFoundException, missing() = NAMESPACE",
            "a commit to returns in \"sales\".\"2024.q1\" (no such table)",
            "-> NotFoundException, missing() = ASSET",
            "orders created a second time")
        .anyMatch(line -> line.startsWith("-> AlreadyExistsException: "))
        .anyMatch(line -> line.startsWith("-> PreconditionFailedException: "))
        .endsWith(
            "the tables' page token used to list namespaces",
            "-> InvalidArgumentException, field() = page.pageToken");

    assertThat(section(lines, "One commit also moves a table"))
        .containsExactly(
            "payments before: v1.metadata.json, properties {}",
            "location " + ROOT + "sales/2024.q1/payments",
            "commit v1 -> v2, also moving it to "
                + ROOT
                + "archive/payments and setting retention=365d",
            "payments after: v2.metadata.json, properties {retention=365d}",
            "location " + ROOT + "archive/payments",
            "pointer, location and property changed in one atomic step");

    assertThat(section(lines, "Commit two tables at once"))
        .containsExactly(
            "customers v1 -> v2 and refunds v1 -> v2: both committed",
            "another writer read customers at v2 but refunds still at v1",
            "customers v2 -> v3 and refunds v1 -> v3: LOST, AssetsConflictException",
            "conflicts(): refunds expected v1.metadata.json, current v2.metadata.json",
            "customers is still at v2.metadata.json: its fresh half was not committed either");

    assertGuardedDrop(section(lines, "A guarded drop"));

    assertThat(section(lines, "List only the tables"))
        .containsExactly(
            "every kind: customers, orders, payments, refunds, shipments",
            "listTables, kinds = [ICEBERG_TABLE]: customers, orders, payments, refunds",
            "listViews, kinds = [ICEBERG_VIEW]: shipments",
            "the store does the filtering: listing tables never pages through views");

    assertVersioning(lines);

    assertThat(section(lines, "Through Iceberg's own API"))
        .containsExactly(
            "catalog \"lake\": created in the tenant, on a local warehouse",
            "created web.clicks, partitioned by identity(page), bucket[4](user_id)",
            "two appends, then the schema evolved: added referrer, renamed ms to duration_ms",
            "reloaded, its columns: user_id, page, duration_ms, referrer",
            "snapshot log #1: append, added 2 data files, 2 in total",
            "snapshot log #2: append, added 1 data file, 3 in total, parent #1",
            "the store's history of web.clicks: 5 metadata locations"
                + " (create, 2 appends, 2 schema changes)",
            "renamed to web.clicks_2024: the same table (uuid unchanged), 2 snapshots;"
                + " web.clicks exists: false",
            "dropped with purge: 9 metadata files before, 0 after");

    assertOperations(lines);

    assertThat(section(lines, "Tenants are isolated"))
        .anyMatch(line -> line.endsWith("asks for catalog \"prod\": empty"))
        .anyMatch(line -> line.endsWith("asks for orders by its id: empty"));
    assertThat(section(lines, "Delete the tenants"))
        .containsExactly(
            "tenants().get(tenant): empty",
            "catalogs().get(tenant, \"prod\"): empty",
            "audit().count(tenant): 9 events, as before: the audit log outlives its tenant");
    assertThat(lines).last().isEqualTo("Done: every step behaved as the contract says.");
  }

  /** The audit log, settings, maintenance and federation. */
  private static void assertOperations(List<String> lines) {
    List<String> audit = section(lines, "Append audit events");
    assertThat(audit.subList(0, 2))
        .containsExactly(
            "appended 4 events; the store stamps id and time",
            "events of orders, newest first (resource id filter):");
    // Appended one after the other, but two may share a microsecond: then the id decides.
    assertThat(audit.subList(2, 5))
        .containsExactlyInAnyOrder(
            "asset.commit by service user nightly-ingest: SUCCESS",
            "asset.delete by bob: DENIED",
            "asset.updateProperties by alice: SUCCESS");
    assertThat(audit.subList(5, audit.size()))
        .containsExactly(
            "count(result = DENIED): 1",
            "count(actor = alice): 2",
            "no call updates or deletes an event: the log only grows");

    assertThat(section(lines, "System settings"))
        .containsExactly(
            "never set: allowPublicSigning false, defaultRetention 5 days, defaultWarehouse none,"
                + " extra {}",
            "update names the default warehouse and one extra setting",
            "now: allowPublicSigning false, defaultRetention 5 days,"
                + " defaultWarehouse \"lakehouse\", extra {ui.theme=dark}",
            "what it did not name kept its default; updatedAt is set",
            "a default warehouse that does not exist -> NotFoundException, missing() = WAREHOUSE");

    assertThat(section(lines, "Expire a table's old snapshots"))
        .containsExactly(
            "forecasts: v1 -> v2 -> v3 -> v4, tag forecasts-v2 at v2",
            "retention 5 days (the tenant's default): pruned nothing, every entry is younger",
            "retention 0: pruned v1.metadata.json, v3.metadata.json; delete those files now",
            "kept v4 (current) and v2 (tag forecasts-v2 reaches it)",
            "history now: #4 v4.metadata.json, #2 v2.metadata.json (entries keep their numbers)",
            "audit events of action maintenance.expireSnapshots: 2");

    assertThat(section(lines, "Mirror a federated catalog"))
        .containsExactly(
            "the remote holds crm.accounts, crm.contacts and web.visits",
            "catalog \"partner\": FEDERATED, connector type example-map",
            "sync: SUCCEEDED; namespaces 2 added, 0 updated, 0 removed;"
                + " tables 3 added, 0 updated, 0 removed",
            "mirrored crm: accounts -> v1.metadata.json, contacts -> v1.metadata.json");

    assertThat(section(lines, "The remote changed"))
        .containsExactly(
            "remote: accounts moved to v2, contacts dropped, web.sessions added, crm re-owned",
            "sync: SUCCEEDED; namespaces 0 added, 1 updated, 0 removed;"
                + " tables 1 added, 1 updated, 1 removed",
            "stats() returns that last sync's stats",
            "mirrored crm: accounts -> v2.metadata.json",
            "accounts' history: #2 v2.metadata.json, #1 v1.metadata.json");

    assertThat(section(lines, "A sync with no connector for its type"))
        .containsExactly(
            "sync of \"legacy\" (connector type hive-metastore, none registered)"
                + " -> PreconditionFailedException",
            "stats(): FAILED, error recorded: true",
            "failed syncs in the audit log: 1",
            "syncs in the audit log: 3");
  }

  /** The branch, the conflict found and resolved, the tag and the history. */
  private static void assertVersioning(List<String> lines) {
    String orders = "\"sales\".\"2024.q1\".\"orders\"";
    String payments = "\"sales\".\"2024.q1\".\"payments\"";
    List<String> branch = section(lines, "Branch main for an ingest run");
    assertThat(branch.get(0)).matches("branch nightly-ingest starts at main's head " + ID_PATTERN);
    assertThat(branch.subList(1, 4))
        .containsExactly(
            "nightly-ingest: orders -> v6-ingest.metadata.json by ingest-job",
            "main: orders -> v6-hotfix.metadata.json by alice",
            "nightly-ingest: payments -> v3-ingest.metadata.json by ingest-job");

    assertThat(section(lines, "Merge the ingest branch into main"))
        .containsExactly(
            "conflict on " + orders,
            "base   v5.metadata.json",
            "source v6-ingest.metadata.json",
            "target v6-hotfix.metadata.json",
            "main's orders is still v6-hotfix.metadata.json: the merge changed nothing");

    List<String> resolved = section(lines, "Resolve it");
    assertThat(resolved.get(0))
        .isEqualTo("dry run: MERGED, would apply [" + orders + ", " + payments + "]");
    Matcher merged =
        Pattern.compile("merged: MERGED, merge commit (" + ID_PATTERN + ") on base " + ID_PATTERN)
            .matcher(resolved.get(1));
    assertThat(merged.matches()).as(resolved.get(1)).isTrue();
    assertThat(resolved.subList(2, 4))
        .containsExactly(
            "applied [" + orders + ", " + payments + "]", "resolved for the source: " + orders);

    String mergeCommit = merged.group(1);
    assertThat(section(lines, "Tag main's head"))
        .containsExactly("tag 2024-q1-close -> commit " + mergeCommit);
    List<String> history = section(lines, "main's history");
    assertThat(history).hasSize(6);
    assertThat(history.get(0)).isEqualTo(mergeCommit + "  merge alice: publish the nightly ingest");
    assertThat(history.get(1)).matches(ID_PATTERN + "  alice: hotfix");
    assertThat(history.subList(2, 5)).allMatch(line -> line.endsWith("  -: (no message)"));
    assertThat(history.get(5)).isEqualTo("... older commits on the next page");
  }

  /** The table read, the view that replaced it, and the drop refused with the view's id. */
  private static void assertGuardedDrop(List<String> step) {
    assertThat(step).hasSize(5);
    assertThat(step.get(0)).matches("client A reads shipments: ICEBERG_TABLE, id " + ID_PATTERN);
    Matcher view =
        Pattern.compile(
                "client B drops shipments and creates a view shipments, id (" + ID_PATTERN + ")")
            .matcher(step.get(1));
    assertThat(view.matches()).as(step.get(1)).isTrue();
    String viewId = view.group(1);
    assertThat(step.get(0)).doesNotEndWith(viewId);
    assertThat(step.subList(2, 5))
        .containsExactly(
            "client A drops shipments, expecting what it read: REFUSED, ConflictException",
            "currentValue() = " + viewId + ", the id stored now",
            "shipments is still there: ICEBERG_VIEW, id " + viewId);
  }

  /** The lines of the step whose title starts with {@code title}, up to the next step. */
  private static List<String> section(List<String> lines, String title) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\d+\\. " + Pattern.quote(title) + ".*")) {
        start = i + 1;
      }
    }
    assertThat(start).as("step '%s' is printed", title).isPositive();
    int end = start;
    while (end < lines.size() && !lines.get(end).isEmpty()) {
      end++;
    }
    return lines.subList(start, end);
  }
}
