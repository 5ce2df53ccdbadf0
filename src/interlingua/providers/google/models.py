"""Gemini generateContent wire types (camelCase REST JSON), after google-genai's types. https://ai.google.dev/api/generate-content"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import with_config
from typing_extensions import NotRequired, TypedDict

from ..base import WIRE_CONFIG

# --- parts ----------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class Blob(TypedDict):
    mimeType: NotRequired[str]
    data: str  # base64
    displayName: NotRequired[str]


@with_config(WIRE_CONFIG)
class FileData(TypedDict):
    mimeType: NotRequired[str]
    fileUri: str
    displayName: NotRequired[str]


@with_config(WIRE_CONFIG)
class FunctionCall(TypedDict):
    id: NotRequired[str]
    name: str
    args: NotRequired[dict[str, Any]]
    partialArgs: NotRequired[list[dict[str, Any]]]
    willContinue: NotRequired[bool]


@with_config(WIRE_CONFIG)
class FunctionResponsePart(TypedDict, total=False):
    inlineData: Blob
    fileData: FileData


@with_config(WIRE_CONFIG)
class FunctionResponse(TypedDict):
    id: NotRequired[str]
    name: str
    response: dict[str, Any]
    parts: NotRequired[list[FunctionResponsePart]]
    willContinue: NotRequired[bool]
    scheduling: NotRequired[Literal["SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE", "INTERRUPT"]]


@with_config(WIRE_CONFIG)
class ExecutableCode(TypedDict):
    language: NotRequired[str]
    code: str
    id: NotRequired[str]


@with_config(WIRE_CONFIG)
class CodeExecutionResult(TypedDict):
    outcome: NotRequired[str]
    output: NotRequired[str]
    id: NotRequired[str]


@with_config(WIRE_CONFIG)
class VideoMetadata(TypedDict, total=False):
    startOffset: str
    endOffset: str
    fps: float


@with_config(WIRE_CONFIG)
class Part(TypedDict, total=False):
    """One part: exactly one of the data keys, plus ``thought``, ``thoughtSignature`` and
    per-part media settings."""

    text: str
    thought: bool
    thoughtSignature: str
    inlineData: Blob
    fileData: FileData
    functionCall: FunctionCall
    functionResponse: FunctionResponse
    executableCode: ExecutableCode
    codeExecutionResult: CodeExecutionResult
    videoMetadata: VideoMetadata
    mediaResolution: dict[str, Any]
    partMetadata: dict[str, Any]


@with_config(WIRE_CONFIG)
class Content(TypedDict, total=False):
    role: Literal["user", "model"]
    parts: list[Part]


@with_config(WIRE_CONFIG)
class SystemContent(TypedDict, total=False):
    """``systemInstruction``: a Content whose role, if any, is not checked by the API."""

    role: str
    parts: list[Part]


# --- tools ----------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class FunctionDeclaration(TypedDict):
    name: str
    description: NotRequired[str]
    parameters: NotRequired[dict[str, Any]]
    parametersJsonSchema: NotRequired[Any]
    response: NotRequired[dict[str, Any]]
    responseJsonSchema: NotRequired[Any]
    behavior: NotRequired[Literal["UNSPECIFIED", "BLOCKING", "NON_BLOCKING"]]


@with_config(WIRE_CONFIG)
class Tool(TypedDict, total=False):
    functionDeclarations: list[FunctionDeclaration]
    googleSearch: dict[str, Any]
    googleSearchRetrieval: dict[str, Any]
    codeExecution: dict[str, Any]
    urlContext: dict[str, Any]
    fileSearch: dict[str, Any]
    computerUse: dict[str, Any]
    googleMaps: dict[str, Any]
    retrieval: dict[str, Any]
    enterpriseWebSearch: dict[str, Any]
    parallelAiSearch: dict[str, Any]
    exaAiSearch: dict[str, Any]
    mcpServers: list[dict[str, Any]]


@with_config(WIRE_CONFIG)
class FunctionCallingConfig(TypedDict, total=False):
    mode: Literal["MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED"]
    allowedFunctionNames: list[str]
    streamFunctionCallArguments: bool


@with_config(WIRE_CONFIG)
class ToolConfig(TypedDict, total=False):
    functionCallingConfig: FunctionCallingConfig
    retrievalConfig: dict[str, Any]
    includeServerSideToolInvocations: bool


# --- generation config ----------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class ThinkingConfig(TypedDict, total=False):
    includeThoughts: bool
    thinkingBudget: int
    thinkingLevel: Literal[
        "THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH", "XHIGH"
    ]


@with_config(WIRE_CONFIG)
class GenerationConfig(TypedDict, total=False):
    temperature: float
    topP: float
    topK: float
    candidateCount: int
    maxOutputTokens: int
    stopSequences: list[str]
    seed: int
    presencePenalty: float
    frequencyPenalty: float
    responseLogprobs: bool
    logprobs: int
    responseMimeType: str
    responseSchema: dict[str, Any]
    responseJsonSchema: Any
    thinkingConfig: ThinkingConfig
    responseModalities: list[str]
    speechConfig: dict[str, Any]
    mediaResolution: str
    enableEnhancedCivicAnswers: bool
    imageConfig: dict[str, Any]


@with_config(WIRE_CONFIG)
class SafetySetting(TypedDict):
    category: str
    threshold: str
    method: NotRequired[str]


@with_config(WIRE_CONFIG)
class GenerateContentRequest(TypedDict):
    """The REST body of ``models/{model}:generateContent`` (the model is in the URL)."""

    model: NotRequired[str]
    contents: list[Content]
    systemInstruction: NotRequired[SystemContent]
    tools: NotRequired[list[Tool]]
    toolConfig: NotRequired[ToolConfig]
    generationConfig: NotRequired[GenerationConfig]
    safetySettings: NotRequired[list[SafetySetting]]
    cachedContent: NotRequired[str]
    labels: NotRequired[dict[str, str]]
    serviceTier: NotRequired[str]


# --- response -------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class ModalityTokenCount(TypedDict, total=False):
    modality: str
    tokenCount: int


@with_config(WIRE_CONFIG)
class UsageMetadata(TypedDict, total=False):
    promptTokenCount: int
    cachedContentTokenCount: int
    candidatesTokenCount: int
    thoughtsTokenCount: int
    toolUsePromptTokenCount: int
    totalTokenCount: int
    promptTokensDetails: list[ModalityTokenCount]
    cacheTokensDetails: list[ModalityTokenCount]
    candidatesTokensDetails: list[ModalityTokenCount]
    toolUsePromptTokensDetails: list[ModalityTokenCount]
    trafficType: str
    serviceTier: str


@with_config(WIRE_CONFIG)
class CitationSource(TypedDict, total=False):
    startIndex: int
    endIndex: int
    uri: str
    title: str
    license: str
    publicationDate: dict[str, Any]


@with_config(WIRE_CONFIG)
class CitationMetadata(TypedDict, total=False):
    citations: list[CitationSource]


@with_config(WIRE_CONFIG)
class Candidate(TypedDict, total=False):
    content: Content
    finishReason: str
    finishMessage: str
    index: int
    safetyRatings: list[dict[str, Any]]
    citationMetadata: CitationMetadata
    groundingMetadata: dict[str, Any]
    urlContextMetadata: dict[str, Any]
    avgLogprobs: float
    logprobsResult: dict[str, Any]
    tokenCount: int


@with_config(WIRE_CONFIG)
class PromptFeedback(TypedDict, total=False):
    blockReason: str
    blockReasonMessage: str
    safetyRatings: list[dict[str, Any]]


@with_config(WIRE_CONFIG)
class GenerateContentResponse(TypedDict, total=False):
    """A response, and each chunk of ``streamGenerateContent?alt=sse``."""

    candidates: list[Candidate]
    promptFeedback: PromptFeedback
    usageMetadata: UsageMetadata
    modelVersion: str
    responseId: str
    createTime: str
    modelStatus: dict[str, Any]


@with_config(WIRE_CONFIG)
class Status(TypedDict):
    code: NotRequired[int]
    message: NotRequired[str]
    status: NotRequired[str]
    details: NotRequired[list[dict[str, Any]]]


@with_config(WIRE_CONFIG)
class ErrorEvent(TypedDict):
    """An error sent in place of a chunk (``{"error": google.rpc.Status}``)."""

    error: Status
