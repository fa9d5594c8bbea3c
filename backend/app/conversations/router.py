import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from sse_starlette import EventSourceResponse

from app.auth.dependencies import CurrentUser
from app.conversations import messages, replies, service, streaming
from app.conversations.dependencies import AskerDep, OwnedConversation
from app.conversations.schemas import (
    ConversationCreate,
    ConversationDetail,
    ConversationsPublic,
    ConversationUpdate,
    MessageCreate,
    MessagesPublic,
)
from app.core.db import SessionDep, SessionFactoryDep
from app.core.errors import error_responses
from app.execution.dependencies import SandboxDep
from app.files.dependencies import FileStorageDep, OwnedFile

MAX_PAGE_SIZE = 100
MAX_MESSAGES_PAGE_SIZE = 500
MAX_OFFSET = 2**31 - 1  # beyond any real table, and within what PostgreSQL's OFFSET accepts

# The reply streams as server-sent events; their list is conversations.streaming's docstring.
EVENT_STREAM: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The reply as server-sent events: message_start, delta, code_block, usage, "
        "title, done or error (see the backend's conversations/streaming.py).",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}

router = APIRouter(prefix="/conversations", tags=["conversations"])


@router.get("/", responses=error_responses(401, 403))
async def list_conversations(
    session: SessionDep,
    user: CurrentUser,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = MAX_PAGE_SIZE,
    q: Annotated[
        str | None, Query(max_length=255, description="Part of the title or of a message")
    ] = None,
) -> ConversationsPublic:
    """The logged-in user's conversations, most recently active first."""
    return await service.list_conversations(session, owner=user, skip=skip, limit=limit, search=q)


@router.post("/", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 404))
async def create_conversation(
    session: SessionDep, user: CurrentUser, body: ConversationCreate
) -> ConversationDetail:
    """Start a conversation, optionally with a title, files and a choice of key and model."""
    conversation = await service.create_conversation(session, owner=user, data=body)
    return await service.read_conversation(session, conversation=conversation)


@router.get("/{conversation_id}", responses=error_responses(401, 403, 404))
async def read_conversation(
    session: SessionDep, conversation: OwnedConversation
) -> ConversationDetail:
    """One conversation with its attached files."""
    return await service.read_conversation(session, conversation=conversation)


@router.patch("/{conversation_id}", responses=error_responses(401, 403, 404))
async def update_conversation(
    session: SessionDep,
    user: CurrentUser,
    conversation: OwnedConversation,
    body: ConversationUpdate,
) -> ConversationDetail:
    """Rename a conversation, or change its key and model."""
    updated = await service.update_conversation(
        session, owner=user, conversation=conversation, data=body
    )
    return await service.read_conversation(session, conversation=updated)


@router.delete(
    "/{conversation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 404),
)
async def delete_conversation(session: SessionDep, conversation: OwnedConversation) -> None:
    """Delete a conversation and its messages (attached files stay in Files)."""
    await service.delete_conversation(session, conversation=conversation)


@router.get("/{conversation_id}/messages", responses=error_responses(401, 403, 404))
async def list_messages(
    session: SessionDep,
    conversation: OwnedConversation,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_MESSAGES_PAGE_SIZE)] = MAX_MESSAGES_PAGE_SIZE,
) -> MessagesPublic:
    """The conversation's messages, oldest first."""
    return await messages.list_messages(session, conversation=conversation, skip=skip, limit=limit)


@router.post(
    "/{conversation_id}/messages",
    response_class=EventSourceResponse,
    responses={**EVENT_STREAM, **error_responses(400, 401, 403, 404)},
)
async def stream_reply(
    session: SessionDep,
    sessions: SessionFactoryDep,
    sandbox: SandboxDep,
    storage: FileStorageDep,
    asker: AskerDep,
    body: MessageCreate,
) -> EventSourceResponse:
    """Ask a question; the question is stored, then the reply streams back as server-sent events."""
    reply = await replies.start_reply(
        session,
        asker=asker,
        content=body.content,
        api_key_id=body.api_key_id,
        model=body.model,
    )
    return streaming.event_stream(reply, sessions=sessions, sandbox=sandbox, storage=storage)


@router.post(
    "/{conversation_id}/messages/{message_id}/retry",
    response_class=EventSourceResponse,
    responses={**EVENT_STREAM, **error_responses(400, 401, 403, 404, 409)},
)
async def retry_reply(
    session: SessionDep,
    sessions: SessionFactoryDep,
    sandbox: SandboxDep,
    storage: FileStorageDep,
    asker: AskerDep,
    message_id: uuid.UUID,
) -> EventSourceResponse:
    """Replace the last reply, which failed or was stopped, with a new one (streamed as above)."""
    reply = await replies.retry_reply(session, asker=asker, message_id=message_id)
    return streaming.event_stream(reply, sessions=sessions, sandbox=sandbox, storage=storage)


@router.put("/{conversation_id}/files/{file_id}", responses=error_responses(401, 403, 404))
async def attach_file(
    session: SessionDep, conversation: OwnedConversation, file: OwnedFile
) -> ConversationDetail:
    """Attach one of the user's files to the conversation (already attached: no change)."""
    await service.attach_file(session, conversation=conversation, file=file)
    return await service.read_conversation(session, conversation=conversation)


@router.delete("/{conversation_id}/files/{file_id}", responses=error_responses(401, 403, 404))
async def detach_file(
    session: SessionDep, conversation: OwnedConversation, file: OwnedFile
) -> ConversationDetail:
    """Detach a file from the conversation (the file itself stays in Files)."""
    await service.detach_file(session, conversation=conversation, file=file)
    return await service.read_conversation(session, conversation=conversation)
