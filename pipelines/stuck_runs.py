"""Flow runs left "Running" by a worker that died: found, and marked Crashed by the next run.

A worker killed mid-run (OOM, a reboot, kill -9) never reports its run's end, so Prefect shows it
Running for good. Every peerfeed flow has a timeout (`FLOW_TIMEOUTS`), so a run still Running well
past its flow's timeout cannot be alive: `reconcile_stuck_runs` marks it Crashed, with a message
saying why. Each flow calls it as it starts (the `alert` flow runs every minute, so a stuck
`collect` is tidied within a minute or two of its timeout), and `peerfeed status` lists them.
What cannot be done from here: the deployment's one-at-a-time slot is a lease on the Prefect
server, freed when it expires (PREFECT_SERVER_CONCURRENCY_INITIAL_DEPLOYMENT_LEASE_DURATION,
300 s by default; docs/scaling.md sets 60 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

# Each flow's timeout (seconds): its @flow(timeout_seconds=...), and the bound for "stuck".
FLOW_TIMEOUTS = {
    "collect": 30 * 60,
    "classify": 60 * 60,
    "classify-batches": 60 * 60,
    "alert": 5 * 60,
    "digest": 15 * 60,
    "themes": 30 * 60,
    "deletions": 30 * 60,
    "retrain": 3 * 60 * 60,
}
GRACE = timedelta(minutes=5)  # past the timeout, for a run that is timing out right now


@dataclass(frozen=True)
class StuckRun:
    flow: str
    run_id: str
    run_name: str
    started: datetime


def find_stuck_runs(client, now: datetime | None = None) -> list[StuckRun]:
    """Runs of peerfeed's flows still Running longer than their flow's timeout plus `GRACE`."""
    from prefect.client.schemas.filters import (FlowFilter, FlowFilterName, FlowRunFilter, FlowRunFilterState,
                                                FlowRunFilterStateType)
    from prefect.client.schemas.objects import StateType

    now = now or datetime.now(timezone.utc)
    stuck = []
    for flow_name, timeout in FLOW_TIMEOUTS.items():
        runs = client.read_flow_runs(
            flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.RUNNING]))),
            limit=200)
        for run in runs:
            started = run.start_time or run.expected_start_time
            if started is not None and now - started > timedelta(seconds=timeout) + GRACE:
                stuck.append(StuckRun(flow_name, str(run.id), run.name, started))
    return stuck


def reconcile_stuck_runs(now: datetime | None = None, dry_run: bool = False, client=None) -> list[StuckRun]:
    """Mark every stuck run Crashed (or, with `dry_run`, only list them); returns them."""
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    own = client is None
    client = client or get_client(sync_client=True)
    try:
        if own:
            client.__enter__()
        stuck = find_stuck_runs(client, now)
        if not dry_run:
            for run in stuck:
                message = (f"still Running {FLOW_TIMEOUTS[run.flow] // 60} minutes after its flow's timeout: "
                           "its worker died; marked Crashed by peerfeed")
                client.set_flow_run_state(run.run_id, Crashed(message=message), force=True)
        return stuck
    finally:
        if own:
            client.__exit__(None, None, None)
