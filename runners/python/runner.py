"""Concurrency Explorer's Python runner: one scenario on asyncio, in the language's own idioms.

Speaks shared/protocol/runner-protocol.ts: reads `start` and `cancel` JSON lines on stdin, writes `ready`,
`started`, `batch` (every 50 ms) and a last `finished` (or `failed`) as JSON lines on stdout. The backend has
already validated the scenario (defaults filled in) and computes the run's metrics from the records.
Python 3.9+, standard library only. `http` tasks without a url call the built-in HTTP target at the start
message's `targetUrl`: the backend runs it in a process of its own for every runtime, so that every runtime
measures against the same server and the client under test never shares a GIL with it. `module` and
`database` paths arrive absolute: the backend resolves them from the scenario file's folder.
"""

import asyncio
import datetime
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from time import perf_counter

SAMPLE_INTERVAL_S = 0.020
BATCH_INTERVAL_S = 0.050
STOPPED_BY_STRATEGY = "never started: the strategy stopped at the first failure"
CANCELLED_BEFORE_START = "cancelled before it started"
M32 = 0xFFFFFFFF

_out_lock = threading.Lock()


def emit(event):
    line = json.dumps(event, separators=(",", ":"), allow_nan=False)
    with _out_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


# --- seeded chance: the same mulberry32 streams as the Node engine (shared/random/seeded-random.ts) ---


def imul(a, b):
    return (a * b) & M32


def mulberry32(seed):
    state = seed & M32

    def next_random():
        nonlocal state
        state = (state + 0x6D2B79F5) & M32
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return next_random


def task_draws(run_seed, index, fail_rate):
    random = mulberry32(imul((run_seed ^ 0x5BD1E995) & M32, 0x9E3779B1) ^ imul(index + 1, 0x85EBCA6B))

    def draw():
        return {"fail": random() < fail_rate, "jitter": random(), "seed": int(random() * 4294967296)}

    return draw


NO_CHANCE = {"fail": False, "jitter": 0.0, "seed": 0}


def no_draws():
    return NO_CHANCE


# --- the kinds: each attempt returns when its work ended (perf_counter), or raises its failure ---


class TaskError(Exception):
    """A task's own failure: the message becomes the task's error."""


def spin(rounds):
    total = 0
    for i in range(rounds):
        total += i * i
    return total


def calibrate_spin():
    """Rounds of `spin` per ms on this machine, measured before the clock starts (the best of a few tries)."""
    best = 0.0
    for _ in range(5):
        start = time.perf_counter()
        spin(20_000)
        best = max(best, 20_000 / ((time.perf_counter() - start) * 1000))
    return best


SPIN_ROUNDS_PER_MS = [0.0]


def busy(ms):
    """A fixed amount of Python work that takes `ms` on one free core: threads share it under the GIL, as real
    CPU-bound Python code does (a loop that watched the clock would end on time however little it computed)."""
    spin(int(ms * SPIN_ROUNDS_PER_MS[0]))


def write_file(path, size):
    with open(path, "wb") as f:
        f.write(b"x" * size)


def read_file(path, size):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != size:
        raise TaskError(f"read {len(data)} bytes from {path}, expected {size}")


def pbkdf2(iterations, seed):
    hashlib.pbkdf2_hmac("sha512", b"password", seed.to_bytes(4, "little"), iterations, 64)


# What a `sqlite` task may not do, found in the program SQLite compiles the statement to (`EXPLAIN`), as the Node
# engine's `kinds/sqlite-guard.ts` does: reach another file (ATTACH, DETACH, VACUUM INTO) or load an extension.
REFUSED_FUNCTIONS = (
    ("sqlite_attach(", "ATTACH (it would open another database file)"),
    ("sqlite_detach(", "DETACH"),
    ("load_extension(", "loading an extension"),
)


def refusal(connection, sql):
    for _addr, opcode, _p1, p2, _p3, p4, *_rest in connection.execute("EXPLAIN " + sql):
        if opcode == "Vacuum" and p2 != 0:
            return "VACUUM INTO (it would write another file)"
        if opcode in ("Function", "PureFunc"):
            for prefix, what in REFUSED_FUNCTIONS:
                if str(p4 or "").startswith(prefix):
                    return what
    return None


def query(db_path, sql, read_only=False):
    # One connection per thread: sqlite3 connections stay on the thread that made them.
    local = _sqlite_local.__dict__
    connection = local.get(db_path)
    if connection is None:
        # The user's own database (`database`) is opened read-only: SQLite itself refuses a query that writes.
        target = "file:" + urllib.parse.quote(db_path) + "?mode=ro" if read_only else db_path
        connection = sqlite3.connect(target, uri=read_only, check_same_thread=True)
        connection.execute("PRAGMA busy_timeout = 5000")
        local[db_path] = connection
    checked = _sqlite_checked.__dict__.setdefault("queries", set())
    if (db_path, sql) not in checked:
        refused = refusal(connection, sql)
        if refused is not None:
            allowed = f"the database it names, {db_path} (opened read-only)" if read_only else "its own scratch database"
            raise TaskError(f"a sqlite task may only query {allowed}: {refused} is not allowed")
        checked.add((db_path, sql))
    try:
        connection.execute(sql).fetchall()
    except sqlite3.OperationalError as error:
        if read_only and (getattr(error, "sqlite_errorname", "").startswith("SQLITE_READONLY") or "readonly" in str(error)):
            raise TaskError(f"SQLite refused to write: your database {db_path} is opened read-only, and this query would change it ({error})") from error
        raise


_sqlite_local = threading.local()
# The (database, sql) pairs this thread's guard has let through: each is checked once.
_sqlite_checked = threading.local()
DEFAULT_SQLITE_QUERY = (
    "SELECT category, COUNT(*) AS orders, ROUND(AVG(amount), 2) AS average, SUM(amount) AS revenue "
    "FROM orders WHERE amount > 20 GROUP BY category ORDER BY revenue DESC"
)


def http_url(spec, draw, target_url):
    if spec.get("url") is not None:
        return spec["url"]
    params = {"latencyMs": spec["latencyMs"], "jitterMs": spec["jitterMs"], "bytes": spec["bytes"], "failRate": spec["failRate"], "seed": draw["seed"]}
    return f"{target_url}/?{urllib.parse.urlencode(params)}"


def http_blocking(method, url, headers):
    import urllib.request
    import urllib.error

    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers)) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise TaskError(f"HTTP {error.code} {error.reason} from {url.split('?')[0]}")


async def http_async(method, url, headers):
    """asyncio streams: one connection per request, the body read to the end; no thread per request."""
    parts = urllib.parse.urlsplit(url)
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    reader, writer = await asyncio.open_connection(parts.hostname, port, ssl=True if secure else None)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        extra = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        writer.write(f"{method} {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{extra}Connection: close\r\nContent-Length: 0\r\n\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
        fields = status_line.decode("latin-1").split(" ", 2)
        status = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 0
        await reader.read()
        if status >= 400 or status == 0:
            reason = fields[2].strip() if len(fields) > 2 else ""
            raise TaskError(f"HTTP {status} {reason} from {parts.scheme}://{parts.netloc}")
    finally:
        writer.close()


# Each spawned child leads a process group of its own, noted in the run's scratch folder as the Node engine does
# (`child-groups.txt`): when the run ends, the backend kills every group noted there, even a child a worker
# thread's timed-out task left running.
child_groups_path = None


def record_child_group(pid):
    if child_groups_path is not None:
        with open(child_groups_path, "a", encoding="utf-8") as groups:
            groups.write(f"{pid}\n")


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class ThreadChildren:
    """The process groups one attempt on a worker thread started. A thread cannot be interrupted, so when the
    attempt times out or is cancelled the loop kills its children (`abort`), and the thread, back from waiting on
    them, is free again; a child started after the abort is killed at once."""

    def __init__(self):
        self.pids = []
        self.aborted = False

    def started(self, pid):
        self.pids.append(pid)
        if self.aborted:
            kill_group(pid)

    def abort(self):
        self.aborted = True
        for pid in self.pids:
            kill_group(pid)


def spawn_blocking(command, args, children):
    process = subprocess.Popen([command, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    record_child_group(process.pid)
    children.started(process.pid)
    _, stderr = process.communicate()
    if process.returncode != 0:
        raise TaskError(f"{command} exited with code {process.returncode}: {stderr.decode(errors='replace').strip()[:500]}")


async def spawn_async(command, args):
    process = await asyncio.create_subprocess_exec(command, *args, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, start_new_session=True)
    record_child_group(process.pid)
    try:
        _, stderr = await process.communicate()
    except asyncio.CancelledError:
        kill_group(process.pid)
        raise
    if process.returncode != 0:
        raise TaskError(f"{command} exited with code {process.returncode}: {stderr.decode(errors='replace').strip()[:500]}")


_modules = {}


def user_function(spec):
    """The `export` of the user's module at `path` (loaded once per run): an `async def (index, attempt, args)`."""
    import importlib.util

    path = os.path.abspath(spec["path"])
    module = _modules.get(path)
    if module is None:
        loader_spec = importlib.util.spec_from_file_location(f"user_module_{len(_modules)}", path)
        if loader_spec is None or loader_spec.loader is None:
            raise TaskError(f"cannot load {path} as a Python module")
        module = importlib.util.module_from_spec(loader_spec)
        loader_spec.loader.exec_module(module)
        _modules[path] = module
    name = spec.get("export") or "default"
    function = getattr(module, name, None)
    if not callable(function):
        raise TaskError(f"{path} has no function {name}")
    return path, function


async def call_module(spec, index, attempt):
    path, function = user_function(spec)
    try:
        await function(index, attempt, spec.get("args") or {})
    except Exception as error:  # noqa: BLE001 - the user's failure, with its first frame in their file
        import traceback

        frames = [f for f in traceback.extract_tb(error.__traceback__) if os.path.abspath(f.filename) == path]
        where = f" (at {os.path.basename(path)}:{frames[-1].lineno})" if frames else ""
        raise TaskError(f"{type(error).__name__}: {error}{where}") from error


class Kinds:
    """Every kind twice: `on_loop` in asyncio's idiom, `blocking` for a worker thread (the `workers` strategy)."""

    def __init__(self, scratch_dir, target_url):
        self.scratch_dir = scratch_dir
        self.target_url = target_url

    def read_path(self, group):
        return os.path.join(self.scratch_dir, f"read-group-{group}.bin")

    def write_path(self, index):
        return os.path.join(self.scratch_dir, f"write-{index}.bin")

    def db_path(self, group):
        return os.path.join(self.scratch_dir, f"sqlite-group-{group}.db")

    def run_query(self, task):
        spec = task["spec"]
        database = spec.get("database")
        try:
            query(database or self.db_path(task["group"]), spec.get("sql") or DEFAULT_SQLITE_QUERY, read_only=database is not None)
        except sqlite3.Error as error:
            raise TaskError(f"SQLite: {error}")

    async def on_loop(self, task, draw):
        spec, kind = task["spec"], task["spec"]["kind"]
        if kind == "timer":
            await asyncio.sleep((spec["ms"] + draw["jitter"] * spec["jitterMs"]) / 1000)
        elif kind == "cpu":
            busy(spec["ms"])
        elif kind in ("file-read", "file-write"):
            work = self.file_work(task)
            if spec["sync"]:
                work()
            else:
                await asyncio.to_thread(work)
        elif kind == "http":
            await http_async(spec["method"], http_url(spec, draw, self.target_url), spec.get("headers") or {})
        elif kind == "crypto":
            await asyncio.to_thread(pbkdf2, spec["iterations"], draw["seed"])
        elif kind == "spawn":
            await spawn_async(spec["command"], spec["args"])
        elif kind == "sqlite":
            self.run_query(task)
        elif kind == "module":
            await call_module(spec, task["index"], task["attempt"])
        else:
            raise TaskError(f"task kind {kind} is not supported in Python")
        return time.perf_counter()

    def blocking(self, task, draw, children):
        spec, kind = task["spec"], task["spec"]["kind"]
        if kind == "timer":
            time.sleep((spec["ms"] + draw["jitter"] * spec["jitterMs"]) / 1000)
        elif kind == "cpu":
            busy(spec["ms"])
        elif kind in ("file-read", "file-write"):
            self.file_work(task)()
        elif kind == "http":
            http_blocking(spec["method"], http_url(spec, draw, self.target_url), spec.get("headers") or {})
        elif kind == "crypto":
            pbkdf2(spec["iterations"], draw["seed"])
        elif kind == "spawn":
            spawn_blocking(spec["command"], spec["args"], children)
        elif kind == "sqlite":
            self.run_query(task)
        elif kind == "module":
            # A worker thread runs the coroutine on a loop of its own.
            asyncio.run(call_module(spec, task["index"], task["attempt"]))
        else:
            raise TaskError(f"task kind {kind} is not supported in Python")
        return time.perf_counter()

    def file_work(self, task):
        spec = task["spec"]
        if spec["kind"] == "file-write":
            return lambda: write_file(self.write_path(task["index"]), spec["bytes"])
        return lambda: read_file(self.read_path(task["group"]), spec["bytes"])


def prepare_inputs(scenario, scratch_dir):
    """Files and databases the tasks read, made before the clock starts (as the Node engine does)."""
    os.makedirs(scratch_dir, exist_ok=True)
    if any(spec["kind"] == "cpu" for spec in scenario["tasks"]):
        SPIN_ROUNDS_PER_MS[0] = calibrate_spin()
    for group, spec in enumerate(scenario["tasks"]):
        if spec["kind"] == "file-read":
            write_file(os.path.join(scratch_dir, f"read-group-{group}.bin"), spec["bytes"])
        elif spec["kind"] == "sqlite" and spec.get("database") is None:
            seed_database(os.path.join(scratch_dir, f"sqlite-group-{group}.db"), spec["rows"], scenario["options"]["seed"])


def seed_database(path, rows, seed):
    categories = ["books", "games", "garden", "kitchen", "music", "office", "sports", "toys"]
    random = mulberry32(seed)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    for stale in (path, f"{path}-wal", f"{path}-shm"):
        if os.path.exists(stale):
            os.remove(stale)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, category TEXT NOT NULL, amount REAL NOT NULL, created_at TEXT NOT NULL)")
    orders = []
    for _ in range(rows):
        customer = f"customer-{int(random() * 500)}"
        category = categories[int(random() * len(categories))]
        amount = round(random() * 20000) / 100
        created = (start + datetime.timedelta(days=int(random() * 365))).isoformat()
        orders.append((customer, category, amount, created))
    connection.executemany("INSERT INTO orders (customer, category, amount, created_at) VALUES (?, ?, ?, ?)", orders)
    connection.execute("CREATE INDEX orders_category ON orders (category)")
    connection.commit()
    connection.close()


# --- recording: task records, samples and batches, as the Node engine's RunRecorder ---


class TaskFailed(Exception):
    """What a strategy sees when a task did not end `ok` (the task's own exception, in the plain code)."""


class Run:
    def __init__(self, scenario, kinds):
        self.scenario = scenario
        self.kinds = kinds
        self.options = scenario["options"]
        self.tasks = [{"index": i, "group": g, "spec": spec} for g, spec in enumerate(scenario["tasks"]) for i in [None] * spec["count"]]
        for index, task in enumerate(self.tasks):
            task["index"] = index
        self.records = [None] * len(self.tasks)
        self.pending_started, self.pending_finished, self.pending_samples = [], [], []
        self.samples_delay = []
        self.done = 0
        self.in_flight = 0
        self.settled_at_ms = None
        self.cancelled = False
        # The asyncio tasks in an attempt or a backoff now: what Cancel interrupts.
        self.attempting = set()
        self.threads = None
        self.origin = time.perf_counter()

    def now_ms(self):
        return (perf_counter() - self.origin) * 1000

    def ms_of(self, stamp):
        return max(0.0, (stamp - self.origin) * 1000)

    def cancel(self):
        self.cancelled = True
        for task in list(self.attempting):
            task.cancel()

    def finish_record(self, record):
        self.records[record["index"]] = record
        self.pending_finished.append(record)
        self.done += 1

    def never_started(self, task, status, reason):
        if self.records[task["index"]] is not None:
            return
        now = self.now_ms()
        self.finish_record({"index": task["index"], "group": task["group"], "kind": task["spec"]["kind"], "lane": 0, "queuedMs": 0, "startMs": now, "endMs": now, "observedMs": now, "status": status, "orphaned": False, "error": reason, "attempts": 0})

    def take_batch(self):
        batch = {"type": "batch", "started": self.pending_started, "finished": self.pending_finished, "samples": self.pending_samples, "done": self.done, "inFlight": self.in_flight, "elapsedMs": self.now_ms()}
        self.pending_started, self.pending_finished, self.pending_samples = [], [], []
        return batch

    async def attempt(self, task, draw):
        """One attempt bounded by the timeout and Cancel, in the task's own asyncio task (as `asyncio.timeout`
        does, with no extra task per attempt); returns (status, error, end_ms)."""
        loop = asyncio.get_running_loop()
        current = asyncio.current_task()
        expired = []
        due_ms = self.now_ms() + self.options["timeoutMs"]
        timer = loop.call_later(self.options["timeoutMs"] / 1000, lambda: (expired.append(self.now_ms()), current.cancel()))
        self.attempting.add(current)
        try:
            if self.threads is not None:
                children = ThreadChildren()
                try:
                    end = await loop.run_in_executor(self.threads, self.kinds.blocking, task, draw, children)
                except asyncio.CancelledError:
                    children.abort()
                    raise
            else:
                end = await self.kinds.on_loop(task, draw)
        except asyncio.CancelledError:
            if not expired and not self.cancelled:
                raise
            if hasattr(current, "uncancel"):
                current.uncancel()
            if self.cancelled and not expired:
                return "cancelled", "cancelled", self.now_ms()
            late_ms = expired[0] - due_ms
            note = f" (it fired {round(late_ms)} ms late: the event loop was blocked)" if late_ms > 5 else ""
            return "timeout", f"timed out after {self.options['timeoutMs']} ms{note}", due_ms if late_ms > 5 else expired[0]
        except Exception as error:  # noqa: BLE001 - any failure of the work is the task's error
            return "error", str(error) or type(error).__name__, self.now_ms()
        finally:
            timer.cancel()
            self.attempting.discard(current)
        if draw["fail"] and not (task["spec"]["kind"] == "http" and task["spec"].get("url") is None):
            return "error", f"injected failure (failRate {task['spec']['failRate']:g})", self.ms_of(end)
        return "ok", None, self.ms_of(end)

    async def backoff(self, seconds):
        current = asyncio.current_task()
        self.attempting.add(current)
        try:
            await asyncio.sleep(seconds)
            return True
        except asyncio.CancelledError:
            if not self.cancelled:
                raise
            if hasattr(current, "uncancel"):
                current.uncancel()
            return False
        finally:
            self.attempting.discard(current)

    async def run_task(self, index, lane):
        """What a strategy awaits for one task: records it, runs its attempts, raises when it did not end ok."""
        task = self.tasks[index]
        if self.cancelled:
            self.never_started(task, "cancelled", CANCELLED_BEFORE_START)
            raise TaskFailed(CANCELLED_BEFORE_START)
        start = {"index": index, "group": task["group"], "kind": task["spec"]["kind"], "lane": lane, "queuedMs": 0, "startMs": self.now_ms()}
        self.pending_started.append(start)
        self.in_flight += 1
        spec = task["spec"]
        # Only tasks that chance can touch draw from their stream (the same stream as Node's, so the same tasks fail).
        chance = spec["failRate"] > 0 or spec.get("jitterMs", 0) > 0 or spec["kind"] == "http"
        draws = task_draws(self.options["seed"], index, spec["failRate"]) if chance else no_draws
        attempts = 0
        try:
            while True:
                attempts += 1
                task["attempt"] = attempts
                status, error, end_ms = await self.attempt(task, draws())
                if status in ("ok", "cancelled") or attempts > self.options["retries"]:
                    break
                if not await self.backoff(self.options["retryDelayMs"] * 2 ** (attempts - 1) / 1000):
                    status, error, end_ms = "cancelled", "cancelled", self.now_ms()
                    break
        except asyncio.CancelledError:
            # A structured group cancelled this task because a sibling failed.
            self.end_task(start, "cancelled", "cancelled: a sibling failed and the group cancelled the rest", self.now_ms(), attempts)
            raise
        self.end_task(start, status, error, end_ms, attempts)
        if status != "ok":
            raise TaskFailed(error or status)

    def end_task(self, start, status, error, end_ms, attempts):
        observed = self.now_ms()
        end_ms = min(max(end_ms, start["startMs"]), observed)
        orphaned = self.settled_at_ms is not None and end_ms > self.settled_at_ms
        self.finish_record({**start, "endMs": end_ms, "observedMs": observed, "status": status, "orphaned": orphaned, "error": error, "attempts": attempts})
        self.in_flight -= 1


# --- strategies, each as the plain asyncio code it stands for; each returns (settled, drained) awaitables ---


def all_tasks(run, count):
    return [asyncio.ensure_future(run.run_task(i, i)) for i in range(count)]


async def drain(tasks):
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


def lane_pool(lanes):
    """A Semaphore of `lanes` whose holder also gets the lowest free lane (the timeline's row)."""
    free = list(range(lanes))
    semaphore = asyncio.Semaphore(lanes)

    async def limited(job):
        async with semaphore:
            lane = min(free)
            free.remove(lane)
            try:
                return await job(lane)
            finally:
                free.append(lane)

    return limited


async def first_settled(tasks, want_success):
    """asyncio.wait(FIRST_COMPLETED) in a loop: race takes the first to settle, any the first success."""
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if not want_success or task.exception() is None:
                return
    raise TaskFailed("every task failed")


def start_strategy(run, strategy):
    count = len(run.tasks)
    kind = strategy["type"]
    started = []

    async def sequential():
        for i in range(count):
            await run.run_task(i, 0)

    async def batched():
        size = strategy["size"]
        for first in range(0, count, size):
            started[:] = [asyncio.ensure_future(run.run_task(i, i - first)) for i in range(first, min(first + size, count))]
            await asyncio.gather(*started)

    async def slots(concurrency):
        next_index = 0

        async def slot(lane):
            nonlocal next_index
            while next_index < count:
                index = next_index
                next_index += 1
                await run.run_task(index, lane)

        started.extend(asyncio.ensure_future(slot(lane)) for lane in range(min(concurrency, count)))
        await asyncio.gather(*started)

    async def limited(concurrency, return_exceptions):
        limit = lane_pool(max(1, min(concurrency, count)))
        started.extend(asyncio.ensure_future(limit(lambda lane, i=i: run.run_task(i, lane))) for i in range(count))
        await asyncio.gather(*started, return_exceptions=return_exceptions)

    async def structured():
        if sys.version_info >= (3, 11):
            async with asyncio.TaskGroup() as group:
                for i in range(count):
                    group.create_task(run.run_task(i, i))
            return
        started.extend(all_tasks(run, count))
        try:
            await asyncio.gather(*started)
        except BaseException:
            for task in started:
                task.cancel()
            await drain(started)
            raise

    async def at_once(how):
        started.extend(all_tasks(run, count))
        if how == "all":
            await asyncio.gather(*started)
        elif how == "allSettled":
            await asyncio.gather(*started, return_exceptions=True)
        else:
            await first_settled(started, want_success=how == "any")

    if kind == "sequential":
        body = sequential()
    elif kind == "batch":
        body = batched()
    elif kind == "pool":
        on_failure = strategy.get("onFailure") or "stop-slot"
        body = slots(strategy["concurrency"]) if on_failure == "stop-slot" else limited(strategy["concurrency"], on_failure == "continue")
    elif kind == "workers":
        # A ThreadPoolExecutor of `threads`, every task submitted at once: the GIL decides what runs in parallel.
        run.threads = ThreadPoolExecutor(max_workers=strategy["threads"], thread_name_prefix="worker")
        body = limited(strategy["threads"], False)
    elif kind == "structured":
        body = structured()
    elif kind in ("all", "allSettled", "race", "any"):
        body = at_once(kind)
    else:
        raise TaskError(f"strategy {kind} has no idiom in Python")
    return asyncio.ensure_future(body), started


def lane_count(strategy, count):
    kind = strategy["type"]
    if kind == "sequential":
        return 1
    size = {"pool": "concurrency", "batch": "size", "workers": "threads"}.get(kind)
    return max(1, min(strategy[size], count)) if size else max(1, count)


# --- probes: samples every 20 ms and a loop-delay measurement by a ticking coroutine ---


def rss_bytes():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            return peak if sys.platform == "darwin" else peak * 1024
        except ImportError:
            return 0


async def sampler(run, stop):
    last_wall, last_cpu, last_thread = time.perf_counter(), sum(cpu_seconds()), time.thread_time()
    while not stop.is_set():
        expected = time.perf_counter() + SAMPLE_INTERVAL_S
        await asyncio.sleep(SAMPLE_INTERVAL_S)
        now = time.perf_counter()
        delay_ms = max(0.0, (now - expected) * 1000)
        cpu, thread = sum(cpu_seconds()), time.thread_time()
        interval = max(now - last_wall, 1e-6)
        sample = {
            "tMs": run.now_ms(),
            "inFlight": run.in_flight,
            "loopDelayMs": delay_ms,
            # The loop thread's own CPU share: how busy the event loop was.
            "elu": min(1.0, max(0.0, (thread - last_thread) / interval)),
            "cpuPercent": max(0.0, (cpu - last_cpu) / interval * 100),
            "rssBytes": rss_bytes(),
            "heapUsedBytes": 0,
        }
        last_wall, last_cpu, last_thread = now, cpu, thread
        run.samples_delay.append(delay_ms)
        run.pending_samples.append(sample)


async def batch_sender(run, stop):
    while not stop.is_set():
        await asyncio.sleep(BATCH_INTERVAL_S)
        if run.pending_started or run.pending_finished or run.pending_samples:
            emit(run.take_batch())


def cpu_seconds():
    """(user, system) CPU seconds of this process, every thread included; getrusage where it exists (finer)."""
    try:
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime, usage.ru_stime
    except ImportError:
        times = os.times()
        return times.user, times.system


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


async def measure(run):
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=run.options["threadpoolSize"], thread_name_prefix="pool"))
    run.origin = time.perf_counter()
    cpu_start = cpu_seconds()
    emit({"type": "started", "totalTasks": len(run.tasks), "lanes": lane_count(run.scenario["strategy"], len(run.tasks)), "startedAtEpochMs": time.time() * 1000})
    stop = asyncio.Event()
    probes = [asyncio.ensure_future(sampler(run, stop)), asyncio.ensure_future(batch_sender(run, stop))]
    settled, started = start_strategy(run, run.scenario["strategy"])
    try:
        await settled
    except BaseException as error:  # the strategy's own failure is part of the measurement, not the runner's
        if not isinstance(error, (Exception, asyncio.CancelledError)) and type(error).__name__ != "ExceptionGroup":
            raise
    wall_ms = run.now_ms()
    run.settled_at_ms = wall_ms
    await drain(started)
    if run.threads is not None:
        run.threads.shutdown(wait=True, cancel_futures=False)
    for task in run.tasks:
        run.never_started(task, "cancelled" if run.cancelled else "skipped", CANCELLED_BEFORE_START if run.cancelled else STOPPED_BY_STRATEGY)
    stop.set()
    for probe in probes:
        probe.cancel()
    await drain(probes)
    emit(run.take_batch())
    cpu_end = cpu_seconds()
    delays = sorted(run.samples_delay)
    emit({
        "type": "finished",
        "status": "cancelled" if run.cancelled else "completed",
        "wallMs": wall_ms,
        "cpu": {"userMs": (cpu_end[0] - cpu_start[0]) * 1000, "systemMs": (cpu_end[1] - cpu_start[1]) * 1000},
        "loopDelayMs": {"p50": percentile(delays, 0.5), "p99": percentile(delays, 0.99), "max": delays[-1] if delays else 0.0},
    })


# --- the protocol ---


def read_messages(loop, on_message):
    for line in sys.stdin:
        if line.strip():
            loop.call_soon_threadsafe(on_message, json.loads(line))
    loop.call_soon_threadsafe(on_message, {"type": "cancel"})


async def main():
    emit({"type": "ready", "pid": os.getpid()})
    line = sys.stdin.readline()
    message = json.loads(line) if line.strip() else {}
    if message.get("type") != "start":
        emit({"type": "failed", "message": "the runner expected a start message first"})
        return
    global child_groups_path
    scenario, scratch_dir = message["scenario"], message["scratchDir"]
    child_groups_path = os.path.join(scratch_dir, "child-groups.txt")
    target_url = (message.get("targetUrl") or "").rstrip("/") or None
    if target_url is None and any(spec["kind"] == "http" and spec.get("url") is None for spec in scenario["tasks"]):
        emit({"type": "failed", "message": "the scenario has http tasks without a url, and the start message has no targetUrl (the built-in HTTP target's address)"})
        return
    try:
        prepare_inputs(scenario, scratch_dir)
        run = Run(scenario, Kinds(scratch_dir, target_url))
        loop = asyncio.get_running_loop()
        threading.Thread(target=read_messages, args=(loop, lambda m: run.cancel() if m.get("type") == "cancel" else None), daemon=True).start()
        await measure(run)
    except Exception as error:  # noqa: BLE001 - reported as the protocol's `failed`
        emit({"type": "failed", "message": f"{type(error).__name__}: {error}"})


if __name__ == "__main__":
    asyncio.run(main())
    sys.stdout.flush()
    os._exit(0)
