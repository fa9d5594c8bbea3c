"""The isolation level: what the host offers, what the probe run finds, what the app reports."""

from app.execution.isolation import Isolation, assess, probe_host
from app.execution.schemas import RunError, RunResult


def probe(checks: dict[str, bool]) -> RunResult:
    return RunResult(status="succeeded", duration_ms=1, result={"kind": "json", "value": checks})


def test_this_host_offers_everything() -> None:
    # The project's machines and CI run as root with namespaces and libseccomp.
    assert probe_host() == []


def test_every_check_holding_is_full_isolation() -> None:
    isolation = assess(probe({"no_network": True, "unprivileged_uid": True}), setup_failed=[])

    assert isolation == Isolation("full")
    assert isolation.allows_runs(allow_unisolated=False)


def test_a_failing_check_is_partial_and_refuses_runs() -> None:
    isolation = assess(probe({"no_network": False, "unprivileged_uid": True}), setup_failed=[])

    assert isolation == Isolation("partial", ("no_network",))
    assert not isolation.allows_runs(allow_unisolated=False)
    assert isolation.allows_runs(allow_unisolated=True)
    assert isolation.describe() == "partial (missing: no_network)"


def test_a_worker_set_up_failure_counts_as_missing() -> None:
    isolation = assess(probe({"no_network": True}), setup_failed=["seccomp"])

    assert isolation.level == "partial"
    assert "seccomp" in isolation.missing


def test_a_probe_that_could_not_run_means_none() -> None:
    failed = RunResult(
        status="failed",
        duration_ms=1,
        error=RunError(kind="IsolationFailed", message="namespaces: Operation not permitted"),
    )

    isolation = assess(failed, setup_failed=[])

    assert isolation.level == "none"
    assert not isolation.allows_runs(allow_unisolated=False)
    assert "namespaces: Operation not permitted" in isolation.describe()


def test_unavailable_and_starting_never_run_code() -> None:
    for level in ("unavailable", "starting"):
        assert not Isolation(level).allows_runs(allow_unisolated=True)
