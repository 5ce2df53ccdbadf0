"""AWS Bedrock Converse / ConverseStream. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from .adapter import BedrockAdapter

__all__ = ["BedrockAdapter"]
