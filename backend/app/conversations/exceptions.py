from app.core.errors import AppError


class ConversationNotFound(AppError):
    status_code = 404
    default_message = "Conversation not found."


class MessageNotFound(AppError):
    status_code = 404
    default_message = "Message not found."


class NoModelAvailable(AppError):
    status_code = 400
    default_message = (
        "This key has no model to use yet. Pick a model, or check the key again in "
        "Settings → API keys so its models are listed."
    )


class ReplyNotRetryable(AppError):
    status_code = 409
    default_message = (
        "Only the latest reply can be retried, and only when it failed or was stopped."
    )
