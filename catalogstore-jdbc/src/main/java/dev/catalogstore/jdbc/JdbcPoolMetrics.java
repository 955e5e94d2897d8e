package dev.catalogstore.jdbc;

import java.util.OptionalInt;

/**
 * What a {@link JdbcCatalogStore} holds and waits for at one moment, for monitoring: its
 * connections, its calls, and whether it serves. Returned by {@link
 * JdbcCatalogStore#poolMetrics()}; {@code catalogstore-micrometer}'s {@code JdbcStoreMetrics}
 * publishes it as gauges.
 *
 * <p>Each number is read on its own while calls start and end, so together they are not one atomic
 * snapshot, and a number may be off by the calls that moved meanwhile.
 *
 * @param activeConnections connections of the store's own pool lent to calls now; empty when the
 *     store borrows from an application's {@code DataSource}, whose pool it does not see
 * @param idleConnections connections of the store's own pool open and free now; empty likewise
 * @param pendingConnections calls waiting for a connection of the store's own pool now (HikariCP's
 *     threads awaiting a connection: the pool is opening one, or the database is slow to accept
 *     it); empty likewise
 * @param maximumConnections {@code maximumPoolSize}: the most connections of the store's own pool,
 *     and the most calls that run at once, either way
 * @param runningCalls calls running now, each on a thread of the store (or holding one of the slots
 *     of running calls on an application's executor), whether or not it has its connection yet
 * @param queuedCalls calls accepted and waiting for their turn; beyond {@code maximumQueuedCalls}
 *     calls fail at once with {@code UnavailableException}
 * @param maximumQueuedCalls {@code maximumQueuedCalls}
 * @param available whether the store serves: false once it is closed, and while it takes the
 *     database for unreachable (from a failed attempt to get a connection until a probe, every 250
 *     ms, gets one again), during which calls fail at once with {@code UnavailableException}
 */
public record JdbcPoolMetrics(
    OptionalInt activeConnections,
    OptionalInt idleConnections,
    OptionalInt pendingConnections,
    int maximumConnections,
    int runningCalls,
    int queuedCalls,
    int maximumQueuedCalls,
    boolean available) {}
