"""File names from uploads, made safe to store on any file system."""

from pathlib import PurePosixPath

# Most file systems allow 255 bytes per name; leave room for the suffix Django adds to
# make a name unique ("_a1B2c3D") and for multi-byte characters cut in half.
MAX_NAME_BYTES = 150


def short_file_name(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """The name without folders, shortened to ``max_bytes`` of UTF-8 with its extension kept."""
    name = PurePosixPath(name.replace("\\", "/")).name.replace("\x00", "") or "file"
    if len(name.encode()) <= max_bytes:
        return name
    path = PurePosixPath(name)
    suffix = path.suffix if len(path.suffix.encode()) <= 16 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room = max_bytes - len(suffix.encode())
    stem = stem.encode()[:room].decode(errors="ignore")  # never half a character
    return stem + suffix
