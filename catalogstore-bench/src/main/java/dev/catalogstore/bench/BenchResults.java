package dev.catalogstore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Everything one report measured, written at its end as {@code latest.json} and {@code latest.md}
 * in the results directory (the suite; a run of some sections names its files after them):
 *
 * <ul>
 *   <li>{@code latest.json}: {@code machine} (the facts of {@link MachineFacts}), {@code command},
 *       {@code summary} (each line of {@link Summary}: its figures and ratio, {@code null} when not
 *       measured), {@code measuredOutsideJmh} (figures such as {@link MemoryStoreCpuTime}'s) and
 *       {@code jmh}, JMH's own JSON result format of every benchmark run, unchanged;
 *   <li>{@code latest.md}: the same as tables: the machine, the summary, then every figure.
 * </ul>
 */
final class BenchResults {
  private final List<RunResult> runs = new ArrayList<>();
  private final List<Figure> measured = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  /** Adds the results of one JMH run. */
  void add(Collection<RunResult> results) {
    runs.addAll(results);
  }

  /** Adds a figure measured outside JMH (such as {@link MemoryStoreCpuTime}'s). */
  void measured(Figure figure) {
    measured.add(figure);
  }

  /** Records a part of the suite that could not run, so that the summary says so. */
  void failed(String what) {
    failures.add(what);
  }

  boolean isEmpty() {
    return runs.isEmpty();
  }

  /**
   * Every figure: each JMH run's primary result, then its profilers' figures per operation (such as
   * {@link CpuCostProfiler}'s, as method {@code getAsset:cpu.total}), then those measured outside
   * JMH.
   */
  List<Figure> figures() {
    List<Figure> all = new ArrayList<>();
    runs.forEach(run -> all.add(Figure.of(run)));
    runs.forEach(run -> all.addAll(Figure.secondaries(run)));
    all.addAll(measured);
    return all;
  }

  /** Writes {@code name.json} and {@code name.md}; returns the Markdown's path. */
  Path write(Path directory, String name, Map<String, String> machine, String command) {
    try {
      Files.createDirectories(directory);
      List<Comparison.Row> rows =
          Summary.comparisons().stream().map(c -> c.evaluate(figures())).toList();
      Files.writeString(directory.resolve(name + ".json"), json(machine, command, rows));
      Path markdown = directory.resolve(name + ".md");
      Files.writeString(markdown, markdown(machine, command, rows));
      return markdown;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + directory, e);
    }
  }

  private String json(Map<String, String> machine, String command, List<Comparison.Row> rows)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode facts = root.putObject("machine");
    machine.forEach(facts::put);
    root.put("command", command);
    ArrayNode failed = root.putArray("failed");
    failures.forEach(failed::add);
    ArrayNode outside = root.putArray("measuredOutsideJmh");
    for (Figure figure : measured) {
      ObjectNode f = outside.addObject();
      f.put("figure", figure.label());
      f.put("mode", figure.mode());
      f.put("score", figure.score());
      f.put("unit", figure.unit());
    }
    ArrayNode summary = root.putArray("summary");
    for (Comparison.Row row : rows) {
      ObjectNode line = summary.addObject();
      line.put("section", row.comparison().section());
      line.put("what", row.comparison().what());
      line.put("kind", row.comparison().kind().name());
      line.put("figure", row.figure());
      line.put("against", row.against());
      if (Double.isNaN(row.ratio())) {
        line.putNull("ratio");
      } else {
        line.put("ratio", row.ratio());
      }
      line.put("aim", row.comparison().aim());
    }
    ByteArrayOutputStream jmh = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(jmh, true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(runs);
    }
    JsonNode jmhRuns = mapper.readTree(jmh.toString(StandardCharsets.UTF_8));
    root.set("jmh", jmhRuns == null ? mapper.createArrayNode() : jmhRuns);
    return mapper.writeValueAsString(root) + "\n";
  }

  private String markdown(Map<String, String> machine, String command, List<Comparison.Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("# CatalogStore benchmarks\n\n");
    if (BenchSettings.quick()) {
      md.append(
          "**A quick trial at reduced sizes, not a reference measurement** (`-Dbench.quick=true`):"
              + " it proves the command runs end to end.\n\n");
    }
    md.append("Command: `").append(command).append("`\n\n");
    md.append("| machine | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    if (!failures.isEmpty()) {
      md.append("\nNot run: ").append(String.join("; ", failures)).append('\n');
    }
    md.append(
        "\nRatios: *against* = the floor's (or baseline's) time per call ÷ this figure's, i.e."
            + " throughput relative to the floor (1.00× = as fast as the floor); *growth* = time at"
            + " the largest size ÷ time at the smallest (1.00× = flat); *scaling* = the throughput of"
            + " all threads together ÷ that of one thread (2.00× from 1 thread to 2 = perfect). Each"
            + " figure is JMH's mean; its error bar is in the table of all figures.\n");
    String section = null;
    for (Comparison.Row row : rows) {
      if (!Objects.equals(section, row.comparison().section())) {
        section = row.comparison().section();
        md.append("\n### ").append(section).append("\n\n");
        md.append("| what | figure | against | ratio | aim |\n|---|---|---|---|---|\n");
      }
      md.append("| ")
          .append(row.comparison().what())
          .append(" | ")
          .append(row.figure())
          .append(" | ")
          .append(row.against())
          .append(" | ")
          .append(row.ratioText())
          .append(" | ")
          .append(row.comparison().aim())
          .append(" |\n");
    }
    md.append("\n### Every figure\n\n");
    md.append("| benchmark | mode | score | per call |\n|---|---|---|---|\n");
    for (Figure figure : figures()) {
      md.append("| ")
          .append(figure.label())
          .append(" | ")
          .append(figure.mode())
          .append(" | ")
          .append(figure.printed())
          .append(" | ")
          .append(Comparison.time(figure))
          .append(" |\n");
    }
    return md.toString();
  }
}
