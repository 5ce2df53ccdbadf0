"""Validates payloads written in the Responses format against the openai SDK's own types."""

from __future__ import annotations

from typing import Any

from interlingua import Kind

from .sdk_types import check_model, check_typed_dict


def validate(kind: Kind, payload: dict[str, Any]) -> list[str]:
    """Errors of ``payload`` against the openai SDK's Responses types (empty when valid)."""
    from openai.types.responses import Response, ResponseStreamEvent, response_create_params

    if kind is Kind.REQUEST:
        tp = (
            response_create_params.ResponseCreateParamsStreaming
            if payload.get("stream")
            else response_create_params.ResponseCreateParamsNonStreaming
        )
        return check_typed_dict(payload, tp)
    if kind is Kind.RESPONSE:
        return check_model(payload, Response)
    if payload.get("type") == "keepalive":
        # NOTE: the API sends keepalive events that the SDK's event union does not list.
        extra = set(payload) - {"type", "sequence_number"}
        return [f"$.{k}: not a field of a keepalive event" for k in sorted(extra)]
    return check_model(payload, ResponseStreamEvent)
