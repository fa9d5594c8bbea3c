"""Downloads of the library: one version as a script or a notebook, a conversation's blocks as one
notebook. The files themselves are written by code_blocks.export."""

import re
import unicodedata
from dataclasses import dataclass
from functools import partial

import anyio
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import service, versions
from app.code_blocks.exceptions import ExportNotSupported, NothingToExport
from app.code_blocks.export import ExportBlock, notebook_for, script_for
from app.code_blocks.schemas import ExportFormat
from app.models import CodeBlock, Conversation, Message

MEDIA_TYPES = {"py": "text/x-python", "ipynb": "application/x-ipynb+json"}
MAX_FILE_STEM_CHARS = 60
UNTITLED_CONVERSATION = "Untitled conversation"


@dataclass(frozen=True, slots=True)
class Download:
    content: str
    filename: str
    media_type: str


async def export_code_block(
    session: AsyncSession, *, block: CodeBlock, file_format: ExportFormat, version: int | None
) -> Download:
    """`block`'s entry at `version` (default: `block` itself) as a script or a notebook."""
    chosen = (
        block
        if version is None
        else await versions.get_version(session, block=block, version=version)
    )
    if chosen.language != "python":
        raise ExportNotSupported(chosen.language)
    conversation_title = await service.conversation_title(session, block=chosen)
    exported = _export_block(chosen, conversation_title=conversation_title)
    if file_format == "py":
        content = await anyio.to_thread.run_sync(script_for, exported)
    else:
        content = await anyio.to_thread.run_sync(partial(notebook_for, chosen.title, [exported]))
    return Download(
        content=content,
        filename=f"{_file_stem(chosen.title, fallback='code_block')}_v{chosen.version}.{file_format}",
        media_type=MEDIA_TYPES[file_format],
    )


async def export_conversation(session: AsyncSession, *, conversation: Conversation) -> Download:
    """The latest version of every Python block that came from the conversation, in reply order."""
    query = (
        select(CodeBlock)
        .outerjoin(Message, col(Message.id) == col(CodeBlock.message_id))
        .where(
            col(CodeBlock.conversation_id) == conversation.id,
            col(CodeBlock.user_id) == conversation.user_id,
            col(CodeBlock.is_latest),
            col(CodeBlock.language) == "python",
        )
        .order_by(
            col(Message.created_at).asc().nulls_last(),
            col(CodeBlock.block_index),
            col(CodeBlock.lineage_created_at),
            col(CodeBlock.id),
        )
    )
    blocks = (await session.exec(query)).all()
    if not blocks:
        raise NothingToExport
    title = conversation.title or UNTITLED_CONVERSATION
    exported = [_export_block(block, conversation_title=conversation.title) for block in blocks]
    content = await anyio.to_thread.run_sync(partial(notebook_for, title, exported))
    return Download(
        content=content,
        filename=f"{_file_stem(title, fallback='conversation')}.ipynb",
        media_type=MEDIA_TYPES["ipynb"],
    )


def _export_block(block: CodeBlock, *, conversation_title: str | None) -> ExportBlock:
    return ExportBlock(
        title=block.title,
        description=block.description,
        code=block.code,
        language=block.language,
        version=block.version,
        created_at=block.created_at,
        source=_provenance(block, conversation_title=conversation_title),
    )


def _provenance(block: CodeBlock, *, conversation_title: str | None) -> str:
    """One line saying where the code came from."""
    if block.source == "user":
        return "Saved in the code library"
    if block.conversation_id is None:
        origin = "From a conversation that has since been deleted"
    elif conversation_title:
        origin = f"From the conversation '{conversation_title}'"
    else:
        origin = "From an untitled conversation"
    return f"{origin} ({block.model})" if block.model else origin


def _file_stem(title: str, *, fallback: str) -> str:
    """A file name from the title: ASCII letters, digits and underscores only ("Total by région"
    → "total_by_region"), so it is safe in any header and on any file system."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "_", ascii_title.lower()).strip("_")
    return stem[:MAX_FILE_STEM_CHARS].rstrip("_") or fallback
