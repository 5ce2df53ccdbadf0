"""Nothing in the library fetches a URL, reads a file or evaluates anything from a payload.

A static check over src/: no network, process or deserialisation modules, no eval/exec, and file
access only in the command-line tools, which read the files the user names on the command line.
A behavioural check: URLs in payloads (images, documents) pass through as text, even to a target
that cannot take them, with sockets disabled.
"""

from __future__ import annotations

import ast
import socket
import warnings
from pathlib import Path

import pytest

from interlingua import translate

SRC = Path(__file__).resolve().parent.parent / "src" / "interlingua"
FORBIDDEN_MODULES = {
    "urllib",
    "http",
    "socket",
    "requests",
    "httpx",
    "httpx2",
    "subprocess",
    "pickle",
    "shelve",
    "marshal",
    "ftplib",
    "smtplib",
    "ssl",
    "aiohttp",
}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "open"}
#: the CLI reads the files named on its command line; nothing else touches the file system
FILE_READERS = {"_cli.py", "_roundtrip.py"}


def _modules(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_network_process_or_eval(path: Path) -> None:
    tree = ast.parse(path.read_text())
    assert not _modules(tree) & FORBIDDEN_MODULES
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert not calls & FORBIDDEN_CALLS
    if path.name not in FILE_READERS:
        attrs = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not attrs & {"read_bytes", "read_text", "write_bytes", "write_text"}


def test_urls_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("interlingua tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    request = {
        "model": "gpt-5",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
                    {"type": "text", "text": "What is this?"},
                ],
            }
        ],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for target in ("anthropic", "responses", "google", "bedrock"):
            out = translate(request, target, model="m")
            assert "example.com" in str(out) or target == "bedrock"  # Bedrock: a reported loss
