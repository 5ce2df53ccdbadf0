"""Which SDK type each format's payloads must satisfy."""

from __future__ import annotations

from typing import Any

from interlingua import Format, Kind

from .sdk_types import check_model, check_typed_dict

# NOTE: the anthropic SDK's request types dropped temperature/top_p/top_k, but recorded payloads
# (corpus temperatureParam, topPParam) show the API accepting them; the payload wins, so these
# three keys are checked here by hand against the documented ranges instead.
_SAMPLING = {"temperature": (0.0, 1.0), "top_p": (0.0, 1.0), "top_k": (0, None)}


def _sampling_errors(body: dict[str, Any]) -> list[str]:
    errors = []
    for key, (low, high) in _SAMPLING.items():
        if key not in body:
            continue
        value = body[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(f"$.{key}: expected a number, got {value!r}")
        elif value < low or (high is not None and value > high):
            errors.append(f"$.{key}: {value} outside [{low}, {high}]")
    return errors


def validate(fmt: Format, kind: Kind, payload: dict[str, Any]) -> list[str]:
    """Errors of ``payload`` against the official SDK's type for ``fmt`` and ``kind``."""
    if fmt is Format.CHAT_COMPLETIONS:
        from openai.types.chat import ChatCompletion, ChatCompletionChunk, completion_create_params
        from openai.types.shared import ErrorObject

        if kind is Kind.REQUEST:
            tp = (
                completion_create_params.CompletionCreateParamsStreaming
                if payload.get("stream")
                else completion_create_params.CompletionCreateParamsNonStreaming
            )
            return check_typed_dict(payload, tp)
        if kind is Kind.RESPONSE:
            return check_model(payload, ChatCompletion)
        if set(payload) == {"error"}:
            # what OpenAI sends when a stream fails mid-way; the SDK raises APIError on it
            return check_model(payload["error"], ErrorObject, "$.error")
        return check_model(payload, ChatCompletionChunk)
    if fmt in (Format.ANTHROPIC, Format.BEDROCK_ANTHROPIC, Format.VERTEX_ANTHROPIC):
        import anthropic.types as at
        from anthropic.types import message_create_params

        if kind is Kind.REQUEST:
            body = dict(payload)
            if fmt is not Format.ANTHROPIC:
                # the cloud bodies put the model in the URL and add anthropic_version
                if "model" in body:
                    return ["$.model: the model belongs in the URL for " + fmt.value]
                version = body.pop("anthropic_version", None)
                expected = (
                    "bedrock-2023-05-31" if fmt is Format.BEDROCK_ANTHROPIC else "vertex-2023-10-16"
                )
                if version != expected:
                    return [f"$.anthropic_version: expected {expected!r}, got {version!r}"]
                body["model"] = "placeholder"
            tp = (
                message_create_params.MessageCreateParamsStreaming
                if body.get("stream")
                else message_create_params.MessageCreateParamsNonStreaming
            )
            errors = _sampling_errors(body)
            return errors + check_typed_dict(
                {k: v for k, v in body.items() if k not in _SAMPLING}, tp
            )
        if kind is Kind.RESPONSE:
            return check_model(payload, at.Message)
        # the SSE stream also carries `ping` and `error` events beside RawMessageStreamEvent
        if payload.get("type") == "ping":
            return [] if payload == {"type": "ping"} else [f"$: unexpected ping body {payload}"]
        if payload.get("type") == "error":
            return check_model(payload, at.ErrorResponse)
        return check_model(payload, at.RawMessageStreamEvent)
    # the formats added by later packages keep their validators in tests/sdk_<package>.py
    module = {
        Format.RESPONSES: "sdk_responses",
        Format.GOOGLE: "sdk_google",
        Format.BEDROCK: "sdk_bedrock",
    }
    import importlib

    checker = importlib.import_module(f"tests.{module[fmt]}")
    errors: list[str] = checker.validate(kind, payload)
    return errors
