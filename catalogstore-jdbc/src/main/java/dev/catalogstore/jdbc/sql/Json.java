package dev.catalogstore.jdbc.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * String maps as the JSON objects stored in jsonb columns (properties, storage options, connector
 * options) and inside sealed credentials.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private Json() {}

  /** {@code map} as a JSON object. */
  public static String write(Map<String, String> map) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code map} as the UTF-8 bytes of a JSON object. */
  public static byte[] writeBytes(Map<String, String> map) {
    try {
      return MAPPER.writeValueAsBytes(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON object {@code json} as an unmodifiable map; {@code null} reads as {@code null}.
   *
   * <p>Every row the store reads carries at least one such map, most often empty, so this is on the
   * path of every read: the empty object ({@code jsonb} prints it as {@code {}}) costs nothing, and
   * an object of string values is read token by token, without the data binding's type resolution.
   * Anything else (a value that is not a string) takes the data binding, which reads it exactly as
   * before.
   */
  public static Map<String, String> read(String json) {
    if (json == null) {
      return null;
    }
    if (json.equals("{}")) {
      return Map.of();
    }
    try {
      Map<String, String> strings = readStrings(json);
      return strings != null ? strings : Map.copyOf(MAPPER.readValue(json, STRING_MAP));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object {@code json} if it holds only string values; {@code null} if it holds others. */
  private static Map<String, String> readStrings(String json) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, String> map = new HashMap<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String key = parser.currentName();
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
          return null;
        }
        map.put(key, parser.getText());
      }
      // Trailing content is malformed JSON: the data binding reports it as it always has.
      return parser.nextToken() == null ? Map.copyOf(map) : null;
    }
  }

  /** The JSON object in UTF-8 {@code bytes} as an unmodifiable map. */
  public static Map<String, String> read(byte[] bytes) {
    try {
      return Map.copyOf(MAPPER.readValue(bytes, STRING_MAP));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
