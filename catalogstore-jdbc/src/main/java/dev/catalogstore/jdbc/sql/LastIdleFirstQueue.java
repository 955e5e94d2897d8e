package dev.catalogstore.jdbc.sql;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded work queue of the store's own threads, which hands each call to the thread that
 * became idle <em>last</em>. A JDK queue wakes the thread that has waited longest, so a store with
 * ten threads and one caller runs successive calls on all ten in turn, and each thread on its own
 * pooled connection (HikariCP gives a thread back the connection it returned last): every call then
 * finds its thread's stack, its connection's buffers and its PostgreSQL backend cold in the CPU
 * caches. Handed to the thread that just finished, successive calls run on one thread and one
 * connection for as long as one suffices. The threads left idle end after the pool's keep-alive
 * time, as before; a call that comes while every live thread is busy, or is still finishing the
 * call before it, starts a thread again while fewer than the pool's size exist (so a steady single
 * caller may see a few threads started again after each keep-alive period; they cost a thread's
 * start each, and the calls still go to the thread that became idle last).
 *
 * <p>A call offered while a thread waits goes to that thread directly; otherwise it waits in
 * arrival order, at most {@code capacity} of them. Internal to {@link StoreCalls}.
 */
final class LastIdleFirstQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Runnable> items = new ArrayDeque<>();

  /** The waiting threads, the one that started waiting last on top. */
  private final ArrayDeque<Waiter> idle = new ArrayDeque<>();

  LastIdleFirstQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** A thread waiting in {@link #poll(long, TimeUnit)}, and the call handed to it. */
  private final class Waiter {
    final Condition handed = lock.newCondition();
    Runnable item;
  }

  /** How many threads wait for a call now. */
  int idleThreads() {
    lock.lock();
    try {
      return idle.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands {@code item} to the thread that became idle last, if one waits; false, queuing nothing,
   * if none does. {@link StoreCalls} tries this before {@code ThreadPoolExecutor.execute}, which
   * would start a new thread while fewer than its core size exist, even with idle ones waiting:
   * without it, the threads left idle would end after the keep-alive time and then be started
   * again, one per call, every keep-alive period.
   */
  boolean handToIdle(Runnable item) {
    lock.lock();
    try {
      Waiter waiter = idle.pollFirst();
      if (waiter == null) {
        return false;
      }
      waiter.item = item;
      waiter.handed.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean offer(Runnable item) {
    if (item == null) {
      throw new NullPointerException();
    }
    lock.lock();
    try {
      Waiter waiter = idle.pollFirst();
      if (waiter != null) {
        waiter.item = item;
        waiter.handed.signal();
        return true;
      }
      if (items.size() >= capacity) {
        return false;
      }
      items.addLast(item);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      Runnable queued = items.pollFirst();
      if (queued != null || nanos <= 0) {
        return queued;
      }
      Waiter waiter = new Waiter();
      idle.addFirst(waiter);
      try {
        while (waiter.item == null && nanos > 0) {
          nanos = waiter.handed.awaitNanos(nanos);
        }
      } catch (InterruptedException e) {
        if (waiter.item == null) {
          idle.remove(waiter);
          throw e;
        }
        // Handed a call while being interrupted: run it rather than lose it; keep the interrupt.
        Thread.currentThread().interrupt();
        return waiter.item;
      }
      if (waiter.item == null) {
        idle.remove(waiter);
      }
      return waiter.item;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Runnable take() throws InterruptedException {
    Runnable item;
    do {
      item = poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } while (item == null);
    return item;
  }

  @Override
  public Runnable poll() {
    lock.lock();
    try {
      return items.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Runnable peek() {
    lock.lock();
    try {
      return items.peekFirst();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void put(Runnable item) {
    throw new UnsupportedOperationException("a full queue refuses calls; use offer");
  }

  @Override
  public boolean offer(Runnable item, long timeout, TimeUnit unit) {
    return offer(item);
  }

  @Override
  public int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int remainingCapacity() {
    lock.lock();
    try {
      return capacity - items.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean remove(Object item) {
    lock.lock();
    try {
      return items.remove(item);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int drainTo(Collection<? super Runnable> sink) {
    return drainTo(sink, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super Runnable> sink, int maxElements) {
    lock.lock();
    try {
      int n = 0;
      while (n < maxElements && !items.isEmpty()) {
        sink.add(items.pollFirst());
        n++;
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** The waiting calls as they are now; its {@code remove} takes a call out of the queue. */
  @Override
  public Iterator<Runnable> iterator() {
    List<Runnable> snapshot;
    lock.lock();
    try {
      snapshot = new ArrayList<>(items);
    } finally {
      lock.unlock();
    }
    Iterator<Runnable> calls = snapshot.iterator();
    return new Iterator<>() {
      private Runnable last;

      @Override
      public boolean hasNext() {
        return calls.hasNext();
      }

      @Override
      public Runnable next() {
        last = calls.next();
        return last;
      }

      @Override
      public void remove() {
        if (last == null) {
          throw new IllegalStateException("next() first");
        }
        LastIdleFirstQueue.this.remove(last);
        last = null;
      }
    };
  }

  @Override
  public Object[] toArray() {
    lock.lock();
    try {
      return items.toArray();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T[] toArray(T[] array) {
    lock.lock();
    try {
      return items.toArray(array);
    } finally {
      lock.unlock();
    }
  }
}
