package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where store calls run, and how many at once: the store's own bounded pool of threads by default,
 * or an executor the application chose, in front of which a semaphore bounds the calls that hold a
 * connection and a counter bounds those that wait. Either way a call whose turn comes while the
 * database is known to be down fails without running, and a call marks the thread it runs on for as
 * long as it runs ({@link #inCall}), so database work can refuse to run outside a call.
 */
final class StoreCalls {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

  /** The call running on this thread, if any. */
  private static final ThreadLocal<Call<?>> CURRENT = new ThreadLocal<>();

  private final Availability availability;
  private final long callTimeoutNanos;
  private final int maximumConcurrentCalls;
  private final int maximumQueuedCalls;

  /** The store's own threads; null with an application's executor. */
  private final ThreadPoolExecutor ownThreads;

  private final LastIdleFirstQueue ownQueue;

  /** With an application's executor: it, the slots of running calls, and all admitted calls. */
  private final Executor applicationExecutor;

  private final Semaphore slots;
  private final AtomicInteger admitted = new AtomicInteger();
  private volatile boolean closed;

  /** Set once close has given up waiting: calls that start later fail instead of running. */
  private volatile boolean abandoned;

  StoreCalls(
      Availability availability,
      Duration callTimeout,
      int maximumConcurrentCalls,
      int maximumQueuedCalls,
      Executor applicationExecutor,
      String threadNamePrefix) {
    this.availability = availability;
    this.callTimeoutNanos = callTimeout.toNanos();
    this.maximumConcurrentCalls = maximumConcurrentCalls;
    this.maximumQueuedCalls = maximumQueuedCalls;
    this.applicationExecutor = applicationExecutor;
    if (applicationExecutor == null) {
      this.slots = null;
      this.ownQueue = new LastIdleFirstQueue(maximumQueuedCalls);
      this.ownThreads =
          new ThreadPoolExecutor(
              maximumConcurrentCalls,
              maximumConcurrentCalls,
              60,
              TimeUnit.SECONDS,
              // The thread that became idle last takes the next call, so a store at low
              // concurrency keeps one thread and its connection hot (LastIdleFirstQueue).
              ownQueue,
              StoreThread.factory(this, threadNamePrefix),
              new ThreadPoolExecutor.AbortPolicy());
      // Idle store threads go away, so an idle store holds no threads.
      ownThreads.allowCoreThreadTimeOut(true);
    } else {
      this.slots = new Semaphore(maximumConcurrentCalls);
      this.ownThreads = null;
      this.ownQueue = null;
    }
  }

  /**
   * How many calls run now, each holding a thread of the store (or, with an application's executor,
   * one of the slots of running calls), whether it has its connection yet or still waits for it.
   * Approximate while calls start and end.
   */
  int running() {
    return ownThreads != null
        ? ownThreads.getActiveCount()
        : maximumConcurrentCalls - slots.availablePermits();
  }

  /**
   * How many accepted calls wait for their turn: at most {@code maximumQueuedCalls}, beyond which
   * calls fail at once. With an application's executor, also the calls it has not started yet.
   * Approximate while calls start and end.
   */
  int queued() {
    return ownThreads != null
        ? ownThreads.getQueue().size()
        : Math.max(0, admitted.get() - running());
  }

  /** The most calls that run at once. */
  int maximumRunning() {
    return maximumConcurrentCalls;
  }

  /** The most calls that wait for their turn. */
  int maximumQueued() {
    return maximumQueuedCalls;
  }

  /** The call of this store running on the current thread, or null. */
  Call<?> current() {
    Call<?> call = CURRENT.get();
    return call != null && call.owner == this ? call : null;
  }

  /** Whether the current thread runs a call of this store. */
  boolean inCall() {
    return current() != null;
  }

  <T> CompletableFuture<T> submit(String operation, StoreTask<T> task) {
    Call<T> call = new Call<>(this, operation, task);
    if (closed) {
      call.reject("the store is closed", null);
      return call.future;
    }
    if (ownThreads != null) {
      try {
        // An idle thread first: execute would start another thread while fewer than
        // maximumPoolSize exist, however many wait idle.
        if (!ownQueue.handToIdle(call)) {
          ownThreads.execute(call);
        }
      } catch (RejectedExecutionException e) {
        call.reject(
            ownThreads.isShutdown()
                ? "the store is closed"
                : "the store is overloaded (all "
                    + maximumConcurrentCalls
                    + " threads busy and "
                    + ownThreads.getQueue().size()
                    + " calls queued)",
            e);
      }
      return call.future;
    }
    if (admitted.incrementAndGet() > maximumConcurrentCalls + maximumQueuedCalls) {
      finished();
      call.reject(
          "the store is overloaded ("
              + maximumConcurrentCalls
              + " calls running and "
              + maximumQueuedCalls
              + " waiting)",
          null);
      return call.future;
    }
    try {
      applicationExecutor.execute(call);
    } catch (RuntimeException e) {
      // RejectedExecutionException, or whatever else the application's executor throws.
      finished();
      call.reject("the call executor refused the call: " + e, e);
    }
    return call.future;
  }

  /** One admitted call less; wakes a close waiting for the last. */
  private void finished() {
    if (admitted.decrementAndGet() == 0 && closed) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /**
   * Stops accepting calls and waits up to {@code grace} for running and queued calls to finish.
   * Then, on the store's own threads, interrupts the rest and fails the queued ones; on an
   * application's executor, which the store cannot interrupt, calls that start later fail at once.
   */
  void close(Duration grace) {
    closed = true;
    if (ownThreads != null) {
      closeOwnThreads(grace);
      return;
    }
    long end = System.nanoTime() + grace.toNanos();
    synchronized (this) {
      long left;
      while (admitted.get() > 0 && (left = end - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    abandoned = true;
    if (admitted.get() > 0) {
      LOG.warn(
          "{} calls still running or queued on the application's executor after {} ms; "
              + "those not started will fail",
          admitted.get(),
          grace.toMillis());
    }
  }

  private void closeOwnThreads(Duration grace) {
    ownThreads.shutdown();
    if (Thread.currentThread() instanceof StoreThread thread && thread.calls == this) {
      // Closed from a callback on one of its own threads: waiting would wait for itself.
      return;
    }
    try {
      if (!ownThreads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Calls still running after {} ms; interrupting them", grace.toMillis());
        stopNow();
      }
    } catch (InterruptedException e) {
      stopNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Interrupts the running calls and fails the queued ones, whose futures would never end. */
  private void stopNow() {
    for (Runnable unstarted : ownThreads.shutdownNow()) {
      ((Call<?>) unstarted)
          .reject("the store was closed before the call ran", new IllegalStateException("closed"));
    }
  }

  /** One call: its task, and the future that reports the task's outcome. */
  static final class Call<T> implements Runnable {
    private final StoreCalls owner;
    private final String operation;
    private final StoreTask<T> task;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private boolean succeeded;
    private T result;
    private CatalogStoreException failure;

    Call(StoreCalls owner, String operation, StoreTask<T> task) {
      this.owner = owner;
      this.operation = operation;
      this.task = task;
    }

    /** The latest moment this call's next connection may be had: connectionTimeout from now. */
    long acquireDeadline() {
      return System.nanoTime() + owner.callTimeoutNanos;
    }

    @Override
    public void run() {
      boolean slot = false;
      try {
        if (owner.abandoned) {
          fail(unavailable("the store was closed before the call ran", null));
          return;
        }
        if (owner.slots != null) {
          slot = takeSlot();
          if (!slot) {
            return;
          }
        }
        UnavailableException refusal = owner.availability.refusal(operation);
        if (refusal != null) {
          fail(refusal);
          return;
        }
        runTask();
      } finally {
        // The slot is free before the future completes: a callback that chains a call, even on
        // this very thread (an executor that runs tasks where they are submitted), finds it free.
        if (slot) {
          owner.slots.release();
        }
        if (owner.slots != null) {
          owner.finished();
        }
        complete();
      }
    }

    /**
     * Waits for one of the slots of running calls. Not bounded by a deadline: a healthy store under
     * load serves its queue in turn, and while the database is down the calls holding the slots end
     * within their own bound, or at once.
     */
    private boolean takeSlot() {
      try {
        owner.slots.acquire();
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(unavailable("interrupted while it waited for its turn", e));
        return false;
      }
    }

    /** Runs the task marked as this store's call, and keeps its outcome for {@link #complete}. */
    private void runTask() {
      // A call may start another on the same thread (an application's executor that runs tasks
      // where they are submitted); the outer call is marked again when the inner one ends.
      Call<?> outer = CURRENT.get();
      CURRENT.set(this);
      try {
        result = task.call();
        succeeded = true;
      } catch (CatalogStoreException e) {
        failure = e;
      } catch (RuntimeException | Error e) {
        LOG.error("{} failed unexpectedly", operation, e);
        failure = new InternalStoreException(operation + " failed unexpectedly: " + e, e);
      } finally {
        if (outer == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(outer);
        }
      }
    }

    private void fail(CatalogStoreException e) {
      failure = e;
    }

    /**
     * Completes the future with the outcome, once the call's mark, connection and slot are gone, so
     * that callbacks run as outsiders.
     */
    private void complete() {
      if (succeeded) {
        future.complete(result);
      } else if (failure != null) {
        future.completeExceptionally(failure);
      }
    }

    private UnavailableException unavailable(String reason, Throwable cause) {
      return new UnavailableException(operation + " failed: " + reason, cause);
    }

    /** Fails a call that never ran (refused, or dropped at close). */
    void reject(String reason, Throwable cause) {
      future.completeExceptionally(unavailable(reason, cause));
    }
  }

  /** A thread of one store's own pool, so closing from a callback can tell it is on one. */
  private static final class StoreThread extends Thread {
    private final StoreCalls calls;

    StoreThread(StoreCalls calls, Runnable body, String name) {
      super(body, name);
      this.calls = calls;
      // A store the application forgot to close must not keep the JVM alive.
      setDaemon(true);
    }

    static java.util.concurrent.ThreadFactory factory(StoreCalls calls, String prefix) {
      AtomicInteger count = new AtomicInteger();
      return body -> new StoreThread(calls, body, prefix + "-" + count.incrementAndGet());
    }
  }
}
