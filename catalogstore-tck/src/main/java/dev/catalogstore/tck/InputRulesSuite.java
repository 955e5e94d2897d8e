package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The base of every area's input-rules suite: names (including namespace segments), property maps
 * and updates, storage locations, connector types and required arguments.
 *
 * <p>Bad input fails with {@link dev.catalogstore.api.error.InvalidArgumentException} naming the
 * field by the method's parameter name, nested with dots; it is checked before anything is looked
 * up, and a refused call changes nothing (each case reads a {@link World} back to prove it). Every
 * valid name is accepted and kept exactly: {@code .}, {@code %}, {@code _}, {@code /}, spaces and
 * non-ASCII letters round-trip through gets and list pages, compared byte-wise and never
 * normalised. See {@link TckNames} for the names used. Paging input is specified by the paging
 * suites ({@link PagingSuite}).
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class InputRulesSuite extends TckSuite {
  /** The warehouse of a {@link World}. */
  protected static final String LAKE = "lake";

  /** The catalog of a {@link World}, on {@link #LAKE}. */
  protected static final String CAT = "cat";

  /** A namespace of a {@link World}. */
  protected static final NamespaceRef NS = NamespaceRef.of(CAT, "ns");

  /** The child of {@link #NS} in a {@link World}. */
  protected static final NamespaceRef CHILD = NamespaceRef.of(CAT, "ns", "child");

  /** A namespace a {@link World} does not have. */
  protected static final NamespaceRef FREE = NamespaceRef.of(CAT, "free");

  /** A valid storage configuration. */
  protected static final StorageConfig STORAGE = fileStorage("free");

  /** A valid connector configuration. */
  protected static final ConnectorConfig REST =
      new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example"));

  /**
   * A tenant with one of everything: warehouse {@code lake}, catalog {@code cat} on it, namespace
   * {@code ns} and its child {@code child}, each with a property. Its state, read back, proves that
   * refused calls changed nothing.
   */
  protected final class World {
    /** The world's tenant. */
    public final TenantId tenant;

    private final List<Object> before;

    /** Creates the world under a fresh tenant. */
    public World() {
      Map<String, String> properties = Map.of("k", "v");
      tenant =
          await(store().tenants().create(new NewTenant(uniqueName("tenant"), properties))).id();
      await(
          store()
              .warehouses()
              .create(
                  tenant,
                  new NewWarehouse(
                      LAKE, fileStorage(LAKE), Credentials.of(Map.of("secret", "s")), properties)));
      await(
          store()
              .catalogs()
              .create(tenant, NewCatalog.local(CAT, LAKE).withProperties(properties)));
      await(store().namespaces().create(tenant, NS, properties));
      await(store().namespaces().create(tenant, CHILD, properties));
      before = state();
    }

    private List<Object> state() {
      PageRequest all = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      return List.of(
          await(store().tenants().get(tenant)),
          await(store().warehouses().list(tenant, all)),
          await(store().catalogs().list(tenant, all)),
          await(store().namespaces().list(tenant, NamespaceRef.root(CAT), all)),
          await(store().namespaces().list(tenant, NS, all)),
          await(store().namespaces().list(tenant, CHILD, all)));
    }

    /** Asserts that the world holds exactly what it held when it was created. */
    public void assertUnchanged() {
      assertThat(state()).as("the tenant's data after the refused calls").isEqualTo(before);
    }
  }

  /** Property maps every method refuses, with the suffix of the field each is reported on. */
  public static Stream<Arguments> badPropertyMaps() {
    return Stream.of(
        arguments("null map", null, ""),
        arguments("null key", mapOf(null, "v"), " key"),
        arguments("blank key", mapOf(" ", "v"), " key"),
        arguments("NUL in a key", mapOf("a\u0000b", "v"), " key"),
        arguments("C1 control in a key", mapOf("a\u009fb", "v"), " key"),
        arguments("unpaired surrogate in a key", mapOf("a\uD800", "v"), " key"),
        arguments("256-character key", mapOf("k".repeat(256), "v"), " key"),
        arguments("null value", mapOf("k", null), "[k]"),
        arguments("NUL in a value", mapOf("k", "a\u0000b"), "[k]"),
        arguments("DEL in a value", mapOf("k", "a\u007fb"), "[k]"),
        arguments("unpaired surrogate in a value", mapOf("k", "\uDC00"), "[k]"),
        arguments("value of 65537 characters", mapOf("k", "v".repeat(64 * 1024 + 1)), "[k]"),
        arguments("1001 entries", entries(1001), ""));
  }

  /** Property updates every method refuses, with the suffix of the field each is reported on. */
  public static Stream<Arguments> badPropertyUpdates() {
    Set<String> nullKey = new LinkedHashSet<>();
    nullKey.add(null);
    return Stream.of(
        arguments("null update", null, ""),
        arguments("null map to set", new PropertyUpdate(null, Set.of()), ".set"),
        arguments("null value to set", PropertyUpdate.setting("k", null), ".set[k]"),
        arguments("null set to remove", new PropertyUpdate(Map.of(), null), ".remove"),
        arguments("null key to remove", PropertyUpdate.removing(nullKey), ".remove"),
        arguments("blank key to remove", PropertyUpdate.removing(Set.of(" ")), ".remove"),
        arguments("NUL in a key to remove", PropertyUpdate.removing(Set.of("k\u0000")), ".remove"),
        arguments(
            "a key both set and removed",
            new PropertyUpdate(Map.of("k", "x", "other", "y"), Set.of("k")),
            ".remove"));
  }

  /** Property values that are valid although stores tend to mangle them. */
  protected static Map<String, String> edgeCaseProperties() {
    return Map.of(
        "empty",
        "",
        "lines",
        "one\ntwo\r\nthree\r",
        "tabbed",
        "\ta\tb\t",
        "a.b%_/ x",
        "key with separators",
        "日本語",
        "😀 ß é",
        "k".repeat(TckNames.MAX_LENGTH),
        "the longest key");
  }

  /** The items of a list short enough for one page, mapped. */
  protected static <T, R> List<R> listNames(
      Function<PageRequest, CompletableFuture<Page<T>>> list, Function<T, R> name) {
    Page<T> page = await(list.apply(PageRequest.firstPage(PageRequest.MAX_LIMIT)));
    assertThat(page.nextPageToken()).isEmpty();
    return page.items().stream().map(name).toList();
  }

  /** The names of a whole list, read in pages of 4. */
  protected static <T> List<String> pagedNames(
      Function<PageRequest, CompletableFuture<Page<T>>> list, Function<T, String> name) {
    List<String> names = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(4);
    while (true) {
      Page<T> page = await(list.apply(request));
      page.items().stream().map(name).forEach(names::add);
      if (page.nextPageToken().isEmpty() || names.size() > 1_000) {
        return names;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 4);
    }
  }

  /** {@code name} made unique among the store's tenant names, within 255 code points. */
  protected static String uniqueVariant(String name) {
    String unique = uniqueName("tenant") + "~" + name;
    return unique.codePointCount(0, unique.length()) <= TckNames.MAX_LENGTH
        ? unique
        : unique.substring(0, unique.offsetByCodePoints(0, TckNames.MAX_LENGTH));
  }

  /** A one-entry map that may hold a null key or value. */
  protected static Map<String, String> mapOf(String key, String value) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(key, value);
    return Collections.unmodifiableMap(map);
  }

  /** A map of {@code count} entries {@code k0=v0, k1=v1, ...}. */
  protected static Map<String, String> entries(int count) {
    Map<String, String> map = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> map.put("k" + i, "v" + i));
    return map;
  }
}
