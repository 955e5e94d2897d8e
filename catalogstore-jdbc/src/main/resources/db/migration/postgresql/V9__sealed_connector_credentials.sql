-- The CatalogStore schema, version 9: a federated catalog's connector credentials, sealed.
--
-- A connector's secrets (an OAuth2 client secret, a bearer token, access keys) have a slot of their
-- own, apart from connector_options (plain jsonb, which the store refuses to give a well-known
-- secret key, SecretOptions). They are kept as warehouses.credentials are (V1): the bytes the
-- configured SecretCodec sealed, bound to the tenant and the catalog's name, never plain text; NULL
-- when the connector has none, and always for a LOCAL catalog.
--
-- Adding a nullable column without a default rewrites nothing. The check is NOT VALID only so that
-- adding it does not scan the table: every existing row holds NULL, and every insert and update
-- checks the row it writes.

ALTER TABLE catalogs ADD COLUMN connector_credentials bytea;

ALTER TABLE catalogs
    ADD CONSTRAINT catalogs_connector_credentials_ck
    CHECK (catalog_type = 'FEDERATED' OR connector_credentials IS NULL) NOT VALID;
