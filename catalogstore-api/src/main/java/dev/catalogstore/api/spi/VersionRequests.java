package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.required;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.tag.TagRef;
import java.util.Set;

/**
 * The validation of versioning inputs (commits, branches, tags, merges), shared by every backend
 * like {@link Requests}: each method checks one argument and reports the first problem as an {@link
 * InvalidArgumentException} naming the field under {@code field}.
 */
public final class VersionRequests {
  private VersionRequests() {}

  /** An author (a name) and a message (free text), both optional. */
  public static CommitMeta commitMeta(CommitMeta meta, String field) {
    required(meta, field);
    meta.author().ifPresent(author -> name(author, field + ".author"));
    meta.message().ifPresent(message -> Inputs.message(message, field + ".message"));
    return meta;
  }

  public static CommitId commitId(CommitId id, String field) {
    return required(id, field);
  }

  public static TagRef tag(TagRef tag, String field) {
    required(tag, field);
    name(tag.catalog(), field + ".catalog");
    name(tag.tag(), field + ".tag");
    return tag;
  }

  /** A branch head, a tag or a commit id, with valid names. */
  public static CommitRef commitRef(CommitRef ref, String field) {
    required(ref, field);
    if (ref instanceof CommitRef.Head head) {
      Requests.branch(head.branch(), field + ".branch");
    } else if (ref instanceof CommitRef.Tagged tagged) {
      tag(tagged.tag(), field + ".tag");
    } else if (ref instanceof CommitRef.ById byId) {
      name(byId.catalog(), field + ".catalog");
      commitId(byId.id(), field + ".id");
    }
    return ref;
  }

  /** A commit reference that must name {@code catalog}, the catalog of what the call creates. */
  public static CommitRef commitRefIn(String catalog, CommitRef ref, String field) {
    commitRef(ref, field);
    if (!ref.catalog().equals(catalog)) {
      throw new InvalidArgumentException(
          field + ".catalog", "must name catalog '" + catalog + "', not '" + ref.catalog() + "'");
    }
    return ref;
  }

  /**
   * The request of a branch creation: where it starts (in the new branch's own catalog), its type,
   * and, for a partial branch, a non-empty set of asset keys with valid namespaces and names.
   */
  public static NewBranch newBranch(BranchRef branch, NewBranch request, String field) {
    Requests.branch(branch, "branch");
    required(request, field);
    commitRefIn(branch.catalog(), request.from(), field + ".from");
    required(request.type(), field + ".type");
    request.assets().ifPresent(keys -> assetKeys(keys, field + ".assets"));
    return request;
  }

  /**
   * The branches and options of a merge: two distinct branches of one catalog ({@code target}
   * otherwise), and valid options.
   */
  public static MergeOptions merge(BranchRef source, BranchRef target, MergeOptions options) {
    Requests.branch(source, "source");
    Requests.branch(target, "target");
    if (!source.catalog().equals(target.catalog())) {
      throw new InvalidArgumentException(
          "target", "a merge stays within one catalog: " + source + " cannot merge into " + target);
    }
    if (source.equals(target)) {
      throw new InvalidArgumentException("target", "a branch cannot be merged into itself");
    }
    required(options, "options");
    required(options.strategy(), "options.strategy");
    commitMeta(options.meta(), "options.meta");
    return options;
  }

  private static void assetKeys(Set<AssetKey> keys, String field) {
    if (keys.isEmpty()) {
      throw new InvalidArgumentException(field, "must name at least one asset");
    }
    for (AssetKey key : keys) {
      Inputs.namespacePath(key.namespace(), field + ".namespace");
      name(key.name(), field + ".name");
    }
  }
}
