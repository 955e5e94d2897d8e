/**
 * The CatalogStore compatibility test kit: a backend extends {@link
 * dev.catalogstore.tck.CatalogStoreTck} in its tests. The suites are opened to JUnit, which runs
 * them reflectively.
 */
module dev.catalogstore.tck {
  requires transitive dev.catalogstore.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;

  exports dev.catalogstore.tck;
  exports dev.catalogstore.tck.asset;
  exports dev.catalogstore.tck.audit;
  exports dev.catalogstore.tck.catalog;
  exports dev.catalogstore.tck.federation;
  exports dev.catalogstore.tck.maintenance;
  exports dev.catalogstore.tck.namespace;
  exports dev.catalogstore.tck.permission;
  exports dev.catalogstore.tck.role;
  exports dev.catalogstore.tck.serviceuser;
  exports dev.catalogstore.tck.settings;
  exports dev.catalogstore.tck.tenant;
  exports dev.catalogstore.tck.token;
  exports dev.catalogstore.tck.user;
  exports dev.catalogstore.tck.version;
  exports dev.catalogstore.tck.warehouse;

  opens dev.catalogstore.tck to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.asset to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.audit to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.catalog to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.federation to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.maintenance to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.namespace to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.permission to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.role to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.serviceuser to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.settings to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.tenant to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.token to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.user to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.version to
      org.junit.platform.commons;
  opens dev.catalogstore.tck.warehouse to
      org.junit.platform.commons;
}
