package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.examples.ReactorModules.Module;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every published jar has a stable Java module name, the one its artifact's name gives, declared
 * once: by a {@code module-info} (api, memory, tck) or, where a dependency publishes no module name
 * that a {@code module-info} could require, by the jar's {@code Automatic-Module-Name} (jdbc,
 * iceberg). Without one, an application on the module path would get a name derived from the jar's
 * file name, which changes with the version.
 */
class ModuleNamesTest {
  private static final List<Module> PUBLISHED =
      ReactorModules.all().stream().filter(Module::publishesAJar).toList();

  @Test
  void everyPublishedJarHasTheStableModuleNameOfItsArtifact() throws IOException {
    assertThat(PUBLISHED).extracting(Module::artifactId).contains("catalogstore-api");

    for (Module module : PUBLISHED) {
      Optional<String> name = module.declaredModuleName().or(module::automaticModuleName);
      assertThat(name)
          .as(module.artifactId() + "'s module name (module-info or Automatic-Module-Name)")
          .contains(module.expectedModuleName());
    }
  }

  @Test
  void aPublishedJarNamesItsModuleEitherByModuleInfoOrByItsManifestNotBoth() throws IOException {
    for (Module module : PUBLISHED) {
      assertThat(
              module.declaredModuleName().isPresent() && module.automaticModuleName().isPresent())
          .as(module.artifactId() + " has a module-info and an Automatic-Module-Name")
          .isFalse();
    }
  }
}
