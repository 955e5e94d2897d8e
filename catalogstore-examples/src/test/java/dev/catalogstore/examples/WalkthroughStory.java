package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** What the walkthrough must print, on any store: the assertions every walkthrough test shares. */
final class WalkthroughStory {
  private static final String METADATA = "s3://acme-lake/wh/sales/2024.q1/orders/metadata/";

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
    assertThat(lines).filteredOn(line -> line.matches("\\d+\\. .*")).hasSize(12);
    assertThat(lines).containsSubsequence(
        "created \"sales\" (depth 1)",
        "created \"sales\".\"2024.q1\" (depth 2)",
        "children of \"sales\": \"2024.q1\", \"2024.q2\"");

    assertThat(lines).containsSubsequence(
        "orders: v1 -> v2 committed",
        "orders: v2 -> v3 committed",
        "writer A commits v3 -> v4: won",
        "writer B commits v3 -> v4-writer-b: LOST, ConflictException",
        "currentValue() = " + METADATA + "v4.metadata.json",
        "writer B commits v4 -> v5: won");

    List<String> history = section(lines, "The metadata history of orders");
    assertThat(history).containsExactly(
        "#5  v5.metadata.json  replaced v4.metadata.json",
        "#4  v4.metadata.json  replaced v3.metadata.json",
        "#3  v3.metadata.json  replaced v2.metadata.json",
        "#2  v2.metadata.json  replaced v1.metadata.json",
        "#1  v1.metadata.json  (first)",
        "5 entries; v4-writer-b never became current, so it is not among them");

    List<String> paging = section(lines, "Page through the tables");
    assertThat(paging).containsSubsequence(
        "page 1: customers, orders", "page 2: payments, refunds", "page 3: shipments");
    assertThat(paging).filteredOn(line -> line.startsWith("next page token: ")).hasSize(2);
    assertThat(paging).filteredOn(line -> line.startsWith("no next page token")).hasSize(1);

    assertThat(section(lines, "Typed errors")).containsSubsequence(
        "a table named \"orders\\u0007\"",
        "-> InvalidArgumentException, field() = asset.name",
        "namespace \"finance\".\"2024\", parent missing")
        .anyMatch(line -> line.startsWith("-> NotFoundException: "))
        .anyMatch(line -> line.startsWith("-> AlreadyExistsException: "))
        .anyMatch(line -> line.startsWith("-> PreconditionFailedException: "))
        .contains("-> InvalidArgumentException, field() = page.pageToken");

    assertThat(section(lines, "Tenants are isolated"))
        .anyMatch(line -> line.endsWith("asks for catalog \"prod\": empty"))
        .anyMatch(line -> line.endsWith("asks for orders by its id: empty"));
    assertThat(section(lines, "Delete the tenants"))
        .containsExactly("getTenant: empty", "getCatalog \"prod\": empty");
    assertThat(lines).last().isEqualTo("Done: every step behaved as the contract says.");
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
