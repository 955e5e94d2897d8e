package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Configuration reference" stays true to {@link JdbcStoreConfig.Builder}: it has a
 * row for every public setter and none for a setter that does not exist, and the defaults it states
 * are the ones a configuration built from a URL alone has.
 */
class JdbcStoreConfigReferenceTest {
  private static final String SECTION = "### Configuration reference";
  private static final Pattern CODE = Pattern.compile("`([A-Za-z]+)`");

  @Test
  void theReadmeDocumentsEveryBuilderSettingAndNoOther() throws IOException {
    Set<String> setters =
        Arrays.stream(JdbcStoreConfig.Builder.class.getDeclaredMethods())
            .filter(method -> Modifier.isPublic(method.getModifiers()))
            .filter(method -> method.getReturnType() == JdbcStoreConfig.Builder.class)
            .map(Method::getName)
            .collect(Collectors.toSet());

    assertThat(setters).as("the builder's setters").contains("jdbcUrl", "purgeInterval");
    assertThat(documentedDefaults().keySet())
        .as("the settings in the README's %s", SECTION)
        .containsExactlyInAnyOrderElementsOf(setters);
  }

  @Test
  void theReadmeStatesTheDefaultsTheCodeHas() throws IOException {
    JdbcStoreConfig defaults =
        JdbcStoreConfig.builder().jdbcUrl("jdbc:postgresql://localhost/catalog").build();
    Map<String, String> documented = documentedDefaults();

    assertThat(documented)
        .containsEntry("maximumPoolSize", number(defaults.maximumPoolSize()))
        .containsEntry("maximumQueuedCalls", number(defaults.maximumQueuedCalls()))
        .containsEntry("schema", "`" + defaults.schema() + "`")
        .containsEntry("migrationMode", "`" + defaults.migrationMode() + "`")
        .containsEntry("connectionTimeout", duration(defaults.connectionTimeout()))
        .containsEntry("queryTimeout", duration(defaults.queryTimeout()))
        .containsEntry("purgeBatchSize", number(defaults.purgeBatchSize()))
        .containsEntry("purgeInterval", duration(defaults.purgeInterval()));
    documented.forEach(
        (setting, value) -> assertThat(value).as("the default of %s", setting).isNotBlank());
  }

  /** The settings the README's table names (first column), each with its default (second). */
  private static Map<String, String> documentedDefaults() throws IOException {
    List<String> lines = Files.readAllLines(readme());
    int heading = lines.indexOf(SECTION);
    assertThat(heading).as("the README's %s heading", SECTION).isNotNegative();
    Map<String, String> defaults = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      String[] cells = line.split("\\|");
      // cells[0] is the text before the first bar; the header and its rule name no setting.
      if (cells.length < 3 || cells[1].isBlank() || cells[1].strip().startsWith("---")) {
        continue;
      }
      Matcher names = CODE.matcher(cells[1]);
      while (names.find()) {
        defaults.put(names.group(1), cells[2].strip());
      }
    }
    return defaults;
  }

  private static String number(int value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String duration(Duration value) {
    return value.toMillis() % 1000 == 0 ? value.toSeconds() + " s" : value.toMillis() + " ms";
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
}
