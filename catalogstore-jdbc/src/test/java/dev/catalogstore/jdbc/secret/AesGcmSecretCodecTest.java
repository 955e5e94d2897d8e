package dev.catalogstore.jdbc.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@link AesGcmSecretCodec}: sealing, binding to context, tamper detection and key rotation. */
class AesGcmSecretCodecTest {
  private static final byte[] KEY_1 = key(1);
  private static final byte[] KEY_2 = key(2);
  private static final byte[] SECRET = "s3cr3t-access-key".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONTEXT = "tenant-a/warehouse-1".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedValueOpensToThePlaintextAndDoesNotContainIt() {
    AesGcmSecretCodec codec = AesGcmSecretCodec.of(1, KEY_1);

    byte[] sealed = codec.seal(SECRET, CONTEXT);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
    assertThat(sealed[0]).as("format byte").isEqualTo((byte) 1);
    assertThat(sealed[1]).as("key id").isEqualTo((byte) 1);
    assertThat(codec.open(sealed, CONTEXT)).isEqualTo(SECRET);
  }

  @Test
  void everySealUsesAFreshNonce() {
    AesGcmSecretCodec codec = AesGcmSecretCodec.of(1, KEY_1);

    byte[] first = codec.seal(SECRET, CONTEXT);
    byte[] second = codec.seal(SECRET, CONTEXT);

    assertThat(Arrays.copyOfRange(first, 2, 14)).isNotEqualTo(Arrays.copyOfRange(second, 2, 14));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aValueDoesNotOpenInAnotherContext() {
    AesGcmSecretCodec codec = AesGcmSecretCodec.of(1, KEY_1);
    byte[] sealed = codec.seal(SECRET, CONTEXT);

    assertThatThrownBy(() -> codec.open(sealed, "tenant-b/warehouse-1".getBytes()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sealed for another row");
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    AesGcmSecretCodec codec = AesGcmSecretCodec.of(1, KEY_1);
    byte[] sealed = codec.seal(SECRET, CONTEXT);

    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> codec.open(altered, CONTEXT))
          .as("byte %d altered", i)
          .isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> codec.open(Arrays.copyOf(sealed, 20), CONTEXT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    byte[] sealedWithOldKey = AesGcmSecretCodec.of(1, KEY_1).seal(SECRET, CONTEXT);
    AesGcmSecretCodec rotated =
        AesGcmSecretCodec.builder().activeKey(2, KEY_2).previousKey(1, KEY_1).build();

    assertThat(rotated.open(sealedWithOldKey, CONTEXT)).isEqualTo(SECRET);
    byte[] sealedWithNewKey = rotated.seal(SECRET, CONTEXT);
    assertThat(sealedWithNewKey[1]).as("key id").isEqualTo((byte) 2);
    assertThat(rotated.open(sealedWithNewKey, CONTEXT)).isEqualTo(SECRET);
  }

  @Test
  void aValueSealedWithAnUnknownKeyIdSaysSo() {
    byte[] sealed = AesGcmSecretCodec.of(7, KEY_1).seal(SECRET, CONTEXT);

    assertThatThrownBy(() -> AesGcmSecretCodec.of(1, KEY_1).open(sealed, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key id 7");
  }

  @Test
  void plaintextValuesAndAesValuesAreNeverConfused() {
    byte[] plain = SecretCodec.plaintextForTesting().seal(SECRET, CONTEXT);
    byte[] sealed = AesGcmSecretCodec.of(1, KEY_1).seal(SECRET, CONTEXT);

    assertThat(SecretCodec.plaintextForTesting().open(plain, CONTEXT)).isEqualTo(SECRET);
    assertThatThrownBy(() -> AesGcmSecretCodec.of(1, KEY_1).open(plain, CONTEXT))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretCodec.plaintextForTesting().open(sealed, CONTEXT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keysCanBeGivenInBase64() {
    AesGcmSecretCodec codec =
        AesGcmSecretCodec.ofBase64(3, Base64.getEncoder().encodeToString(KEY_1));

    assertThat(AesGcmSecretCodec.of(3, KEY_1).open(codec.seal(SECRET, CONTEXT), CONTEXT))
        .isEqualTo(SECRET);
  }

  @Test
  void badKeysAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> AesGcmSecretCodec.of(1, new byte[15]))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("activeKey");
    assertThatThrownBy(() -> AesGcmSecretCodec.of(256, KEY_1))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("0 to 255");
    assertThatThrownBy(() -> AesGcmSecretCodec.of(-1, KEY_1))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AesGcmSecretCodec.of(1, null))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AesGcmSecretCodec.ofBase64(1, "not base64!"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AesGcmSecretCodec.builder().previousKey(1, KEY_1).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("activeKey");
    assertThatThrownBy(
            () -> AesGcmSecretCodec.builder().activeKey(1, KEY_1).previousKey(1, KEY_2).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void theDescriptionShowsKeyIdsButNoKeyMaterial() {
    AesGcmSecretCodec codec = AesGcmSecretCodec.of(1, KEY_1);

    assertThat(codec.describe())
        .contains("1")
        .doesNotContain(Base64.getEncoder().encodeToString(KEY_1));
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return key;
  }
}
