import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Runs one Concurrency Explorer scenario with Java's own concurrency: CompletableFuture combinators, fixed
 * thread pools and a ScheduledExecutorService. It speaks the runner protocol
 * (shared/protocol/runner-protocol.ts): JSON lines on stdin ({@code start}, then maybe {@code cancel}), JSON
 * lines on stdout ({@code ready}, {@code started}, {@code batch}..., {@code finished} or {@code failed}). The
 * backend validates the scenario before it arrives and computes the run's metrics from what this runner
 * records. JDK 17 only, one file (`java Runner.java` runs it; the backend compiles it once with javac).
 *
 * <p>{@code http} tasks without a url call the built-in HTTP target at the start message's {@code targetUrl}: the
 * backend runs it in a process of its own for every runtime, so that every runtime measures against the same server
 * and the client under test never shares threads with it.
 *
 * <p>Sections: JSON, protocol, clock and recording, seeded draws, kinds, attempts, strategies, run.
 */
public final class Runner {
    static final int SAMPLE_INTERVAL_MS = 20;
    static final int BATCH_INTERVAL_MS = 50;
    /** The first batch leaves this soon, once a strategy that starts every task at once has started them. */
    static final int FIRST_BATCH_MS = 10;
    /** A timeout that fires later than this after it was due could not fire on time (the engine's rule). */
    static final double LATE_TIMEOUT_NOTE_MS = 5;
    static final int STDERR_TAIL_CHARS = 300;
    /** Enough tasks for the JIT to compile the task path before the clock starts. */
    static final int WARM_UP_TASKS = 1000;
    static final int WARM_UP_REQUESTS = 32;
    /** Warm-up requests go this many at a time, so the client keeps as many connections open for the run. */
    static final int WARM_UP_CONNECTIONS = 8;

    // ---------------------------------------------------------------------------------------------------
    // JSON: the little this runner needs, no library (the JDK has none).
    // ---------------------------------------------------------------------------------------------------

    /** Parses one JSON text into Map, List, String, Double, Boolean or null. */
    static final class JsonReader {
        private final String text;
        private int at;

        JsonReader(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            JsonReader reader = new JsonReader(text);
            Object value = reader.value();
            reader.space();
            if (reader.at != text.length()) throw reader.error("unexpected text after the value");
            return value;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid JSON at " + at + ": " + what);
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        }

        private boolean take(String literal) {
            if (!text.startsWith(literal, at)) return false;
            at += literal.length();
            return true;
        }

        private Object value() {
            space();
            if (at >= text.length()) throw error("unexpected end");
            char c = text.charAt(at);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (take("true")) return Boolean.TRUE;
            if (take("false")) return Boolean.FALSE;
            if (take("null")) return null;
            int begin = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
            if (begin == at) throw error("unexpected '" + c + "'");
            return Double.parseDouble(text.substring(begin, at));
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (take("}")) return map;
            do {
                space();
                String key = string();
                space();
                if (!take(":")) throw error("expected ':'");
                map.put(key, value());
                space();
            } while (take(","));
            if (!take("}")) throw error("expected '}'");
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (take("]")) return list;
            do list.add(value()); while (skipSpaceThen(","));
            if (!take("]")) throw error("expected ']'");
            return list;
        }

        private boolean skipSpaceThen(String literal) {
            space();
            return take(literal);
        }

        private String string() {
            if (!take("\"")) throw error("expected a string");
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            throw error("unterminated string");
        }
    }

    /** Builds one JSON object, field by field, in the order written. */
    static final class JsonObject {
        private final StringBuilder out = new StringBuilder("{");

        private JsonObject key(String name) {
            if (out.length() > 1) out.append(',');
            quote(out, name);
            out.append(':');
            return this;
        }

        JsonObject put(String name, String value) {
            key(name);
            if (value == null) out.append("null");
            else quote(out, value);
            return this;
        }

        JsonObject put(String name, double value) {
            key(name).out.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value));
            return this;
        }

        JsonObject put(String name, boolean value) {
            key(name).out.append(value);
            return this;
        }

        /** A value already written as JSON (an array or object). */
        JsonObject raw(String name, CharSequence json) {
            key(name).out.append(json);
            return this;
        }

        static void quote(StringBuilder out, String value) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out + "}";
        }
    }

    static String jsonArray(List<JsonObject> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(',');
            out.append(items.get(i));
        }
        return out.append(']').toString();
    }

    /** JavaScript's String(n) for the numbers scenarios hold: 0.3, 1, 250. */
    static String jsNumber(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : Double.toString(n);
    }

    // ---------------------------------------------------------------------------------------------------
    // Protocol
    // ---------------------------------------------------------------------------------------------------

    static final PrintStream OUT = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);

    /** Writes one event as one line; events from any thread never interleave. */
    static void emit(JsonObject event) {
        String line = event.toString();
        synchronized (OUT) {
            OUT.print(line);
            OUT.print('\n');
            OUT.flush();
        }
    }

    static void fail(String message) {
        emit(new JsonObject().put("type", "failed").put("message", message));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static double number(Map<String, Object> map, String key, double fallback) {
        return map.get(key) instanceof Double d ? d : fallback;
    }

    static String text(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }

    /** One task group of the scenario, with the fields its kind uses (the backend filled the defaults). */
    record Group(String kind, int count, double failRate, double ms, double jitterMs, int bytes, String url, String method,
            double latencyMs, int iterations, String command, List<String> args) {
        static Group of(Map<String, Object> g) {
            List<String> args = new ArrayList<>();
            if (g.get("args") instanceof List<?> list) for (Object a : list) args.add(String.valueOf(a));
            String method = text(g, "method");
            return new Group(text(g, "kind"), (int) number(g, "count", 1), number(g, "failRate", 0), number(g, "ms", 0),
                    number(g, "jitterMs", 0), (int) number(g, "bytes", 0), text(g, "url"), method == null ? "GET" : method,
                    number(g, "latencyMs", 50), (int) number(g, "iterations", 100_000), text(g, "command"), args);
        }
    }

    record Task(int index, int group, Group spec) {}

    // ---------------------------------------------------------------------------------------------------
    // Clock and recording
    // ---------------------------------------------------------------------------------------------------

    /** ms from the run's start, sub-millisecond, on the monotonic clock. */
    static final class Clock {
        private volatile long originNs = System.nanoTime();
        private volatile double startedAtEpochMs = System.currentTimeMillis();

        /** Starts the clock again now: everything the run needs is made before, off the clock. */
        void start() {
            startedAtEpochMs = System.currentTimeMillis();
            originNs = System.nanoTime();
        }

        double now() {
            return (System.nanoTime() - originNs) / 1e6;
        }
    }

    record TaskStart(Task task, int lane, double startMs) {
        JsonObject json() {
            return new JsonObject().put("index", task.index()).put("group", task.group()).put("kind", task.spec().kind())
                    .put("lane", lane).put("queuedMs", 0).put("startMs", startMs);
        }
    }

    record Finished(TaskStart start, double endMs, double observedMs, String status, boolean orphaned, String error, int attempts) {
        JsonObject json() {
            return start.json().put("endMs", endMs).put("observedMs", observedMs).put("status", status).put("orphaned", orphaned)
                    .put("error", error).put("attempts", attempts);
        }
    }

    record Sample(double tMs, int inFlight, double cpuPercent, long rssBytes, long heapUsedBytes) {
        JsonObject json() {
            return new JsonObject().put("tMs", tMs).put("inFlight", inFlight).put("loopDelayMs", 0).put("elu", 0).put("cpuPercent", cpuPercent)
                    .put("rssBytes", rssBytes).put("heapUsedBytes", heapUsedBytes);
        }
    }

    record Outcome(String status, String error, double endMs, int attempts) {
        Outcome withAttempts(int n) {
            return new Outcome(status, error, endMs, n);
        }

        boolean ok() {
            return status.equals("ok");
        }
    }

    /**
     * Every task record and sample; hands out what is new since the previous batch. Tasks only add plain
     * records; JSON is written on the recording thread, off the tasks' way.
     */
    static final class Recorder {
        private final Clock clock;
        private final List<Task> tasks;
        private final boolean[] recorded;
        private List<TaskStart> starts = new ArrayList<>();
        private List<Finished> finished = new ArrayList<>();
        private List<Sample> samples = new ArrayList<>();
        private int inFlight;
        private int done;
        private double settledAtMs = -1;

        Recorder(List<Task> tasks, Clock clock) {
            this.tasks = tasks;
            this.clock = clock;
            this.recorded = new boolean[tasks.size()];
        }

        synchronized TaskStart started(Task task, int lane) {
            TaskStart start = new TaskStart(task, lane, clock.now());
            starts.add(start);
            inFlight++;
            return start;
        }

        /** The outcome is heard now (observedMs); the work itself ended at outcome.endMs. */
        synchronized void ended(TaskStart start, Outcome outcome) {
            double observedMs = clock.now();
            double endMs = Math.min(Math.max(outcome.endMs(), start.startMs()), observedMs);
            boolean orphaned = settledAtMs >= 0 && endMs > settledAtMs;
            finish(new Finished(start, endMs, observedMs, outcome.status(), orphaned, outcome.error(), outcome.attempts()));
            inFlight--;
        }

        synchronized void neverStarted(Task task, String status, String reason) {
            if (recorded[task.index()]) return;
            double now = clock.now();
            finish(new Finished(new TaskStart(task, 0, now), now, now, status, false, reason, 0));
        }

        synchronized void recordUnstarted(String status, String reason) {
            for (Task task : tasks) neverStarted(task, status, reason);
        }

        synchronized void markSettled(double atMs) {
            settledAtMs = atMs;
        }

        synchronized int inFlight() {
            return inFlight;
        }

        synchronized void addSample(Sample sample) {
            samples.add(sample);
        }

        private void finish(Finished record) {
            recorded[record.start().task().index()] = true;
            finished.add(record);
            done++;
        }

        /** What happened since the previous batch, or null when nothing did. */
        JsonObject takeBatch() {
            List<TaskStart> newStarts;
            List<Finished> newFinished;
            List<Sample> newSamples;
            int doneNow;
            int inFlightNow;
            double elapsedMs;
            synchronized (this) {
                if (starts.isEmpty() && finished.isEmpty() && samples.isEmpty()) return null;
                newStarts = starts;
                newFinished = finished;
                newSamples = samples;
                starts = new ArrayList<>();
                finished = new ArrayList<>();
                samples = new ArrayList<>();
                doneNow = done;
                inFlightNow = inFlight;
                elapsedMs = clock.now();
            }
            return new JsonObject().put("type", "batch").raw("started", jsonArray(newStarts.stream().map(TaskStart::json).toList()))
                    .raw("finished", jsonArray(newFinished.stream().map(Finished::json).toList()))
                    .raw("samples", jsonArray(newSamples.stream().map(Sample::json).toList()))
                    .put("done", doneNow).put("inFlight", inFlightNow).put("elapsedMs", elapsedMs);
        }
    }

    /** User and system CPU time of this process (ms), from /proc on Linux; elsewhere all of it as user time. */
    static double[] cpuTimesMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double msPerTick = 10; // USER_HZ is 100 on Linux
            return new double[] {Long.parseLong(fields[11]) * msPerTick, Long.parseLong(fields[12]) * msPerTick};
        } catch (IOException | RuntimeException e) {
            return new double[] {processCpuNs() / 1e6, 0};
        }
    }

    static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return 0;
    }

    static long rssBytes() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().totalMemory();
        }
    }

    /** Samples the process every 20 ms. Java has no single event loop: loop delay and ELU stay 0. */
    static Runnable sampler(Clock clock, Recorder recorder) {
        double[] last = {clock.now(), processCpuNs()};
        return () -> {
            double tMs = clock.now();
            long cpuNs = processCpuNs();
            double intervalMs = Math.max(tMs - last[0], 1e-3);
            double cpuPercent = Math.max(0, (cpuNs - last[1]) / 1e6 / intervalMs * 100);
            last[0] = tMs;
            last[1] = cpuNs;
            Runtime memory = Runtime.getRuntime();
            recorder.addSample(new Sample(tMs, recorder.inFlight(), cpuPercent, rssBytes(), memory.totalMemory() - memory.freeMemory()));
        };
    }

    // ---------------------------------------------------------------------------------------------------
    // Seeded draws: the engine's mulberry32 streams, bit for bit, so a seed fails the same tasks everywhere.
    // ---------------------------------------------------------------------------------------------------

    record Draw(boolean failInjected, double jitter, long seed) {}

    static Supplier<Double> mulberry32(int seed) {
        int[] state = {seed};
        return () -> {
            state[0] += 0x6d2b79f5;
            int t = state[0];
            t = (t ^ (t >>> 15)) * (t | 1);
            t ^= t + (t ^ (t >>> 7)) * (t | 61);
            return ((t ^ (t >>> 14)) & 0xffffffffL) / 4294967296.0;
        };
    }

    static Supplier<Draw> taskDraws(int runSeed, int taskIndex, double failRate) {
        Supplier<Double> random = mulberry32(((runSeed ^ 0x5bd1e995) * 0x9e3779b1) ^ ((taskIndex + 1) * 0x85ebca6b));
        return () -> new Draw(random.get() < failRate, random.get(), (long) Math.floor(random.get() * 4294967296.0));
    }

    // ---------------------------------------------------------------------------------------------------
    // Kinds: one attempt's work as a future; `abort` says when the attempt is given up.
    // ---------------------------------------------------------------------------------------------------

    /** How an attempt is told to stop (timeout, Cancel, a failed sibling). */
    static final class Abort {
        private final List<Runnable> listeners = new ArrayList<>();
        private volatile boolean aborted;

        boolean aborted() {
            return aborted;
        }

        void onAbort(Runnable listener) {
            synchronized (this) {
                if (!aborted) {
                    listeners.add(listener);
                    return;
                }
            }
            listener.run();
        }

        void abort() {
            List<Runnable> toRun;
            synchronized (this) {
                if (aborted) return;
                aborted = true;
                toRun = new ArrayList<>(listeners);
                listeners.clear();
            }
            toRun.forEach(Runnable::run);
        }
    }

    /** Timers, timeouts and backoff: scheduled, never a blocked thread per wait. */
    static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ExecutorService PIPES = Executors.newCachedThreadPool(daemon("stderr"));

    static ThreadFactory daemon(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where a run's tasks find what was prepared for them, and where blocking work runs. */
    record Env(Path scratchDir, String targetUrl) {}

    static final class Kinds {
        static CompletableFuture<Void> start(Env env, Task task, Draw draw, Abort abort, Executor blocking) {
            Group spec = task.spec();
            return switch (spec.kind()) {
                case "timer" -> timer(spec, draw, abort);
                case "cpu" -> CompletableFuture.runAsync(() -> cpu(spec, abort), blocking);
                case "file-write" -> CompletableFuture.runAsync(() -> fileWrite(env, spec, task.index()), blocking);
                case "file-read" -> CompletableFuture.runAsync(() -> fileRead(env, spec, task.group()), blocking);
                case "http" -> http(env, spec, draw, abort);
                case "crypto" -> CompletableFuture.runAsync(() -> crypto(spec, task.index()), blocking);
                case "spawn" -> spawn(env, spec, abort);
                default -> CompletableFuture.failedFuture(new IllegalStateException("the Java runner cannot run " + spec.kind() + " tasks"));
            };
        }

        static CompletableFuture<Void> timer(Group spec, Draw draw, Abort abort) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            long delayNs = Math.round((spec.ms() + draw.jitter() * spec.jitterMs()) * 1e6);
            ScheduledFuture<?> timer = SCHEDULER.schedule(() -> done.complete(null), delayNs, TimeUnit.NANOSECONDS);
            abort.onAbort(() -> timer.cancel(false));
            return done;
        }

        /** Busy work on the thread that runs it; it looks at `abort` now and then so an abandoned attempt stops. */
        static void cpu(Group spec, Abort abort) {
            long end = System.nanoTime() + Math.round(spec.ms() * 1e6);
            for (long spins = 0; System.nanoTime() < end; spins++) {
                if ((spins & 1023) == 0 && abort.aborted()) throw new CancellationException("aborted");
            }
        }

        static byte[] content(int bytes) {
            byte[] pattern = "concurrency explorer ".getBytes(StandardCharsets.US_ASCII);
            byte[] content = new byte[bytes];
            for (int i = 0; i < bytes; i++) content[i] = pattern[i % pattern.length];
            return content;
        }

        static Path readPath(Path scratchDir, int group) {
            return scratchDir.resolve("read-group-" + group + ".bin");
        }

        // Java's file calls block the thread that makes them, so `sync` changes nothing here: each file task
        // is a blocking call on the strategy's thread (the common pool, or the pool's own thread).
        static void fileWrite(Env env, Group spec, int index) {
            try {
                Files.write(env.scratchDir().resolve("write-" + index + ".bin"), content(spec.bytes()));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }

        static void fileRead(Env env, Group spec, int group) {
            Path path = readPath(env.scratchDir(), group);
            try {
                int length = Files.readAllBytes(path).length;
                if (length != spec.bytes()) throw new IllegalStateException("read " + length + " bytes from " + path + ", expected " + spec.bytes());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }

        static CompletableFuture<Void> http(Env env, Group spec, Draw draw, Abort abort) {
            String address = spec.url();
            if (address == null) {
                address = env.targetUrl() + "/?latencyMs=" + jsNumber(spec.latencyMs()) + "&jitterMs=" + jsNumber(spec.jitterMs()) + "&bytes="
                        + spec.bytes() + "&failRate=" + jsNumber(spec.failRate()) + "&seed=" + draw.seed();
            }
            URI uri = URI.create(address);
            HttpRequest request = HttpRequest.newBuilder(uri).method(spec.method(), HttpRequest.BodyPublishers.noBody()).build();
            CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            abort.onAbort(() -> response.cancel(true));
            return response.thenAccept(answer -> {
                if (answer.statusCode() >= 400) throw new IllegalStateException("HTTP " + answer.statusCode() + " from " + uri.getScheme() + "://" + uri.getAuthority());
            });
        }

        /** PBKDF2WithHmacSHA512, as Node's pbkdf2('concurrency-explorer', 'salt-<index>', iterations, 64, 'sha512'). */
        static void crypto(Group spec, int index) {
            try {
                PBEKeySpec key = new PBEKeySpec("concurrency-explorer".toCharArray(), ("salt-" + index).getBytes(StandardCharsets.UTF_8), spec.iterations(), 512);
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(key);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        /**
         * `setsid` (util-linux) on PATH, or null: Java 17's ProcessBuilder cannot start a child in a process group of
         * its own, but `setsid command args...` execs the command as the leader of a new session and group (the JVM's
         * child is never a group leader, so setsid does not fork and the child's pid is the group's id). Without it
         * (Windows, macOS) a child stays in the runner's group, which the backend kills with the runner, and is not
         * noted for the run's end.
         */
        static final String SETSID = onPath("setsid");

        static String onPath(String name) {
            if (System.getProperty("os.name", "").startsWith("Windows")) return null;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return candidate.toString();
            }
            return null;
        }

        /**
         * Each child leads a process group of its own (through `setsid`), noted in the run's scratch folder as the
         * Node engine does (`child-groups.txt`), so that the backend kills every group noted there when the run
         * ends, whatever this runner could do; a timeout or Cancel kills the child's whole group at once.
         */
        static CompletableFuture<Void> spawn(Env env, Group spec, Abort abort) {
            List<String> command = new ArrayList<>();
            if (SETSID != null) command.add(SETSID);
            command.add(spec.command());
            command.addAll(spec.args());
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (SETSID != null) noteChildGroup(env, process.pid());
            try {
                process.getOutputStream().close(); // the child reads no input, as the engine's `stdio: 'ignore'`
            } catch (IOException e) {
                // Already closed by a child that exited at once.
            }
            abort.onAbort(() -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                // Descendants that left the child's tree (a daemon, a grandchild whose parent ended) are still in its group.
                if (SETSID != null) killGroup(process.pid());
            });
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()), PIPES);
            return process.onExit().thenCombine(stderr, (exited, tail) -> {
                int code = exited.exitValue();
                if (code == 0) return null;
                String detail = tail.strip();
                throw new IllegalStateException(spec.command() + " exited with code " + code + (detail.isEmpty() ? "" : ": " + detail));
            });
        }

        static synchronized void noteChildGroup(Env env, long pid) {
            try {
                Files.writeString(env.scratchDir().resolve("child-groups.txt"), pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // The backend's sweep misses this group; Cancel and timeouts still kill it here.
            }
        }

        /** SIGKILL to the process group `pgid` with kill(1): Java has no killpg. */
        static void killGroup(long pgid) {
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                // No kill(1): the child and its descendants were destroyed above, and the backend sweeps the group.
            }
        }

        static String tail(InputStream stream) {
            try (stream) {
                String all = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                return all.length() > STDERR_TAIL_CHARS ? all.substring(all.length() - STDERR_TAIL_CHARS) : all;
            } catch (IOException e) {
                return "";
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Attempts: timeouts per attempt, retries with exponential backoff, Cancel.
    // ---------------------------------------------------------------------------------------------------

    /**
     * What can cancel a task: the run (the parent's {@code cancel}) or a structured group whose task failed.
     * Attempts and backoff waits join while they run.
     */
    static final class Scope {
        private final List<Runnable> running = new ArrayList<>();
        private final List<Scope> children = new ArrayList<>();
        private volatile String reason;

        boolean cancelled() {
            return reason != null;
        }

        String reason() {
            return reason;
        }

        Scope child() {
            Scope child = new Scope();
            synchronized (this) {
                if (reason == null) {
                    children.add(child);
                    return child;
                }
            }
            child.cancel(reason);
            return child;
        }

        /** `stop` runs once if the scope is cancelled while it has joined (at once if it already is). */
        void join(Runnable stop) {
            synchronized (this) {
                if (reason == null) {
                    running.add(stop);
                    return;
                }
            }
            stop.run();
        }

        synchronized void leave(Runnable stop) {
            running.remove(stop);
        }

        void cancel(String why) {
            List<Runnable> stops;
            List<Scope> nested;
            synchronized (this) {
                if (reason != null) return;
                reason = why;
                stops = new ArrayList<>(running);
                nested = new ArrayList<>(children);
                running.clear();
            }
            stops.forEach(Runnable::run);
            nested.forEach(scope -> scope.cancel(why));
        }
    }

    static final String CANCELLED = "cancelled";
    static final String CANCELLED_BEFORE_START = "cancelled before it started";

    /** The failure a strategy sees when a task did not end ok. */
    static final class TaskFailed extends RuntimeException {
        TaskFailed(String message) {
            super(message, null, false, false);
        }
    }

    static String messageOf(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) cause = cause.getCause();
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** What every task of a run shares: the scenario's options, the recorder, where blocking work runs. */
    static final class Tasks {
        final List<Task> tasks;
        final Recorder recorder;
        final Clock clock;
        final Env env;
        final double timeoutMs;
        final int retries;
        final double retryDelayMs;
        final int seed;
        /** Where blocking kinds (cpu, file, crypto) run: the common pool, or the calling pool thread. */
        Executor blocking = ForkJoinPool.commonPool();
        private final List<CompletableFuture<Void>> started = new ArrayList<>();

        Tasks(List<Task> tasks, Recorder recorder, Clock clock, Env env, Map<String, Object> options) {
            this.tasks = tasks;
            this.recorder = recorder;
            this.clock = clock;
            this.env = env;
            this.timeoutMs = number(options, "timeoutMs", 30_000);
            this.retries = (int) number(options, "retries", 0);
            this.retryDelayMs = number(options, "retryDelayMs", 100);
            this.seed = (int) number(options, "seed", 1);
        }

        /** One attempt bounded by the timeout and the scope; the kind is told to stop when it is given up. */
        CompletableFuture<Outcome> attempt(Task task, Draw draw, Scope scope) {
            CompletableFuture<Outcome> result = new CompletableFuture<>();
            Abort abort = new Abort();
            double dueMs = clock.now() + timeoutMs;
            ScheduledFuture<?> timer = SCHEDULER.schedule(() -> {
                double nowMs = clock.now();
                double lateMs = nowMs - dueMs;
                String message = "timed out after " + jsNumber(timeoutMs) + " ms";
                if (lateMs > LATE_TIMEOUT_NOTE_MS) message += " (it fired " + Math.round(lateMs) + " ms late: the runner was overloaded)";
                result.complete(new Outcome("timeout", message, lateMs > LATE_TIMEOUT_NOTE_MS ? dueMs : nowMs, 0));
            }, Math.round(timeoutMs * 1e6), TimeUnit.NANOSECONDS);
            Runnable onCancel = () -> result.complete(new Outcome("cancelled", scope.reason(), clock.now(), 0));
            result.whenComplete((outcome, error) -> {
                timer.cancel(false);
                scope.leave(onCancel);
                if (!outcome.ok()) abort.abort();
            });
            scope.join(onCancel);
            if (result.isDone()) return result;
            CompletableFuture<Void> work;
            try {
                work = Kinds.start(env, task, draw, abort, blocking);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            boolean injected = draw.failInjected() && !(task.spec().kind().equals("http") && task.spec().url() == null);
            work.whenComplete((done, error) -> {
                double endMs = clock.now();
                if (error != null) result.complete(new Outcome("error", messageOf(error), endMs, 0));
                else if (injected) result.complete(new Outcome("error", "injected failure (failRate " + jsNumber(task.spec().failRate()) + ")", endMs, 0));
                else result.complete(new Outcome("ok", null, endMs, 0));
            });
            return result;
        }

        /** The attempts: after an error or timeout up to `retries` more, after retryDelayMs doubled each time. */
        CompletableFuture<Outcome> attempts(Task task, Supplier<Draw> draws, Scope scope, int attempt) {
            return attempt(task, draws.get(), scope).thenCompose(result -> {
                Outcome outcome = result.withAttempts(attempt);
                if (outcome.ok() || outcome.status().equals("cancelled") || attempt > retries) return CompletableFuture.completedFuture(outcome);
                CompletableFuture<Boolean> waited = new CompletableFuture<>();
                Runnable onCancel = () -> waited.complete(false);
                long delayNs = Math.round(retryDelayMs * Math.pow(2, attempt - 1) * 1e6);
                ScheduledFuture<?> timer = SCHEDULER.schedule(() -> waited.complete(true), delayNs, TimeUnit.NANOSECONDS);
                scope.join(onCancel);
                return waited.thenCompose(goOn -> {
                    timer.cancel(false);
                    scope.leave(onCancel);
                    if (goOn) return attempts(task, draws, scope, attempt + 1);
                    return CompletableFuture.completedFuture(new Outcome("cancelled", scope.reason(), clock.now(), attempt));
                });
            });
        }

        /**
         * The task as a strategy calls it: records the start, runs the attempts, records the end, and fails
         * when the task did not end ok.
         */
        CompletableFuture<Void> run(int index, int lane, Scope scope) {
            Task task = tasks.get(index);
            CompletableFuture<Void> future;
            if (scope.cancelled()) {
                boolean runCancelled = scope.reason().equals(CANCELLED);
                String reason = runCancelled ? CANCELLED_BEFORE_START : "never started: the strategy had aborted at an earlier failure";
                recorder.neverStarted(task, runCancelled ? "cancelled" : "skipped", reason);
                future = CompletableFuture.failedFuture(new TaskFailed(reason));
            } else {
                TaskStart start = recorder.started(task, lane);
                future = attempts(task, taskDraws(seed, index, task.spec().failRate()), scope, 1).thenAccept(outcome -> {
                    recorder.ended(start, outcome);
                    if (!outcome.ok()) throw new TaskFailed(outcome.error());
                });
            }
            synchronized (started) {
                started.add(future);
            }
            return future;
        }

        /** Every task started so far has ended, orphans included. */
        void awaitDrained() {
            List<CompletableFuture<Void>> all;
            synchronized (started) {
                all = new ArrayList<>(started);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Strategies, each the plain Java it stands for (shared/strategies shows the same code). Each returns
    // the future of the strategy's result; tasks still running when it completes are orphans.
    // ---------------------------------------------------------------------------------------------------

    static final class Strategies {
        private final Tasks tasks;
        private final Scope scope;
        private final int count;
        /** Fixed thread pools started by pool and workers; shut down once every task has ended. */
        final List<ExecutorService> pools = new ArrayList<>();

        Strategies(Tasks tasks, Scope scope) {
            this.tasks = tasks;
            this.scope = scope;
            this.count = tasks.tasks.size();
        }

        private CompletableFuture<Void>[] startAll(Scope in) {
            @SuppressWarnings("unchecked")
            CompletableFuture<Void>[] futures = new CompletableFuture[count];
            for (int i = 0; i < count; i++) futures[i] = tasks.run(i, i, in);
            return futures;
        }

        /** for (task : tasks) task.get().join(): one at a time; the first failure ends the loop. */
        CompletableFuture<?> sequential() {
            for (int i = 0; i < count; i++) {
                try {
                    tasks.run(i, 0, scope).join();
                } catch (CompletionException e) {
                    return CompletableFuture.failedFuture(e.getCause());
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        /** CompletableFuture.allOf: completes when every task has, exceptionally if any failed. */
        CompletableFuture<?> all() {
            return CompletableFuture.allOf(startAll(scope));
        }

        /** allOf over each task's handle(): every outcome kept. */
        CompletableFuture<?> allSettled() {
            return CompletableFuture.allOf(Arrays.stream(startAll(scope)).map(f -> f.handle((v, e) -> e)).toArray(CompletableFuture[]::new));
        }

        /** CompletableFuture.anyOf: the first task to complete, either way. */
        CompletableFuture<?> race() {
            return CompletableFuture.anyOf(startAll(scope));
        }

        /** The first success (the JDK has no such combinator: each success completes one future). */
        CompletableFuture<?> any() {
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<Void>[] futures = startAll(scope);
            for (CompletableFuture<Void> f : futures) f.thenRun(() -> first.complete(null));
            CompletableFuture.allOf(futures).whenComplete((v, e) -> {
                if (e != null) first.completeExceptionally(e);
            });
            return first;
        }

        /** Completes at the first failure, or when every future has completed. */
        private static CompletableFuture<Void> firstFailure(CompletableFuture<Void>[] futures) {
            CompletableFuture<Void> result = new CompletableFuture<>();
            for (CompletableFuture<Void> f : futures) f.exceptionally(e -> {
                result.completeExceptionally(e);
                return null;
            });
            CompletableFuture.allOf(futures).thenRun(() -> result.complete(null));
            return result;
        }

        /** The lane of the pool thread running the caller. */
        private final ThreadLocal<Integer> lane = new ThreadLocal<>();
        private ExecutorService lanePool;

        /** Starts the threads of pool and workers before the clock, as the Node engine starts its worker threads. */
        void prepare(Map<String, Object> strategy) {
            String type = text(strategy, "type");
            if ("pool".equals(type) || "workers".equals(type)) lanePool = lanes(laneCount(strategy, count));
        }

        /** A fixed thread pool whose thread k is lane k, its threads started; each task blocks its thread until it ends. */
        private ExecutorService lanes(int threads) {
            if (lanePool != null) return lanePool;
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
                int k = next.getAndIncrement();
                Thread thread = new Thread(() -> {
                    lane.set(k);
                    work.run();
                }, "lane-" + k);
                thread.setDaemon(true);
                return thread;
            });
            ((java.util.concurrent.ThreadPoolExecutor) pool).prestartAllCoreThreads();
            pools.add(pool);
            tasks.blocking = Runnable::run;
            return pool;
        }

        /**
         * A fixed thread pool of `concurrency` threads: never more tasks at once. onFailure: stop-slot stops
         * taking tasks at the first failure (the rest are skipped); reject completes at the first failure while
         * every task still runs (orphans); continue runs every task and keeps every outcome.
         */
        CompletableFuture<?> pool(int concurrency, String onFailure) {
            ExecutorService pool = lanes(concurrency);
            AtomicBoolean failed = new AtomicBoolean();
            @SuppressWarnings("unchecked")
            CompletableFuture<Void>[] futures = new CompletableFuture[count];
            for (int i = 0; i < count; i++) {
                int index = i;
                futures[i] = CompletableFuture.runAsync(() -> {
                    if (onFailure.equals("stop-slot") && failed.get()) return;
                    try {
                        tasks.run(index, lane.get(), scope).join();
                    } catch (CompletionException e) {
                        failed.set(true);
                        throw e;
                    }
                }, pool);
            }
            return switch (onFailure) {
                case "continue" -> CompletableFuture.allOf(Arrays.stream(futures).map(f -> f.handle((v, e) -> e)).toArray(CompletableFuture[]::new));
                case "reject" -> firstFailure(futures);
                default -> CompletableFuture.allOf(futures);
            };
        }

        /** Batches of `size`: allOf(batch).join() for each; the first failure ends the loop. */
        CompletableFuture<?> batch(int size) {
            for (int begin = 0; begin < count; begin += size) {
                List<CompletableFuture<Void>> batch = new ArrayList<>();
                for (int i = begin; i < Math.min(begin + size, count); i++) batch.add(tasks.run(i, i - begin, scope));
                try {
                    CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
                } catch (CompletionException e) {
                    return CompletableFuture.failedFuture(e.getCause());
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        /** A fixed thread pool of `threads` threads running every task on its own thread; allOf over them. */
        CompletableFuture<?> workers(int threads) {
            ExecutorService pool = lanes(threads);
            @SuppressWarnings("unchecked")
            CompletableFuture<Void>[] futures = new CompletableFuture[count];
            for (int i = 0; i < count; i++) {
                int index = i;
                futures[i] = CompletableFuture.runAsync(() -> tasks.run(index, lane.get(), scope).join(), pool);
            }
            return CompletableFuture.allOf(futures);
        }

        /** Fail fast and cancel the rest: the first failure cancels every other task of the group. */
        CompletableFuture<?> structured() {
            Scope group = scope.child();
            CompletableFuture<Void>[] futures = startAll(group);
            for (int i = 0; i < count; i++) {
                String reason = "cancelled: task " + i + " failed first, and the structured strategy aborted the rest";
                futures[i].whenComplete((v, e) -> {
                    if (e != null) group.cancel(reason);
                });
            }
            return CompletableFuture.allOf(futures);
        }

        CompletableFuture<?> run(Map<String, Object> strategy) {
            String type = text(strategy, "type");
            return switch (type) {
                case "sequential" -> sequential();
                case "all" -> all();
                case "allSettled" -> allSettled();
                case "race" -> race();
                case "any" -> any();
                case "pool" -> pool(laneCount(strategy, count), String.valueOf(strategy.getOrDefault("onFailure", "stop-slot")));
                case "batch" -> batch((int) number(strategy, "size", 1));
                case "workers" -> workers(laneCount(strategy, count));
                case "structured" -> structured();
                default -> CompletableFuture.failedFuture(new IllegalArgumentException("the Java runner has no strategy " + type));
            };
        }
    }

    /** How many timeline rows the strategy uses (the engine's laneCount). */
    static int laneCount(Map<String, Object> strategy, int count) {
        double bound = switch (String.valueOf(strategy.get("type"))) {
            case "sequential" -> 1;
            case "pool" -> number(strategy, "concurrency", 1);
            case "batch" -> number(strategy, "size", 1);
            case "workers" -> number(strategy, "threads", 1);
            default -> count;
        };
        return (int) Math.max(1, Math.min(bound, count));
    }

    // ---------------------------------------------------------------------------------------------------
    // Run
    // ---------------------------------------------------------------------------------------------------

    /** Makes what the tasks need before the clock starts; the exception's message names what could not be made. */
    static List<Task> prepare(List<Group> groups, Path scratchDir) throws IOException {
        try {
            Files.createDirectories(scratchDir);
        } catch (IOException e) {
            throw new IOException("the scratch folder " + scratchDir + " is not usable: " + messageOf(e));
        }
        List<Task> tasks = new ArrayList<>();
        for (int group = 0; group < groups.size(); group++) {
            Group spec = groups.get(group);
            switch (spec.kind()) {
                case "file-read" -> {
                    try {
                        Files.write(Kinds.readPath(scratchDir, group), Kinds.content(spec.bytes()));
                    } catch (IOException e) {
                        throw new IOException("tasks[" + group + "]: could not prepare the file to read: " + messageOf(e));
                    }
                }
                case "timer", "cpu", "file-write", "http", "crypto", "spawn" -> {}
                default -> throw new IOException("tasks[" + group + "]: the Java runner has no " + spec.kind() + " tasks");
            }
            for (int i = 0; i < spec.count(); i++) tasks.add(new Task(tasks.size(), group, spec));
        }
        return tasks;
    }

    /**
     * Runs the scenario's strategy once over {@link #WARM_UP_TASKS} zero-ms timer tasks, off the record, and each kind's code once:
     * the JVM loads and links classes and lambdas on first use (a hundred ms and more), which would otherwise
     * land on the clock of the first tasks, as the Node engine warms its thread pool before its clock.
     */
    static void warmUp(List<Group> groups, Map<String, Object> strategy, Env env) {
        Group tick = new Group("timer", 1, 0, 0, 0, 0, null, "GET", 0, 1, null, List.of());
        List<Task> warmTasks = new ArrayList<>();
        for (int i = 0; i < WARM_UP_TASKS; i++) warmTasks.add(new Task(i, 0, tick));
        Clock clock = new Clock();
        Recorder recorder = new Recorder(warmTasks, clock);
        Tasks tasks = new Tasks(warmTasks, recorder, clock, env, Map.of());
        Strategies strategies = new Strategies(tasks, new Scope());
        strategies.run(strategy).handle((v, e) -> null).join();
        strategies.pools.forEach(ExecutorService::shutdown);
        tasks.awaitDrained();
        sampler(clock, recorder).run();
        recorder.takeBatch();
        if (env.targetUrl() != null) {
            // The HTTP client's first request loads its whole stack, each new connection costs a handshake, and the
            // target's first answers are interpreted.
            HttpRequest ping = HttpRequest.newBuilder(URI.create(env.targetUrl() + "/?latencyMs=0&bytes=1")).build();
            for (int round = 0; round < WARM_UP_REQUESTS / WARM_UP_CONNECTIONS; round++) {
                CompletableFuture<?>[] requests = new CompletableFuture<?>[WARM_UP_CONNECTIONS];
                for (int i = 0; i < requests.length; i++) requests[i] = HTTP.sendAsync(ping, HttpResponse.BodyHandlers.discarding());
                CompletableFuture.allOf(requests).join();
            }
        }
        awaitCompilerIdle();
        for (Group spec : groups) {
            Abort never = new Abort();
            switch (spec.kind()) {
                case "cpu" -> Kinds.cpu(tick, never);
                case "crypto" -> Kinds.crypto(tick, 0);
                case "file-read", "file-write" -> {
                    try {
                        Path file = env.scratchDir().resolve("warm-up.bin");
                        Files.write(file, Kinds.content(1));
                        Files.readAllBytes(file);
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * Waits (at most a second) until the JIT compiler has compiled what the warm-up made hot: on a busy machine its
     * threads lag, and the run's first tasks would otherwise go through the interpreter.
     */
    static void awaitCompilerIdle() {
        java.lang.management.CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) return;
        long last = -1;
        for (int quiet = 0, waited = 0; quiet < 3 && waited < 100; waited++) {
            long total = compiler.getTotalCompilationTime();
            quiet = total == last ? quiet + 1 : 0;
            last = total;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void runScenario(Map<String, Object> start, Scope runScope) {
        Map<String, Object> scenario = object(start.get("scenario"));
        List<Group> groups = new ArrayList<>();
        if (scenario.get("tasks") instanceof List<?> list) for (Object g : list) groups.add(Group.of(object(g)));
        Path scratchDir = Path.of(String.valueOf(start.get("scratchDir")));
        String targetUrl = start.get("targetUrl") instanceof String url && !url.isEmpty() ? url.replaceAll("/+$", "") : null;
        if (targetUrl == null && groups.stream().anyMatch(g -> g.kind().equals("http") && g.url() == null)) {
            fail("the scenario has http tasks without a url, and the start message has no targetUrl (the built-in HTTP target's address)");
            return;
        }
        Env env = new Env(scratchDir, targetUrl);
        Map<String, Object> strategy = object(scenario.get("strategy"));
        List<Task> taskList;
        try {
            taskList = prepare(groups, scratchDir);
            warmUp(groups, strategy, env);
        } catch (IOException | RuntimeException e) {
            fail(messageOf(e));
            return;
        }
        Clock clock = new Clock();
        Recorder recorder = new Recorder(taskList, clock);
        Tasks tasks = new Tasks(taskList, recorder, clock, env, object(scenario.get("options")));
        ScheduledExecutorService recording = Executors.newSingleThreadScheduledExecutor(daemon("recording"));
        Runnable flush = () -> {
            JsonObject batch = recorder.takeBatch();
            if (batch != null) emit(batch);
        };
        Strategies strategies = new Strategies(tasks, runScope);
        strategies.prepare(strategy);
        double[] cpuAtStart = cpuTimesMs();
        clock.start();
        emit(new JsonObject().put("type", "started").put("totalTasks", taskList.size()).put("lanes", laneCount(strategy, taskList.size()))
                .put("startedAtEpochMs", clock.startedAtEpochMs));
        Runnable sample = sampler(clock, recorder);
        recording.scheduleWithFixedDelay(sample, SAMPLE_INTERVAL_MS, SAMPLE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        recording.scheduleWithFixedDelay(flush, FIRST_BATCH_MS, BATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        // Stamped where the strategy's future completes, not when this thread wakes from join() after it.
        double wallMs = strategies.run(strategy).handle((v, e) -> {
            double settledAtMs = clock.now();
            recorder.markSettled(settledAtMs);
            return settledAtMs;
        }).join();
        for (ExecutorService pool : strategies.pools) {
            pool.shutdown();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tasks.awaitDrained();
        if (runScope.cancelled()) recorder.recordUnstarted("cancelled", CANCELLED_BEFORE_START);
        else recorder.recordUnstarted("skipped", "never started: the strategy stopped at the first failure");
        recording.shutdownNow();
        sample.run();
        flush.run();
        double[] cpu = cpuTimesMs();
        emit(new JsonObject().put("type", "finished").put("status", runScope.cancelled() ? "cancelled" : "completed").put("wallMs", wallMs)
                .raw("cpu", new JsonObject().put("userMs", cpu[0] - cpuAtStart[0]).put("systemMs", cpu[1] - cpuAtStart[1]).toString()));
    }

    public static void main(String[] args) throws Exception {
        emit(new JsonObject().put("type", "ready").put("pid", ProcessHandle.current().pid()));
        Scope runScope = new Scope();
        CompletableFuture<Map<String, Object>> first = new CompletableFuture<>();
        Thread reader = new Thread(() -> readMessages(first, runScope), "stdin");
        reader.setDaemon(true);
        reader.start();
        Map<String, Object> start = first.join();
        if (start == null) return;
        if (!(start.get("scenario") instanceof Map) || !(start.get("scratchDir") instanceof String)) fail("the start message needs a scenario and a scratchDir");
        else runScenario(start, runScope);
        OUT.flush();
        System.exit(0);
    }

    /** Hands the first message on, and cancels the run at {@code cancel} or when stdin closes (the parent has gone). */
    static void readMessages(CompletableFuture<Map<String, Object>> first, Scope runScope) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Map<String, Object> message;
                try {
                    message = object(JsonReader.parse(line));
                } catch (IllegalArgumentException e) {
                    fail("the runner could not read a message: " + e.getMessage());
                    continue;
                }
                if ("cancel".equals(message.get("type"))) runScope.cancel(CANCELLED);
                else if ("start".equals(message.get("type"))) first.complete(message);
            }
        } catch (IOException e) {
            // stdin is gone: treated as the parent having gone.
        }
        runScope.cancel(CANCELLED);
        first.complete(null);
    }
}
