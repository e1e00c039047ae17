import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fidelity baseline: the runner's two timer workloads written plainly in Java, timed from inside.
 * Usage: java PlainTimers.java sequential|all; prints {"wallMs": n}.
 */
public final class PlainTimers {
    static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    static CompletableFuture<Void> sleep(long ms) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SCHEDULER.schedule(() -> done.complete(null), ms, TimeUnit.MILLISECONDS);
        return done;
    }

    static void sequential(long ms) {
        for (int i = 0; i < 10; i++) sleep(ms).join();
    }

    static void all(long ms) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[200];
        for (int i = 0; i < futures.length; i++) futures[i] = sleep(ms);
        CompletableFuture.allOf(futures).join();
    }

    public static void main(String[] args) {
        boolean all = args[0].equals("all");
        // A first round with no wait, as the runner warms up before its clock starts.
        if (all) all(0);
        else sequential(0);
        long start = System.nanoTime();
        if (all) all(50);
        else sequential(100);
        System.out.println("{\"wallMs\": " + (System.nanoTime() - start) / 1e6 + "}");
        SCHEDULER.shutdown();
    }
}
