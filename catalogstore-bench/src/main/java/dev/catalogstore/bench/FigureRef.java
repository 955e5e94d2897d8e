package dev.catalogstore.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names one figure of a run: {@code Class.method[key=value,...]@threads}, where {@code Class} is
 * the benchmark's simple name. Parameters not named match any value; a value of {@code min} or
 * {@code max} picks, among the figures that match the rest, the one whose parameter is numerically
 * smallest or largest (so that a comparison of sizes holds in a quick trial at reduced sizes too).
 * Without {@code @threads}, the figure of one thread.
 */
record FigureRef(String benchmark, String method, Map<String, String> params, int threads) {

  static FigureRef parse(String text) {
    int at = text.indexOf('@');
    int threads = at < 0 ? 1 : Integer.parseInt(text.substring(at + 1));
    String name = at < 0 ? text : text.substring(0, at);
    Map<String, String> params = new LinkedHashMap<>();
    int bracket = name.indexOf('[');
    if (bracket >= 0) {
      for (String pair : name.substring(bracket + 1, name.length() - 1).split(",")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], kv[1]);
      }
      name = name.substring(0, bracket);
    }
    // The first dot: a profiler's figure's method has dots of its own (getAsset:cpu.total).
    int dot = name.indexOf('.');
    return new FigureRef(name.substring(0, dot), name.substring(dot + 1), params, threads);
  }

  /** The figure this names among {@code figures}, if the run measured it. */
  Optional<Figure> resolve(List<Figure> figures) {
    List<Figure> matching =
        figures.stream()
            .filter(f -> f.benchmark().equals(benchmark) && f.method().equals(method))
            .filter(f -> f.threads() == threads)
            .filter(this::matchesFixedParams)
            .toList();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue().equals("min") || e.getValue().equals("max")) {
        Comparator<Figure> bySize =
            Comparator.comparingDouble(f -> Double.parseDouble(f.params().get(e.getKey())));
        Optional<Figure> picked =
            e.getValue().equals("max")
                ? matching.stream().max(bySize)
                : matching.stream().min(bySize);
        matching = picked.map(List::of).orElse(List.of());
      }
    }
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }

  private boolean matchesFixedParams(Figure figure) {
    for (Map.Entry<String, String> e : params.entrySet()) {
      String value = figure.params().get(e.getKey());
      if (value == null) {
        return false;
      }
      boolean chosen = e.getValue().equals("min") || e.getValue().equals("max");
      if (!chosen && !value.equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
