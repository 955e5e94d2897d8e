package dev.catalogstore.jdbc.token;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads tokens and revocations from the rows of {@link TokenSql}; never a token's digest. */
final class TokenRows {
  /** The columns {@link #token} reads, of a row aliased {@code k}: no digest among them. */
  static final String COLUMNS = "k.tenant_id, k.token_id, k.user_id, k.issued_at, k.expires_at";

  /** The columns {@link #revocation} reads, of a row aliased {@code r}. */
  static final String REVOCATION_COLUMNS =
      "r.tenant_id, r.token_id, r.reason, r.revoked_at, r.expires_at";

  private TokenRows() {}

  /** The token in {@code row}'s {@link #COLUMNS}, of the row's tenant. */
  static Token token(ResultSet row) throws SQLException {
    return new Token(
        new TokenId(Rows.uuid(row, "token_id")),
        new TenantId(Rows.uuid(row, "tenant_id")),
        new UserId(Rows.uuid(row, "user_id")),
        Rows.instant(row, "issued_at"),
        Rows.instant(row, "expires_at"));
  }

  /** The revocation in {@code row}'s {@link #REVOCATION_COLUMNS}. */
  static Revocation revocation(ResultSet row) throws SQLException {
    return new Revocation(
        new TokenId(Rows.uuid(row, "token_id")),
        new TenantId(Rows.uuid(row, "tenant_id")),
        row.getString("reason"),
        Rows.instant(row, "revoked_at"),
        Rows.instant(row, "expires_at"));
  }
}
