package dev.catalogstore.bench;

import dev.catalogstore.api.spi.CodePointOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a simple store would be: keep a namespace's names unordered and, for every page,
 * copy, sort, and skip to the position. O(n log n) a page.
 */
final class NaiveListing {
  private final List<String> names;

  NaiveListing(List<String> names) {
    this.names = new ArrayList<>(names);
  }

  List<String> pageAfter(String position, int limit) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(CodePointOrder.STRINGS);
    List<String> page = new ArrayList<>(limit);
    for (String name : sorted) {
      if (CodePointOrder.compare(name, position) > 0) {
        page.add(name);
        if (page.size() == limit) {
          break;
        }
      }
    }
    return page;
  }
}
