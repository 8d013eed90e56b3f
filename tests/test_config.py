"""``[tool.newsclean]``: finding it, validating it, and the command line winning over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.config import Config, build_pipeline, find_pyproject, load_config, parse_config
from newsclean.errors import ConfigError
from newsclean.filters import NEWS_FIXER_CONFIG, REGISTRY, FixEncoding
from newsclean.pipeline import default_pipeline


def _pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n' + body, encoding="utf-8")
    return path


def test_nearest_pyproject_is_found_from_a_subfolder(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, '[tool.newsclean]\nfilters = ["encoding"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_pyproject(deep) == path
    config = load_config(start=deep)
    assert config.path == path
    assert config.filters == ("encoding",)


def test_pyproject_without_the_table_gives_the_defaults(tmp_path: Path) -> None:
    _pyproject(tmp_path, "[tool.other]\nx = 1\n")
    config = load_config(start=tmp_path)
    assert (config.filters, dict(config.options), dict(config.batch)) == (None, {}, {})
    assert config.pipeline() == default_pipeline()


def test_filter_options_use_the_filter_configuration_names(tmp_path: Path) -> None:
    _pyproject(
        tmp_path,
        "[tool.newsclean.encoding.config]\nuncurl_quotes = true\nnormalization = 'NFKC'\n"
        "[tool.newsclean.duplicates]\nmin_words = 5\n",
    )
    pipeline = load_config(start=tmp_path).pipeline()
    steps = {step.name: step for step in pipeline.filters}
    assert pipeline.names == default_pipeline().names
    assert steps["encoding"] == FixEncoding(
        config=NEWS_FIXER_CONFIG._replace(uncurl_quotes=True, normalization="NFKC")
    )
    assert steps["duplicates"] == REGISTRY["duplicates"](min_words=5)
    unconfigured = [name for name in pipeline.names if name not in ("encoding", "duplicates")]
    assert all(steps[name] == REGISTRY[name]() for name in unconfigured)


def test_the_filters_key_chooses_and_orders_the_pipeline() -> None:
    config = parse_config({"filters": ["duplicates", "encoding"], "duplicates": {"min_words": 7}})
    assert config.pipeline().filters == (REGISTRY["duplicates"](min_words=7), FixEncoding())
    assert config.pipeline(["encoding"]).names == ("encoding",)  # the command line wins


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"colour": "blue"}, "unknown key 'tool.newsclean.colour'"),
        ({"encoding": {"strength": 3}}, "unknown key 'tool.newsclean.encoding.strength'"),
        (
            {"encoding": {"config": {"uncurl": True}}},
            "unknown key 'tool.newsclean.encoding.config.uncurl'",
        ),
        (
            {"encoding": {"config": {"uncurl_quotes": "yes"}}},
            "'tool.newsclean.encoding.config.uncurl_quotes' has the wrong type",
        ),
        (
            {"encoding": {"config": {"normalization": "NFX"}}},
            "'tool.newsclean.encoding.config.normalization' has the wrong type",
        ),
        ({"encoding": {"config": 1}}, "'tool.newsclean.encoding.config' must be a table"),
        ({"encoding": True}, "'tool.newsclean.encoding' must be a table of filter options"),
        ({"duplicates": {"min_words": "5"}}, "'tool.newsclean.duplicates.min_words' has the wrong"),
        ({"duplicates": {"min_words": 2.5}}, "'tool.newsclean.duplicates.min_words' has the wrong"),
        ({"filters": ["encoding", "nope"]}, "unknown filter 'nope' in 'tool.newsclean.filters'"),
        ({"filters": "encoding"}, "'tool.newsclean.filters' must be a list of filter names"),
        ({"batch": {"feild": "x"}}, "unknown key 'tool.newsclean.batch.feild'"),
        ({"batch": {"workers": "2"}}, "'tool.newsclean.batch.workers' has the wrong type"),
        ({"batch": {"workers": True}}, "'tool.newsclean.batch.workers' has the wrong type"),
        ({"fix": {"filters": ["x"]}}, "unknown filter 'x' in 'tool.newsclean.fix.filters'"),
        ({"fix": {"to_utf8": True}}, "unknown key 'tool.newsclean.fix.to_utf8'"),
    ],
)
def test_mistakes_are_errors_that_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(table, source="pyproject.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("pyproject.toml: ")


def test_build_pipeline_rejects_unknown_filters() -> None:
    with pytest.raises(ConfigError, match=r"unknown filter 'chrom' \(known: .*chrome"):
        build_pipeline(["chrom"])


def test_a_standalone_config_file_is_the_table_itself(tmp_path: Path) -> None:
    path = tmp_path / "newsclean.toml"
    path.write_text('filters = ["encoding"]\n[batch]\nfield = "body"\n', encoding="utf-8")
    config = load_config(path)
    assert (config.filters, config.batch["field"], config.path) == (("encoding",), "body", path)


def test_unreadable_or_invalid_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")
    broken = tmp_path / "pyproject.toml"
    broken.write_text("[tool.newsclean\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load_config(broken)


def test_fix_pipeline_defaults_to_the_safe_filters() -> None:
    assert Config().fix_pipeline().names == ("encoding",)
    assert parse_config({"fix": {"filters": []}}).fix_pipeline().names == ()
    assert parse_config({"fix": {"filters": []}}).fix_pipeline(["encoding"]).names == ("encoding",)


# --- the commands read it, and the command line wins ------------------------------------


def test_clean_uses_the_configured_filter_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _pyproject(tmp_path, "[tool.newsclean.encoding.config]\nfix_latin_ligatures = false\n")
    (tmp_path / "a.txt").write_text("The \ufb01nance minister.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "a.txt"]) == 0
    assert capsys.readouterr().out == "The \ufb01nance minister.\n"
    other = tmp_path / "other.toml"
    other.write_text("[encoding.config]\nfix_latin_ligatures = true\n", encoding="utf-8")
    assert main(["clean", "--config", str(other), "a.txt"]) == 0
    assert capsys.readouterr().out == "The finance minister.\n"


def test_batch_settings_come_from_the_table_and_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pyproject(
        tmp_path,
        '[tool.newsclean.batch]\nfield = "body"\nexplain = true\nworkers = 1\nquiet = true\n',
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"body": "Caf\u00c3\u00a9", "text": "Ã©tÃ©"}) + "\n", encoding="utf-8"
    )
    assert main(["batch", "in.jsonl", "-o", "out.jsonl"]) == 0
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert (record["body"], record["text"]) == ("Café", "Ã©tÃ©")
    assert len(record["newsclean"]["edits"]) == 1
    assert main(["batch", "in.jsonl", "-o", "out.jsonl", "--field", "text", "--no-explain"]) == 0
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert (record["body"], record["text"]) == ("Caf\u00c3\u00a9", "été")
    assert "edits" not in record["newsclean"]


def test_fix_settings_come_from_the_table_and_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _pyproject(tmp_path, "[tool.newsclean.fix]\nfilters = []\nto-utf8 = true\n")
    monkeypatch.chdir(tmp_path)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\xe9 Ã©\n".encode("cp1252"))
    assert main(["check", "legacy.txt"]) == 1  # to-utf8 from the table, no filters
    assert capsys.readouterr().out == "legacy.txt: would convert from cp1252 to UTF-8\n"
    assert main(["check", "--no-to-utf8", "legacy.txt"]) == 0
    assert "not valid UTF-8" in capsys.readouterr().out
    assert main(["fix", "--filters", "encoding", "legacy.txt"]) == 1
    assert legacy.read_bytes() == "Café é\n".encode()


def test_a_bad_table_stops_every_command_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _pyproject(tmp_path, "[tool.newsclean]\nfilterz = []\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    for argv in (["clean", "a.txt"], ["fix", "a.txt"], ["batch", "a.txt", "-o", "b.jsonl"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "unknown key 'tool.newsclean.filterz'" in err
