package omega.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: callers on many request threads hand over one item each and wait; a few writer threads take
 * whatever has queued up (up to {@code maxBatch}) and write it in one transaction, so N concurrent callers
 * pay for one commit (one log flush, one broker commit) instead of N. A caller is released only after the
 * commit that holds its item. When a batch fails, each of its items is written again alone, so one bad
 * item fails only its own caller.
 *
 * @param <T> what a caller submits
 * @param <R> what the caller gets back once its item is committed
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    /** Writes a batch in one transaction and answers each item, in order; throws to fail (roll back) the batch. */
    @FunctionalInterface
    public interface Writer<T, R> {
        List<R> write(List<T> batch) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final String name;
    private final int maxBatch;
    private final Writer<T, R> writer;
    private final BlockingQueue<Pending<T, R>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * Starts {@code writers} threads from {@code threadFactory} (a ManagedThreadFactory in the server, so
     * the writer can use container resources such as a DataSource).
     */
    public GroupCommit(String name, ThreadFactory threadFactory, int writers, int maxBatch, int capacity, Writer<T, R> writer) {
        if (writers < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException(name + ": writers, maxBatch and capacity must be at least 1");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.queue = new LinkedBlockingQueue<>(capacity);
        for (int i = 0; i < writers; i++) {
            Thread t = threadFactory.newThread(this::writeLoop);
            t.setName("omega-" + name + "-" + i);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Waits until the item is committed and returns its answer.
     *
     * @throws TimeoutException   when it was not committed within the time (it may still be, later)
     * @throws ExecutionException with the writer's exception when writing the item alone failed too
     */
    public R submit(T item, long timeoutMs) throws TimeoutException, ExecutionException, InterruptedException {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        if (!running || !queue.offer(pending, timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + (running ? " is saturated" : " is stopping"));
        }
        return pending.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** @return how many items wait for a writer (not those being written) */
    public int waiting() {
        return queue.size();
    }

    /** Stops the writers after their current batch; items still waiting fail. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new IllegalStateException(name + " is stopping")));
    }

    private void writeLoop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending<T, R> first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, name + " writer failed", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T, R>> batch) {
        List<R> results;
        try {
            results = writer.write(items(batch));
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            LOG.log(Level.FINE, name + ": a batch of " + batch.size() + " failed (" + e + "); writing one by one");
            batch.forEach(this::writeAlone);
            return;
        }
        complete(batch, results);
    }

    private void writeAlone(Pending<T, R> p) {
        List<R> result;
        try {
            result = writer.write(List.of(p.item()));
        } catch (Exception e) {
            p.result().completeExceptionally(e);
            return;
        }
        complete(List.of(p), result);
    }

    private void complete(List<Pending<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException(name + ": " + results.size() + " answers for " + batch.size() + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private static <T, R> List<T> items(List<Pending<T, R>> batch) {
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item()));
        return items;
    }
}
