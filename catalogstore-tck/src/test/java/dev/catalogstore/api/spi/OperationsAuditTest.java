package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.UnavailableException;
import org.junit.jupiter.api.Test;

class OperationsAuditTest {
  @Test
  void anErrorKeepsTabsAndLineBreaksAndReplacesOtherControlCharactersAndLoneSurrogates() {
    assertThat(OperationsAudit.truncate("a\u0000b\u0007c\td\ne\rf\ud800g\u007f\u0085h"))
        .isEqualTo("a\ufffdb\ufffdc\td\ne\rf\ufffdg\ufffd\ufffdh");
  }

  @Test
  void anErrorKeepsAPairedSurrogateWhole() {
    assertThat(OperationsAudit.truncate("x\ud83d\ude00y")).isEqualTo("x\ud83d\ude00y");
  }

  @Test
  void anErrorLongerThanAPropertyValueIsCutToOneWithAnEllipsis() {
    int max = Inputs.MAX_PROPERTY_VALUE_LENGTH;
    String cut = OperationsAudit.truncate("\ud83d\ude00".repeat(max + 5));

    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(max);
    assertThat(cut).endsWith("\ud83d\ude00…");
    // What is cut passes the rules of a property value, so every backend can store it.
    assertThat(Inputs.properties(java.util.Map.of("error", cut), "details")).isNotNull();
  }

  @Test
  void anErrorOfExactlyAPropertyValueIsKeptWhole() {
    String whole = "e".repeat(Inputs.MAX_PROPERTY_VALUE_LENGTH);
    assertThat(OperationsAudit.truncate(whole)).isEqualTo(whole);
  }

  @Test
  void aSyncErrorIsTheFailuresMessageOrItsDescription() {
    assertThat(OperationsAudit.syncError(new UnavailableException("down\u0000", null)))
        .isEqualTo("down\ufffd");
    assertThat(OperationsAudit.syncError(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }
}
