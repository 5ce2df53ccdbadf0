"""The command line: each command, its output and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interlingua._cli import main

PAYLOADS = Path(__file__).resolve().parent.parent / "payloads"
EXAMPLE = PAYLOADS / "corpus/snapshots/toolCallRequest/chat-completions/followup-request.json"


def test_translate_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "--to", "anthropic", str(EXAMPLE)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["messages"][-1]["content"][0]["type"] == "tool_result"


def test_detect(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "chat-completions request"


def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    assert main(["translate", "--to", "anthropic", str(bad)]) == 2
    assert "invalid JSON" in capsys.readouterr().err
    assert main(["detect", str(tmp_path / "missing.json")]) == 2


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["translate", "--to", "cohere", str(EXAMPLE)])
    assert info.value.code == 2


def test_strict_fails_on_loss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lossy = tmp_path / "audio.json"
    lossy.write_text(
        json.dumps(
            {
                "model": "gpt-5",
                "messages": [
                    {
                        "role": "user",
                        "content": [
                            {
                                "type": "input_audio",
                                "input_audio": {"data": "AAAA", "format": "wav"},
                            }
                        ],
                    }
                ],
            }
        )
    )
    assert main(["translate", "--strict", "--to", "anthropic", str(lossy)]) == 1
    assert "cannot express" in capsys.readouterr().err


def test_roundtrip_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "anthropic" / "case"
    case.mkdir(parents=True)
    src = PAYLOADS / "corpus/snapshots/toolCallRequest/anthropic"
    for name in ("request.json", "response.json"):
        (case / name).write_bytes((src / name).read_bytes())
    (case / "stream.json").write_bytes((src / "response-streaming.json").read_bytes())
    assert main(["roundtrip", str(tmp_path)]) == 0
    assert "3 passed, 0 failed" in capsys.readouterr().out


def test_stream_command_and_module_entry_point() -> None:
    events = json.loads(
        (
            PAYLOADS / "corpus/snapshots/toolCallRequest/anthropic/response-streaming.json"
        ).read_text()
    )
    sse = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    done = subprocess.run(
        [sys.executable, "-m", "interlingua", "stream", "--to", "chat-completions"],
        input=sse.encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(b"data: [DONE]\n\n")
