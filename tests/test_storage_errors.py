"""A full disk, a read-only output folder or a missing permission: one line saying what and where, exit
code 1, nothing half-committed, and a re-run completes."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from deltalake.exceptions import DeltaError
from typer.testing import CliRunner

import ingest.storage.delta as delta
from ingest.cli import app
from ingest.pipeline import ingest

from .conftest import ROOT, SAMPLES, tables

DOCX = sorted(SAMPLES.glob("*.docx"))
VPLAN = [sys.executable, "-m", "ingest"]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The tables of a clean run over the Word samples."""
    out = tmp_path_factory.mktemp("clean")
    ingest(DOCX, out, commit_every=2)
    return tables(out)


def one_error_line(stderr: str, words: str) -> None:
    """The run ends with one line naming the cause, and prints no traceback or Rust panic."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("error:") and words in lines[-1], stderr
    assert "Traceback" not in stderr and "panicked" not in stderr, stderr


def can_mount_tmpfs() -> bool:
    """Whether this user may mount a tmpfs in a namespace of its own (unprivileged user namespaces)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt || "
                            "mount -t tmpfs -o size=64k tmpfs /tmp"], capture_output=True)
    return probe.returncode == 0


needs_tmpfs = pytest.mark.skipif(not can_mount_tmpfs(), reason="cannot mount a tmpfs here (no user namespaces)")


def run_in_namespace(script: str, tmp_path: Path) -> None:
    """Run a shell script in a mount namespace of its own, where it can mount small file systems."""
    result = subprocess.run(["unshare", "-rm", "sh", "-e", "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "VPLAN": " ".join(VPLAN), "T": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr


@needs_tmpfs
def test_a_full_disk_ends_the_run_with_one_line_and_a_rerun_completes(tmp_path, clean):
    docs = " ".join(map(str, DOCX))
    run_in_namespace(f"""
        mkdir -p $T/disk
        mount -t tmpfs -o size=120k tmpfs $T/disk
        set +e
        $VPLAN ingest {docs} --out $T/disk/out --commit-every 2 --workers 1 >$T/first.out 2>$T/first.err
        echo $? >$T/first.rc
        set -e
        mount -o remount,size=20m tmpfs $T/disk
        $VPLAN ingest {docs} --out $T/disk/out --commit-every 2 --workers 1 --quiet >$T/second.out 2>&1
        cp -r $T/disk/out $T/out
    """, tmp_path)
    assert (tmp_path / "first.rc").read_text().strip() == "1"
    one_error_line((tmp_path / "first.err").read_text(), "no space left on device (errno 28)")
    assert tables(tmp_path / "out") == clean


@needs_tmpfs
def test_a_read_only_output_folder_ends_the_run_with_one_line(tmp_path, clean):
    run_in_namespace(f"""
        mkdir -p $T/disk
        mount -t tmpfs -o size=20m tmpfs $T/disk
        $VPLAN ingest {' '.join(map(str, DOCX))} --out $T/disk/out --quiet >/dev/null
        mount -o remount,ro tmpfs $T/disk
        set +e
        $VPLAN ingest {DOCX[0]} --out $T/disk/out --force >/dev/null 2>$T/ingest.err; echo $? >$T/ingest.rc
        $VPLAN optimize --out $T/disk/out 2>$T/optimize.err; echo $? >$T/optimize.rc
        $VPLAN export --to $T/disk/export --curated $T/disk/out 2>$T/export.err; echo $? >$T/export.rc
        set -e
        cp -r $T/disk/out $T/out
    """, tmp_path)
    for command in ("ingest", "optimize", "export"):
        assert (tmp_path / f"{command}.rc").read_text().strip() == "1"
        one_error_line((tmp_path / f"{command}.err").read_text(), "read-only file system (errno 30)")
    assert tables(tmp_path / "out") == clean


def without_write_permission() -> list[str]:
    """A command prefix under which the permission bits hold: root loses the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permission bits do not hold")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def test_a_missing_permission_ends_the_run_with_one_line_and_nothing_half_committed(tmp_path, clean):
    out = tmp_path / "out"
    ingest(DOCX, out, commit_every=2)
    (out / "activities").chmod(0o555)
    (out / "activities" / "_delta_log").chmod(0o555)
    try:
        result = subprocess.run([*without_write_permission(), *VPLAN, "ingest", *map(str, DOCX), "--out", str(out),
                                 "--force"], cwd=ROOT, capture_output=True, text=True)
    finally:
        (out / "activities").chmod(0o755)
        (out / "activities" / "_delta_log").chmod(0o755)
    assert result.returncode == 1
    one_error_line(result.stderr, "permission denied (errno 13)")
    assert str(out / "activities") in result.stderr.splitlines()[-1]
    assert tables(out) == clean
    rerun = subprocess.run([*VPLAN, "ingest", *map(str, DOCX), "--out", str(out), "--force", "--quiet"], cwd=ROOT,
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert tables(out) == clean


ENOSPC_ERRORS = {  # as delta-rs raises them
    "oserror": lambda: OSError(errno.ENOSPC, "No space left on device"),
    "delta": lambda: DeltaError("Failed to parse parquet: External: Generic LocalFileSystem error: Unable to copy "
                                "data to file: No space left on device (os error 28)"),
}


@pytest.mark.parametrize("kind", sorted(ENOSPC_ERRORS))
@pytest.mark.parametrize("at", [1, 4, 9])
def test_an_injected_full_disk_stops_the_run_cleanly_and_a_rerun_completes(tmp_path, monkeypatch, clean, kind, at):
    calls = {"n": 0}
    real = delta.write_deltalake

    def fill_up(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] >= at:
            raise ENOSPC_ERRORS[kind]()
        return real(*args, **kwargs)

    out = tmp_path / "out"
    with monkeypatch.context() as mp:
        mp.setattr(delta, "write_deltalake", fill_up)
        result = CliRunner().invoke(app, ["ingest", *map(str, DOCX), "--out", str(out), "--commit-every", "2"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "no space left on device (errno 28)" in result.output.splitlines()[-1]
    assert "committed before is kept" in result.output
    again = CliRunner().invoke(app, ["ingest", *map(str, DOCX), "--out", str(out), "--commit-every", "2"])
    assert again.exit_code == 0, again.output
    assert tables(out) == clean


def test_an_output_folder_that_cannot_be_created_is_one_line(tmp_path):
    (tmp_path / "file").write_text("")
    result = subprocess.run([*VPLAN, "ingest", str(DOCX[0]), "--out", str(tmp_path / "file" / "out")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    one_error_line(result.stderr, str(tmp_path / "file" / "out"))
