package dev.catalogstore.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The SQLState mapping of {@link SqlErrors}. */
class SqlErrorsTest {
  private static final Violations VIOLATIONS =
      Violations.NONE
          .onUnique(() -> new AlreadyExistsException("taken"))
          .onForeignKey(() -> new PreconditionFailedException("still used"))
          .onPropertyLimit("update.properties");

  @Test
  void constraintViolationsMeanWhatTheOperationSays() {
    assertThat(translate(new SQLException("dup", "23505")))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("taken");
    assertThat(translate(new SQLException("fk", "23503")))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessage("still used");
  }

  @Test
  void aViolationTheOperationDidNotDeclareIsAStoreDefectCarryingTheSqlFailure() {
    SQLException duplicate = new SQLException("dup", "23505");

    CatalogStoreException e = SqlErrors.translate("testOperation", duplicate, Violations.NONE);

    assertThat(e)
        .isInstanceOf(InternalStoreException.class)
        .hasCause(duplicate)
        .hasMessageContaining("testOperation");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aChangeOfAnAppendOnlyAuditEventIsAStoreDefect() {
    // The store only inserts audit events: the triggers' refusal reaching it means a defect.
    assertThat(translate(new SQLException("append-only", SqlErrors.APPEND_ONLY)))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining(SqlErrors.APPEND_ONLY);
  }

  @Test
  void theStoredPropertyLimitIsRecognisedByItsConstraintsName() {
    CatalogStoreException e = translate(checkViolation("assets_properties_ck"));

    assertThat(e).isInstanceOf(InvalidArgumentException.class);
    assertThat(((InvalidArgumentException) e).field()).isEqualTo("update.properties");
  }

  @Test
  void theStoredPropertyBytesLimitIsRecognisedByItsConstraintsNameAndReportedTheSameWay() {
    CatalogStoreException bytes = translate(checkViolation("assets_properties_bytes_ck"));
    CatalogStoreException entries = translate(checkViolation("assets_properties_ck"));

    assertThat(bytes).isInstanceOf(InvalidArgumentException.class);
    assertThat(((InvalidArgumentException) bytes).field()).isEqualTo("update.properties");
    assertThat(bytes).hasMessage(entries.getMessage());
  }

  @Test
  void anyOtherCheckViolationIsAStoreDefect() {
    assertThat(translate(checkViolation("assets_metadata_ck")))
        .isInstanceOf(InternalStoreException.class);
    assertThat(
            SqlErrors.translate(
                "testOperation", checkViolation("assets_properties_ck"), Violations.NONE))
        .isInstanceOf(InternalStoreException.class);
    assertThat(
            SqlErrors.translate(
                "testOperation", checkViolation("assets_properties_bytes_ck"), Violations.NONE))
        .isInstanceOf(InternalStoreException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "57014", "53300", "53100",
        "40001", "40P01", "55P03", "25006", "58030", "XX000", "42501"
      })
  void connectionResourceAndServerFailuresAreUnavailable(String state) {
    CatalogStoreException e = translate(new SQLException("boom", state));

    assertThat(e).isInstanceOf(UnavailableException.class).hasMessageContaining(state);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aWriteRefusedByAReadOnlyServerIsUnavailableAndSaysWhy() {
    CatalogStoreException e = translate(new SQLException("read-only transaction", "25006"));

    assertThat(e)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("read-only")
        .hasMessageContaining("25006");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aPoolTimeoutWithoutSqlStateIsUnavailable() {
    assertThat(translate(new SQLTransientConnectionException("pool timeout")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void theStateIsFoundAlongTheCauseChain() {
    SQLException wrapped = new SQLException("wrapper", null, new SQLException("inner", "23505"));

    assertThat(translate(wrapped)).isInstanceOf(AlreadyExistsException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22P05", "54000", "23502", "23514", "42P01", "42703", "XX001"})
  void aStatementTheDatabaseRejectsAfterValidationIsANonRetryableStoreDefect(String state) {
    CatalogStoreException e = translate(new SQLException("rejected", state));

    assertThat(e).isInstanceOf(InternalStoreException.class).hasMessageContaining(state);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void onlySerializationFailuresAndDeadlocksAreRunAgain() {
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x", "40001"))).isTrue();
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x", "40P01"))).isTrue();
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x", "23505"))).isFalse();
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x", "40003"))).isFalse();
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x", "40002"))).isFalse();
    assertThat(SqlErrors.isTransactionRollback(new SQLException("x"))).isFalse();
  }

  /** A check violation as PostgreSQL's driver reports it, with the constraint as a field. */
  private static SQLException checkViolation(String constraint) {
    return new PSQLException(
        new ServerErrorMessage(
            "SERROR\0C23514\0Mnew row violates check constraint\0n" + constraint + "\0"));
  }

  private static CatalogStoreException translate(SQLException e) {
    return SqlErrors.translate("testOperation", e, VIOLATIONS);
  }
}
