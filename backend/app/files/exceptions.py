"""What can go wrong with a file, in words the person uploading it understands."""

from app.core.errors import AppError


def _megabytes(size_bytes: int) -> str:
    return f"{size_bytes / (1024 * 1024):g} MB"


class FileNotFound(AppError):
    status_code = 404
    default_message = "File not found."


class MissingFile(AppError):
    status_code = 400
    default_message = "No file was sent. Upload it as multipart/form-data in a field named 'file'."


class FileTooLarge(AppError):
    status_code = 413
    default_message = "The file is too large."

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            f"The file is larger than the {_megabytes(limit_bytes)} limit. "
            "Upload a smaller file, or compress it as .csv.gz."
        )


class DecompressedTooLarge(AppError):
    status_code = 413
    default_message = "The compressed file expands to more data than is allowed."

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            f"The compressed file expands to more than {_megabytes(limit_bytes)}, "
            "the most a .gz upload may contain. Upload a smaller file."
        )


class UnsupportedFileType(AppError):
    status_code = 415
    default_message = (
        "Only CSV files can be uploaded: .csv, .tsv or .txt, optionally compressed as .gz."
    )


class EmptyFile(AppError):
    status_code = 422
    default_message = "The file is empty. Choose a CSV file with a header row and data."


class NoDataRows(AppError):
    status_code = 422
    default_message = "The file has a header row but no data rows."


class BinaryFile(AppError):
    status_code = 422
    default_message = (
        "This is not a text file (it contains binary data). Export the data as CSV and try again."
    )


class UnknownEncoding(AppError):
    status_code = 422
    default_message = (
        "The file's text encoding could not be recognised. Save it as UTF-8 (or Windows-1252) "
        "and try again."
    )


class TooManyColumns(AppError):
    status_code = 422
    default_message = "The file has too many columns."

    def __init__(self, *, column_count: int, limit: int) -> None:
        super().__init__(
            f"The file has {column_count:,} columns; at most {limit:,} are supported. "
            "Remove the columns you do not need and try again."
        )


class LineTooLong(AppError):
    status_code = 422
    default_message = "A line of the file is too long."

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            f"A line of the file is longer than {_megabytes(limit_bytes)}, the most a row may "
            "hold. Check that the file really is a CSV file with one record per line."
        )


class UnreadableCsv(AppError):
    status_code = 422
    default_message = "The file could not be read as CSV."

    def __init__(self, reason: str) -> None:
        super().__init__(f"The file could not be read as CSV: {reason}")


class UploadIncomplete(AppError):
    status_code = 400
    default_message = "The upload ended before the whole file arrived. Please try again."
