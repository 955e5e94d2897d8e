package dev.catalogstore.jdbc.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The JSON object {@code json} as an unmodifiable map; {@code null} reads as {@code null}. */
  public static Map<String, String> read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Map.copyOf(MAPPER.readValue(json, STRING_MAP));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
