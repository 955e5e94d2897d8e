package dev.catalogstore.api.spi;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The page-token codec every backend shares, so that tokens are opaque, versioned and bound to the
 * tenant and the list they were minted for.
 *
 * <p>A token carries a format version, a 64-bit binding (a hash of the tenant id, the list's name
 * and the list's arguments) and the keyset position: the sort key of the last item returned, as a
 * list of strings. Every position part is a name, a sequence number or an audit-event position
 * (time and id), so a part that is not strict UTF-8 or holds a control character is refused as
 * malformed before it reaches a backend. Decoding under any other tenant or list fails the binding
 * check and is reported as an {@link InvalidArgumentException} on {@link #FIELD}. Since every query
 * is also filtered by the caller's tenant, a forged position can never reach another tenant's rows;
 * the binding exists so that misuse fails loudly instead of silently returning a wrong page.
 */
public final class PageTokens {
  /** The field name reported for a bad token. */
  public static final String FIELD = "page.pageToken";

  private static final byte VERSION = 1;
  private static final int MAX_TOKEN_LENGTH = 8192;

  private PageTokens() {}

  /**
   * Mints the token that resumes a list after {@code position}.
   *
   * @param tenant the tenant the list is read under
   * @param list a stable name for the list, for example {@code "namespaces"}
   * @param listArguments what selects the list's items, for example the catalog and parent path
   * @param position the sort key of the last item returned
   */
  public static String encode(
      TenantId tenant, String list, List<String> listArguments, List<String> position) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.write(binding(tenant, list, listArguments));
      out.writeShort(position.size());
      for (String part : position) {
        writeString(out, part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /**
   * Reads the keyset position of {@code request}'s token, checking that it was minted for this
   * tenant and list. Returns empty for a first-page request.
   *
   * @throws InvalidArgumentException on {@link #FIELD} if the token is malformed, of an unknown
   *     version, or was minted for another tenant or list
   */
  public static Optional<List<String>> decode(
      PageRequest request, TenantId tenant, String list, List<String> listArguments) {
    Optional<String> token = request.pageToken();
    if (token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(decodeToken(token.get(), tenant, list, listArguments));
  }

  private static List<String> decodeToken(
      String token, TenantId tenant, String list, List<String> listArguments) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw malformed();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
      if (in.readByte() != VERSION) {
        throw new InvalidArgumentException(FIELD, "unknown page token version");
      }
      byte[] binding = in.readNBytes(8);
      if (!MessageDigest.isEqual(binding, binding(tenant, list, listArguments))) {
        throw new InvalidArgumentException(
            FIELD, "the page token was issued for another tenant or another list");
      }
      int size = in.readUnsignedShort();
      List<String> position = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        position.add(readString(in));
      }
      if (in.available() != 0) {
        throw malformed();
      }
      return List.copyOf(position);
    } catch (IOException e) {
      throw malformed();
    }
  }

  /**
   * Reads a position part that is a history sequence number: a decimal of at least 1.
   *
   * @throws InvalidArgumentException on {@link #FIELD} otherwise
   */
  public static long sequence(String part) {
    long sequence;
    try {
      sequence = Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw malformed();
    }
    if (sequence < 1) {
      throw malformed();
    }
    return sequence;
  }

  private static InvalidArgumentException malformed() {
    return new InvalidArgumentException(FIELD, "malformed page token");
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length");
    }
    // Strict: a lenient decode would turn broken bytes into U+FFFD, a valid but foreign position.
    String part =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(in.readNBytes(length)))
            .toString();
    if (part.codePoints().anyMatch(Character::isISOControl)) {
      throw new IOException("control character in a position");
    }
    return part;
  }

  private static byte[] binding(TenantId tenant, String list, List<String> listArguments) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeString(out, tenant.value().toString());
      writeString(out, list);
      out.writeInt(listArguments.size());
      for (String argument : listArguments) {
        writeString(out, argument);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.copyOf(sha256.digest(bytes.toByteArray()), 8);
  }
}
