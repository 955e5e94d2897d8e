package dev.catalogstore.api.tag;

import dev.catalogstore.api.commit.CommitId;
import java.time.Instant;

/**
 * A tag: a fixed name for one commit of a catalog, for example a release. A tag never moves; to
 * point a name at another commit, delete the tag and create it again.
 *
 * @param ref the tag's address
 * @param commit the commit it names, always one of its catalog
 * @param createdAt when it was created
 */
public record Tag(TagRef ref, CommitId commit, Instant createdAt) {}
