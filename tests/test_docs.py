"""The README's commands and every CLI command and option stay documented."""
from __future__ import annotations

import re

import pytest
import typer.main

from ingest.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    """The first two shell code blocks of the README."""
    return [block.strip() for block in re.findall(r"```(?:bash|sh)\n(.*?)```", README, re.S)][:2]


def test_readme_opens_with_a_demo_command_and_a_test_command():
    demo, tests = readme_commands()
    assert "vplan ingest" in demo and "vplan query" in demo
    assert "pytest" in tests
    assert README.find(demo) < README.find("## ")  # before the first section


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci


def cli_commands():
    group = typer.main.get_command(app)
    return [(name, cmd) for name, cmd in group.commands.items()]


@pytest.mark.parametrize("name,command", cli_commands())
def test_every_cli_command_and_option_is_in_the_readme(name, command):
    assert f"vplan {name}" in README
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in README, f"{opt} of 'vplan {name}' is not documented"
