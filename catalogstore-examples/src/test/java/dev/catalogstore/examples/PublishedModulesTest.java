package dev.catalogstore.examples;

import static dev.catalogstore.examples.ReactorModules.GROUP_ID;
import static dev.catalogstore.examples.ReactorModules.child;
import static dev.catalogstore.examples.ReactorModules.children;
import static dev.catalogstore.examples.ReactorModules.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.examples.ReactorModules.Module;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What an application gets from the repository: every module that ships a jar is in the BOM, with
 * its sources and Javadoc, and nothing unpublished is. Read from the poms, so that a module added
 * to the build without its BOM entry fails here.
 */
class PublishedModulesTest {
  private static final Module BOM = ReactorModules.named("catalogstore-bom");

  @Test
  void theBomManagesEveryPublishedModuleAtTheProjectVersion() {
    List<String> published = publishedArtifactIds();
    assertThat(published).contains("catalogstore-api", "catalogstore-jdbc");

    assertThat(bomEntries())
        .as("catalogstore-bom's dependencyManagement, artifact to version")
        .containsAllEntriesOf(
            published.stream()
                .collect(
                    TreeMap::new, (m, id) -> m.put(id, "${project.version}"), TreeMap::putAll));
  }

  @Test
  void theBomManagesExactlyThePublishedModules() {
    assertThat(bomEntries().keySet())
        .as("catalogstore-bom's artifacts: each a module of this build that publishes a jar")
        .containsExactlyInAnyOrderElementsOf(publishedArtifactIds());
  }

  @Test
  void theBomManagesNoModuleThatIsNotPublished() {
    List<String> unpublished =
        ReactorModules.all().stream()
            .filter(module -> !module.publishesAJar())
            .map(Module::artifactId)
            .toList();
    assertThat(unpublished).contains("catalogstore-bench", "catalogstore-examples");

    assertThat(bomEntries().keySet()).doesNotContainAnyElementsOf(unpublished);
  }

  @Test
  void theBomManagesOnlyCatalogStoreArtifactsAndNothingOfTheParents() {
    Element parent = ReactorModules.parentPom();

    assertThat(child(BOM.pom(), "parent"))
        .as("a parent's dependencyManagement would be imported along with the BOM")
        .isEmpty();
    assertThat(text(BOM.pom(), "groupId")).isEqualTo(text(parent, "groupId"));
    assertThat(text(BOM.pom(), "version")).isEqualTo(text(parent, "version"));
    assertThat(managedDependencies())
        .allSatisfy(
            dependency -> {
              assertThat(text(dependency, "groupId")).contains(GROUP_ID);
              assertThat(child(dependency, "scope")).isEmpty();
              assertThat(child(dependency, "type")).isEmpty();
              assertThat(child(dependency, "classifier")).isEmpty();
            });
  }

  @Test
  void theBomBuildsWithTheParentsPluginVersions() {
    Map<String, String> parentProperties = ReactorModules.properties(ReactorModules.parentPom());
    List<Element> plugins =
        child(BOM.pom(), "build")
            .flatMap(build -> child(build, "pluginManagement"))
            .flatMap(management -> child(management, "plugins"))
            .map(ReactorModules::children)
            .orElse(List.of());
    assertThat(plugins)
        .extracting(plugin -> text(plugin, "artifactId").orElseThrow())
        .contains("maven-clean-plugin", "maven-install-plugin", "maven-deploy-plugin");

    assertThat(plugins)
        .allSatisfy(
            plugin -> {
              String artifactId = text(plugin, "artifactId").orElseThrow();
              assertThat(text(plugin, "version"))
                  .as(artifactId + "'s version in catalogstore-bom")
                  .isEqualTo(Optional.ofNullable(parentProperties.get(artifactId + ".version")));
            });
  }

  @Test
  void everyPublishedModuleShipsItsSourcesAndJavadoc() {
    List<String> pluginsOfEveryModule =
        child(ReactorModules.parentPom(), "build")
            .flatMap(build -> child(build, "plugins"))
            .stream()
            .flatMap(plugins -> children(plugins).stream())
            .map(plugin -> text(plugin, "artifactId").orElseThrow())
            .toList();
    assertThat(pluginsOfEveryModule).contains("maven-source-plugin", "maven-javadoc-plugin");

    assertThat(ReactorModules.all().stream().filter(Module::publishesAJar))
        .allSatisfy(
            module ->
                assertThat(module.properties())
                    .as(module.artifactId() + "'s properties")
                    .doesNotContainKeys("maven.source.skip", "maven.javadoc.skip"));
  }

  private static List<String> publishedArtifactIds() {
    return ReactorModules.all().stream()
        .filter(Module::publishesAJar)
        .map(Module::artifactId)
        .toList();
  }

  private static List<Element> managedDependencies() {
    return child(BOM.pom(), "dependencyManagement")
        .flatMap(management -> child(management, "dependencies"))
        .map(ReactorModules::children)
        .orElse(List.of());
  }

  /** The BOM's entries, artifact id to version as written. */
  private static Map<String, String> bomEntries() {
    Map<String, String> entries = new TreeMap<>();
    for (Element dependency : managedDependencies()) {
      entries.put(
          text(dependency, "artifactId").orElseThrow(), text(dependency, "version").orElse(""));
    }
    return entries;
  }
}
