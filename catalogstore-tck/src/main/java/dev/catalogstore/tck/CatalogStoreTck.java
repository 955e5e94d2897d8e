package dev.catalogstore.tck;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.tck.asset.AssetCoordinatesContract;
import dev.catalogstore.tck.asset.AssetCreateContract;
import dev.catalogstore.tck.asset.AssetDeleteContract;
import dev.catalogstore.tck.asset.AssetGetContract;
import dev.catalogstore.tck.asset.AssetInputRulesContract;
import dev.catalogstore.tck.asset.AssetIsolationContract;
import dev.catalogstore.tck.asset.AssetListContract;
import dev.catalogstore.tck.asset.AssetNamesContract;
import dev.catalogstore.tck.asset.AssetPagingContract;
import dev.catalogstore.tck.asset.AssetPropertiesContract;
import dev.catalogstore.tck.asset.AssetReadBackContract;
import dev.catalogstore.tck.asset.AssetRenameContract;
import dev.catalogstore.tck.asset.AssetTimeContract;
import dev.catalogstore.tck.asset.CommitWithLocationContract;
import dev.catalogstore.tck.asset.GuardedChangeInputRulesContract;
import dev.catalogstore.tck.asset.GuardedDeleteContract;
import dev.catalogstore.tck.asset.GuardedRenameContract;
import dev.catalogstore.tck.asset.KindsListingContract;
import dev.catalogstore.tck.asset.MetadataHistoryContract;
import dev.catalogstore.tck.asset.MetadataPointerContract;
import dev.catalogstore.tck.asset.MetadataPointerRacesContract;
import dev.catalogstore.tck.asset.MultiAssetCommitAllOrNothingContract;
import dev.catalogstore.tck.asset.MultiAssetCommitApplyContract;
import dev.catalogstore.tck.asset.MultiAssetCommitInputRulesContract;
import dev.catalogstore.tck.asset.MultiAssetCommitRacesContract;
import dev.catalogstore.tck.audit.AuditFilterContract;
import dev.catalogstore.tck.audit.AuditInputRulesContract;
import dev.catalogstore.tck.audit.AuditIsolationContract;
import dev.catalogstore.tck.audit.AuditLogContract;
import dev.catalogstore.tck.audit.AuditPagingContract;
import dev.catalogstore.tck.catalog.CatalogCascadeContract;
import dev.catalogstore.tck.catalog.CatalogCreateContract;
import dev.catalogstore.tck.catalog.CatalogDeleteContract;
import dev.catalogstore.tck.catalog.CatalogInputRulesContract;
import dev.catalogstore.tck.catalog.CatalogIsolationContract;
import dev.catalogstore.tck.catalog.CatalogNamesContract;
import dev.catalogstore.tck.catalog.CatalogNotFoundContract;
import dev.catalogstore.tck.catalog.CatalogPagingContract;
import dev.catalogstore.tck.catalog.CatalogTimeContract;
import dev.catalogstore.tck.catalog.CatalogUpdateContract;
import dev.catalogstore.tck.federation.ConnectorCredentialsContract;
import dev.catalogstore.tck.federation.FederationAtomicityContract;
import dev.catalogstore.tck.federation.FederationFailureContract;
import dev.catalogstore.tck.federation.FederationIsolationContract;
import dev.catalogstore.tck.federation.FederationRulesContract;
import dev.catalogstore.tck.federation.FederationScaleContract;
import dev.catalogstore.tck.federation.FederationScopeContract;
import dev.catalogstore.tck.federation.FederationSyncContract;
import dev.catalogstore.tck.maintenance.ExpireSnapshotsContract;
import dev.catalogstore.tck.maintenance.MaintenanceIsolationContract;
import dev.catalogstore.tck.maintenance.MaintenanceRacesContract;
import dev.catalogstore.tck.maintenance.MaintenanceRulesContract;
import dev.catalogstore.tck.maintenance.RemoveOrphanFilesContract;
import dev.catalogstore.tck.namespace.NamespaceCascadeContract;
import dev.catalogstore.tck.namespace.NamespaceCreateContract;
import dev.catalogstore.tck.namespace.NamespaceDeleteContract;
import dev.catalogstore.tck.namespace.NamespaceInputRulesContract;
import dev.catalogstore.tck.namespace.NamespaceIsolationContract;
import dev.catalogstore.tck.namespace.NamespaceListContract;
import dev.catalogstore.tck.namespace.NamespaceNotFoundContract;
import dev.catalogstore.tck.namespace.NamespacePagingContract;
import dev.catalogstore.tck.namespace.NamespacePropertiesContract;
import dev.catalogstore.tck.namespace.NamespaceTimeContract;
import dev.catalogstore.tck.namespace.NamespaceTreeContract;
import dev.catalogstore.tck.permission.GovernanceCascadeContract;
import dev.catalogstore.tck.permission.GovernanceRacesContract;
import dev.catalogstore.tck.permission.GovernanceTimeContract;
import dev.catalogstore.tck.permission.PermissionContract;
import dev.catalogstore.tck.permission.PermissionInputRulesContract;
import dev.catalogstore.tck.permission.PermissionIsolationContract;
import dev.catalogstore.tck.permission.PermissionPagingContract;
import dev.catalogstore.tck.role.RoleContract;
import dev.catalogstore.tck.role.RoleInputRulesContract;
import dev.catalogstore.tck.role.RoleIsolationContract;
import dev.catalogstore.tck.role.RolePagingContract;
import dev.catalogstore.tck.serviceuser.ServiceUserContract;
import dev.catalogstore.tck.serviceuser.ServiceUserInputRulesContract;
import dev.catalogstore.tck.serviceuser.ServiceUserIsolationContract;
import dev.catalogstore.tck.serviceuser.ServiceUserPagingContract;
import dev.catalogstore.tck.serviceuser.ServiceUserRacesContract;
import dev.catalogstore.tck.serviceuser.ServiceUserTimeContract;
import dev.catalogstore.tck.settings.SettingsContract;
import dev.catalogstore.tck.settings.SettingsInputRulesContract;
import dev.catalogstore.tck.settings.SettingsIsolationContract;
import dev.catalogstore.tck.settings.SettingsTimeContract;
import dev.catalogstore.tck.tenant.TenantCascadeContract;
import dev.catalogstore.tck.tenant.TenantContract;
import dev.catalogstore.tck.tenant.TenantInputRulesContract;
import dev.catalogstore.tck.tenant.TenantIsolationContract;
import dev.catalogstore.tck.tenant.TenantPagingContract;
import dev.catalogstore.tck.tenant.TenantTimeContract;
import dev.catalogstore.tck.token.TokenCleanupContract;
import dev.catalogstore.tck.token.TokenContract;
import dev.catalogstore.tck.token.TokenInputRulesContract;
import dev.catalogstore.tck.token.TokenIsolationContract;
import dev.catalogstore.tck.token.TokenPagingContract;
import dev.catalogstore.tck.token.TokenRacesContract;
import dev.catalogstore.tck.token.TokenRevocationContract;
import dev.catalogstore.tck.token.TokenTimeContract;
import dev.catalogstore.tck.user.UserContract;
import dev.catalogstore.tck.user.UserInputRulesContract;
import dev.catalogstore.tck.user.UserIsolationContract;
import dev.catalogstore.tck.user.UserPagingContract;
import dev.catalogstore.tck.version.AncestryContract;
import dev.catalogstore.tck.version.BranchCreateContract;
import dev.catalogstore.tck.version.BranchIsolationContract;
import dev.catalogstore.tck.version.BranchLifecycleContract;
import dev.catalogstore.tck.version.BranchPagingContract;
import dev.catalogstore.tck.version.CommitHistoryContract;
import dev.catalogstore.tck.version.CommitIsolationContract;
import dev.catalogstore.tck.version.CommitMetaIsolationContract;
import dev.catalogstore.tck.version.CommitOperationsContract;
import dev.catalogstore.tck.version.CommitPerChangeContract;
import dev.catalogstore.tck.version.CommitPerChangeRacesContract;
import dev.catalogstore.tck.version.HistoryEdgeCasesContract;
import dev.catalogstore.tck.version.HistoryPagingContract;
import dev.catalogstore.tck.version.MergeConflictContract;
import dev.catalogstore.tck.version.MergeDryRunContract;
import dev.catalogstore.tck.version.MergeHistoryContract;
import dev.catalogstore.tck.version.MergeOutcomeContract;
import dev.catalogstore.tck.version.MergeRaceContract;
import dev.catalogstore.tck.version.MergeResultContract;
import dev.catalogstore.tck.version.MergeRulesContract;
import dev.catalogstore.tck.version.MergeStrategyContract;
import dev.catalogstore.tck.version.PartialBranchMergeContract;
import dev.catalogstore.tck.version.TagContract;
import dev.catalogstore.tck.version.TagIsolationContract;
import dev.catalogstore.tck.version.TagPagingContract;
import dev.catalogstore.tck.version.VersionFailedCallsContract;
import dev.catalogstore.tck.version.VersionInputRulesContract;
import dev.catalogstore.tck.version.VersionTimeContract;
import dev.catalogstore.tck.warehouse.WarehouseCascadeContract;
import dev.catalogstore.tck.warehouse.WarehouseContract;
import dev.catalogstore.tck.warehouse.WarehouseInputRulesContract;
import dev.catalogstore.tck.warehouse.WarehouseIsolationContract;
import dev.catalogstore.tck.warehouse.WarehousePagingContract;
import dev.catalogstore.tck.warehouse.WarehouseSecretsContract;
import dev.catalogstore.tck.warehouse.WarehouseTimeContract;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * The CatalogStore compatibility test kit. A backend proves it keeps the contract by extending this
 * class in its tests and saying how to reach a store:
 *
 * <pre>{@code
 * class MyStoreTckTest extends CatalogStoreTck {
 *   static final MyStore STORE = MyStore.open(...);
 *
 *   @Override
 *   protected CatalogStore store() {
 *     return STORE;
 *   }
 * }
 * }</pre>
 *
 * <p>The federation suites sync federated catalogs against the TCK's fake remote catalog: the
 * store(s) given to the TCK must be built with {@link
 * dev.catalogstore.tck.federation.TckRemoteCatalog#CONNECTOR} among their connectors (for example
 * {@code FederatedConnectors.of(TckRemoteCatalog.CONNECTOR)}); {@code
 * FederationSync.theTckRemoteConnectorIsRegistered} says so when they are not. The rules about time
 * (the time suites, maintenance's retention, sync stats) need {@link #clock()}.
 *
 * <p>Every test creates fresh tenants with random names, so one store (one database) can serve the
 * whole run and tests never see each other's data. Each nested suite is named after what it checks
 * and its tests after the rule they check.
 *
 * <p>The suites are grouped by area, one package per area ({@code dev.catalogstore.tck.tenant},
 * {@code .warehouse}, {@code .catalog}, {@code .namespace}, {@code .asset}, {@code .version} for
 * commits, branches, tags and merges, {@code .user}, {@code .role}, {@code .permission} (with the
 * governance cascades, time and races), {@code .serviceuser} and {@code .token}, the operations
 * areas {@code .audit}, {@code .settings}, {@code .maintenance} and {@code .federation}, with the
 * rules of versioning that span every method in {@code .versioning}: a commit for every change, and
 * the versioning slices of isolation, input rules, paging and time): the area's behaviour split by
 * rule family ({@code Tenants}, {@code AssetCreate}, {@code MetadataPointer}, ...) and its slices
 * of the rules that span every area ({@code <Area>Isolation}, {@code <Area>InputRules}, {@code
 * <Area>Paging}, {@code <Area>Time}, {@code <Area>Cascades}). {@code IsolationGuard} fails for any
 * facet method without an isolation case; {@code Futures} checks the asynchronous shape. A new area
 * adds its package and one nested class per suite here.
 */
public abstract class CatalogStoreTck {

  /**
   * The store under test. Called before each test; it may return the same instance every time. The
   * TCK never closes it.
   */
  protected abstract CatalogStore store();

  /**
   * A second store over the same data, as a second application node would hold, for the rules about
   * concurrent writers. Defaults to {@link #store()}, right for a backend whose data lives in one
   * process.
   */
  protected CatalogStore peerStore() {
    return store();
  }

  /**
   * The clock the store(s) were built with, if the backend lets the TCK control time. The rules
   * about timestamps that need a stopped clock are skipped when this is empty.
   */
  protected Optional<TckClock> clock() {
    return Optional.empty();
  }

  private TckFixture fixture() {
    return new TckFixture(store(), peerStore(), clock());
  }

  // ---------------------------------------------------------------------------------------------
  // tenant

  @Nested
  class Tenants extends TenantContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TenantIsolation extends TenantIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TenantInputRules extends TenantInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TenantPaging extends TenantPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TenantTime extends TenantTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TenantCascades extends TenantCascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // warehouse

  @Nested
  class Warehouses extends WarehouseContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehouseIsolation extends WarehouseIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehouseInputRules extends WarehouseInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehousePaging extends WarehousePagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehouseTime extends WarehouseTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehouseSecrets extends WarehouseSecretsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class WarehouseCascades extends WarehouseCascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // catalog

  @Nested
  class CatalogCreate extends CatalogCreateContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogUpdate extends CatalogUpdateContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogDelete extends CatalogDeleteContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogNames extends CatalogNamesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogNotFound extends CatalogNotFoundContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogIsolation extends CatalogIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogInputRules extends CatalogInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogPaging extends CatalogPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogTime extends CatalogTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CatalogCascades extends CatalogCascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // namespace

  @Nested
  class NamespaceCreate extends NamespaceCreateContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceList extends NamespaceListContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceProperties extends NamespacePropertiesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceDelete extends NamespaceDeleteContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceNotFound extends NamespaceNotFoundContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceIsolation extends NamespaceIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceInputRules extends NamespaceInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespacePaging extends NamespacePagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceTime extends NamespaceTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceCascades extends NamespaceCascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class NamespaceTree extends NamespaceTreeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // asset

  @Nested
  class AssetCreate extends AssetCreateContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetGet extends AssetGetContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetList extends AssetListContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetRename extends AssetRenameContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetProperties extends AssetPropertiesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetDelete extends AssetDeleteContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetCoordinates extends AssetCoordinatesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetReadBack extends AssetReadBackContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MetadataPointer extends MetadataPointerContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MetadataHistory extends MetadataHistoryContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MetadataPointerRaces extends MetadataPointerRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetIsolation extends AssetIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetTime extends AssetTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetNames extends AssetNamesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetInputRules extends AssetInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AssetPaging extends AssetPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // versioning: the rules across every method (commits, isolation, input, time)

  @Nested
  class CommitPerChange extends CommitPerChangeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CommitPerChangeRaces extends CommitPerChangeRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CommitIsolation extends CommitIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class BranchIsolation extends BranchIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TagIsolation extends TagIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CommitMetaIsolation extends CommitMetaIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class VersionInputRules extends VersionInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class VersionTime extends VersionTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class VersionFailedCalls extends VersionFailedCallsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class BranchPaging extends BranchPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TagPaging extends TagPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class HistoryPaging extends HistoryPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // rules across areas

  @Nested
  class IsolationGuard extends IsolationGuardContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Futures extends FutureContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CommitWithLocation extends CommitWithLocationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MultiAssetCommitApply extends MultiAssetCommitApplyContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MultiAssetCommitAllOrNothing extends MultiAssetCommitAllOrNothingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MultiAssetCommitInputRules extends MultiAssetCommitInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MultiAssetCommitRaces extends MultiAssetCommitRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GuardedDelete extends GuardedDeleteContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GuardedRename extends GuardedRenameContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GuardedChangeInputRules extends GuardedChangeInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class KindsListing extends KindsListingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MissingThings extends MissingThingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class StoredLimits extends StoredLimitsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MonotonicTime extends MonotonicTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // versioning: merges

  @Nested
  class MergeOutcome extends MergeOutcomeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeConflict extends MergeConflictContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeStrategy extends MergeStrategyContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeResult extends MergeResultContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class PartialBranchMerge extends PartialBranchMergeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class HistoryEdgeCases extends HistoryEdgeCasesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeHistory extends MergeHistoryContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeDryRun extends MergeDryRunContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeRules extends MergeRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MergeRace extends MergeRaceContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // versioning: commits, branches, tags

  @Nested
  class CommitHistory extends CommitHistoryContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Ancestry extends AncestryContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class CommitOperations extends CommitOperationsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class BranchCreate extends BranchCreateContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class BranchLifecycle extends BranchLifecycleContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Tags extends TagContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // users, roles, permissions

  @Nested
  class Users extends UserContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Roles extends RoleContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Permissions extends PermissionContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GovernanceCascades extends GovernanceCascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GovernanceTime extends GovernanceTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class GovernanceRaces extends GovernanceRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // service users and tokens

  @Nested
  class ServiceUsers extends ServiceUserContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ServiceUserTime extends ServiceUserTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ServiceUserRaces extends ServiceUserRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Tokens extends TokenContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenRevocations extends TokenRevocationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenCleanup extends TokenCleanupContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenTime extends TokenTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenRaces extends TokenRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // governance: isolation, input rules, paging

  @Nested
  class UserIsolation extends UserIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class RoleIsolation extends RoleIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class PermissionIsolation extends PermissionIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ServiceUserIsolation extends ServiceUserIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenIsolation extends TokenIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class UserInputRules extends UserInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class RoleInputRules extends RoleInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class PermissionInputRules extends PermissionInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ServiceUserInputRules extends ServiceUserInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenInputRules extends TokenInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class UserPaging extends UserPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class RolePaging extends RolePagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class PermissionPaging extends PermissionPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ServiceUserPaging extends ServiceUserPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class TokenPaging extends TokenPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // operations: audit, settings, maintenance, federation

  @Nested
  class AuditLog extends AuditLogContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AuditFilters extends AuditFilterContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AuditPaging extends AuditPagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AuditInputRules extends AuditInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class AuditIsolation extends AuditIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Settings extends SettingsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class SettingsInputRules extends SettingsInputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class SettingsTime extends SettingsTimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class SettingsIsolation extends SettingsIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ExpireSnapshots extends ExpireSnapshotsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class RemoveOrphanFiles extends RemoveOrphanFilesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MaintenanceRules extends MaintenanceRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MaintenanceRaces extends MaintenanceRacesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MaintenanceIsolation extends MaintenanceIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationSync extends FederationSyncContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationFailures extends FederationFailureContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationRules extends FederationRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationAtomicity extends FederationAtomicityContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationScope extends FederationScopeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationScale extends FederationScaleContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class FederationIsolation extends FederationIsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class ConnectorCredentials extends ConnectorCredentialsContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }
}
