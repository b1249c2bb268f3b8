"""conftest.py — what the tests of the dyad package share: the dyad command
they compare against (DYAD, as tests/run.sh sets it; else build/dyad), the
repository, our own test stories, one coder per mode."""
import json
import os
import subprocess

import pytest

import dyad

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
STORIES = os.path.join(HERE, "stories.jsonl")
MINI = os.path.join(REPO, "tests", "fixtures", "cli", "mini.project")


def dyad_command():
    cmd = os.environ.get("DYAD") or os.path.join(REPO, "build", "dyad")
    return cmd if os.path.isabs(cmd) else os.path.join(REPO, cmd)


def cli_events(*args):
    """The events `dyad code --out jsonl ARGS` writes, as dicts."""
    r = subprocess.run([dyad_command(), "code", "--out", "jsonl"] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def read_stories(path=STORIES):
    with open(path) as f:
        return [json.loads(line) for line in f]


def many_stories(copies):
    """Our stories `copies` times over, ids made unique."""
    base = read_stories()
    return [dict(s, id="%s-%d" % (s["id"], k)) for k in range(copies) for s in base]


def write_stories(path, stories):
    with open(path, "w") as f:
        for s in stories:
            f.write(json.dumps(s) + "\n")


@pytest.fixture(scope="session")
def coder():
    return dyad.Coder()


@pytest.fixture(scope="session")
def shallow():
    return dyad.Coder(mode="shallow")


@pytest.fixture(scope="session")
def stories():
    return read_stories()
