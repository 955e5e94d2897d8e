package dev.catalogstore.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build's modules as the repository's poms declare them: read from the files, so that a check
 * sees a module the moment it is added to the parent's {@code <modules>}, before anything is built.
 */
final class ReactorModules {
  static final String GROUP_ID = "dev.catalogstore";
  private static final String ARTIFACT_PREFIX = "catalogstore-";
  private static final Pattern MODULE_DECLARATION =
      Pattern.compile("^\\s*(?:open\\s+)?module\\s+([\\w.]+)\\s*\\{", Pattern.MULTILINE);

  private ReactorModules() {}

  /** One module of the build: its folder and its pom. */
  record Module(Path directory, Element pom) {
    String artifactId() {
      return text(pom, "artifactId").orElseThrow();
    }

    String packaging() {
      return text(pom, "packaging").orElse("jar");
    }

    Map<String, String> properties() {
      return ReactorModules.properties(pom);
    }

    /**
     * Whether the module ships a jar to the repository: not a pom-only module, and not one that
     * skips the deploy (examples, bench and iceberg-latest do).
     */
    boolean publishesAJar() {
      return !packaging().equals("pom") && !"true".equals(properties().get("maven.deploy.skip"));
    }

    /** The module name its {@code module-info.java} declares, if it has one. */
    Optional<String> declaredModuleName() throws IOException {
      Path moduleInfo = directory.resolve("src/main/java/module-info.java");
      if (!Files.exists(moduleInfo)) {
        return Optional.empty();
      }
      Matcher matcher = MODULE_DECLARATION.matcher(Files.readString(moduleInfo));
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The {@code Automatic-Module-Name} its jar plugin writes into the manifest, if any. */
    Optional<String> automaticModuleName() {
      return child(pom, "build").flatMap(build -> child(build, "plugins")).stream()
          .flatMap(plugins -> children(plugins).stream())
          .filter(plugin -> text(plugin, "artifactId").orElse("").equals("maven-jar-plugin"))
          .findFirst()
          .flatMap(plugin -> child(plugin, "configuration"))
          .flatMap(configuration -> child(configuration, "archive"))
          .flatMap(archive -> child(archive, "manifestEntries"))
          .flatMap(entries -> text(entries, "Automatic-Module-Name"));
    }

    /**
     * The stable module name the artifact's name gives: {@code catalogstore-micrometer} is {@code
     * dev.catalogstore.micrometer}.
     */
    String expectedModuleName() {
      return GROUP_ID + "." + artifactId().substring(ARTIFACT_PREFIX.length()).replace('-', '.');
    }
  }

  /** The repository's root: the folder above the working directory holding {@code mvnw}. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new AssertionError("no mvnw above " + Path.of("").toAbsolutePath());
  }

  /** The parent pom at the root. */
  static Element parentPom() {
    return pom(root());
  }

  /** Every module the parent lists, in its order. */
  static List<Module> all() {
    List<Module> modules = new ArrayList<>();
    Element modulesBlock = child(parentPom(), "modules").orElseThrow();
    for (Element module : children(modulesBlock)) {
      Path directory = root().resolve(value(module));
      modules.add(new Module(directory, pom(directory)));
    }
    return modules;
  }

  static Module named(String artifactId) {
    return all().stream()
        .filter(module -> module.artifactId().equals(artifactId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + artifactId));
  }

  static Element pom(Path directory) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(directory.resolve("pom.xml").toFile())
          .getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("cannot read " + directory.resolve("pom.xml"), e);
    }
  }

  /** The properties a pom sets itself, name to value as written. */
  static Map<String, String> properties(Element pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    child(pom, "properties")
        .ifPresent(block -> children(block).forEach(p -> properties.put(p.getTagName(), value(p))));
    return properties;
  }

  /** The element's child elements, in document order. */
  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  static Optional<Element> child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
  }

  static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(ReactorModules::value);
  }

  private static String value(Element element) {
    return element.getTextContent().strip();
  }
}
