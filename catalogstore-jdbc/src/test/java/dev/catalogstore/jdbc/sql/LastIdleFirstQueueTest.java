package dev.catalogstore.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store threads' work queue: a call goes to the thread that became idle last, calls that find
 * no idle thread wait in arrival order up to the queue's capacity, and a thread that stopped
 * waiting is never handed a call.
 */
class LastIdleFirstQueueTest {
  private static final long HANG_GUARD_SECONDS = 30;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void theThreadThatBecameIdleLastTakesTheNextCall() throws Exception {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(10);
    Future<Runnable> first = threads.submit(() -> queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    awaitIdle(queue, 1);
    Future<Runnable> last = threads.submit(() -> queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    awaitIdle(queue, 2);

    Runnable call = () -> {};
    assertThat(queue.offer(call)).isTrue();

    assertThat(last.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isSameAs(call);
    assertThat(first).isNotDone();
    assertThat(queue.idleThreads()).isEqualTo(1);
    assertThat(queue).as("a call handed to a thread is not queued").isEmpty();
  }

  @Test
  void aCallHandedToAnIdleThreadGoesToTheLastOneAndOtherwiseIsNotQueued() throws Exception {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(10);
    assertThat(queue.handToIdle(() -> {})).as("no thread waits").isFalse();
    assertThat(queue).as("nothing queued by a hand-off that found no thread").isEmpty();

    Future<Runnable> first = threads.submit(() -> queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    awaitIdle(queue, 1);
    Future<Runnable> last = threads.submit(() -> queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    awaitIdle(queue, 2);
    Runnable call = () -> {};
    assertThat(queue.handToIdle(call)).isTrue();

    assertThat(last.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isSameAs(call);
    assertThat(first).isNotDone();
    assertThat(queue).isEmpty();
  }

  @Test
  void callsThatFindNoIdleThreadWaitInArrivalOrderUpToTheCapacity() throws Exception {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(2);
    Runnable a = () -> {};
    Runnable b = () -> {};
    assertThat(queue.offer(a)).isTrue();
    assertThat(queue.offer(b)).isTrue();
    assertThat(queue.offer(() -> {})).as("beyond the capacity").isFalse();
    assertThat(queue.remainingCapacity()).isZero();

    assertThat(queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isSameAs(a);
    assertThat(queue.poll()).isSameAs(b);
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aThreadWhoseWaitEndedIsNeverHandedACall() throws Exception {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(10);
    assertThat(queue.poll(10, TimeUnit.MILLISECONDS)).as("nothing offered").isNull();
    assertThat(queue.idleThreads()).isZero();

    Future<Runnable> interrupted =
        threads.submit(() -> queue.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    awaitIdle(queue, 1);
    interrupted.cancel(true);
    awaitIdle(queue, 0);

    Runnable call = () -> {};
    assertThat(queue.offer(call)).isTrue();
    assertThat(queue).as("kept for the next thread that asks").containsExactly(call);
    assertThat(queue.take()).isSameAs(call);
  }

  @Test
  void shutdownDrainsTheWaitingCalls() {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(10);
    Runnable a = () -> {};
    Runnable b = () -> {};
    queue.offer(a);
    queue.offer(b);
    List<Runnable> drained = new ArrayList<>();

    assertThat(queue.drainTo(drained)).isEqualTo(2);

    assertThat(drained).containsExactly(a, b);
    assertThat(queue).isEmpty();
  }

  @Test
  void everyCallOfferedToManyThreadsIsTakenExactlyOnce() throws Exception {
    LastIdleFirstQueue queue = new LastIdleFirstQueue(1_000);
    int calls = 10_000;
    int takerCount = 4;
    Runnable stop = () -> {};
    List<CompletableFuture<Integer>> takers = new ArrayList<>();
    for (int t = 0; t < takerCount; t++) {
      takers.add(
          CompletableFuture.supplyAsync(
              () -> {
                int taken = 0;
                try {
                  while (queue.take() != stop) {
                    taken++;
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return taken;
              },
              threads));
    }
    for (int offered = 0; offered < calls + takerCount; ) {
      if (queue.offer(offered < calls ? () -> {} : stop)) {
        offered++;
      } else {
        Thread.onSpinWait();
      }
    }

    int taken = 0;
    for (CompletableFuture<Integer> taker : takers) {
      taken += taker.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(taken).isEqualTo(calls);
  }

  private static void awaitIdle(LastIdleFirstQueue queue, int idle) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
    while (queue.idleThreads() != idle && System.nanoTime() < end) {
      Thread.sleep(1);
    }
    assertThat(queue.idleThreads()).as("threads waiting").isEqualTo(idle);
  }
}
