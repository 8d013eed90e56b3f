"""The pre-commit hooks, run for real: ``pre-commit try-repo`` on this repository's working tree.

pre-commit builds a virtual environment and pip-installs the repository into it, so this
test needs network access to the package index and takes a while (one build, shared by
every run below). It skips only when pre-commit is not installed or this is not a git
checkout.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MOJIBAKE = "Chinaâ€™s exports rose\u200b in March.\r\nA second line stays as it is.  \r\n"
FIXED = "China’s exports rose in March.\r\nA second line stays as it is.  \r\n"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xc3\xa2\xe2\x82\xac"
CP1252 = "Caf\xe9 owners said \x93no\x94.\n".encode("latin-1")

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="pre-commit is not installed (pip install -e '.[test]')",
)


def _git_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="newsclean tests",
        GIT_AUTHOR_EMAIL="tests@newsclean.invalid",
        GIT_COMMITTER_NAME="newsclean tests",
        GIT_COMMITTER_EMAIL="tests@newsclean.invalid",
        GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
        GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        PRE_COMMIT_HOME=str(home),
    )
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    return env


def _git(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _snapshot(target: Path, env: dict[str, str]) -> Path:
    """Copy this repository's working tree (tracked and untracked, not ignored) into a new repo.

    This is what ``try-repo`` does itself for a tree with uncommitted changes; doing it
    once here lets every run below share one hook environment.
    """
    listed = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(["init", "-q"], target, env)
    _git(["add", "-A"], target, env)
    _git(["commit", "-q", "-m", "snapshot of the working tree"], target, env)
    return target


def _pre_commit(
    args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _try_repo(
    repo: Path, hook: str, cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return _pre_commit(["try-repo", str(repo), hook, "--all-files"], cwd, env)


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = _git_env(tmp_path / "pre-commit-home")
    inside = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if inside.stdout.strip() != "true":
        pytest.skip(f"{ROOT} is not a git checkout, which pre-commit try-repo needs")
    return env


def test_fix_hook_fails_then_fixes_then_passes(tmp_path: Path, git_env: dict[str, str]) -> None:
    hooks = _snapshot(tmp_path / "newsclean", git_env)
    work = tmp_path / "work"
    work.mkdir()
    _git(["init", "-q"], work, git_env)
    (work / "news.txt").write_bytes(MOJIBAKE.encode("utf-8"))
    (work / "photo.png").write_bytes(BINARY)
    (work / "legacy.txt").write_bytes(CP1252)
    _git(["add", "-A"], work, git_env)
    _git(["commit", "-q", "-m", "files with mojibake, binary and cp1252"], work, git_env)

    check = _try_repo(hooks, "newsclean-check", work, git_env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "news.txt: would fix 1 line" in check.stdout
    assert (work / "news.txt").read_bytes() == MOJIBAKE.encode("utf-8")

    first = _try_repo(hooks, "newsclean-fix", work, git_env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "news.txt: fixed 1 line: repaired mojibake" in first.stdout
    assert "files were modified by this hook" in first.stdout
    assert (work / "news.txt").read_bytes() == FIXED.encode("utf-8")
    assert (work / "photo.png").read_bytes() == BINARY
    assert (work / "legacy.txt").read_bytes() == CP1252
    assert "legacy.txt: not valid UTF-8" in first.stdout

    second = _try_repo(hooks, "newsclean-fix", work, git_env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (work / "news.txt").read_bytes() == FIXED.encode("utf-8")
    assert (work / "photo.png").read_bytes() == BINARY
    assert (work / "legacy.txt").read_bytes() == CP1252

    again = _try_repo(hooks, "newsclean-check", work, git_env)
    assert again.returncode == 0, again.stdout + again.stderr


def test_hook_manifest_declares_both_hooks_for_text_files() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert sorted(by_id) == ["newsclean-check", "newsclean-fix"]
    assert by_id["newsclean-fix"]["entry"] == "newsclean fix"
    assert by_id["newsclean-check"]["entry"] == "newsclean check"
    assert all(hook["types"] == ["text"] and hook["language"] == "python" for hook in hooks)


def _local_hook_config() -> str:
    """The repository-local configuration that docs/pre-commit.md shows."""
    text = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    blocks = text.split("```yaml\n")[1:]
    return next(block.split("```")[0] for block in blocks if "repo: local" in block)


def test_local_hook_from_the_docs_fixes_then_passes(
    tmp_path: Path, git_env: dict[str, str]
) -> None:
    # The newsclean of this environment, found on PATH as the docs say.
    env = {**git_env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{git_env['PATH']}"}
    work = tmp_path / "work"
    work.mkdir()
    _git(["init", "-q"], work, env)
    (work / ".pre-commit-config.yaml").write_text(_local_hook_config(), encoding="utf-8")
    (work / "news.txt").write_bytes(MOJIBAKE.encode("utf-8"))
    (work / "legacy.txt").write_bytes(CP1252)
    _git(["add", "-A"], work, env)

    first = _pre_commit(["run", "--all-files"], work, env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "news.txt: fixed 1 line: repaired mojibake" in first.stdout
    assert (work / "news.txt").read_bytes() == FIXED.encode("utf-8")
    assert (work / "legacy.txt").read_bytes() == CP1252
    second = _pre_commit(["run", "--all-files"], work, env)
    assert second.returncode == 0, second.stdout + second.stderr
