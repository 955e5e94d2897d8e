package dev.catalogstore.api.namespace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A namespace's position in its catalog: a list of segments from the top. Any printable character
 * is allowed inside a segment, dots included: {@code ["a.b", "c"]} and {@code ["a", "b", "c"]} are
 * different paths. The empty path is the catalog's root; it is only valid as a parent.
 *
 * @param segments the segments, outermost first
 */
public record NamespacePath(List<String> segments) {
  /** The root of a catalog: the parent of its top-level namespaces. */
  public static final NamespacePath ROOT = new NamespacePath(List.of());

  public NamespacePath {
    // Keeps null segments so that the store's validation can name them.
    segments = segments == null ? null : Collections.unmodifiableList(new ArrayList<>(segments));
  }

  /** A path of the given segments. */
  public static NamespacePath of(String... segments) {
    return new NamespacePath(Arrays.asList(segments));
  }

  /** Whether this is the root. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** How many segments the path has. */
  public int depth() {
    return segments.size();
  }

  /** The path without its last segment; the root's parent is the root. */
  public NamespacePath parent() {
    return isRoot() ? this : new NamespacePath(segments.subList(0, segments.size() - 1));
  }

  /** The last segment; empty string for the root. */
  public String lastSegment() {
    return isRoot() ? "" : segments.get(segments.size() - 1);
  }

  /** This path extended by {@code segment}. */
  public NamespacePath child(String segment) {
    List<String> extended = new ArrayList<>(segments);
    extended.add(segment);
    return new NamespacePath(extended);
  }

  /** Whether {@code other} is this path or lies below it. */
  public boolean contains(NamespacePath other) {
    return other.segments.size() >= segments.size()
        && other.segments.subList(0, segments.size()).equals(segments);
  }

  /** A readable form for messages, segments quoted: {@code "sales"."2024.q1"}. */
  @Override
  public String toString() {
    return isRoot()
        ? "<root>"
        : segments.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining("."));
  }
}
