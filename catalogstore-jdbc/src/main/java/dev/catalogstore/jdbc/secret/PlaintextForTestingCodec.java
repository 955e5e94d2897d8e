package dev.catalogstore.jdbc.secret;

import java.util.Arrays;

/**
 * {@link SecretCodec#plaintextForTesting()}: the plain bytes behind a format byte of {@code 0}, so
 * that such values are recognisable in the database and refused by a real codec.
 */
final class PlaintextForTestingCodec implements SecretCodec {
  static final PlaintextForTestingCodec INSTANCE = new PlaintextForTestingCodec();

  /** The format byte that marks a value stored in plain text. */
  static final byte FORMAT = 0;

  private PlaintextForTestingCodec() {}

  @Override
  public byte[] seal(byte[] plaintext, byte[] context) {
    byte[] sealed = new byte[plaintext.length + 1];
    sealed[0] = FORMAT;
    System.arraycopy(plaintext, 0, sealed, 1, plaintext.length);
    return sealed;
  }

  @Override
  public byte[] open(byte[] sealed, byte[] context) {
    if (sealed.length == 0 || sealed[0] != FORMAT) {
      throw new IllegalStateException(
          "the value was not stored by SecretCodec.plaintextForTesting() (format byte "
              + (sealed.length == 0 ? "missing" : Byte.toUnsignedInt(sealed[0]))
              + ")");
    }
    return Arrays.copyOfRange(sealed, 1, sealed.length);
  }

  @Override
  public String describe() {
    return "PLAINTEXT (for testing only)";
  }

  @Override
  public String toString() {
    return "SecretCodec.plaintextForTesting()";
  }
}
