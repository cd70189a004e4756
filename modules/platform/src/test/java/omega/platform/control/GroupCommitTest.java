package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import omega.platform.api.GroupCommit;

class GroupCommitTest {

    private static final long WAIT_MS = 10_000;

    @Test
    void callersWaitingTogetherShareOneWrite() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, String> commits = new GroupCommit<>("test", Thread::new, 1, 10, 100, batch -> {
            writes.add(List.copyOf(batch));
            if (writes.size() == 1) {
                firstWriting.countDown();
                release.await(WAIT_MS, TimeUnit.MILLISECONDS);
            }
            return batch.stream().map(i -> "ok-" + i).toList();
        })) {
            CompletableFuture<String> first = submitAsync(commits, 0);
            assertTrue(firstWriting.await(WAIT_MS, TimeUnit.MILLISECONDS));
            List<CompletableFuture<String>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                queued.add(submitAsync(commits, i));
            }
            // the five queue up behind the first write, so the writer takes them as one batch
            awaitQueued(commits, queued);
            release.countDown();
            assertEquals("ok-0", first.get(WAIT_MS, TimeUnit.MILLISECONDS));
            for (int i = 1; i <= 5; i++) {
                assertEquals("ok-" + i, queued.get(i - 1).get(WAIT_MS, TimeUnit.MILLISECONDS));
            }
            assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5)), writes.stream()
                    .map(b -> b.stream().sorted().toList()).toList());
        }
    }

    @Test
    void aFailedBatchIsWrittenOneByOneSoOnlyTheBadItemFails() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, String> commits = new GroupCommit<>("test", Thread::new, 1, 10, 100, batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                firstWriting.countDown();
                release.await(WAIT_MS, TimeUnit.MILLISECONDS);
            }
            if (batch.contains(-1)) {
                throw new IllegalArgumentException("bad item");
            }
            return batch.stream().map(i -> "ok-" + i).toList();
        })) {
            CompletableFuture<String> first = submitAsync(commits, 0);
            assertTrue(firstWriting.await(WAIT_MS, TimeUnit.MILLISECONDS));
            List<CompletableFuture<String>> queued = List.of(submitAsync(commits, 1), submitAsync(commits, -1),
                    submitAsync(commits, 2));
            awaitQueued(commits, queued);
            release.countDown();
            assertEquals("ok-0", first.get(WAIT_MS, TimeUnit.MILLISECONDS));
            ExecutionException bad = assertThrows(ExecutionException.class, () -> queued.get(1).get(WAIT_MS, TimeUnit.MILLISECONDS));
            assertInstanceOf(ExecutionException.class, bad.getCause());
            assertInstanceOf(IllegalArgumentException.class, bad.getCause().getCause());
            assertEquals("ok-1", queued.get(0).get(WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals("ok-2", queued.get(2).get(WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals(List.of(1, 3, 1, 1, 1), sizes);
        }
    }

    @Test
    void aWriterAnsweringTheWrongNumberOfItemsFailsItsCallers() throws Exception {
        try (GroupCommit<Integer, String> commits = new GroupCommit<>("test", Thread::new, 1, 10, 100, batch -> List.of())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> commits.submit(1, WAIT_MS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @Test
    void submittingAfterCloseIsRefused() {
        GroupCommit<Integer, String> commits = new GroupCommit<>("test", Thread::new, 1, 10, 100, batch -> List.of("x"));
        commits.close();
        assertThrows(TimeoutException.class, () -> commits.submit(1, WAIT_MS));
    }

    private static CompletableFuture<String> submitAsync(GroupCommit<Integer, String> commits, int item) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return commits.submit(item, WAIT_MS);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> new Thread(r).start());
    }

    /** Waits (bounded) until the submitters' items are in the queue: the writer is blocked, so they stay there. */
    private static void awaitQueued(GroupCommit<Integer, String> commits, List<CompletableFuture<String>> futures)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (commits.waiting() < futures.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(futures.size(), commits.waiting());
    }
}
