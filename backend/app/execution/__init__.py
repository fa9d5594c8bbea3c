"""Running untrusted pandas code: the sandbox (DESIGN.md section 9) and, in `runs`, the kept runs.

The API: `await sandbox.run(code, datasets, timeout_seconds=None) -> RunResult` (client.py), with
`df` the first dataset and `dfs` all of them by name; `sandbox.isolation` for health; `sandbox.warm`
to load files ahead of a run. The code is attacker-controlled (prompt injection through a question
or a CSV cell), and pandas, numpy and matplotlib reach os, ctypes, files, URLs and pickle without
an import, so the boundary is the operating system's, not Python's.

Processes, and what each layer gives:

    app (uvicorn, asyncio, threads)            client.py, worker_process.py
      |  control socket: JSON ids, paths, limits (sandbox/protocol.py)
    worker: single-threaded, pre-imported       sandbox/worker.py, warmup.py, holders.py
      |  fork, one per set of files
    holder: one user's files loaded in memory   sandbox/holder.py
      |  fork, one per run
    run child: locked down, runs the code       sandbox/child.py, hardening.py, filesystem.py, seccomp.py
         `--- its own socket pair, straight to the app: the code in, the capped JSON answer out

- The app never forks itself (it is threaded): it starts the worker as a new program with a clean
  environment, so no secret is in the worker's memory or environment block, nor in anything forked
  from it. The worker imports pandas, numpy, pyarrow and matplotlib (Agg) once, warms their lazy
  parts, builds the read-only filesystem view and compiles the seccomp filter, then only routes.
- Why holders: importing pandas costs ~0.5 s and loading 100 MB of Parquet more than the 60 ms a
  run may add, so data must already be in memory when a run forks. But a child can read all of its
  own memory (ctypes is reachable through numpy), so a child must be forked from a process holding
  only data it may see. A holder is forked from the worker (which never loads data) and loads one
  set of files, keyed by file id and content hash; a file belongs to one user, so a holder holds one
  user's files only. Holders stay warm within SANDBOX_CACHE_BYTES (least recently used go first)
  and for SANDBOX_CACHE_IDLE_SECONDS. Before loading, a holder empties the worker's bookkeeping it
  inherited (other holders' keys, run ids). Each run child is a fresh fork, so copy-on-write gives
  it its own copy of the data: what one run changes, no other run (of any user) ever sees.
- Code, results and data never pass through the worker or a holder: the app sends the child its
  code over the run's own socket and reads the answer from it, so a later child cannot find them
  in memory it inherited.
- In the child (hardening.py), before reading the code: new mount, network, IPC and UTS namespaces;
  a filesystem view with the runtime read-only, a private size-capped /tmp as working directory,
  and nothing else (no /etc, /proc, /sys, uploaded files, the app's secrets); a uid of its own
  (different for every run, so runs cannot signal each other), no groups; a user namespace with
  every capability dropped; rlimits on memory, CPU seconds, threads, open files and file size;
  not dumpable, no-new-privs, and a seccomp filter denying sockets, exec, fork, ptrace, mounts,
  namespaces and kernel interfaces. A failed step aborts the run (unless SANDBOX_ALLOW_UNISOLATED).
- The app (client.py) enforces the wall-clock deadline by having the child killed (through the
  worker and holder, which also kill on their own past the deadline as a backstop), restarts the
  worker when it dies (holders and children die with it: parent-death signals), lets
  SANDBOX_CONCURRENCY runs go at once, and checks every answer as untrusted input: length-prefixed
  JSON under caps, never pickle.
- In front, precheck.py gives plain reasons for code that plainly tries to leave (imports of os,
  open(), eval, dunder attributes): a courtesy, not a boundary; everything it lets through still
  runs fully isolated. isolation.py probes the host at start-up and, through a real run, what a
  child can actually do; code runs only when every layer holds.

What a child can still see: its own user's files for this run, the libraries, and the worker's
freed heap (which held ids and paths of files, never their contents, code or results).
"""
