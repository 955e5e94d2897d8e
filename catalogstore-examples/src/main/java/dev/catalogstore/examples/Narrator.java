package dev.catalogstore.examples;

import java.io.PrintStream;

/** Prints the walkthrough as numbered steps with short, indented lines. */
final class Narrator {
  private final PrintStream out;
  private int step;

  Narrator(PrintStream out) {
    this.out = out;
  }

  void title(String text) {
    out.println(text);
  }

  void step(String title) {
    out.println();
    out.println(++step + ". " + title);
  }

  void say(String line) {
    out.println("   " + line);
  }

  void done(String text) {
    out.println();
    out.println(text);
    out.flush();
  }

  /** A name in quotes, control characters spelled out so they are visible. */
  static String quoted(String name) {
    StringBuilder text = new StringBuilder("\"");
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04X", c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.append('"').toString();
  }

  /** The file name of a location, to keep lines short once the full location was shown. */
  static String file(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
