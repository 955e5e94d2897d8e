package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTokensTest {
  private final TenantId tenant = TenantId.random();

  @Test
  void aTokenRoundTripsItsPositionIncludingAnyCharacters() {
    List<String> position = List.of("a.b/c%_ é日😀", "");
    String token = PageTokens.encode(tenant, "namespaces", List.of("cat", "x"), position);

    assertThat(decode(token, tenant, "namespaces", List.of("cat", "x"))).isEqualTo(position);
  }

  @Test
  void aFirstPageRequestHasNoPosition() {
    assertThat(PageTokens.decode(PageRequest.firstPage(), tenant, "catalogs", List.of())).isEmpty();
  }

  @Test
  void aTokenIsUrlSafeAndOpaque() {
    String token = PageTokens.encode(tenant, "catalogs", List.of(), List.of("sales"));

    assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("sales");
  }

  @Test
  void aTokenIsRefusedUnderAnotherTenant() {
    String token = PageTokens.encode(tenant, "catalogs", List.of(), List.of("sales"));

    assertRefused(token, TenantId.random(), "catalogs", List.of());
  }

  @Test
  void aTokenIsRefusedForAnotherListOrOtherListArguments() {
    String token = PageTokens.encode(tenant, "namespaces", List.of("cat", "a"), List.of("x"));

    assertRefused(token, tenant, "assets", List.of("cat", "a"));
    assertRefused(token, tenant, "namespaces", List.of("cat", "b"));
    assertRefused(token, tenant, "namespaces", List.of("cat"));
  }

  @Test
  void listArgumentsAreNotAmbiguousWhenConcatenated() {
    String token = PageTokens.encode(tenant, "namespaces", List.of("ab", "c"), List.of("x"));

    assertRefused(token, tenant, "namespaces", List.of("a", "bc"));
  }

  @Test
  void malformedTokensAreRefusedNamingTheField() {
    String valid = PageTokens.encode(tenant, "catalogs", List.of(), List.of("sales"));
    byte[] raw = Base64.getUrlDecoder().decode(valid);
    byte[] tampered = raw.clone();
    tampered[tampered.length - 1] ^= 1;
    byte[] wrongVersion = raw.clone();
    wrongVersion[0] = 99;

    for (String token :
        List.of(
            "",
            "not a token!",
            "%%%",
            valid.substring(0, valid.length() - 3),
            valid + "AAAA",
            Base64.getUrlEncoder().withoutPadding().encodeToString(wrongVersion),
            "A".repeat(10_000))) {
      assertRefused(token, tenant, "catalogs", List.of());
    }
    // A flipped bit in the position still decodes to a well-formed, bound position: the store
    // only ever reads the caller's own tenant, so the worst case is a different page boundary.
    String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
    assertThat(decode(flipped, tenant, "catalogs", List.of())).hasSize(1);
  }

  @Test
  void aForgedPositionWithAControlCharacterOrBrokenUtf8IsRefused() {
    String valid = PageTokens.encode(tenant, "catalogs", List.of(), List.of("abc"));
    for (byte[] forged : List.of(new byte[] {'a', 0, 'c'}, new byte[] {(byte) 0xC3, 0x28, 'c'})) {
      byte[] raw = Base64.getUrlDecoder().decode(valid);
      System.arraycopy(forged, 0, raw, raw.length - 3, 3);

      assertRefused(
          Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
          tenant,
          "catalogs",
          List.of());
    }
  }

  @Test
  void aSequencePositionIsADecimalOfAtLeastOne() {
    assertThat(PageTokens.sequence("1")).isEqualTo(1);
    assertThat(PageTokens.sequence("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    for (String bad :
        List.of("0", "-1", "-9223372036854775808", "1.5", "x", "", "99999999999999999999")) {
      assertThatThrownBy(() -> PageTokens.sequence(bad))
          .as("sequence %s", bad)
          .isInstanceOfSatisfying(
              InvalidArgumentException.class,
              e -> assertThat(e.field()).isEqualTo(PageTokens.FIELD));
    }
  }

  private static List<String> decode(
      String token, TenantId tenant, String list, List<String> args) {
    return PageTokens.decode(PageRequest.nextPage(token, 10), tenant, list, args).orElseThrow();
  }

  private static void assertRefused(String token, TenantId tenant, String list, List<String> args) {
    assertThatThrownBy(() -> decode(token, tenant, list, args))
        .as("token %s", token)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo(PageTokens.FIELD));
  }
}
