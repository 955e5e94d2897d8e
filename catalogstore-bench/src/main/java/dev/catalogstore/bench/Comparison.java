package dev.catalogstore.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of the summary: a figure and, for a ratio, what it is measured against.
 *
 * <ul>
 *   <li>{@link Kind#AGAINST}: the subject's throughput relative to a floor or baseline, {@code
 *       baseline time per call / subject time per call}: 1.00× is as fast as the floor, 0.50× is
 *       half its throughput (the ratios read this way);
 *   <li>{@link Kind#GROWTH}: {@code time per call at the larger size / time at the smaller}: 1.00×
 *       does not grow at all;
 *   <li>{@link Kind#SCALING}: the throughput of all threads together at the subject's thread count
 *       over the same method's throughput on one thread: 2.00× from 1 thread to 2 is perfect
 *       scaling, 1.00× none;
 *   <li>{@link Kind#FIGURE}: the figure alone (a time the user waits, with nothing to divide by).
 * </ul>
 *
 * @param section the summary's section
 * @param what what the line measures, in words
 * @param kind how the ratio is formed
 * @param subject the figure
 * @param against the floor, baseline or smaller size; {@code null} for a {@link Kind#FIGURE}
 * @param aim the goal, in words, or empty
 */
record Comparison(
    String section, String what, Kind kind, FigureRef subject, FigureRef against, String aim) {

  enum Kind {
    AGAINST,
    GROWTH,
    SCALING,
    FIGURE
  }

  static Comparison against(String section, String what, String subject, String floor, String aim) {
    return new Comparison(
        section, what, Kind.AGAINST, FigureRef.parse(subject), FigureRef.parse(floor), aim);
  }

  /** The growth of {@code subject} from the smallest to the largest value of {@code size}. */
  static Comparison growth(String section, String what, String subject, String size) {
    String small = subject.replace(size + "=*", size + "=min");
    String large = subject.replace(size + "=*", size + "=max");
    return new Comparison(
        section, what, Kind.GROWTH, FigureRef.parse(large), FigureRef.parse(small), "flat: 1.00×");
  }

  /**
   * The throughput of {@code subject} (named with its {@code @threads}) against its own throughput
   * on one thread.
   */
  static Comparison scaling(String section, String what, String subject, String aim) {
    FigureRef at = FigureRef.parse(subject);
    FigureRef one = new FigureRef(at.benchmark(), at.method(), at.params(), 1);
    return new Comparison(section, what, Kind.SCALING, at, one, aim);
  }

  static Comparison figure(String section, String what, String subject) {
    return new Comparison(section, what, Kind.FIGURE, FigureRef.parse(subject), null, "");
  }

  /** The line's cells, once the run's figures are known. */
  Row evaluate(List<Figure> figures) {
    Optional<Figure> s = subject.resolve(figures);
    Optional<Figure> a = against == null ? Optional.empty() : against.resolve(figures);
    if (s.isEmpty() || (against != null && a.isEmpty())) {
      return new Row(this, "not measured in this run", "", "", Double.NaN);
    }
    Figure figure = s.get();
    if (kind == Kind.FIGURE) {
      return new Row(this, time(figure), "", "", Double.NaN);
    }
    Figure base = a.get();
    double ratio =
        switch (kind) {
          case AGAINST -> base.microsPerOp() / figure.microsPerOp();
          case GROWTH -> figure.microsPerOp() / base.microsPerOp();
          // Calls per µs of all threads: threads / (µs per call of one thread).
          case SCALING ->
              (figure.threads() / figure.microsPerOp()) / (base.threads() / base.microsPerOp());
          case FIGURE -> throw new IllegalStateException("a figure has no ratio");
        };
    String baseLabel =
        kind == Kind.GROWTH
            ? "at " + sizes(base) + ": " + time(base)
            : name(base, figure) + ": " + time(base);
    String subjectCell =
        kind == Kind.GROWTH ? "at " + sizes(figure) + ": " + time(figure) : time(figure);
    return new Row(this, subjectCell, baseLabel, String.format(Locale.ROOT, "%.2f×", ratio), ratio);
  }

  /** The baseline's method, with the parameters in which it differs from the subject. */
  private static String name(Figure base, Figure subject) {
    String differing =
        base.params().entrySet().stream()
            .filter(e -> !e.getValue().equals(subject.params().get(e.getKey())))
            .map(e -> e.getKey() + "=" + e.getValue())
            .reduce((x, y) -> x + "," + y)
            .map(params -> "[" + params + "]")
            .orElse("");
    return base.method() + differing;
  }

  /** The parameters that tell the sizes apart, for a growth line. */
  private String sizes(Figure figure) {
    return subject.params().entrySet().stream()
        .filter(e -> e.getValue().equals("max") || e.getValue().equals("min"))
        .map(
            e ->
                e.getKey()
                    + "="
                    + String.format(
                        Locale.ROOT, "%,d", Long.parseLong(figure.params().get(e.getKey()))))
        .reduce((x, y) -> x + "," + y)
        .orElse("");
  }

  /** Time per call, in the unit that reads best. */
  static String time(Figure figure) {
    double us = figure.microsPerOp();
    String value =
        us >= 1e6
            ? Figure.number(us / 1e6) + " s"
            : us >= 1e3 ? Figure.number(us / 1e3) + " ms" : Figure.number(us) + " µs";
    return figure.threads() == 1 ? value : value + " (" + figure.threads() + " threads)";
  }

  /** The evaluated cells of one line. */
  record Row(
      Comparison comparison, String figure, String against, String ratioText, double ratio) {}
}
