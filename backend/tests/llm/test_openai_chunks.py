from app.llm.base import Usage
from app.llm.openai_chunks import Chunk, read_chunk


def test_text_and_finish_reason_are_read_from_every_choice() -> None:
    raw = {
        "choices": [
            {"index": 0, "delta": {"content": "Hello"}, "finish_reason": None},
            {"index": 1, "delta": {"content": " world"}, "finish_reason": "stop"},
        ]
    }
    assert read_chunk(raw) == Chunk(text="Hello world", finished=True, usage=None)


def test_the_usage_chunk_has_no_choices() -> None:
    raw = {"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 7}}
    assert read_chunk(raw) == Chunk(
        text="", finished=False, usage=Usage(input_tokens=12, output_tokens=7)
    )


def test_odd_shapes_from_compatible_servers_read_as_absent() -> None:
    odd: list[object] = [
        None,
        "text",
        [],
        {"choices": "x"},
        {"choices": [None, 3, {"delta": None}, {"delta": {"content": 5}}]},
        {"usage": {"prompt_tokens": "12", "completion_tokens": -1}},
    ]
    for raw in odd:
        chunk = read_chunk(raw)
        assert chunk.text == ""
        assert chunk.finished is False
    assert read_chunk({"usage": {"prompt_tokens": True}}).usage == Usage(
        input_tokens=0, output_tokens=0
    )
