/**
 * The CatalogStore contract: the {@link dev.catalogstore.api.CatalogStore} root and its facets,
 * model records, typed ids, errors and paging, plus {@code spi}, the backend-neutral logic every
 * backend shares. Depends on nothing outside the JDK.
 */
module dev.catalogstore.api {
  exports dev.catalogstore.api;
  exports dev.catalogstore.api.asset;
  exports dev.catalogstore.api.audit;
  exports dev.catalogstore.api.branch;
  exports dev.catalogstore.api.catalog;
  exports dev.catalogstore.api.commit;
  exports dev.catalogstore.api.common;
  exports dev.catalogstore.api.error;
  exports dev.catalogstore.api.federation;
  exports dev.catalogstore.api.maintenance;
  exports dev.catalogstore.api.namespace;
  exports dev.catalogstore.api.paging;
  exports dev.catalogstore.api.permission;
  exports dev.catalogstore.api.role;
  exports dev.catalogstore.api.serviceuser;
  exports dev.catalogstore.api.settings;
  exports dev.catalogstore.api.spi;
  exports dev.catalogstore.api.tag;
  exports dev.catalogstore.api.tenant;
  exports dev.catalogstore.api.token;
  exports dev.catalogstore.api.user;
  exports dev.catalogstore.api.warehouse;
}
