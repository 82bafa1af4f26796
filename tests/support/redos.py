"""Adversarial texts for a pattern, and a runner that times each search in a
child process: a search that does not finish within its budget is reported,
not waited for (Python's ``re`` checks for signals while it backtracks)."""

import json
import math
import subprocess
import sys
from typing import Any, cast

from generator.patterns.backtracking import Risk, analyse
from generator.patterns.tree import sets_of

# Characters that end a text so that a match fails: nothing, punctuation,
# controls, a line break, a character no pattern names.
ENDINGS = ("", "!", "\x00", "\n", " ", "-", ":", "/", "\uffff")


def proof_length(risk: Risk) -> int:
    """How long the witness of a verdict of slow is pumped for its proof
    (exponential ones are pumped a number of times instead). A quadratic
    search does as many steps on a pump of k characters pumped to 100,000
    times the square root of k as on one character pumped to 100,000 (5 *
    10^9). One linear but past the limit of steps per character (a bounded
    repeat retried at each position) gets 1,000,000 characters: at 256 steps
    per character that is 2.56 * 10^8 steps, a quadratic search's on 22,600;
    one of 14 per character (Connect Cases' ARN) stays under 0.1 s there."""
    if risk.per_character:
        return 1_000_000
    return int(100_000 * math.sqrt(len(risk.pump)))


def attacks(pattern: str, thorough: bool = True) -> list[list[str]]:
    """Texts a backtracking search is slowest on, if it is slow at all, as
    ``[prefix, pump, ending]`` (the pump repeated to the length wanted): the
    analysis' own witness, and every character the pattern names (the first,
    last and a middle one of each set) repeated; ``thorough`` False: fewer
    characters and endings, for patterns the analysis finds safe."""
    texts = []
    risk = analyse(pattern)
    if risk is not None:
        texts += [[risk.prefix, risk.pump, end] for end in dict.fromkeys(risk.suffixes + ENDINGS)]
    chars = set()
    for ranges in sets_of(pattern):
        for low, high in ranges[:4]:
            for cp in (low, high, (low + high) // 2):
                if not 0xD800 <= cp <= 0xDFFF:
                    chars.add(chr(cp))
    endings = ENDINGS[:4] if thorough else ENDINGS[1:3]
    for char in sorted(chars)[: 16 if thorough else 6]:
        texts += [["", char, end] for end in endings]
    return texts


_CHILD = r"""
import json, re, signal, sys, time
class Slow(Exception):
    pass
def alarm(*_):
    raise Slow()
signal.signal(signal.SIGALRM, alarm)
budget, length, repeats = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
slow = []
for item in json.load(sys.stdin):
    search = re.compile(item["pattern"]).search
    for prefix, pump, ending in item["texts"]:
        text = prefix + pump * (repeats or item.get("length", length) // len(pump)) + ending
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            search(text)
        except Slow:
            slow.append([item["label"], text[:40], len(text)])
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
json.dump(slow, sys.stdout)
"""


def slow_searches(
    items: list[dict[str, Any]], length: int, budget: float, repeats: int = 0
) -> list[list[Any]]:
    """``items``: ``{"label", "pattern", "texts"}`` (texts from ``attacks``,
    pumped to about ``length`` characters, or an item's own ``"length"``, or
    ``repeats`` times); the (label,
    text) pairs whose search took longer than ``budget`` seconds."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(budget), str(length), str(repeats)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return cast(list[list[Any]], json.loads(result.stdout))


def javascript_times(items: list[dict[str, Any]], length: int, timeout: float) -> dict[str, float]:
    """The slowest search of each item in JavaScript (``RegExp`` with the u
    flag), in milliseconds; a hang fails the run with TimeoutExpired."""
    import shutil
    from pathlib import Path

    node = shutil.which("node")
    assert node, "node is needed for the pattern tests (see scripts/test)"
    script = Path(__file__).resolve().parent.parent / "editor" / "regex-time.mjs"
    result = subprocess.run(
        [node, str(script)],
        input=json.dumps({"length": length, "items": items}),
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    )
    return {item["label"]: item["slowest"] for item in json.loads(result.stdout)}


def pattern_texts(pattern: str, rng: Any, attack_length: int) -> list[str]:
    """Texts to compare verdicts on: drawn from the pattern (matching, mostly),
    each mutated in one place (mostly not), short fixed texts, and the
    pattern's attacks pumped to ``attack_length`` characters."""
    from .schemadata import RegexSampler

    sampler = RegexSampler(rng)
    drawn = {sampler.sample(pattern, stretch) for stretch in (1, 3, 8) for _ in range(3)}
    texts = set(drawn) | {"", "a", "!", "\n", "arn:aws:x", " ", "\u2028", "\U0001f600"}
    for text in sorted(drawn):
        for _ in range(3):
            at = rng.randrange(len(text) + 1)
            texts.add(text[:at] + rng.choice("a0-:/ .\n!\u00e9") + text[at + rng.randrange(2) :])
    for prefix, pump, ending in attacks(pattern, thorough=False):
        texts.add(prefix + pump * (attack_length // max(len(pump), 1)) + ending)
    return sorted(texts)


_VERDICTS = r"""
import json, re, signal, sys
class Slow(Exception):
    pass
def alarm(*_):
    raise Slow()
signal.signal(signal.SIGALRM, alarm)
budget = float(sys.argv[1])
out = {}
for item in json.load(sys.stdin):
    search = re.compile(item["pattern"]).search
    verdicts = []
    for text in item["texts"]:
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            verdicts.append(search(text) is not None)
        except Slow:
            verdicts.append(None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    out[item["label"]] = verdicts
json.dump(out, sys.stdout)
"""


def attack_verdicts(items: list[dict[str, Any]], budget: float) -> dict[str, list[bool | None]]:
    """``items``: ``{"label", "pattern", "texts"}``; re's verdict on each text
    (found or not), None where the search took longer than ``budget`` seconds."""
    result = subprocess.run(
        [sys.executable, "-c", _VERDICTS, str(budget)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    verdicts: dict[str, list[bool | None]] = json.loads(result.stdout)
    return verdicts


def breaking_text(pattern: str) -> str | None:
    """A short text the pattern does not match anywhere (None if every one
    matches, as ``[a-z]*`` searched does)."""
    import re

    for text in ("", "!", " ", "\x00", "\n", "!!", "\u2028", "a!", "{}"):
        if re.search(pattern, text) is None:
            return text
    return None
