"""`briefing schedule` chains build → publish → send when `delivery:` is configured.

The cron command is run the way cron runs it, with a stand-in `briefing` that fails a step
on demand: `send` must never run after a failed build (or a failed publish).
"""

from __future__ import annotations

import os
import subprocess

from briefing import schedule
from tests.test_schedule import CONFIG, executable, project, run  # noqa: F401 - `project` is a fixture

DELIVERY = """\
delivery:
  email:
    to: [ann@example.org]
    from: briefing@example.org
    smtp: {host: smtp.example.org, user: desk, password_env: BRIEFING_SMTP_PASSWORD}
"""


def with_delivery(root) -> None:
    (root / "config.yaml").write_text(CONFIG % {"day": "friday", "time": "18:30"} + DELIVERY)


def test_cron_runs_send_only_after_a_successful_build_and_publish(project, tmp_path, capsys):  # noqa: F811
    with_delivery(project)
    code, out = run(["--with", "cron"], capsys)
    assert code == 0
    fake = executable(
        tmp_path / "fake-briefing",
        '#!/bin/sh\necho "args: $*"; [ "$1" = "$FAIL" ] && exit 3; exit 0\n',
    )
    job = schedule.resolve_job("config.yaml", "seeds", None)
    assert job.deliver
    job = schedule.Job(**{**job.__dict__, "executable": fake})
    command = schedule.cron_line(job).split(" ", 5)[5].replace("\\%", "%")
    log_file = project / "logs" / "briefing-schedule.log"
    out_dir = project / "output"

    def steps(fail: str) -> list[str]:
        log_file.unlink(missing_ok=True)
        subprocess.run(["sh", "-c", command], cwd="/", check=True, env={**os.environ, "FAIL": fail})
        return [line.split()[1] for line in log_file.read_text().splitlines() if line.startswith("args:")]

    assert steps("none") == ["build", "publish", "send"]
    assert steps("build") == ["build"]  # a failed build: no publish, no send
    assert steps("publish") == ["build", "publish"]
    steps("none")
    assert f"args: send --config {project / 'config.yaml'} --out {out_dir}\n" in log_file.read_text()


def test_systemd_service_runs_send_as_its_last_step_only_with_delivery(project, capsys):  # noqa: F811
    service = schedule.systemd_units(schedule.resolve_job("config.yaml", "seeds", None))["briefing.service"]
    assert [line.split()[1] for line in service.splitlines() if line.startswith("ExecStart=")] == [
        "build",
        "publish",
    ]
    with_delivery(project)
    service = schedule.systemd_units(schedule.resolve_job("config.yaml", "seeds", None))["briefing.service"]
    assert [line.split()[1] for line in service.splitlines() if line.startswith("ExecStart=")] == [
        "build",
        "publish",
        "send",
    ]
    assert f'send --config "{project / "config.yaml"}" --out "{project / "output"}"\n' in service
