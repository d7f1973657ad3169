"""One fediverse publisher run that kills itself (SIGKILL) right after its Nth remote write, before
recording it: the one moment a crash could make a publisher post twice.

    python -m tests.channels.publish_and_die N      (settings from PEERFEED_* in the environment)
"""

import os
import signal
import sys

from store import outbox


def main() -> None:
    after, writes, record = int(sys.argv[1]), [], outbox.complete

    def complete(*args, **kwargs):
        writes.append(1)
        if len(writes) == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return record(*args, **kwargs)

    outbox.complete = complete  # pipelines.fediverse calls it as outbox.complete

    from peerfeed.settings import Settings
    from pipelines.fediverse import run_fediverse
    from store.db import make_engine

    settings = Settings()
    run_fediverse(make_engine(settings.database_url), settings)


if __name__ == "__main__":
    main()
