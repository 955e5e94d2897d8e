package dev.catalogstore.jdbc.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.namespace.NamespacePath;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An asset's content ({@link AssetContent}) as the jsonb object stored in {@code
 * commit_changes.before} and {@code after}: {@code {"kind", "location", "metadataLocation",
 * "properties"}}, with JSON null for an absent location or metadata location. Statements build it
 * from an asset row with {@link #of}; Java code writes it with {@link #write} and reads it with
 * {@link #read}, so both produce the same object.
 */
public final class ContentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContentJson() {}

  /** The SQL expression of the content of the asset row aliased {@code alias}, as jsonb. */
  public static String of(String alias) {
    return ("jsonb_build_object('kind', %1$s.kind, 'location', %1$s.location, "
            + "'metadataLocation', %1$s.metadata_location, 'properties', %1$s.properties)")
        .formatted(alias);
  }

  /** {@code content} as JSON text; {@code null} for an absent content (SQL NULL). */
  public static String write(Optional<AssetContent> content) {
    if (content.isEmpty()) {
      return null;
    }
    AssetContent c = content.get();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", c.kind().name());
    node.put("location", c.location().orElse(null));
    node.put("metadataLocation", c.metadataLocation().orElse(null));
    ObjectNode properties = node.putObject("properties");
    c.properties().forEach(properties::put);
    return toText(node);
  }

  /** The content in {@code json}; empty for SQL NULL. */
  public static Optional<AssetContent> read(String json) {
    if (json == null) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> properties = new HashMap<>();
    node.get("properties")
        .fields()
        .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    return Optional.of(
        new AssetContent(
            AssetKind.valueOf(node.get("kind").asText()),
            text(node, "location"),
            text(node, "metadataLocation"),
            properties));
  }

  /** A namespace path as a JSON array of its segments, for statements that take paths in bulk. */
  public static String path(NamespacePath path) {
    ArrayNode array = MAPPER.createArrayNode();
    path.segments().forEach(array::add);
    return toText(array);
  }

  /** Paths as {@link #path} JSON arrays. */
  public static List<String> paths(List<NamespacePath> paths) {
    List<String> json = new ArrayList<>(paths.size());
    paths.forEach(p -> json.add(path(p)));
    return json;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static String toText(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
