package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The README's code sample is QuickStart's, line for line, and it runs. */
class ReadmeTest {
  private static final Path QUICK_START =
      Path.of("src/main/java/dev/catalogstore/examples/QuickStart.java");

  @Test
  void theReadmeShowsQuickStartLineForLine() throws IOException {
    List<String> sample =
        dedent(
            between(
                Files.readAllLines(QUICK_START),
                line -> line.strip().equals("// README:begin"),
                line -> line.strip().equals("// README:end")));
    List<String> readme =
        dedent(
            between(
                Files.readAllLines(readme()),
                line -> line.equals("```java"),
                line -> line.equals("```"),
                sample.get(0)));

    assertThat(sample).hasSizeGreaterThan(10);
    assertThat(readme).as("the README's copy of QuickStart").isEqualTo(sample);
  }

  @Test
  void quickStartRunsAsTheReadmeSays() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "committed s3://acme-lake/wh/orders/metadata/v2.metadata.json",
            "lost the race; current is s3://acme-lake/wh/orders/metadata/v2.metadata.json",
            "table prod@main:\"sales\".\"2024.q1\".\"orders\"");
  }

  /** The README at the repository root, found from the module's folder. */
  private static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }

  private static List<String> between(
      List<String> lines, Predicate<String> open, Predicate<String> close) {
    return between(lines, open, close, null);
  }

  /** The lines after the first {@code open} line (whose next line is {@code first}, if given). */
  private static List<String> between(
      List<String> lines, Predicate<String> open, Predicate<String> close, String first) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (open.test(lines.get(i))
          && (first == null || lines.get(i + 1).strip().equals(first.strip()))) {
        List<String> block = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && !close.test(lines.get(j)); j++) {
          block.add(lines.get(j));
        }
        return block;
      }
    }
    return List.of();
  }

  private static List<String> dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
  }
}
