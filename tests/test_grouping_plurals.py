"""Plurals come from inflect imported without its run-time type checks: the same plurals."""

import json
import subprocess
import sys

NOUNS = ["truck", "child", "analysis", "ferry", "bus", "wolf", "cactus", "sheep", "person",
         "crisis", "hero", "leaf", "mouse", "index", "tomato", "kilo", "quiz"]  # fmt: skip

CHECKED = """
import json, sys, inflect
engine = inflect.engine()
print(json.dumps([engine.plural_noun(noun) for noun in json.loads(sys.argv[1])]))
print(json.dumps("typeguard" in engine.plural_noun.__code__.co_names))
"""

UNCHECKED = """
import json, sys
from helpers.grouping.what import _inflect_engine
engine = _inflect_engine()
print(json.dumps([engine.plural_noun(noun) for noun in json.loads(sys.argv[1])]))
print(json.dumps("typeguard" in engine.plural_noun.__code__.co_names))
"""


def _run(code: str) -> list:
    done = subprocess.run([sys.executable, "-c", code, json.dumps(NOUNS)], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_plurals_without_type_checks_are_inflects_plurals():
    checked, instrumented = _run(CHECKED)
    unchecked, still_instrumented = _run(UNCHECKED)
    assert unchecked == checked
    assert checked[:3] == ["trucks", "children", "analyses"]
    assert instrumented is True  # a plain import rewrites the methods with type checks
    assert still_instrumented is False  # this one does not
