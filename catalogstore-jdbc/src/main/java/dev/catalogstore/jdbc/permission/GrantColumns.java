package dev.catalogstore.jdbc.permission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How a grant is stored, alike in {@code role_grants} and {@code permissions}: its scope's kind and
 * components in columns ({@code scope_kind, catalog_id, catalog_name, namespace, asset_name,
 * tag_name}), its actions as a {@code text[]} of their names in the enum's order, its canonical
 * {@code grant_key}. A stored grant's tenant is its row's. Internal to the JDBC store.
 *
 * <p>Grants travel to a statement as one jsonb array ({@link #toJson}), which the statement expands
 * with {@link #RECORDSET}, so a role's grants are written by one statement whatever their number; a
 * role's grants come back as a jsonb array too ({@link #ROLE_GRANTS_JSON}).
 */
public final class GrantColumns {
  /** The stored columns of a grant, for a row aliased {@code g}. */
  public static final String COLUMNS =
      "g.scope_kind, g.catalog_name, g.namespace, g.asset_name, g.tag_name, g.actions";

  /**
   * Expands {@code :grants::jsonb} (see {@link #toJson}) into rows aliased {@code x} with the
   * stored columns, namespace and actions as {@code text[]}.
   */
  public static final String RECORDSET =
      """
      SELECT x.position, x.grant_id, x.grant_key, x.scope_kind, x.catalog_id, x.catalog_name,
             CASE WHEN x.namespace IS NULL THEN NULL
                  ELSE ARRAY(SELECT e.value FROM jsonb_array_elements_text(x.namespace)
                                 WITH ORDINALITY AS e(value, at) ORDER BY e.at)
             END AS namespace,
             x.asset_name, x.tag_name,
             ARRAY(SELECT e.value FROM jsonb_array_elements_text(x.actions)
                       WITH ORDINALITY AS e(value, at) ORDER BY e.at) AS actions
      FROM jsonb_to_recordset(:grants::jsonb) AS x(
          position integer, grant_id uuid, grant_key text, scope_kind text, catalog_id uuid, catalog_name text,
          namespace jsonb, asset_name text, tag_name text, actions jsonb)
      """;

  /**
   * A role's grants as one jsonb array in the role's order, for a row {@code r} of {@code roles}.
   */
  public static final String ROLE_GRANTS_JSON =
      """
      (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                  'scope_kind', g.scope_kind, 'catalog_name', g.catalog_name,
                  'namespace', to_jsonb(g.namespace), 'asset_name', g.asset_name,
                  'tag_name', g.tag_name, 'actions', to_jsonb(g.actions))
                  ORDER BY g.position), '[]'::jsonb)
       FROM ${schema}.role_grants g
       WHERE g.tenant_id = r.tenant_id AND g.role_id = r.role_id)""";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GrantColumns() {}

  /**
   * A grant ready to be written.
   *
   * @param id its id: a direct permission's, or the role grant's {@link GrantRules#roleGrantId}
   * @param grant the grant, validated and of the row's tenant
   * @param catalogId the id of the catalog its scope names; {@code null} for a tenant scope
   */
  public record Stored(UUID id, Grant grant, UUID catalogId) {}

  /** {@code grants} as the jsonb array {@link #RECORDSET} reads, numbered in their order. */
  public static String toJson(List<Stored> grants) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Stored stored : grants) {
      Grant grant = stored.grant();
      PermissionScope scope = grant.scope();
      ObjectNode row = array.addObject();
      row.put("position", array.size() - 1);
      row.put("grant_id", stored.id().toString());
      row.put("grant_key", GrantRules.key(grant));
      row.put("scope_kind", kind(scope));
      if (stored.catalogId() != null) {
        row.put("catalog_id", stored.catalogId().toString());
      }
      GrantRules.catalogOf(scope).ifPresent(catalog -> row.put("catalog_name", catalog));
      NamespacePath namespace = namespaceOf(scope);
      if (namespace != null) {
        ArrayNode segments = row.putArray("namespace");
        namespace.segments().forEach(segments::add);
      }
      if (scope instanceof AssetScope asset) {
        row.put("asset_name", asset.name());
      }
      if (scope instanceof TagScope tag) {
        row.put("tag_name", tag.tag());
      }
      ArrayNode actions = row.putArray("actions");
      for (Action action : Action.values()) {
        if (grant.actions().contains(action)) {
          actions.add(action.name());
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The grant in {@code row}'s {@link #COLUMNS}, of {@code tenant}. */
  public static Grant read(ResultSet row, TenantId tenant) throws SQLException {
    String kind = row.getString("scope_kind");
    String catalog = row.getString("catalog_name");
    List<String> namespace =
        row.getArray("namespace") == null ? null : Rows.textArray(row, "namespace");
    return new Grant(
        scope(
            tenant,
            kind,
            catalog,
            namespace,
            row.getString("asset_name"),
            row.getString("tag_name")),
        actions(Rows.textArray(row, "actions")));
  }

  /** The grants in a jsonb array of {@link #ROLE_GRANTS_JSON}, of {@code tenant}. */
  public static Set<Grant> readJson(String json, TenantId tenant) {
    JsonNode array;
    try {
      array = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<Grant> grants = new LinkedHashSet<>();
    for (JsonNode row : array) {
      List<String> namespace = null;
      if (row.hasNonNull("namespace")) {
        namespace = new ArrayList<>();
        for (JsonNode segment : row.get("namespace")) {
          namespace.add(segment.asText());
        }
      }
      List<String> actions = new ArrayList<>();
      for (JsonNode action : row.get("actions")) {
        actions.add(action.asText());
      }
      grants.add(
          new Grant(
              scope(
                  tenant,
                  text(row, "scope_kind"),
                  text(row, "catalog_name"),
                  namespace,
                  text(row, "asset_name"),
                  text(row, "tag_name")),
              actions(actions)));
    }
    return Collections.unmodifiableSet(grants);
  }

  /** Grants to write for {@code role}: each with its role-grant id and its catalog's id. */
  public static List<Stored> ofRole(RoleId role, Set<Grant> grants, Map<String, UUID> catalogIds) {
    List<Stored> stored = new ArrayList<>();
    for (Grant grant : grants) {
      stored.add(
          new Stored(
              GrantRules.roleGrantId(role, grant).value(),
              grant,
              GrantRules.catalogOf(grant.scope()).map(catalogIds::get).orElse(null)));
    }
    return stored;
  }

  private static String kind(PermissionScope scope) {
    if (scope instanceof TenantScope) {
      return "TENANT";
    }
    if (scope instanceof CatalogScope) {
      return "CATALOG";
    }
    if (scope instanceof NamespaceScope) {
      return "NAMESPACE";
    }
    if (scope instanceof AssetScope) {
      return "ASSET";
    }
    return "TAG";
  }

  private static NamespacePath namespaceOf(PermissionScope scope) {
    if (scope instanceof NamespaceScope namespace) {
      return namespace.namespace();
    }
    if (scope instanceof AssetScope asset) {
      return asset.namespace();
    }
    return null;
  }

  private static PermissionScope scope(
      TenantId tenant,
      String kind,
      String catalog,
      List<String> namespace,
      String assetName,
      String tagName) {
    return switch (kind) {
      case "TENANT" -> new TenantScope(tenant);
      case "CATALOG" -> new CatalogScope(tenant, catalog);
      case "NAMESPACE" -> new NamespaceScope(tenant, catalog, new NamespacePath(namespace));
      case "ASSET" -> new AssetScope(tenant, catalog, new NamespacePath(namespace), assetName);
      case "TAG" -> new TagScope(tenant, catalog, tagName);
      default -> throw new IllegalStateException("a stored grant of unknown kind " + kind);
    };
  }

  private static Set<Action> actions(List<String> names) {
    EnumSet<Action> actions = EnumSet.noneOf(Action.class);
    names.forEach(name -> actions.add(Action.valueOf(name)));
    return actions;
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
